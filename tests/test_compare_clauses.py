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
