"""Align statements that state the same fact in different articles.

Three kinds of evidence for each pair: meaning (sentence-embedding cosine), words they share
that are rare in this set of articles (IDF-weighted, so "scheduled" counts and "Russia" barely
does), and figures both state. Topic alone makes the cosine of two statements about one summit
high, so a link needs more than a high cosine: the two must be each other's best match in the
other article (mutual best), close in meaning, and share rare words or a figure unless their
meaning is very close. Without mutual best only near-identical statements link. Linked
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


@dataclass(frozen=True)
class PairEvidence:
    """Evidence for every pair of statements (0 within one article)."""

    cosine: np.ndarray
    lexical: np.ndarray
    figures: np.ndarray
    blocked: np.ndarray  # True: known to state different facts (different remarks quoted)

    @property
    def strength(self) -> np.ndarray:
        """What ranks a statement's candidates in another article."""
        return self.cosine + 0.5 * self.lexical + 0.15 * self.figures

    def linked(self, i: int, j: int, mutual: bool) -> bool:
        cosine, lexical, figure = self.cosine[i, j], self.lexical[i, j], self.figures[i, j]
        if self.blocked[i, j]:
            return False
        if not mutual:
            return bool(cosine >= 0.85 or (cosine >= 0.65 and (lexical >= 0.35 or figure)))
        return bool(cosine >= 0.40 and (lexical >= 0.16 or figure or cosine >= 0.65))

    def related(self, i: int, j: int) -> bool:
        return bool(self.cosine[i, j] >= RELATED)


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
    return PairEvidence(*evidence, blocked=blocked)


def group_statements(statements: Sequence[Span], evidence: PairEvidence) -> list[list[int]]:
    """Groups of statement indices saying the same thing, at most one per article."""
    docs = np.array([s.doc for s in statements])
    strength = evidence.strength
    best: dict[tuple[int, str], int] = {}
    for doc in dict.fromkeys(docs):
        members = np.flatnonzero(docs == doc)
        choice = members[np.argmax(strength[:, members], axis=1)]
        for i, j in enumerate(choice):
            if docs[i] != doc:
                best[(i, doc)] = int(j)
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
