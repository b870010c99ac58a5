"""The relation model: its features on hand-written pairs, and the shipped artifact's judgements."""

from __future__ import annotations

import socket
from pathlib import Path

import numpy as np
import pytest

from conftest import SHARED
from newsprism.relation import STANCES, RelationModel, load_relation_model, opposed
from newsprism.relation.features import (
    ALIGN_FEATURES,
    PAIR_FEATURES,
    STANCE_FEATURES,
    TOKEN_FEATURES,
    alignment_features,
    normalise_number,
    pair_features,
    profile_text,
    split_text,
    stance_features,
    token_alignment_features,
)
from newsprism.relation.model import ARTIFACT, TreeEnsemble, read_artifact

PARAPHRASE = (
    "The summit went more than twice as long as scheduled.",
    "The leaders spoke far longer than they had originally been scheduled to.",
)
UNRELATED = (
    "The summit went more than twice as long as scheduled.",
    "Heavy rain flooded the streets of the capital on Monday.",
)
FIGURES = (
    "Police said 12 people were killed in the blast in Kabul.",
    "Police said 15 people were killed in the blast in Kabul.",
)


def column(matrix: np.ndarray, name: str, names: tuple[str, ...] = PAIR_FEATURES) -> np.ndarray:
    return matrix[:, names.index(name)]


@pytest.fixture(scope="session")
def model() -> RelationModel:
    return load_relation_model()


def test_split_text_cuts_at_sentence_ends_and_line_breaks() -> None:
    text = 'He said "no." Then he left.\nA new paragraph starts here. U.S. officials agreed.'
    assert split_text(text) == ['He said "no."', "Then he left.", "A new paragraph starts here.",
                                "U.S. officials agreed."]


def test_numbers_compare_equal_whatever_their_notation() -> None:
    assert normalise_number("1,200") == normalise_number("1200") == normalise_number("1200.0")
    assert normalise_number("two") == normalise_number("2")
    assert profile_text("It cost $1,200.").numbers == profile_text("It cost 1200 dollars.").numbers


def test_cue_words_count_every_inflection() -> None:
    assert profile_text("The ministry denied the claims, calling them a hoax.").cues["refute"] >= 3
    assert profile_text("He reportedly may have left, sources say.").cues["hedge"] >= 3
    assert profile_text("The company didn't confirm it.").negations == 1


def test_paraphrase_overlaps_more_than_unrelated_pair() -> None:
    X = pair_features(*zip(PARAPHRASE, UNRELATED, strict=True), np.zeros(2), idf={})
    for name in ("ngram1_min", "content_jaccard", "char_jaccard", "idf_min"):
        assert column(X, name)[0] > column(X, name)[1], name


def test_different_figures_of_the_same_quantity_are_flagged() -> None:
    pairs = [FIGURES, (FIGURES[0], FIGURES[0]), (FIGURES[0], "Sales rose 15 percent in 2020.")]
    X = pair_features([a for a, _ in pairs], [b for _, b in pairs], np.zeros(3), idf={})
    assert column(X, "numbers_conflict").tolist() == [1.0, 0.0, 0.0]


def test_pairs_count_shared_figures_and_what_one_side_says_alone() -> None:
    a = "Police said 12 people were killed in the blast in Kabul."
    b = ["Police said 12 people died in the Kabul blast.",
         "Officials in Herat said 12 people were killed in the blast."]
    X = pair_features([a, a], b, np.zeros(2), idf={})
    assert column(X, "numbers_shared").tolist() == [1.0, 1.0]
    assert column(X, "names_unmatched")[1] > column(X, "names_unmatched")[0]  # Herat, Kabul
    assert column(X, "unmatched_max")[0] < column(X, "unmatched_max")[1]
    assert 0 < column(X, "sequence_ratio")[1] < 1


def test_training_reads_sts_news_pairs_with_clear_labels_only() -> None:
    from newsprism.relation.train import read_stsb

    data = SHARED / "data" / "align_train"
    if not (data / "stsb_train.jsonl").exists():
        pytest.skip("../shared/data/align_train is not beside the repository")
    sts = read_stsb(data)
    assert 1000 < len(sts.a) < 2299  # of 2,299 news pairs not from MSRpar, the clear ones
    assert set(sts.labels.tolist()) == {0, 1}


