"""Learn the in-cluster judge (``compare.judge``) from the tune half of the judged gold set.

    python -m newsprism.compare.train CLUSTERS.jsonl --gold bench/compare_gold/judgments

Each tune cluster is analysed and its statement pairs scored exactly as a briefing does
(``compare.pair_evidence``). Its rows (``cluster_rows``): every judged pair that reaches the judge
in a briefing (a candidate that shares more than names and whose actors do not clash), labelled
``same`` or not, and every other candidate that reaches it, a mined hard negative weighing
``--negatives`` (none by default). A logistic regression over ``FEATURES`` is fit on them
(``--model``: or one over their pairwise products, or monotonic boosted trees; neither beat it out
of fold, docs/experiments.md "recall7"). Its threshold and predicate band are given, not set here
from the pairs: claims group pairs, so a pair's precision is not a claim's. ``bench/judge_cv.py``
chooses them leaving one cluster out END TO END (each left-out cluster briefed and scored as
``newsprism eval compare`` scores it), for corroborated precision out of fold at 97% or more (a
false corroboration is worse than a missed one). The held-out half is never read.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from newsprism.compare.align import judge, parse_asserted
from newsprism.compare.judge import (
    ARTIFACT,
    FIRST_FEATURES,
    JUDGE_FEATURES,
    MODELS,
    Boosted,
    Judge,
    Model,
    Pairwise,
    pairwise,
)
from newsprism.model import Analysis, Entity, Quote
from newsprism.relation.model import LinearModel

C = 1.0  # inverse regularisation strength of the logistic regression
# The shipped judge's recipe, chosen with ``bench/judge_cv.py`` over the tune clusters (docs/
# experiments.md, "judge3", "recall3", "recall4", "integrator, session 17"). The cosine's rank
# (recall4) made one wrong claim fewer out of fold on 28 clusters, but a cluster of a few
# statements gives every pair a top rank: three one-sentence reports of a strike and of the
# return to work were corroborated. Not taken.
FEATURES = FIRST_FEATURES
NEGATIVE_WEIGHT = 0.0
THRESHOLD = 0.95
BAND = 0.6
MODEL = "linear"  # ``compare.judge.MODELS``
# The way each feature is known to move the judge (+1: more of it says "one proposition" more,
# -1 less), the trees' monotonic constraints; every feature of ``JUDGED`` has one, so a judge's
# best case is at a corner of their ranges (``Judge.best_case``). The others are left free:
# what a figure, an actor or the length ratio means is what the interactions are for.
DIRECTIONS = {"same_fact": 1, "cosine": 1, "shared_words": 1, "covered_least": 1,
              "covered_most": 1, "mutual": 1, "same_predicate": 1, "denies": -1,
              "contained": 1, "clause_same_fact": 1}
# Small trees, slowly learned, on a few thousand rows; leaves of at least 20 pairs
BOOSTING = {"max_iter": 150, "learning_rate": 0.05, "max_leaf_nodes": 8, "max_depth": 3,
            "min_samples_leaf": 20, "l2_regularization": 1.0}


@dataclass(frozen=True)
class ClusterRows:
    """One cluster as compare sees it, and the rows it gives the judge: its judged pairs that
    reach the judge, labelled by the gold, and its mined hard negatives (``mined``)."""

    analyses: list[Analysis]
    quotes: list[Quote]
    entities: list[Entity]
    embeddings: np.ndarray
    X: np.ndarray
    y: np.ndarray  # same fact?
    mined: np.ndarray  # True: a candidate the gold does not judge, taken as a different fact


def cluster_rows(analyses: list[Analysis], gold_path: Path) -> ClusterRows:
    """The rows of one analysed cluster: every judged pair that reaches the judge in a briefing
    (a candidate that shares more than names and whose actors do not clash), and every other
    candidate that does (each statement's best match in each other article, sharing rare words
    beyond the names): in-cluster near misses on one topic. The gold judges most pairs the
    system proposed, so an unjudged candidate is taken as a different fact."""
    from newsprism.analyse import resolve_entities
    from newsprism.analyse.resolve import name_speakers
    from newsprism.compare import pair_evidence
    from newsprism.embed import load_encoder
    from newsprism.evaluate.compare import load_gold, loc, overlaps

    entities = resolve_entities(m for a in analyses for m in a.mentions)
    quotes = name_speakers((q for a in analyses for q in a.quotes), entities)
    statements = [s for a in analyses for s in a.statements]
    encoder = load_encoder()
    embeddings = encoder.encode([s.text for s in statements])
    evidence = pair_evidence(analyses, quotes, entities, embeddings,
                             encoder.encode([q.text for q in quotes]))
    gold = load_gold(gold_path, {a.article.id: a.article for a in analyses})
    where = [loc(s) for s in statements]

    def statement_at(at: tuple[str, int, int]) -> int | None:
        fit, index = max(((overlaps(at, w), n) for n, w in enumerate(where)), default=(0, None))
        return index if fit >= 0.5 else None

    labelled: dict[tuple[int, int], bool] = {}
    for pair in gold.pairs:
        i, j = statement_at(pair.a), statement_at(pair.b)
        if i is not None and j is not None and statements[i].doc != statements[j].doc:
            labelled[(min(i, j), max(i, j))] = pair.label == "same"
    candidates = {(min(i, j), max(i, j)) for (i, _), j in evidence.best.items()}
    reach = [p for p in labelled if evidence.judgeable(*p)]
    mined = sorted(p for p in candidates - labelled.keys() if evidence.judgeable(*p))
    pairs = reach + mined
    # every pair's P(same fact) and verdict, also those the shipped judge could not link
    judge(statements, embeddings, evidence, set(pairs), prune=False)
    if pairs:
        first, second = (np.array(side) for side in zip(*pairs, strict=True))
        parse_asserted(statements, evidence, {*first.tolist(), *second.tolist()})
        X = evidence.features(first, second)
    else:
        X = np.zeros((0, len(JUDGE_FEATURES)))
    return ClusterRows(analyses, list(quotes), list(entities), embeddings, X,
                       np.array([labelled.get(p, False) for p in pairs], dtype=bool),
                       np.array([p not in labelled for p in pairs], dtype=bool))


def training_set(clusters: Sequence[ClusterRows], negative_weight: float
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows, labels and weights over ``clusters``: a mined negative weighs ``negative_weight``
    (it is unjudged), a judged pair 1."""
    X = np.vstack([c.X for c in clusters])
    y = np.concatenate([c.y for c in clusters])
    mined = np.concatenate([c.mined for c in clusters])
    return X, y, np.where(mined, negative_weight, 1.0)


