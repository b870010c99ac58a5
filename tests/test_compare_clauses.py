"""A statement's clauses, and the judge's feature that sees one statement hold another's fact."""

from __future__ import annotations

import numpy as np

from newsprism.compare import align
from newsprism.compare.clauses import clause_text, clauses
from newsprism.compare.judge import Judge
from newsprism.embed import load_encoder
from newsprism.model import Span
from newsprism.relation import load_relation_model
from newsprism.relation.model import LinearModel

PARTY = "At least a dozen employees had been celebrating when the gunman entered the hall."


def _read(text: str) -> list[str]:
    return [clause_text(text, runs) for runs in clauses([text])[0]]


def test_the_main_clause_is_read_without_its_when_clause_as_spans_of_the_statement():
    found = clauses([PARTY])[0]
    # "when the gunman entered the hall" adds a detail: a match for it alone is no match
    assert [clause_text(PARTY, runs) for runs in found] == [
        "At least a dozen employees had been celebrating"]
    # each clause is runs of the statement's own characters
    assert all(PARTY[start:end] in PARTY and start < end for runs in found
               for start, end in runs)


def test_a_coordinated_verb_without_a_subject_takes_its_heads_and_a_relative_clause_is_left():
    read = _read("The union, which represents 400 dockers, wants a raise and says talks stalled.")
    assert "The union wants a raise" in read
    # "says talks stalled": "The union says" is a frame, no fact; what it reports is main
    assert "talks stalled" in read and "The union says" not in read
    assert not any("dockers" in clause for clause in read)


def test_a_statement_of_one_clause_has_none_and_a_frame_of_reporting_is_no_fact():
    assert _read("At least a dozen workers were at the party.") == []
    assert _read("The ferry sank on Monday, police said.") == ["The ferry sank on Monday"]
    # an apposition adds a detail to a word; so does a "who" clause
    assert _read("Anthony Bell, a former clerk, who was fired last week, hit a van.") == [
        "Anthony Bell hit a van"]


def test_contained_sees_a_statement_that_holds_the_others_fact_among_more():
    texts = [("a", PARTY), ("b", "At least a dozen workers had been celebrating."),
             ("c", "The ferry to Norwick sank on Monday.")]
    statements = [Span(doc, 0, len(text), text) for doc, text in texts]
    embeddings = load_encoder().encode([text for _, text in texts])
    evidence = align.score_pairs(statements, embeddings, np.zeros((3, 3), np.float32),
                                 np.zeros((3, 3), bool))
    contained = evidence.features(np.array([0, 1]), np.array([1, 2]), ("contained",))[:, 0]
    # the party's main clause is close to the short statement, closer than the whole
    assert contained[0] > evidence.cosine[0, 1] + 0.05
    # statements of one clause each: the whole statements' cosine
    assert contained[1] == np.float32(evidence.cosine[1, 2])
    assert len(evidence.clause_vectors[0]) == 1 and len(evidence.clause_vectors[2]) == 0


def test_the_relation_model_reads_the_short_statement_against_the_others_main_clause():
    texts = [("a", PARTY), ("b", "At least a dozen workers had been at the party.")]
    statements = [Span(doc, 0, len(text), text) for doc, text in texts]
    embeddings = load_encoder().encode([text for _, text in texts])
    evidence = align.score_pairs(statements, embeddings, np.zeros((2, 2), np.float32),
                                 np.zeros((2, 2), bool))
    align.judge(statements, embeddings, evidence, {(0, 1)}, prune=False)
    whole, clause = evidence.features(np.array([0]), np.array([1]),
                                      ("same_fact", "clause_same_fact"))[0]
    # without the gunman's entrance the first says what the second does
    assert clause > whole + 0.1


ARRESTED = ("Dale Ferris was arrested on Friday and booked into the Calder city jail, where he is "
            "held without bail on charges of assault, Sgt. Hume said.")


