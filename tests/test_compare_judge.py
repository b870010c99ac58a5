"""The in-cluster judge: the features it may weigh, and a stored judge read back."""

from __future__ import annotations

import json

import numpy as np
import pytest

from newsprism.compare import align
from newsprism.compare.judge import JUDGE_FEATURES, PREDICATE_BAND, Judge
from newsprism.embed import load_encoder
from newsprism.errors import ModelError
from newsprism.model import Span
from newsprism.relation.model import LinearModel

TEXTS = [("a", "The ferry to Norwick did not sail on Monday."),
         ("b", "The ferry to Norwick sailed on Monday."),
         ("c", "The ferry to Norwick sank on Monday.")]


def _evidence(texts: list[tuple[str, str]] = TEXTS
              ) -> tuple[list[Span], np.ndarray, align.PairEvidence]:
    statements = [Span(doc, 0, len(text), text) for doc, text in texts]
    embeddings = load_encoder().encode([s.text for s in statements])
    n = len(statements)
    return statements, embeddings, align.score_pairs(
        statements, embeddings, np.zeros((n, n), np.float32), np.zeros((n, n), bool))


def _linear(coef: list[float]) -> LinearModel:
    n = len(coef)
    return LinearModel(np.zeros(n), np.ones(n), np.array(coef), 0.0)


def test_the_judges_features_read_negation_and_what_each_statement_asserts():
    statements, _, evidence = _evidence()
    align.parse_asserted(statements, evidence, {0, 1, 2})
    names = ("negation_differs", "same_predicate", "denies")
    rows = evidence.features(np.array([0, 1]), np.array([1, 2]), names)
    # "did not sail" / "sailed": one predicate, denied on one side
    assert rows[0].tolist() == [1.0, 1.0, 1.0]
    # "sailed" / "sank": two predicates, neither denied
    assert rows[1].tolist() == [0.0, 0.0, 0.0]
    assert evidence.features(np.array([0]), np.array([1])).shape == (1, len(JUDGE_FEATURES))


def test_a_judge_that_reads_the_parse_judges_with_it_and_brings_its_band(monkeypatch):
    # a judge that weighs only a denial, strongly against: the denied pair is judged unlikely,
    # the pair with other predicates is left at even odds
    judge = Judge(_linear([-6.0]), 0.9, {}, ("denies",), band=0.3)
    assert judge.parsed
    monkeypatch.setattr(align, "load_judge", lambda: judge)
    _, _, evidence = _evidence()
    assert evidence.band == 0.3
    assert evidence.verdict[0, 1] < 0.01
    assert evidence.verdict[1, 2] == pytest.approx(0.5)


def test_a_stored_judge_without_a_band_reads_back_with_the_default_band():
    nine = list(JUDGE_FEATURES[:9])
    stored = {"features": nine, "linear": _linear([0.1] * 9).as_dict(), "threshold": 0.93}
    judge = Judge.from_dict(stored)
    assert judge.features == tuple(nine) and judge.band == PREDICATE_BAND and not judge.parsed
    assert Judge.from_dict(judge.as_dict()).as_dict() == judge.as_dict()
    with pytest.raises(ModelError, match="made_up"):
        Judge.from_dict({**stored, "features": [*nine, "made_up"]})