def fit_model(kind: str, X: np.ndarray, y: np.ndarray, weights: np.ndarray,
              features: Sequence[str]) -> Model:
    """A judge's model of ``kind`` (``compare.judge.MODELS``) over the columns ``features``."""
    if kind == "linear":
        return fit_linear(X, y, weights)
    if kind == "pairwise":
        return Pairwise(fit_linear(pairwise(X), y, weights))
    return fit_trees(X, y, weights, features)


def fit_trees(X: np.ndarray, y: np.ndarray, weights: np.ndarray, features: Sequence[str]
              ) -> Boosted:
    """Boosted trees, monotonic where a feature's direction is known (``DIRECTIONS``), checked
    against scikit-learn after export."""
    from newsprism.relation.train import check_export, export_trees, make_boosting

    keep = weights > 0
    clf = make_boosting(**BOOSTING, monotonic_cst=[DIRECTIONS.get(f, 0) for f in features])
    clf.fit(X[keep], y[keep], sample_weight=weights[keep])
    trees = export_trees(clf)
    check_export(clf, trees, X)
    return Boosted(trees)


def fit_linear(X: np.ndarray, y: np.ndarray, weights: np.ndarray | None = None) -> LinearModel:
    from sklearn.linear_model import LogisticRegression

    keep = weights > 0 if weights is not None else np.ones(len(y), dtype=bool)
    X, y = X[keep], y[keep]
    mean, scale = X.mean(axis=0), X.std(axis=0)
    scale[scale == 0] = 1.0
    clf = LogisticRegression(C=C, max_iter=1000).fit(
        (X - mean) / scale, y, sample_weight=None if weights is None else weights[keep])
    return LinearModel(mean, scale, clf.coef_[0], float(clf.intercept_[0]))


def train_judge(clusters_path: Path, gold_path: Path, threshold: float = THRESHOLD,
                band: float = BAND, negative_weight: float = NEGATIVE_WEIGHT,
                features: Sequence[str] = FEATURES, out_of_fold: str = "",
                model: str = MODEL) -> Judge:
    """The judge learned on every tune cluster's rows, at the threshold and band given."""
    from newsprism.analyse import analyse_articles
    from newsprism.evaluate.compare import read_clusters

    clusters = read_clusters(clusters_path, "tune")
    rows = [cluster_rows(list(analyse_articles(articles)), gold_path) for _, articles in clusters]
    return learn_judge([item["cluster"] for item, _ in clusters], rows, threshold, band,
                       negative_weight, features, out_of_fold, model)


def learn_judge(names: Sequence[str], rows: Sequence[ClusterRows], threshold: float,
                band: float, negative_weight: float, features: Sequence[str],
                out_of_fold: str = "", model: str = MODEL) -> Judge:
    """The judge learned on the rows of the clusters ``names``; ``out_of_fold``: what
    ``bench/judge_cv.py`` measured for this recipe, kept in its metadata."""
    X, y, weights = training_set(rows, negative_weight)
    mined = weights != 1.0
    report = {"clusters": sorted(names),
              "judged_pairs": int((~mined).sum()), "same": int(y.sum()),
              "mined_negatives": int(mined.sum()), "negative_weight": negative_weight,
              "threshold": threshold, "band": band, "features": list(features), "model": model,
              "chosen_by": "bench/judge_cv.py: one tune cluster left out, end to end",
              "end_to_end_out_of_fold": out_of_fold}
    columns = [JUDGE_FEATURES.index(name) for name in features]
    return Judge(fit_model(model, X[:, columns], y, weights, features), threshold, report,
                 tuple(features), band)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("clusters", type=Path, help="CLUSTERS.jsonl (newsprism.evaluate.compare "
                        "export); only its tune half is read")
    parser.add_argument("--gold", type=Path, required=True, help="judged pairs (file or folder)")
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name(ARTIFACT))
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    parser.add_argument("--band", type=float, default=BAND)
    parser.add_argument("--negatives", type=float, default=NEGATIVE_WEIGHT,
                        help="weight of a mined hard negative (0: judged pairs only)")
    parser.add_argument("--features", nargs="+", default=list(FEATURES),
                        choices=list(JUDGE_FEATURES), help="the features the judge weighs")
    parser.add_argument("--model", default=MODEL, choices=list(MODELS))
    parser.add_argument("--out-of-fold", default="",
                        help="bench/judge_cv.py's figures for this recipe, for the metadata")
    args = parser.parse_args(argv)
    model = train_judge(args.clusters, args.gold, args.threshold, args.band, args.negatives,
                        args.features, args.out_of_fold, args.model)
    args.out.write_text(json.dumps(model.as_dict(), indent=1) + "\n", encoding="utf-8")
    print(json.dumps(model.metadata, indent=1))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
