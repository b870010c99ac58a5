"""The same remark quoted in different words by different sources.

Two quotes are one remark rendered differently when the same speaker says them in different
articles, about the same thing (their sentences are close in meaning) and the quoted words
differ. "candid and meaningful" and "frank and substantive exchange of opinions" are Kim's one
characterisation of the talks.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsprism.model import Quote

SAME_REMARK = 0.5  # cosine between the two quotes' sentences


def _words(text: str) -> set[str]:
    return {w.strip(".,;:!?").lower() for w in text.split()}


def differently_worded(
    quotes: Sequence[Quote], context: np.ndarray
) -> list[tuple[Quote, Quote]]:
    """Pairs of quotes (one remark, two wordings); ``context`` holds each quote's sentence
    embedding, row-aligned with ``quotes``."""
    pairs = []
    for i, a in enumerate(quotes):
        for j in range(i + 1, len(quotes)):
            b = quotes[j]
            if a.doc == b.doc or a.speaker is None or a.speaker != b.speaker:
                continue
            words_a, words_b = _words(a.text), _words(b.text)
            overlap = len(words_a & words_b) / max(1, min(len(words_a), len(words_b)))
            if overlap < 0.5 and float(context[i] @ context[j]) >= SAME_REMARK:
                pairs.append((a, b))
    return pairs