def test_alignment_counts_synonyms_as_said_and_flags_words_one_side_has_alone() -> None:
    a = "Two people were killed in the crash."
    X = alignment_features([a, a], ["Two people died in the crash.",
                                    "Two people were hurt in the crash near the border."], idf={})
    assert column(X, "align_mean_min", ALIGN_FEATURES)[0] > 0.8  # "killed" ~ "died"
    assert column(X, "align_unmatched_max", ALIGN_FEATURES).tolist()[0] == 0
    assert column(X, "align_unmatched_max", ALIGN_FEATURES)[1] >= 1  # "border", not in a


def test_a_pairs_alignment_does_not_depend_on_the_other_pairs_read_with_it() -> None:
    # each text's words are read once per call (``_aligned_words``), whatever pairs hold it
    a, b = "Two people were killed in the crash.", "Two people died in the crash."
    other = "Heavy rain flooded the streets of the capital."
    alone = alignment_features([a], [b], idf={"crash": 3.0})
    together = alignment_features([other, a, b, ""], [a, b, a, b], idf={"crash": 3.0})
    assert together[1].tolist() == alone[0].tolist()
    assert together[3].tolist() == [0.0] * len(ALIGN_FEATURES)  # no words: nothing aligned


def test_token_alignment_sees_a_changed_word_in_context() -> None:
    from newsprism.embed import TokenVectors, load_encoder

    encoder = load_encoder()
    a = "The court upheld the ruling on Monday."
    b = ["On Monday the court upheld the ruling.", "The court overturned the ruling on Monday.",
         "Heavy rain flooded the streets of the capital."]
    tokens_a = encoder.encode_tokens([a] * 3)
    # word pieces only: no [CLS], [SEP] or "."
    assert tokens_a[0].pieces == ("the", "court", "upheld", "the", "ruling", "on", "monday")
    assert encoder.word_pieces([a]) == [tokens_a[0].pieces]
    assert np.allclose(np.linalg.norm(tokens_a[0].vectors, axis=1), 1.0, atol=1e-5)
    tokens_b = encoder.encode_tokens(b)
    idf = {p: 1.0 for t in (*tokens_a, *tokens_b) for p in t.pieces} | {"upheld": 5.0}
    X = token_alignment_features(tokens_a, tokens_b, idf)
    worst = column(X, "token_align_worst", TOKEN_FEATURES)
    assert worst[0] > worst[1] > worst[2]  # reordered > one word changed > another story
    assert column(X, "token_align_min", TOKEN_FEATURES)[0] > 0.9
    # the rare "upheld" that b[1] lacks weighs more than the plain mean gives it
    assert column(X, "token_idf_min", TOKEN_FEATURES)[1] < column(X, "token_align_min",
                                                                    TOKEN_FEATURES)[1]
    empty = TokenVectors((), np.zeros((0, 384)))
    assert token_alignment_features([empty], [tokens_a[0]], {}).tolist() == [[0.0] * 6]


def test_negation_mismatch_is_seen_in_pairs_and_in_stance() -> None:
    claim, denial = "The minister resigned on Friday.", "The minister did not resign on Friday."
    X = pair_features([claim, claim], [denial, claim], np.zeros(2), idf={})
    assert column(X, "negation_mismatch").tolist() == [1.0, 0.0]
    S = stance_features([claim, claim], [[denial], [claim]], [np.ones(1), np.ones(1)],
                        np.ones(2), idf={})
    assert column(S, "top_negation_mismatch", STANCE_FEATURES).tolist() == [1.0, 0.0]


def test_stance_sees_a_body_deny_the_claims_own_words_near_its_best_match() -> None:
    claim = "The minister resigned on Friday."
    bodies = [["Rain fell.", "A spokesman denied that the minister resigned.", "Talks went on."],
              ["Rain fell.", "The minister resigned on Friday, aides said.", "Talks went on."],
              ["The minister did not comment.", "He resigned on Friday, his office said."]]
    cosines = [np.array([0.1, 0.8, 0.2]), np.array([0.1, 0.9, 0.2]), np.array([0.3, 0.7])]
    S = stance_features([claim] * 3, bodies, cosines, np.ones(3), idf={})
    assert column(S, "best_denies", STANCE_FEATURES).tolist() == [1.0, 0.0, 0.0]
    assert column(S, "window_refute", STANCE_FEATURES)[0] > column(S, "window_refute",
                                                                    STANCE_FEATURES)[1]
    # "not" before a word the claim lacks ("comment") denies nothing of it
    assert column(S, "top_denied_words", STANCE_FEATURES).tolist() == [2.0, 0.0, 0.0]


