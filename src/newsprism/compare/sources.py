"""Which articles are independent sources.

Articles from one outlet are one source, and so are copies of one text (reprinted wire copy):
counting them twice would turn one report into several confirmations.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsprism.model import Article

COPY_THRESHOLD = 0.6  # share of word 5-grams two texts must have in common to be copies


def _shingles(text: str, size: int = 5) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + size]) for i in range(max(1, len(words) - size + 1))}


def source_keys(articles: Sequence[Article]) -> dict[str, str]:
    """Article id -> the id of the independent source it belongs to."""
    keys: dict[str, str] = {}
    by_outlet: dict[str, str] = {}
    seen: list[tuple[str, set[tuple[str, ...]]]] = []
    for article in articles:
        shingles = _shingles(article.text)
        original = next(
            (key for key, other in seen
             if len(shingles & other) >= COPY_THRESHOLD * min(len(shingles), len(other))),
            None,
        )  # fmt: skip
        outlet = (article.outlet or "").casefold().strip()
        keys[article.id] = original or by_outlet.get(outlet) or article.id
        if outlet:
            by_outlet.setdefault(outlet, keys[article.id])
        seen.append((keys[article.id], shingles))
    return keys