def _unsure_evidence(monkeypatch, texts: list[tuple[str, str]], tokens: bool = False
                     ) -> align.PairEvidence:
    """``score_pairs`` of ``texts`` under a judge unsure of the pair whole: it weighs the
    relation model's P against the cosine; ``tokens``: with the statements' word pieces, as
    compare encodes them."""
    statements = [Span(doc, 0, len(text), text) for doc, text in texts]
    if tokens:
        embeddings, pieces = load_encoder().encode_with_tokens([text for _, text in texts])
    else:
        embeddings, pieces = load_encoder().encode([text for _, text in texts]), ()
    judge = Judge(LinearModel(np.zeros(2), np.ones(2), np.array([4.0, -4.0]), 2.0), 0.95, {},
                  ("same_fact", "cosine"), band=0.6)
    monkeypatch.setattr(align, "load_judge", lambda: judge)
    return align.score_pairs(statements, embeddings, np.zeros((2, 2), np.float32),
                             np.zeros((2, 2), bool), tokens=pieces)


def test_a_pair_the_judge_is_unsure_of_links_when_a_main_clause_says_the_others_fact(monkeypatch):
    texts = [("a", ARRESTED), ("b", "Police arrested Dale Ferris on Friday.")]

    def evidence() -> align.PairEvidence:
        # the relation model's P is low: the second is all of the first's main clause and
        # nothing of its jail
        return _unsure_evidence(monkeypatch, texts)

    linked = evidence()
    assert align.CLAUSE_FLOOR <= linked.verdict[0, 1] < linked.band
    # "Dale Ferris was arrested on Friday" says the other's fact, and both assert "arrest"
    assert linked.clause_fact[(0, 1)] >= align.CLAUSE_LINK > linked.same_fact[0, 1]
    assert linked.same_predicate(0, 1) and linked.linked(0, 1, True)
    # without the clause's yes the pair does not link
    monkeypatch.setattr(align, "CLAUSE_LINK", 1.01)
    assert not evidence().linked(0, 1, True)


def test_the_clause_link_reuses_the_vectors_it_found_and_gives_what_the_model_gives_afresh(
        monkeypatch):
    texts = [("a", ARRESTED), ("b", "Police arrested Dale Ferris on Friday.")]
    found = _unsure_evidence(monkeypatch, texts, tokens=True)
    clause = "Dale Ferris was arrested on Friday"
    # the clause was read from the parse that gave what the statement asserts, and encoded once
    assert clause in found.clause_texts[0] and len(found.clause_tokens[0]) == len(
        found.clause_texts[0])
    # the relation model reading both texts afresh (its own encoding) gives the same P
    afresh = load_relation_model().same_fact([texts[1][1]], [clause])[0]
    assert found.clause_fact[(0, 1)] == max(afresh, found.same_fact[0, 1])


def test_an_unsure_pair_asserting_other_predicates_has_no_clause_read(monkeypatch):
    # "was arrested ... booked" and "charged": one main clause of the first may be close to the
    # second, yet the pair could never link by it, so its clauses are not encoded nor judged
    texts = [("a", ARRESTED), ("b", "Prosecutors charged Dale Ferris with assault on Friday.")]
    found = _unsure_evidence(monkeypatch, texts)
    assert align.CLAUSE_FLOOR <= found.verdict[0, 1] < found.band
    assert not found.same_predicate(0, 1)
    assert (0, 1) not in found.clause_fact and not found.clause_vectors
    assert not found.linked(0, 1, True)


RESCUE = ("The ferry Lady Anne sank off Norwick on Monday, and the coastguard rescued all 40 "
          "passengers, the harbour master said.")
RESCUED = "All 40 passengers were rescued by the coastguard."


def _judged_on_the_relation_model(monkeypatch, other: str, features: tuple[str, ...]
                                  ) -> align.PairEvidence:
    """``score_pairs`` of ``RESCUE`` and ``other`` under a judge that weighs the relation
    model's P alone (unsure of the pair whole) and ``features`` beside it at no weight,
    recall5's clause rule set aside."""
    statements = [Span("a", 0, len(RESCUE), RESCUE), Span("b", 0, len(other), other)]
    embeddings, pieces = load_encoder().encode_with_tokens([RESCUE, other])
    n = 1 + len(features)
    judge = Judge(LinearModel(np.zeros(n), np.ones(n), np.array([3.0] + [0.0] * (n - 1)), -1.0),
                  0.95, {}, ("same_fact", *features), band=0.6)
    monkeypatch.setattr(align, "load_judge", lambda: judge)
    monkeypatch.setattr(align, "CLAUSE_LINK", 1.01)
    return align.score_pairs(statements, embeddings, np.zeros((2, 2), np.float32),
                             np.zeros((2, 2), bool), tokens=pieces)


