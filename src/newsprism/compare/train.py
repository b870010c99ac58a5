"""Learn the in-cluster judge (``compare.judge``) from the tune half of the judged gold set.

    python -m newsprism.compare.train CLUSTERS.jsonl --gold bench/compare_gold/judgments

Each tune cluster is analysed and its statement pairs scored exactly as a briefing does
(``compare.pair_evidence``); every judged pair that reaches the judge in a briefing (a candidate
that shares more than names and whose actors do not clash) becomes a row of ``JUDGE_FEATURES``
with its label (``same`` or not). A logistic regression is cross-validated leaving one cluster
out; the threshold is the lowest whose out-of-fold precision reaches ``PRECISION`` (a false
corroboration is worse than a missed one), then the model is fit on all rows. The held-out half
is never read.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.compare.align import judge
from newsprism.compare.judge import ARTIFACT, JUDGE_FEATURES, Judge
from newsprism.relation.model import LinearModel

PRECISION = 0.95
C = 1.0  # inverse regularisation strength of the logistic regression


def cluster_rows(articles: Sequence[Any], gold_path: Path) -> tuple[np.ndarray, np.ndarray]:
    """Feature rows and same-fact labels of one cluster's judged pairs that reach the judge."""
    from newsprism.analyse import analyse_articles, resolve_entities
    from newsprism.analyse.resolve import name_speakers
    from newsprism.compare import pair_evidence
    from newsprism.embed import load_encoder
    from newsprism.evaluate.compare import load_gold, loc, overlaps

    analyses = list(analyse_articles(articles))
    entities = resolve_entities(m for a in analyses for m in a.mentions)
    quotes = name_speakers((q for a in analyses for q in a.quotes), entities)
    statements = [s for a in analyses for s in a.statements]
    encoder = load_encoder()
    embeddings = encoder.encode([s.text for s in statements])
    evidence = pair_evidence(analyses, quotes, entities, embeddings,
                             encoder.encode([q.text for q in quotes]))
    gold = load_gold(gold_path, {a.id: a for a in articles})
    where = [loc(s) for s in statements]

    def statement_at(at: tuple[str, int, int]) -> int | None:
        fit, index = max(((overlaps(at, w), n) for n, w in enumerate(where)), default=(0, None))
        return index if fit >= 0.5 else None

    labelled: dict[tuple[int, int], bool] = {}
    for pair in gold.pairs:
        i, j = statement_at(pair.a), statement_at(pair.b)
        if i is not None and j is not None and statements[i].doc != statements[j].doc:
            labelled[(min(i, j), max(i, j))] = pair.label == "same"
    reach = [p for p in labelled if evidence.judgeable(*p)]
    judge(statements, embeddings, evidence, set(reach))
    if not reach:
        return np.zeros((0, len(JUDGE_FEATURES))), np.zeros(0, dtype=bool)
    first, second = (np.array(side) for side in zip(*reach, strict=True))
    return evidence.features(first, second), np.array([labelled[p] for p in reach])


def fit_linear(X: np.ndarray, y: np.ndarray) -> LinearModel:
    from sklearn.linear_model import LogisticRegression

    mean, scale = X.mean(axis=0), X.std(axis=0)
    scale[scale == 0] = 1.0
    clf = LogisticRegression(C=C, max_iter=1000).fit((X - mean) / scale, y)
    return LinearModel(mean, scale, clf.coef_[0], float(clf.intercept_[0]))


def precise_threshold(probs: np.ndarray, y: np.ndarray, target: float = PRECISION) -> float:
    """The lowest threshold whose precision (over pairs at or above it) reaches ``target``."""
    for threshold in np.arange(0.05, 1.0, 0.01):
        called = probs >= threshold
        if called.sum() >= 5 and y[called].mean() >= target:
            return float(round(threshold, 2))
    return 1.0


def train_judge(clusters_path: Path, gold_path: Path) -> tuple[Judge, dict[str, Any]]:
    from newsprism.evaluate.compare import read_clusters

    rows, labels, groups = [], [], []
    clusters = read_clusters(clusters_path, "tune")
    for item, articles in clusters:
        X, y = cluster_rows(articles, gold_path)
        rows.append(X)
        labels.append(y)
        groups += [item["cluster"]] * len(y)
    X, y, group = np.vstack(rows), np.concatenate(labels), np.array(groups)
    out_of_fold = np.zeros(len(y))
    for name in dict.fromkeys(group):
        held = group == name
        if y[~held].all() or not y[~held].any():
            continue
        out_of_fold[held] = fit_linear(X[~held], y[~held]).predict_positive(X[held])
    threshold = precise_threshold(out_of_fold, y)
    called = out_of_fold >= threshold
    relation = X[:, JUDGE_FEATURES.index("same_fact")]
    from newsprism.relation import load_relation_model

    relation_yes = relation >= load_relation_model().same_fact_threshold
    report = {
        "clusters": sorted(set(group)), "pairs": len(y), "same": int(y.sum()),
        "threshold": threshold,
        "out_of_fold_precision": round(float(y[called].mean()), 3) if called.any() else None,
        "out_of_fold_recall": round(float(y[called].sum() / max(y.sum(), 1)), 3),
        "relation_model_precision": round(float(y[relation_yes].mean()), 3)
        if relation_yes.any() else None,
        "relation_model_recall": round(float(y[relation_yes].sum() / max(y.sum(), 1)), 3),
    }
    return Judge(fit_linear(X, y), threshold, report), report


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("clusters", type=Path, help="CLUSTERS.jsonl (newsprism.evaluate.compare "
                        "export); only its tune half is read")
    parser.add_argument("--gold", type=Path, required=True, help="judged pairs (file or folder)")
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name(ARTIFACT))
    args = parser.parse_args(argv)
    model, report = train_judge(args.clusters, args.gold)
    args.out.write_text(json.dumps(model.as_dict(), indent=1) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=1))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