def test_artifact_is_small_versioned_and_matches_the_features() -> None:
    path = Path(__file__).parents[1] / "src" / "newsprism" / "relation" / ARTIFACT
    assert "-v5." in ARTIFACT and path.stat().st_size < 5_000_000
    assert [p.name for p in path.parent.glob("relation-v*.json.gz")] == [ARTIFACT]
    artifact = read_artifact()
    assert artifact["same_fact"]["features"] == list(PAIR_FEATURES)
    assert artifact["same_fact"]["align_features"] == list(ALIGN_FEATURES)
    assert artifact["same_fact"]["token_features"] == list(TOKEN_FEATURES)
    assert artifact["stance"]["features"] == list(STANCE_FEATURES)


def test_artifact_loads_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the relation model tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    fresh = RelationModel(read_artifact())
    assert fresh.same_fact(*zip(PARAPHRASE, strict=True)).shape == (1,)


def test_exported_trees_predict_like_scikit_learn() -> None:
    from newsprism.relation.train import check_export, export_trees, make_boosting

    rng = np.random.default_rng(0)
    X = rng.normal(size=(400, 5))
    X[rng.random(X.shape) < 0.05] = np.nan  # missing values take the learned side
    for y in ((X[:, 0] > 0).astype(int), rng.integers(0, 4, 400)):
        clf = make_boosting(max_iter=20).fit(X, y)
        trees = export_trees(clf)
        check_export(clf, trees, X)
        assert TreeEnsemble.from_dict(trees.as_dict()).predict_proba(X).shape == (400, len(set(y)))


def test_same_fact_cross_validation_picks_each_threshold_on_training_folds_only() -> None:
    from newsprism.relation.train import best_threshold, nested_predictions

    rng = np.random.default_rng(0)
    X = rng.normal(size=(300, 3))
    y = (X[:, 0] + 0.3 * rng.normal(size=300) > 0.5).astype(int)
    source = np.repeat([0, 1], [200, 100])  # the last third plays STS-B: scored, never thresholded
    probs, predicted = nested_predictions(X, y, np.ones(300), source, np.full(300, -1), seed=0)
    assert probs.shape == predicted.shape == (300,)
    assert ((probs >= 0) & (probs <= 1)).all()
    assert (predicted == y).mean() > 0.8
    assert best_threshold(np.array([0.1, 0.35, 0.7, 0.9]), np.array([0, 0, 1, 1])) == 0.36


def test_grouped_pairs_are_scored_in_one_fold_and_the_others_as_stratified_folds() -> None:
    from sklearn.model_selection import StratifiedKFold

    from newsprism.relation.train import deal_folds

    strata = np.tile([0, 1, 2], 40)
    groups = np.concatenate([np.full(90, -1), np.repeat(np.arange(10), 3)])  # 10 topics of 3
    folds = deal_folds(strata, groups, 5, seed=1)
    alone = StratifiedKFold(5, shuffle=True, random_state=1).split(np.arange(90), strata[:90])
    for (train, test), (_, expected) in zip(folds, alone, strict=True):
        assert test[test < 90].tolist() == expected.tolist()  # as the ungrouped split
        assert not set(groups[test[test >= 90]]) & set(groups[train[train >= 90]])
    assert sorted(np.concatenate([test for _, test in folds]).tolist()) == list(range(120))


