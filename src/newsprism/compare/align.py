"""Align statements that state the same fact in different articles.

Each statement's candidate in another article is its best match there, ranked by meaning
(sentence-embedding cosine), words they share that are rare in this set of articles
(IDF-weighted, so "scheduled" counts and "Russia" barely does) and figures both state. The
relation model (``newsprism.relation``) then judges each candidate pair on its own: its yes
(P(same fact) at its MRPC-trained threshold) links the two wherever they stand. It was trained
on close restatements (MRPC, STS-B), and two outlets often state one fact loosely, with other
details around it, where it says no ("spoke far longer than scheduled" / "went more than twice
as long as scheduled"); so a pair that is each other's best match in the other article (mutual
best) and shares rare words or a figure, or is very close in meaning, links too. Linked
statements form a group, one statement per article at most.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsprism.model import Span

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|\d[\d,.]*\d|\d")
RELATED = 0.55  # cosine above which two statements are about the same thing


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def content_terms(text: str, stop_words: frozenset[str]) -> set[str]:
    """Lower-cased content words, lightly stemmed ("workers" and "working" -> "work")."""
    terms = set()
    for token in _TOKEN.findall(text):
        word = re.sub(r"['’]s$", "", token.lower()).replace(",", "")
        if word in stop_words or (len(word) < 3 and not word.isdigit()):
            continue
        terms.add(_stem(word))
    return terms


def _stem(word: str) -> str:
    for suffix in ("ing", "ers", "ed", "er", "es", "s"):
        if len(word) - len(suffix) >= 4 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def rare_overlap(terms: Sequence[set[str]]) -> np.ndarray:
    """IDF-weighted Dice overlap between every pair of term sets."""
    from scipy import sparse

    vocabulary = {term: n for n, term in enumerate(sorted(set().union(*terms)))}
    rows = [i for i, ts in enumerate(terms) for _ in ts]
    cols = [vocabulary[t] for ts in terms for t in ts]
    present = sparse.csr_matrix((np.ones(len(rows), np.float32), (rows, cols)),
                                shape=(len(terms), len(vocabulary)))
    frequency = np.asarray(present.sum(axis=0)).ravel()
    idf = np.log((len(terms) + 1) / (frequency + 0.5)).astype(np.float32)
    shared = (present.multiply(idf) @ present.T).toarray()  # idf mass of the terms in common
    weights = np.diag(shared).copy()
    total = weights[:, None] + weights[None, :]
    overlap = np.divide(2 * shared, total, out=np.zeros_like(shared), where=total > 0)
    np.fill_diagonal(overlap, 0.0)
    return overlap


def match_strength(cosine: np.ndarray, lexical: np.ndarray, figures: np.ndarray) -> np.ndarray:
    """What ranks a statement's candidates in another article."""
    return cosine + 0.5 * lexical + 0.15 * figures


@dataclass(frozen=True)
class PairEvidence:
    """Evidence for every pair of statements (0 within one article)."""

    cosine: np.ndarray
    lexical: np.ndarray
    figures: np.ndarray
    blocked: np.ndarray  # True: known to state different facts (different remarks quoted)
    strength: np.ndarray  # what ranks a statement's candidates (``match_strength``)
    best: dict[tuple[int, str], int]  # the candidates: ``best_matches`` by strength
    same_fact: np.ndarray  # the relation model's P(same fact) for candidate pairs, else 0
    threshold: float  # the relation model's yes

    def linked(self, i: int, j: int, mutual: bool) -> bool:
        cosine, lexical, figure = self.cosine[i, j], self.lexical[i, j], self.figures[i, j]
        if self.blocked[i, j]:
            return False
        if self.same_fact[i, j] >= self.threshold:
            return True
        return mutual and bool(cosine >= 0.40 and (lexical >= 0.16 or figure or cosine >= 0.65))

    def related(self, i: int, j: int) -> bool:
        """About the same thing: close in meaning, or one fact for the relation model."""
        return bool(self.cosine[i, j] >= RELATED or self.same_fact[i, j] >= self.threshold)


def score_pairs(
    statements: Sequence[Span],
    embeddings: np.ndarray,
    same_figure: np.ndarray,
    blocked: np.ndarray,
) -> PairEvidence:
    stop_words = _stop_words()
    docs = np.array([s.doc for s in statements])
    same_doc = docs[:, None] == docs[None, :]
    evidence = [
        embeddings @ embeddings.T,
        rare_overlap([content_terms(s.text, stop_words) for s in statements]),
        same_figure,
    ]
    for matrix in evidence:
        matrix[same_doc] = 0.0
    cosine, lexical, figures = evidence
    strength = match_strength(cosine, lexical, figures)
    best = best_matches(docs, strength)
    same_fact, threshold = judge_candidates(statements, embeddings, best)
    return PairEvidence(cosine, lexical, figures, blocked, strength, best, same_fact, threshold)


def best_matches(docs: np.ndarray, strength: np.ndarray) -> dict[tuple[int, str], int]:
    """``(i, doc) -> j``: statement ``j`` is statement ``i``'s strongest match in article
    ``doc`` (for every other article)."""
    best: dict[tuple[int, str], int] = {}
    for doc in dict.fromkeys(docs):
        members = np.flatnonzero(docs == doc)
        choice = members[np.argmax(strength[:, members], axis=1)]
        for i, j in enumerate(choice):
            if docs[i] != doc:
                best[(i, doc)] = int(j)
    return best


def judge_candidates(
    statements: Sequence[Span], embeddings: np.ndarray, best: dict[tuple[int, str], int]
) -> tuple[np.ndarray, float]:
    """The relation model's P(same fact) of each candidate pair (0 for the other pairs), and
    its threshold. Only best matches are judged: a briefing of many articles has far more pairs
    than the model needs to see."""
    from newsprism.relation import load_relation_model

    model = load_relation_model()
    pairs = sorted({(min(i, j), max(i, j)) for (i, _), j in best.items()})
    same_fact = np.zeros((len(statements), len(statements)), dtype=np.float64)
    if pairs:
        first, second = (np.array(side) for side in zip(*pairs, strict=True))
        probs = model.same_fact([statements[i].text for i in first],
                                [statements[j].text for j in second],
                                emb_a=embeddings[first], emb_b=embeddings[second])
        same_fact[first, second] = same_fact[second, first] = probs
    return same_fact, model.same_fact_threshold


def group_statements(statements: Sequence[Span], evidence: PairEvidence) -> list[list[int]]:
    """Groups of statement indices saying the same thing, at most one per article."""
    docs = np.array([s.doc for s in statements])
    strength, best = evidence.strength, evidence.best
    links = []
    for (i, _), j in best.items():
        mutual = best.get((j, docs[i])) == i
        if evidence.linked(i, j, mutual) and (i < j or not mutual):  # mutual links once
            links.append((float(strength[i, j]), i, j))
    return _join(len(statements), list(docs), sorted(links, reverse=True))


def _join(n: int, docs: list[str], links: list[tuple[float, int, int]]) -> list[list[int]]:
    """Union strongest links first, never putting two statements of one article together."""
    parent = list(range(n))
    members: dict[int, set[int]] = {i: {i} for i in range(n)}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _, i, j in links:
        a, b = root(i), root(j)
        if a == b or {docs[k] for k in members[a]} & {docs[k] for k in members[b]}:
            continue
        parent[b] = a
        members[a] |= members.pop(b)
    return [sorted(group) for group in members.values()]