def test_training_rows_hold_the_judged_pairs_and_the_unjudged_candidates_as_hard_negatives(
        tmp_path):
    import json

    from newsprism.analyse import analyse_articles
    from newsprism.compare.train import cluster_rows, learn_judge, training_set
    from newsprism.evaluate.compare import span_sha
    from newsprism.model import Article

    texts = {"a": "Dock workers at the Port of Calder walked off the job on Monday. "
                  "The port authority estimates the stoppage costs $12 million a day.",
             "b": "Dock workers at the Port of Calder went on strike on Monday. "
                  "The port authority says the stoppage at the port costs shippers dearly."}
    articles = [Article(id=doc, text=text) for doc, text in texts.items()]
    first = [texts["a"].index("Dock"), texts["a"].index(" The")]
    second = [texts["b"].index("Dock"), texts["b"].index(" The")]
    pair = {"kind": "pair", "a": ["a", *first], "b": ["b", *second], "label": "same",
            "sha": span_sha([texts["a"][slice(*first)], texts["b"][slice(*second)]])}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(pair) + "\n", encoding="utf-8")

    rows = cluster_rows(list(analyse_articles(articles)), gold)
    assert rows.X.shape == (len(rows.y), len(JUDGE_FEATURES))
    assert rows.y.tolist().count(True) == 1 and not rows.mined[rows.y].any()
    assert rows.mined.any() and not rows.y[rows.mined].any()  # the port authority's pair
    _, _, weights = training_set([rows], 0.5)
    assert weights.tolist() == [0.5 if m else 1.0 for m in rows.mined]

    # learned on those rows, the judge says what it learned on and how it was measured
    judge = learn_judge(["calder"], [rows], 0.9, 0.6, 0.5, ["same_fact", "cosine"],
                        "corroborated 97.0% (97/100)")
    assert judge.features == ("same_fact", "cosine") and judge.threshold == 0.9
    assert judge.metadata["clusters"] == ["calder"] and judge.metadata["same"] == 1
    assert judge.metadata["model"] == "linear" and "linear" in judge.as_dict()
    assert judge.metadata["end_to_end_out_of_fold"] == "corroborated 97.0% (97/100)"
    assert Judge.from_dict(judge.as_dict()).band == 0.6


def test_the_shipped_judge_learned_on_every_tune_cluster_of_the_gold_set():
    import csv
    from pathlib import Path

    from newsprism.compare.judge import load_judge

    listed = Path(__file__).parents[1] / "bench" / "compare_gold" / "clusters.tsv"
    with listed.open(encoding="utf-8") as handle:
        tune = sorted(row["cluster"] for row in csv.DictReader(handle, delimiter="\t")
                      if row["half"] == "tune")
    judge = load_judge()
    assert judge is not None and judge.metadata["clusters"] == tune
    assert "corroborated" in judge.metadata["end_to_end_out_of_fold"]


def test_a_judges_best_case_is_at_least_its_verdict_however_the_pair_is_judged():
    judge = Judge(LinearModel(np.zeros(3), np.ones(3), np.array([2.0, 1.0, -3.0]), -1.0), 0.9,
                  {}, ("same_fact", "cosine", "denies"))
    cosine = np.array([0.2, 0.8])
    best = judge.best_case(cosine[:, None])  # the features known before judging: the cosine
    for same_fact in (0.0, 0.5, 1.0):
        for denies in (0.0, 1.0):
            verdict = judge.probability(np.column_stack([np.full(2, same_fact), cosine,
                                                         np.full(2, denies)]))
            assert np.all(verdict <= best)
    # reached: a sure same fact, no denial
    assert best == pytest.approx(judge.probability(np.column_stack([np.ones(2), cosine,
                                                                    np.zeros(2)])))


def test_a_pair_the_judge_could_not_link_whatever_the_relation_model_found_is_not_judged(
        monkeypatch):
    # a judge that links only statements stating one figure: however sure the relation model
    # is of any other pair, that pair stays below the judge's band
    judge = Judge(LinearModel(np.zeros(2), np.ones(2), np.array([1.0, 10.0]), -8.0), 0.9, {},
                  ("same_fact", "shared_figure"), band=0.6)
    monkeypatch.setattr(align, "load_judge", lambda: judge)
    statements = [Span(doc, 0, len(text), text) for doc, text in TEXTS]
    embeddings = load_encoder().encode([s.text for s in statements])
    figure = np.zeros((3, 3), np.float32)
    figure[0, 2] = figure[2, 0] = 1.0
    evidence = align.score_pairs(statements, embeddings, figure, np.zeros((3, 3), bool))
    assert evidence.same_fact[0, 2] > 0 and evidence.verdict[0, 2] > judge.band
    assert evidence.same_fact[1, 2] == evidence.verdict[1, 2] == 0.0
    assert not any(align.could_link(evidence, [(0, 1), (1, 2)], judge))
    # judged all the same (as training judges every pair), it stays below the band
    align.judge(statements, embeddings, evidence, {(1, 2)}, prune=False)
    assert 0.0 < evidence.verdict[1, 2] < judge.band and evidence.same_fact[1, 2] > 0


