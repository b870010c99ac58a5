"""Reproduce the shipped relation model from the training splits in ``../shared/data/align_train``.

    python -m newsprism.relation.train [--data DIR] [--out FILE] [--cache DIR]

Same fact is learned on MRPC train plus the news pairs of STS-B train (score >= 3.5: same,
<= 2: different; MSRpar is left out, as its pairs come from MRPC and may include MRPC test
pairs) by boosted trees over the pair features and the in-context token alignment (BERTScore
over MiniLM's word pieces) averaged with a logistic regression over those and the
word-alignment features; stance on FNC-1 train (stances and bodies). Both are
cross-validated first: FNC-1 grouped by body, and by topic so that no scored headline or body
is seen in training (the honest figure, as the competition test's are all new); same fact over
three fold splits, each scored fold judged at a threshold picked on its training folds alone,
reported as mean and standard deviation. The shipped same-fact threshold is the one that
maximises cross-validated MRPC accuracy, and the final models are fit on all of train.
ClaimDiff train (claims of different outlets on one topic, never restatements of each other)
adds negatives, cross-validated by topic: the share of its pairs called the same fact out of
fold is the topical false-positive rate.
Embeddings are cached outside the repository (``--cache``), as embedding the 30,000 FNC-1 body
sentences takes minutes.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import math
import os
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from rich.progress import track

from newsprism.relation.features import (
    ALIGN_FEATURES,
    PAIR_FEATURES,
    STANCE_FEATURES,
    TOKEN_FEATURES,
    alignment_features,
    pair_features,
    profile_text,
    split_text,
    token_alignment_features,
)
from newsprism.relation.model import (
    ARTIFACT,
    STANCES,
    LinearModel,
    SameFactModel,
    TreeEnsemble,
    stance_matrix,
)
from newsprism.relation.scores import same_fact_scores, stance_scores

DEFAULT_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "align_train"
IDF_MIN_DF = 2
SAME_SCORE, DIFFERENT_SCORE = 3.5, 2.0  # STS-B: 4 "mostly equivalent", 2 "shares some details"
STSB_WEIGHT = 0.5  # STS-B pairs count half: MRPC is the task the threshold is set on
CLAIMDIFF_WEIGHT = 0.1  # ClaimDiff negatives: enough to learn a changed detail, not to outweigh
BOOSTING = {"max_iter": 200, "learning_rate": 0.05, "max_leaf_nodes": 15,
            "min_samples_leaf": 20, "l2_regularization": 1.0}
CV_SEEDS = (0, 1, 2)  # fold splits the same-fact figures are averaged over
STANCE_FOLDS = 5


@dataclass(frozen=True)
class PairSet:
    a: list[str]
    b: list[str]
    labels: np.ndarray


@dataclass(frozen=True)
class StanceSet:
    headlines: list[str]
    body_ids: np.ndarray
    bodies: dict[int, list[str]]  # body id -> its sentences
    labels: np.ndarray  # indexes into STANCES


def read_mrpc(data: Path) -> PairSet:
    rows = [json.loads(line) for line in (data / "mrpc_train.jsonl").open(encoding="utf-8")]
    return PairSet([r["a"] for r in rows], [r["b"] for r in rows],
                   np.array([r["label"] for r in rows]))


def read_stsb(data: Path) -> PairSet:
    """STS-B train news pairs with a clear label: >= SAME_SCORE the same, <= DIFFERENT_SCORE not."""
    rows = [json.loads(line) for line in (data / "stsb_train.jsonl").open(encoding="utf-8")]
    rows = [r for r in rows if r["genre"] == "main-news" and r["source_file"] != "MSRpar"
            and not DIFFERENT_SCORE < r["label"] < SAME_SCORE]
    return PairSet([r["a"] for r in rows], [r["b"] for r in rows],
                   np.array([int(r["label"] >= SAME_SCORE) for r in rows]))


def read_claimdiff(data: Path) -> tuple[PairSet, np.ndarray]:
    """ClaimDiff train pairs: two outlets' claims on one topic (label: b strengthens a), and
    each pair's topic id."""
    path = data / "claimdiff_strength_train.jsonl"
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    pairs = PairSet([r["a"] for r in rows], [r["b"] for r in rows],
                    np.array([r["label"] for r in rows]))
    return pairs, np.unique([r["topic"] for r in rows], return_inverse=True)[1]


