"""Align statements that state the same fact in different articles.

A pair's score blends meaning (sentence-embedding cosine) with what the pair shares that is
rare in this set of articles (IDF-weighted words, so "scheduled" counts and "Russia" barely does)
and the figures both state. Links are kept when they are each statement's best match in the
other article (mutual best) and strong enough, or strong enough alone; linked statements form a
group, one statement per article at most.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

from newsprism.model import Span

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|\d[\d,.]*\d|\d")
MUTUAL_THRESHOLD = 0.55
ALONE_THRESHOLD = 0.72


def _stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


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
    frequency = Counter(term for ts in terms for term in ts)
    n = len(terms)
    idf = {term: math.log((n + 1) / (count + 0.5)) for term, count in frequency.items()}
    weights = [sum(idf[t] for t in ts) for ts in terms]
    overlap = np.zeros((n, n), dtype=np.float32)
    for i in range(n):
        for j in range(i + 1, n):
            shared = terms[i] & terms[j]
            if shared:
                value = 2 * sum(idf[t] for t in shared) / (weights[i] + weights[j])
                overlap[i, j] = overlap[j, i] = value
    return overlap


def score_pairs(
    statements: Sequence[Span], embeddings: np.ndarray, same_figure: np.ndarray
) -> np.ndarray:
    """Same-fact scores for every pair of statements (0 within one article)."""
    stop_words = _stop_words()
    cosine = embeddings @ embeddings.T
    lexical = rare_overlap([content_terms(s.text, stop_words) for s in statements])
    scores = 0.65 * cosine + 0.45 * lexical + 0.15 * same_figure
    docs = np.array([s.doc for s in statements])
    scores[docs[:, None] == docs[None, :]] = 0.0
    return scores


def group_statements(statements: Sequence[Span], scores: np.ndarray) -> list[list[int]]:
    """Groups of statement indices saying the same thing, at most one per article."""
    docs = [s.doc for s in statements]
    doc_ids = sorted(set(docs))
    best: dict[tuple[int, str], int] = {}
    for i in range(len(statements)):
        for doc in doc_ids:
            if doc != docs[i]:
                members = [j for j in range(len(statements)) if docs[j] == doc]
                if members:
                    best[(i, doc)] = max(members, key=lambda j: scores[i, j])
    links = []
    for (i, _), j in best.items():
        mutual = best.get((j, docs[i])) == i
        strong = scores[i, j] >= ALONE_THRESHOLD or (mutual and scores[i, j] >= MUTUAL_THRESHOLD)
        if strong and (i < j or not mutual):  # a mutual link is listed once
            links.append((float(scores[i, j]), i, j))
    return _join(len(statements), docs, sorted(links, reverse=True))


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
