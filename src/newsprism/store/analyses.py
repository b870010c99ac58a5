"""Analyses (``store.analyses``): each article's ``Analysis`` as JSON, without the article
(stored once, in its own table); saving one also indexes its sentences for search."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from newsprism.model import Analysis
from newsprism.store.articles import Articles
from newsprism.store.database import Database, chunks, marks
from newsprism.store.search import Search


class Analyses:
    def __init__(self, db: Database, articles: Articles, search: Search) -> None:
        self.db = db
        self._articles = articles
        self._search = search

    def save(self, analyses: Sequence[Analysis]) -> None:
        """Store (or replace) these analyses and index their sentences, in one transaction."""
        with self.db.transaction():
            self.db.executemany(
                "INSERT INTO analyses (article_id, data) VALUES (?, ?) "
                "ON CONFLICT (article_id) DO UPDATE SET data = excluded.data",
                [(a.article.id, json.dumps(_without_article(a))) for a in analyses],
            )
            self._search.index_sentences([s for a in analyses for s in a.sentences])

    def get(self, article_id: str) -> Analysis | None:
        return self.get_many([article_id]).get(article_id)

    def get_many(self, ids: Sequence[str]) -> dict[str, Analysis]:
        """Stored analyses of these articles (ids without one left out), in ``ids`` order."""
        data: dict[str, str] = {}
        for chunk in chunks(list(dict.fromkeys(ids))):
            data.update(self.db.execute(
                f"SELECT article_id, data FROM analyses WHERE article_id IN ({marks(chunk)})",
                chunk,
            ))  # fmt: skip
        return {
            article.id: Analysis.from_dict({**json.loads(data[article.id]),
                                            "article": article.as_dict()})
            for article in self._articles.get_many([i for i in dict.fromkeys(ids) if i in data])
        }  # fmt: skip


def _without_article(analysis: Analysis) -> dict[str, Any]:
    data = analysis.as_dict()
    data.pop("article")  # the article is stored once, in its own table
    return data