def test_a_pairs_cosine_rank_is_where_each_stands_among_the_others_closest_in_meaning():
    texts = [("a", "The ferry to Norwick sank on Monday after striking rocks."),
             ("b", "The ferry to Norwick went down on Monday when it hit rocks."),
             ("b", "Norwick's mayor opened a new library."),
             ("b", "Tickets for the concert sold out."),
             ("c", "A ferry bound for Norwick sank on Monday.")]
    _, _, evidence = _evidence(texts)
    rank = evidence.cosine_rank()
    # among the four statements of other articles, the ferry's two other tellings are the
    # first's nearest (ranks 1 and 2/3 of the way up), the concert its farthest; within one
    # article there is no rank
    assert sorted([rank[0, 1], rank[0, 4]]) == pytest.approx([2 / 3, 1.0])
    assert rank[0, 3] == 0.0
    assert rank[1, 2] == rank[0, 0] == 0.0
    # the judge's feature is the lesser of the two ranks
    feature = evidence.features(np.array([0, 2]), np.array([1, 4]), ("cosine_rank",))
    assert feature[0, 0] == min(rank[0, 1], rank[1, 0]) >= 2 / 3
    assert feature[1, 0] == min(rank[2, 4], rank[4, 2]) < 1.0


def _rows_where_a_cosine_counts_only_with_like_lengths(n: int = 600
                                                       ) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (same_fact, cosine, length_ratio) that are one proposition when the relation model
    says so, or when the cosine is high AND the lengths alike: an interaction no sum of the
    three weighs."""
    rng = np.random.default_rng(0)
    X = rng.uniform(size=(n, 3))
    y = (X[:, 0] > 0.8) | ((X[:, 1] > 0.6) & (X[:, 2] > 0.6))
    return X, y


@pytest.mark.parametrize("kind", ["pairwise", "trees"])
def test_a_judge_of_another_kind_weighs_a_cosine_by_the_lengths_and_reads_back(kind):
    from newsprism.compare.train import fit_model

    features = ("same_fact", "cosine", "length_ratio")
    X, y = _rows_where_a_cosine_counts_only_with_like_lengths()
    judge = Judge(fit_model(kind, X, y, np.ones(len(y)), features), 0.9, {}, features)
    # a high cosine with like lengths is likelier one proposition than with unlike lengths;
    # a linear judge over these rows cannot say that more strongly than the sum allows
    alike, unlike = judge.probability(np.array([[0.3, 0.9, 0.9], [0.3, 0.9, 0.1]]))
    linear = Judge(fit_model("linear", X, y, np.ones(len(y)), features), 0.9, {}, features)
    plain_alike, plain_unlike = linear.probability(np.array([[0.3, 0.9, 0.9], [0.3, 0.9, 0.1]]))
    assert alike - unlike > plain_alike - plain_unlike and alike > 0.5 > unlike
    stored = judge.as_dict()
    assert kind in stored and "linear" not in stored
    again = Judge.from_dict(json.loads(json.dumps(stored)))
    assert again.probability(X) == pytest.approx(judge.probability(X))


@pytest.mark.parametrize("kind", ["linear", "pairwise", "trees"])
def test_every_kind_of_judges_best_case_is_at_least_its_verdict_however_the_pair_is_judged(
        kind):
    from newsprism.compare.train import fit_model

    features = ("same_fact", "cosine", "length_ratio", "denies")
    rng = np.random.default_rng(1)
    X = np.column_stack([rng.uniform(size=(400, 3)), rng.integers(0, 2, 400)])
    y = ((X[:, 0] + X[:, 1] * X[:, 2]) > 0.9) & (X[:, 3] == 0)
    judge = Judge(fit_model(kind, X, y, np.ones(len(y)), features), 0.9, {}, features)
    known = X[:50, 1:3]  # the cosine and the length ratio, known before judging
    best = judge.best_case(known)
    for same_fact in np.linspace(0.0, 1.0, 6):
        for denies in (0.0, 1.0):
            verdict = judge.probability(np.column_stack(
                [np.full(50, same_fact), known, np.full(50, denies)]))
            assert np.all(verdict <= best + 1e-12)