def test_stance_topic_folds_never_train_on_a_scored_headline_or_body() -> None:
    from newsprism.relation.train import StanceSet, stance_topics, topic_folds

    rng = np.random.default_rng(0)
    # 12 claims, each with 2 headlines related to 3 bodies of its own; unrelated pairs across
    heads = [f"claim {c} headline {k}" for c in range(12) for k in range(2)]
    pairs = [(h, 3 * (i // 2) + j, int(rng.integers(0, 3))) for i, h in enumerate(heads)
             for j in range(3)]
    pairs += [(heads[i], int(b), STANCES.index("unrelated"))
              for i, b in zip(rng.integers(0, 24, 60), rng.integers(0, 36, 60), strict=True)
              if b // 3 != i // 2]
    stances = StanceSet([h for h, _, _ in pairs], np.array([b for _, b, _ in pairs]),
                        {b: ["text"] for b in range(36)}, np.array([y for _, _, y in pairs]))
    head_topic, body_topic = stance_topics(stances)
    assert len(set(head_topic) | set(body_topic)) == 12
    folds = topic_folds(head_topic, body_topic, folds=3)
    scored = np.concatenate([test for _, test in folds])
    assert len(scored) == len(set(scored.tolist()))
    related = stances.labels != STANCES.index("unrelated")
    assert set(scored.tolist()) >= set(np.flatnonzero(related).tolist())  # every related pair
    for train, test in folds:
        assert not {stances.headlines[i] for i in train} & {stances.headlines[i] for i in test}
        assert not set(stances.body_ids[train]) & set(stances.body_ids[test])


def test_same_fact_scores_paraphrase_yes_and_unrelated_no(model: RelationModel) -> None:
    p = model.same_fact(*zip(PARAPHRASE, UNRELATED, FIGURES, strict=True))
    assert p[0] > p[1]
    assert p[1] < model.same_fact_threshold
    assert p.shape == (3,) and ((p >= 0) & (p <= 1)).all()


def test_same_fact_uses_precomputed_embeddings(model: RelationModel) -> None:
    a, b = zip(PARAPHRASE, UNRELATED, strict=True)
    emb_a, emb_b = model.embed(list(a)), model.embed(list(b))
    assert np.allclose(model.same_fact(a, b, emb_a=emb_a, emb_b=emb_b), model.same_fact(a, b))
    assert model.same_fact([], []).shape == (0,)


def test_stance_tells_unrelated_agreeing_and_refuting_texts(model: RelationModel) -> None:
    claim = "Apple will launch a streaming TV service in April."
    bodies = [
        "Apple will launch its streaming TV service in April, the company confirmed on Monday. "
        "The service will cost $15 a month and offer channels from HBO.",
        "Apple denied reports that it will launch a streaming TV service in April. A spokesman "
        "said the claims were false and that no such service is planned.",
        "Heavy rain flooded the streets of Manila on Monday. Thousands were evacuated from "
        "low-lying districts as rivers burst their banks.",
    ]
    probs = model.stance([claim] * 3, bodies)
    assert probs.shape == (3, 4) and np.allclose(probs.sum(axis=1), 1)
    labels = [STANCES[k] for k in probs.argmax(axis=1)]
    assert labels[0] in ("agree", "discuss") and labels[2] == "unrelated"
    disagree = STANCES.index("disagree")
    assert probs[1, disagree] > probs[0, disagree]


def test_relate_flags_figure_conflicts_and_contradictions(model: RelationModel) -> None:
    a = [FIGURES[0], "The minister resigned on Friday after the scandal."]
    b = [FIGURES[1], "The minister denied reports that he resigned, calling them false."]
    relation = model.relate(a, b)
    assert relation.figure_conflict.tolist() == [True, False]
    assert relation.stance.shape == (2, 4)
    assert relation.contradiction[1] > relation.contradiction[0]


def test_opposed_statements_negate_or_deny_in_otherwise_matching_words() -> None:
    assert opposed("The union accepted the offer on Monday.",
                   "The union rejected the offer on Monday.")
    assert opposed("Police said the fire was started deliberately.",
                   "Police said the fire was not started deliberately.")
    assert opposed("The company confirmed the merger.", "The company denied the merger.")
    # same polarity in other words, a qualification added, or a looser restatement
    assert not opposed("The report was not sold in shops.", "The report was unknown to shops.")
    assert not opposed("Vatican embassy hit by mortar fire",
                       "Vatican embassy hit by mortar; no injuries")
    assert not opposed("The government has not commented.", "The government declined to comment.")
    assert not opposed("Police said the fire was started deliberately.",
                       "There is no evidence yet about how the blaze began, officials said.")


def test_cannot_in_one_word_is_no_opposite_of_can_not() -> None:
    """contra8 (a fresh FNC-1 cluster): "we cannot continue" and "we can not continue" are one
    statement in two spellings; "not" set against the unsplit "cannot" made them opposites."""
    assert not opposed("But we cannot let the ferry sail in such a storm again.",
                       "But we can not let the ferry sail in such a storm again.")
    assert opposed("But we cannot let the ferry sail in such a storm again.",
                   "But we can let the ferry sail in such a storm again.")


def test_yet_to_is_a_negation_so_it_is_no_opposite_of_not_yet() -> None:
    """contra2 (a fresh multi-site cluster): "had yet to regain consciousness" and "had not yet
    regained consciousness" say one thing; "not" inserted before "yet" made them opposites."""
    assert not opposed("Riva had yet to regain consciousness Wednesday and was on a ventilator.",
                       "Riva had not yet regained consciousness and was on a ventilator.")
    assert not opposed("The union has yet to accept the offer.",
                       "The union has not yet accepted the offer.")
