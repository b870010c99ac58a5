"""A statement's clauses, and the judge's feature that sees one statement hold another's fact."""

from __future__ import annotations

import numpy as np

from newsprism.compare import align
from newsprism.compare.clauses import clause_text, clauses
from newsprism.compare.judge import Judge
from newsprism.embed import load_encoder
from newsprism.model import Span
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


def test_a_pair_the_judge_is_unsure_of_links_when_a_main_clause_says_the_others_fact(monkeypatch):
    texts = [("a", "Dale Ferris was arrested on Friday and booked into the Calder city jail, where "
              "he is held without bail on charges of assault, Sgt. Hume said."),
             ("b", "Police arrested Dale Ferris on Friday.")]
    statements = [Span(doc, 0, len(text), text) for doc, text in texts]
    embeddings = load_encoder().encode([text for _, text in texts])
    # a judge unsure of the pair whole: it weighs the relation model's P (low, the second is
    # all of the first's main clause and nothing of its jail) against the cosine
    judge = Judge(LinearModel(np.zeros(2), np.ones(2), np.array([4.0, -4.0]), 2.0), 0.95, {},
                  ("same_fact", "cosine"), band=0.6)
    monkeypatch.setattr(align, "load_judge", lambda: judge)

    def evidence() -> align.PairEvidence:
        return align.score_pairs(statements, embeddings, np.zeros((2, 2), np.float32),
                                 np.zeros((2, 2), bool))

    linked = evidence()
    assert align.CLAUSE_FLOOR <= linked.verdict[0, 1] < linked.band
    # "Dale Ferris was arrested on Friday" says the other's fact, and both assert "arrest"
    assert linked.clause_fact[(0, 1)] >= align.CLAUSE_LINK > linked.same_fact[0, 1]
    assert linked.same_predicate(0, 1) and linked.linked(0, 1, True)
    # without the clause's yes the pair does not link
    monkeypatch.setattr(align, "CLAUSE_LINK", 1.01)
    assert not evidence().linked(0, 1, True)
