"""Which articles are independent sources.

Articles from one outlet are one source, and so are copies of one text (reprinted wire copy,
found by ``newsprism.dedup``): counting them twice would turn one report into several
confirmations.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.dedup import DuplicateFinder
from newsprism.model import Article


def source_keys(articles: Sequence[Article]) -> dict[str, str]:
    """Article id -> the id of the independent source it belongs to."""
    _, links = DuplicateFinder().run(articles)
    original = {link.article: link.original for link in links}
    keys: dict[str, str] = {}
    by_outlet: dict[str, str] = {}
    for article in articles:
        outlet = (article.outlet or "").casefold().strip()
        copied = original.get(article.id)
        keys[article.id] = (keys.get(copied) if copied else None) or by_outlet.get(outlet) or (
            article.id
        )
        if outlet:
            by_outlet.setdefault(outlet, keys[article.id])
    return keys