def read_fnc(data: Path) -> StanceSet:
    with (data / "train_bodies.csv").open(encoding="utf-8", newline="") as handle:
        bodies = {int(r["Body ID"]): split_text(r["articleBody"]) for r in csv.DictReader(handle)}
    with (data / "train_stances.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return StanceSet(
        [r["Headline"] for r in rows],
        np.array([int(r["Body ID"]) for r in rows]),
        bodies,
        np.array([STANCES.index(r["Stance"]) for r in rows]),
    )


def embed_cached(texts: Sequence[str], cache: Path) -> dict[str, np.ndarray]:
    """MiniLM vectors of the distinct ``texts``; each text is embedded once and kept in
    ``cache`` (a JSON list of texts beside a matching ``.npy`` array), across runs."""
    from newsprism.embed import load_encoder

    texts_path, vectors_path = cache / "minilm-texts.json", cache / "minilm-vectors.npy"
    known: dict[str, np.ndarray] = {}
    if texts_path.exists() and vectors_path.exists():
        stored = json.loads(texts_path.read_text(encoding="utf-8"))
        known = dict(zip(stored, np.load(vectors_path), strict=True))
    missing = sorted(set(texts) - known.keys())
    if missing:
        encoder = load_encoder()
        chunks = [missing[i : i + 512] for i in range(0, len(missing), 512)]
        for chunk in track(chunks, description=f"embedding {len(missing)} texts"):
            known.update(zip(chunk, encoder.encode(chunk), strict=True))
        cache.mkdir(parents=True, exist_ok=True)
        np.save(vectors_path, np.stack(list(known.values())))
        texts_path.write_text(json.dumps(list(known)), encoding="utf-8")
    return known