def test_a_judge_learned_on_clause_rows_reads_a_main_clause_as_a_statement(monkeypatch):
    found = _judged_on_the_relation_model(monkeypatch, RESCUED, ("clause_row",))
    # whole, the first says more than the second: the judge is unsure (and the parse reads
    # the first as asserting only "sank")
    assert align.CLAUSE_FLOOR <= found.verdict[0, 1] < found.band
    # its clause "the coastguard rescued all 40 passengers", judged as a statement, is the
    # other's fact at the band, with the other's predicate
    assert (0, 1) in found.clause_linked and found.linked(0, 1, True)


def test_a_judge_learned_on_whole_statements_never_reads_a_clause_alone(monkeypatch):
    # its verdict on a short clause would be a near copy's (docs/experiments.md, "recall3")
    found = _judged_on_the_relation_model(monkeypatch, RESCUED, ())
    assert align.CLAUSE_FLOOR <= found.verdict[0, 1] < found.band
    assert not found.clause_linked and not found.linked(0, 1, True)


def test_a_clause_judged_likely_with_another_predicate_does_not_link(monkeypatch):
    found = _judged_on_the_relation_model(
        monkeypatch, "The coastguard searched for all 40 passengers.", ("clause_row",))
    assert align.CLAUSE_FLOOR <= found.verdict[0, 1] < found.band
    # "rescued" is not "searched for", however close the rest
    assert (0, 1) not in found.clause_linked and not found.linked(0, 1, True)


def _scored(texts: list[str]) -> align.PairEvidence:
    statements = [Span(chr(97 + n), 0, len(text), text) for n, text in enumerate(texts)]
    embeddings = load_encoder().encode(texts)
    n = len(texts)
    return align.score_pairs(statements, embeddings, np.zeros((n, n), np.float32),
                             np.zeros((n, n), bool))


def test_a_clause_row_is_weighed_on_its_own_words_and_says_it_is_a_clause():
    evidence = _scored([RESCUE, RESCUED, "The ferry sailed from Norwick."])
    evidence._find_clauses({0})
    k = evidence.clause_texts[0].index("the coastguard rescued all 40 passengers")
    names = ("shared_words", "covered_least", "length_ratio", "clause_row", "left_out")
    rows, read = evidence.clause_rows([(0, 1)], names)
    clause = read[rows.index((0, 0, 1, k))]
    whole = evidence.features(np.array([0]), np.array([1]), names)[0]
    # all the clause says the other says, and the two are of a length; nothing is left out
    assert clause[1] > whole[1] + 0.3 and clause[0] > whole[0] and clause[2] > whole[2]
    assert (clause[3], whole[3]) == (1.0, 0.0)
    # the other says nothing the first does not, whole or clause: no left-out word
    assert clause[4] == whole[4] == 0.0


def test_left_out_sees_each_side_name_what_the_other_does_not():
    terms = [frozenset({"shot", "court", "reporter"}),
             frozenset({"shot", "kill", "custom", "agent"}),
             frozenset({"shot", "court", "reporter", "monday"}), frozenset({"fire"})]
    weights = align.term_weights(terms)
    # whom he shot differs: each names someone the other does not
    assert align.left_out(terms[0], terms[1], weights) > 0.5
    # one adds a day to the other's fact: nothing of the other's is left out
    assert align.left_out(terms[0], terms[2], weights) == 0.0


def test_a_clause_row_takes_its_pairs_gold_label_only_where_it_holds_the_shared_words():
    from newsprism.compare.train import clause_rows

    evidence = _scored([RESCUE, RESCUED])
    evidence._find_clauses({0, 1})
    # "The ferry Lady Anne sank off Norwick on Monday" holds none of what the two share
    X, same = clause_rows(evidence, [(0, 1)], [True])
    assert same == [True] * len(X) and len(X) == 1
    assert X[0, align.JUDGE_FEATURES.index("clause_row")] == 1.0
    # judged different, no main clause of either states the other's fact
    X, same = clause_rows(evidence, [(0, 1)], [False])
    assert same == [False] * len(X) and len(X) == len(evidence.clause_texts[0])
