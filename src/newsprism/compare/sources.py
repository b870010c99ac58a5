"""Which articles are independent sources.

Articles from one outlet are one source, and so are copies of one text (reprinted wire copy,
found by ``newsprism.dedup``): counting them twice would turn one report into several
confirmations. The rule is the store's (``source_key``): a copy counts as its original.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.dedup import DuplicateFinder
from newsprism.model import Article
from newsprism.store.records import source_key


def source_keys(articles: Sequence[Article]) -> dict[str, str]:
    """Article id -> the key of the independent source it belongs to."""
    _, links = DuplicateFinder().run(articles)
    original = {link.article: link.original for link in links}
    outlet = {a.id: a.outlet for a in articles}
    return {
        a.id: source_key(outlet[original.get(a.id, a.id)], original.get(a.id, a.id))
        for a in articles
    }