def learn_idf(documents: Sequence[Sequence[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency of content stems; each document is a list of texts."""
    df: Counter[str] = Counter()
    for doc in documents:
        df.update(frozenset().union(*(profile_text(t).content for t in doc)))
    n = len(documents)
    return {w: round(math.log((1 + n) / (1 + c)) + 1, 4) for w, c in df.items() if c >= IDF_MIN_DF}


def learn_piece_idf(texts: Sequence[str]) -> dict[str, float]:
    """Inverse document frequency of MiniLM's word pieces over the distinct ``texts``."""
    from newsprism.embed import load_encoder

    unique = sorted(set(texts))
    df: Counter[str] = Counter()
    for pieces in load_encoder().word_pieces(unique):
        df.update(set(pieces))
    return {p: round(math.log((1 + len(unique)) / (1 + c)), 4) for p, c in sorted(df.items())}


def make_boosting(**params: Any) -> Any:
    from sklearn.ensemble import HistGradientBoostingClassifier

    return HistGradientBoostingClassifier(**{**BOOSTING, **params}, early_stopping=False,
                                          random_state=0)


def export_trees(clf: Any) -> TreeEnsemble:
    """The fitted histogram-boosting trees as plain arrays (scikit-learn's internal layout,
    read once here; the result is checked against ``predict_proba`` before shipping)."""
    nodes, roots, classes, offset = [], [], [], 0
    for iteration in clf._predictors:
        for k, predictor in enumerate(iteration):
            if predictor.nodes["is_categorical"].any():
                raise ValueError("categorical splits are not exported")
            roots.append(offset)
            classes.append(k)
            nodes.append((predictor.nodes, offset))
            offset += len(predictor.nodes)

    def column(name: str, dtype: type) -> np.ndarray:
        return np.concatenate([n[name].astype(dtype) for n, _ in nodes])

    def children(name: str) -> np.ndarray:
        return np.concatenate([n[name].astype(np.int64) + offset for n, offset in nodes])

    return TreeEnsemble(
        baseline=np.asarray(clf._baseline_prediction, dtype=np.float64).ravel(),
        roots=np.array(roots),
        classes=np.array(classes),
        feature=column("feature_idx", np.int64),
        threshold=column("num_threshold", np.float64),
        missing_left=column("missing_go_to_left", bool),
        left=children("left"),
        right=children("right"),
        leaf=column("is_leaf", bool),
        value=column("value", np.float64),
    )


def check_export(clf: Any, trees: TreeEnsemble, X: np.ndarray) -> None:
    expected, got = clf.predict_proba(X), trees.predict_proba(X)
    if not np.allclose(expected, got, atol=1e-6):
        raise RuntimeError(f"exported trees disagree with scikit-learn by "
                           f"{np.abs(expected - got).max():.2g}")


def check_same_fact_export(clf: FittedSameFact, model: SameFactModel, X: np.ndarray) -> None:
    pairs, align = len(PAIR_FEATURES), len(PAIR_FEATURES) + len(ALIGN_FEATURES)
    expected = clf.predict(X)
    got = model.predict_positive(X[:, :pairs], X[:, pairs:align], X[:, align:])
    if not np.allclose(expected, got, atol=1e-6):
        raise RuntimeError(f"exported same-fact model disagrees with scikit-learn by "
                           f"{np.abs(expected - got).max():.2g}")


def same_fact_features(pairs: PairSet, vectors: Mapping[str, np.ndarray],
                       idf: Mapping[str, float], piece_idf: Mapping[str, float]) -> np.ndarray:
    """Pair features, then word- and token-alignment features (``PAIR_FEATURES +
    ALIGN_FEATURES + TOKEN_FEATURES``)."""
    cosine = np.array([float(vectors[a] @ vectors[b])
                       for a, b in zip(pairs.a, pairs.b, strict=True)])
    return np.hstack([pair_features(pairs.a, pairs.b, cosine, idf),
                      alignment_features(pairs.a, pairs.b, idf), token_features(pairs, piece_idf)])


def token_features(pairs: PairSet, piece_idf: Mapping[str, float], chunk: int = 512) -> np.ndarray:
    """``TOKEN_FEATURES`` of the pairs, a chunk at a time: the word-piece vectors of a whole
    set would take gigabytes."""
    from newsprism.embed import load_encoder

    encoder = load_encoder()
    parts = []
    for start in track(range(0, len(pairs.a), chunk), description="token alignment"):
        a, b = pairs.a[start : start + chunk], pairs.b[start : start + chunk]
        parts.append(token_alignment_features(encoder.encode_tokens(a), encoder.encode_tokens(b),
                                              piece_idf))
    return np.vstack(parts) if parts else np.zeros((0, len(TOKEN_FEATURES)))


def train_same_fact(
    mrpc: tuple[np.ndarray, np.ndarray], sts: tuple[np.ndarray, np.ndarray],
    claimdiff: tuple[np.ndarray, np.ndarray], seeds: Sequence[int] = CV_SEEDS,
) -> tuple[FittedSameFact, float, dict[str, Any]]:
    """Fit on MRPC, STS-B and ClaimDiff after cross-validating on all three, once per seed of
    the fold split; each set is given as (features, labels), ClaimDiff's labels as topic ids.

    ClaimDiff's pairs (two outlets' claims on one topic, never restatements of each other) are
    negatives: they teach what a changed detail looks like. They are dealt to folds by topic,
    and the share of them called the same fact, out of fold, is the topical false-positive rate.
    Each scored fold's threshold is chosen on its training folds only (the accuracy-best
    threshold of an inner cross-validation there), so the figures are those of the MRPC
    protocol; they are reported as mean and standard deviation over the seeds, as one split's
    figure moves by a few tenths. The shipped threshold maximises MRPC accuracy over the
    out-of-fold probabilities averaged over the seeds. No scored pair was seen in training."""
    (X_mrpc, y_mrpc), (X_sts, y_sts), (X_cd, cd_topics) = mrpc, sts, claimdiff
    X = np.vstack([X_mrpc, X_sts, X_cd])
    y = np.concatenate([y_mrpc, y_sts, np.zeros(len(X_cd), dtype=y_mrpc.dtype)])
    source = np.repeat([0, 1, 2], [len(y_mrpc), len(y_sts), len(X_cd)])
    weight = np.array([1.0, STSB_WEIGHT, CLAIMDIFF_WEIGHT])[source]
    groups = np.concatenate([np.full(len(y_mrpc) + len(y_sts), -1), cd_topics])
    runs, probs = [], np.zeros(len(y))
    for seed in track(seeds, description="cross-validating same fact"):
        oof, predicted = nested_predictions(X, y, weight, source, groups, seed)
        probs += oof / len(seeds)
        runs.append({"mrpc": same_fact_scores(y_mrpc.astype(bool), predicted[source == 0]),
                     "stsb_news": same_fact_scores(y_sts.astype(bool), predicted[source == 1]),
                     "claimdiff_called_same": 100 * float(predicted[source == 2].mean())})
    threshold = best_threshold(probs[source == 0], y_mrpc)
    scores: dict[str, Any] = {"seeds": len(seeds)}
    for name in ("mrpc", "stsb_news"):
        for metric in ("accuracy", "f1"):
            values = [run[name][metric] for run in runs]
            scores.setdefault(name, {})[metric] = round(float(np.mean(values)), 2)
            scores[name][f"{metric}_std"] = round(float(np.std(values)), 2)
    scores["claimdiff_called_same"] = round(float(np.mean(
        [run["claimdiff_called_same"] for run in runs])), 2)
    return fit_same_fact(X, y, weight), threshold, scores


def deal_folds(strata: np.ndarray, groups: np.ndarray, k: int,
               seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """(train, scored) indexes of ``k`` folds: rows of group -1 stratified by ``strata``, the
    others dealt to folds a group at a time, in random order."""
    from sklearn.model_selection import StratifiedKFold

    fold = np.zeros(len(strata), dtype=np.int64)
    alone = np.flatnonzero(groups < 0)
    for f, (_, held) in enumerate(StratifiedKFold(k, shuffle=True, random_state=seed).split(
        alone, strata[alone]
    )):
        fold[alone[held]] = f
    grouped = np.flatnonzero(groups >= 0)
    names, index = np.unique(groups[grouped], return_inverse=True)
    fold[grouped] = (np.random.default_rng(seed).permutation(len(names)) % k)[index]
    return [(np.flatnonzero(fold != f), np.flatnonzero(fold == f)) for f in range(k)]


def nested_predictions(X: np.ndarray, y: np.ndarray, weight: np.ndarray, source: np.ndarray,
                       groups: np.ndarray, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Out-of-fold P(same fact) of every pair over one 5-fold split, and its yes/no at the
    threshold an inner 4-fold cross-validation of the training folds picks for MRPC (source
    0). Pairs of one group (ClaimDiff's topics; -1: none) stay in one fold."""
    strata = 2 * source + y

    def fit_predict(train: np.ndarray, test: np.ndarray) -> np.ndarray:
        return fit_same_fact(X[train], y[train], weight[train]).predict(X[test])

    probs, predicted = np.zeros(len(y)), np.zeros(len(y), dtype=bool)
    for train, test in deal_folds(strata, groups, 5, seed):
        inner = np.zeros(len(train))
        for fit, held in deal_folds(strata[train], groups[train], 4, seed):
            inner[held] = fit_predict(train[fit], train[held])
        mrpc = source[train] == 0
        threshold = best_threshold(inner[mrpc], y[train][mrpc])
        probs[test] = fit_predict(train, test)
        predicted[test] = probs[test] >= threshold
    return probs, predicted


@dataclass(frozen=True)
class FittedSameFact:
    """Boosted trees over the pair and token-alignment features and a logistic regression over
    those and the word-alignment features, averaged (columns as ``same_fact_features``)."""

    trees: Any
    linear: Any

    def predict(self, X: np.ndarray) -> np.ndarray:
        trees = self.trees.predict_proba(tree_columns(X))[:, 1]
        return (trees + self.linear.predict_proba(X)[:, 1]) / 2

    def export(self) -> SameFactModel:
        scaler, regression = self.linear[0], self.linear[-1]
        return SameFactModel(export_trees(self.trees), LinearModel(
            scaler.mean_, scaler.scale_, regression.coef_[0], float(regression.intercept_[0])))


def tree_columns(X: np.ndarray) -> np.ndarray:
    """The pair and token-alignment columns of same-fact features: the trees' input."""
    return np.hstack([X[:, : len(PAIR_FEATURES)], X[:, len(PAIR_FEATURES) + len(ALIGN_FEATURES) :]])


def fit_same_fact(X: np.ndarray, y: np.ndarray, weight: np.ndarray) -> FittedSameFact:
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    trees = make_boosting().fit(tree_columns(X), y, sample_weight=weight)
    linear = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))
    linear.fit(X, y, logisticregression__sample_weight=weight)
    return FittedSameFact(trees, linear)


def best_threshold(probs: np.ndarray, labels: np.ndarray) -> float:
    """The threshold on P(same fact) with the best accuracy on these pairs."""
    grid = np.round(np.arange(0.2, 0.8, 0.01), 2)
    return float(max(grid, key=lambda t: ((probs >= t) == labels).mean()))


def stance_topics(stances: StanceSet) -> tuple[np.ndarray, np.ndarray]:
    """Topic of each pair's headline and of its body: the connected components of the graph
    that links each headline to the bodies related to it (agree, disagree or discuss). FNC-1
    pairs several headlines of one claim with several bodies, so a split by body alone trains
    on the headlines it scores."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    nodes = {key: i for i, key in enumerate(dict.fromkeys(
        [*(("headline", h) for h in stances.headlines),
         *(("body", int(b)) for b in stances.body_ids)]))}
    heads = np.array([nodes["headline", h] for h in stances.headlines])
    bodies = np.array([nodes["body", int(b)] for b in stances.body_ids])
    related = stances.labels != STANCES.index("unrelated")
    graph = coo_matrix((np.ones(related.sum()), (heads[related], bodies[related])),
                       shape=(len(nodes), len(nodes)))
    _, topic = connected_components(graph, directed=False)
    return topic[heads], topic[bodies]


def topic_folds(head_topic: np.ndarray, body_topic: np.ndarray, folds: int = STANCE_FOLDS,
                seed: int = 0) -> list[tuple[np.ndarray, np.ndarray]]:
    """(train, scored) pair indexes of each fold: topics are dealt in random order to the fold
    with the fewest pairs so far; a fold scores the pairs whose headline and body are both of
    its topics and trains on the pairs touching none of them, as the competition test's
    headlines and bodies are all unseen. An unrelated pair joining two folds' topics is never
    scored (it trains the other folds)."""
    topics = max(head_topic.max(), body_topic.max()) + 1
    sizes = np.bincount(head_topic, minlength=topics)
    fold, load = np.zeros(topics, dtype=np.int64), np.zeros(folds)
    for topic in np.random.default_rng(seed).permutation(topics):
        fold[topic] = load.argmin()
        load[fold[topic]] += sizes[topic]
    head_fold, body_fold = fold[head_topic], fold[body_topic]
    return [(np.flatnonzero((head_fold != f) & (body_fold != f)),
             np.flatnonzero((head_fold == f) & (body_fold == f))) for f in range(folds)]


def train_stance(X: np.ndarray, stances: StanceSet) -> tuple[Any, dict[str, Any]]:
    """Fit on all of FNC-1 train after two 5-fold cross-validations: grouped by body (a scored
    body is never trained on), and by topic (no scored headline or body is; the honest
    figure). Topic folds score a fifth of the unrelated pairs, so those count five-fold and the
    scores keep the set's class mix."""
    from sklearn.model_selection import GroupKFold

    y = stances.labels
    gold = [STANCES[i] for i in y]

    def score(folds: Sequence[tuple[np.ndarray, np.ndarray]]) -> dict[str, float]:
        predicted = np.full(len(y), -1)
        for train, test in folds:
            predicted[test] = make_boosting().fit(X[train], y[train]).predict(X[test])
        scored = np.flatnonzero(predicted >= 0)
        unrelated = y[scored] == STANCES.index("unrelated")
        weights = np.where(unrelated, (y == STANCES.index("unrelated")).sum() / unrelated.sum(),
                           1.0)
        return stance_scores([gold[i] for i in scored], [STANCES[k] for k in predicted[scored]],
                             weights.tolist())

    scores = {"by_body": score(list(GroupKFold(STANCE_FOLDS).split(X, y, stances.body_ids))),
              "by_topic": score(topic_folds(*stance_topics(stances)))}
    return make_boosting().fit(X, y), scores


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name(ARTIFACT))
    parser.add_argument("--cache", type=Path,
                        default=Path(os.environ.get("NEWSPRISM_CACHE", "~/.cache/newsprism"))
                        .expanduser() / "relation-train")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    mrpc, sts, fnc = read_mrpc(args.data), read_stsb(args.data), read_fnc(args.data)
    claimdiff, claimdiff_topics = read_claimdiff(args.data)
    pair_texts = [t for p in (mrpc, sts, claimdiff) for t in p.a + p.b]
    texts = pair_texts + fnc.headlines + [s for b in fnc.bodies.values() for s in b]
    vectors = embed_cached(texts, args.cache)
    print(f"embedded in {time.perf_counter() - started:.0f} s")
    idf = learn_idf([*([t] for t in pair_texts), *fnc.bodies.values()])
    piece_idf = learn_piece_idf(pair_texts)

    X_same = same_fact_features(mrpc, vectors, idf, piece_idf)
    X_sts = same_fact_features(sts, vectors, idf, piece_idf)
    X_cd = same_fact_features(claimdiff, vectors, idf, piece_idf)
    same_clf, threshold, same_cv = train_same_fact((X_same, mrpc.labels), (X_sts, sts.labels),
                                                   (X_cd, claimdiff_topics))
    print(f"same fact (5-fold CV over MRPC and STS-B news, threshold from the training folds, "
          f"mean over {len(CV_SEEDS)} splits; ClaimDiff negatives by topic): {same_cv}, "
          f"threshold {threshold}")

    bodies = [fnc.bodies[i] for i in fnc.body_ids]
    X_stance = stance_matrix(fnc.headlines, bodies, vectors, idf)
    stance_clf, stance_cv = train_stance(X_stance, fnc)
    print(f"stance (FNC-1 train, 5-fold CV grouped by body, and by topic: unseen headlines and "
          f"bodies): {stance_cv}")

    same_model, stance_trees = same_clf.export(), export_trees(stance_clf)
    check_same_fact_export(same_clf, same_model, np.vstack([X_same, X_sts]))
    check_export(stance_clf, stance_trees, X_stance[:5000])
    artifact = {
        "metadata": {"version": 5, "trained_with": f"scikit-learn {sklearn_version()}",
                     "cross_validation": {"same_fact": same_cv, "stance": stance_cv},
                     "training_seconds": round(time.perf_counter() - started)},
        "idf": idf,
        "same_fact": {"features": PAIR_FEATURES, "align_features": ALIGN_FEATURES,
                      "token_features": TOKEN_FEATURES, "piece_idf": piece_idf,
                      "threshold": threshold, "trees": same_model.trees.as_dict(),
                      "linear": same_model.linear.as_dict()},
        "stance": {"features": STANCE_FEATURES, "trees": stance_trees.as_dict()},
    }
    with gzip.open(args.out, "wt", encoding="utf-8") as handle:
        json.dump(artifact, handle, separators=(",", ":"))
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB) "
          f"in {time.perf_counter() - started:.0f} s")


def sklearn_version() -> str:
    import sklearn

    return sklearn.__version__


if __name__ == "__main__":
    main()
