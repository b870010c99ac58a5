"""Pairs of sentences that say the same thing, so that a summary never holds both."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from newsprism.summarize.words import is_content, stem_word, tokenize


def content_stems(text: str) -> list[str]:
    return [stem_word(t) for t in tokenize(text) if is_content(t)]


def find_conflicts(
    texts: Sequence[str],
    embeddings: np.ndarray | None,
    lexical: float,
    semantic: float,
) -> list[tuple[int, int]]:
    """Pairs ``(s, t)``, ``s < t``, whose tf-idf cosine over content stems reaches ``lexical``
    or whose embedding cosine reaches ``semantic`` (when embeddings are given)."""
    if len(texts) < 2:
        return []
    vectors = TfidfVectorizer(analyzer=content_stems, sublinear_tf=True).fit_transform(texts)
    similar = (vectors @ vectors.T).toarray() >= lexical
    if embeddings is not None:
        similar |= embeddings @ embeddings.T >= semantic
    s, t = np.nonzero(np.triu(similar, k=1))
    return list(zip(s.tolist(), t.tolist(), strict=True))
