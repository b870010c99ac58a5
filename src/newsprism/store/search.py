"""Search (``store.search``): the sentence index, the vectors, and search over both.

Sentences are indexed by their offsets (their text stays in the article); vectors are float32,
stored per encoder ``kind`` (e.g. ``"wordllama-256"``), one per sentence or, at index -1, per
article. Both searches return ``SearchHit``s, best first, within ``SearchFilters`` (level,
dates, story, limit, copies); each sentence hit carries its exact span of the article.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from newsprism.model import Sentence
from newsprism.store.articles import Articles
from newsprism.store.database import Database, chunks, date_filter, marks
from newsprism.store.records import Level, SearchFilters, SearchHit
from newsprism.store.stories import Stories

VECTOR_CHUNK = 4096  # vectors scored at a time: bounds memory of semantic search


class Search:
    def __init__(self, db: Database, articles: Articles, stories: Stories) -> None:
        self.db = db
        self._articles = articles
        self._stories = stories

    def index_sentences(self, sentences: Sequence[Sentence]) -> None:
        """Index sentences for full-text search; ones already indexed are left as they are."""
        with self.db.transaction():
            ids = list({s.doc for s in sentences})
            done: set[tuple[str, int]] = set()
            for chunk in chunks(ids):
                done.update(self.db.execute(
                    f"SELECT article_id, idx FROM sentences WHERE article_id IN ({marks(chunk)})",
                    chunk,
                ))  # fmt: skip
            self.db.insert_sentences([
                (s.doc, s.index, s.start, s.end, s.text)
                for s in sentences
                if (s.doc, s.index) not in done
            ])  # fmt: skip

    def save_vectors(self, kind: str, rows: Iterable[tuple[str, int, np.ndarray]]) -> None:
        """Store ``(article_id, sentence index or -1, vector)`` rows, float32 vectors
        L2-normalised by the caller, under an encoder name; ones stored already are kept."""
        self.db.executemany(
            "INSERT INTO vectors (kind, article_id, idx, dim, vector) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (kind, article_id, idx) DO NOTHING",
            [
                (kind, article, index, len(vector), np.asarray(vector, "<f4").tobytes())
                for article, index, vector in rows
            ],
        )

    def text(self, query: str, filters: SearchFilters = SearchFilters()) -> list[SearchHit]:
        """Full-text search."""
        text_query = self.db.text_query(query)
        if not text_query:
            return []
        level = filters.level
        source, score, match = self.db.text_search_sql(level)
        where, params = self._filter(filters)
        sentence = "s.idx, s.start_char, s.end_char, " if level == "sentence" else ""
        rows = self.db.execute(
            f"SELECT a.id, {score} AS score, {sentence}a.title, a.outlet, a.date, sa.story_id "
            f"FROM {source} LEFT JOIN story_articles sa ON sa.article_id = a.id "
            f"WHERE {match}{where} ORDER BY score DESC LIMIT ?",
            (*[text_query] * score.count("?"), text_query, *params, filters.limit),
        )
        return self._hits(rows, level)

    def vectors(
        self, vector: np.ndarray, kind: str, filters: SearchFilters = SearchFilters()
    ) -> list[SearchHit]:
        """Cosine search over stored vectors, scored chunk by chunk (bounded memory)."""
        query = np.asarray(vector, dtype=np.float32).ravel()
        level, limit = filters.level, filters.limit
        where, params = self._filter(filters)
        which = "v.idx >= 0" if level == "sentence" else "v.idx = -1"
        best: list[tuple[float, str, int]] = []  # min-heap of the top ``limit``
        last = 0
        while True:
            rows = self.db.execute(
                "SELECT v.seq, v.article_id, v.idx, v.vector FROM vectors v "
                "JOIN articles a ON a.id = v.article_id "
                "LEFT JOIN story_articles sa ON sa.article_id = a.id "
                f"WHERE v.kind = ? AND v.dim = ? AND {which} AND v.seq > ?{where} "
                f"ORDER BY v.seq LIMIT {VECTOR_CHUNK}",
                (kind, len(query), last, *params),
            )
            if rows:
                matrix = np.frombuffer(b"".join(bytes(r[3]) for r in rows), "<f4")
                scores = matrix.reshape(len(rows), len(query)) @ query
                for row, value in zip(rows, scores.tolist(), strict=True):
                    item = (value, row[1], row[2])
                    if len(best) < limit:
                        heapq.heappush(best, item)
                    elif item > best[0]:
                        heapq.heapreplace(best, item)
            if len(rows) < VECTOR_CHUNK:
                break
            last = rows[-1][0]
        ranked = sorted(best, reverse=True)
        return [self._vector_hit(article, index, score, level) for score, article, index in ranked]

    def _vector_hit(self, article: str, index: int, score: float, level: Level) -> SearchHit:
        if level == "sentence":
            rows = self.db.execute(
                "SELECT a.id, s.idx, s.start_char, s.end_char, a.title, a.outlet, a.date, "
                "sa.story_id FROM articles a JOIN sentences s ON s.article_id = a.id "
                "LEFT JOIN story_articles sa ON sa.article_id = a.id "
                "WHERE a.id = ? AND s.idx = ?",
                (article, index),
            )
        else:
            rows = self.db.execute(
                "SELECT a.id, a.title, a.outlet, a.date, sa.story_id FROM articles a "
                "LEFT JOIN story_articles sa ON sa.article_id = a.id WHERE a.id = ?",
                (article,),
            )
        hits = self._hits([(r[0], score, *r[1:]) for r in rows], level)
        return hits[0] if hits else SearchHit(article, score, None, None, None, None, index)

    def _hits(self, rows: list[tuple], level: Level) -> list[SearchHit]:
        if level == "article":
            return [SearchHit(r[0], float(r[1]), r[2], r[3], r[4], r[5], text=r[2]) for r in rows]
        texts = {a.id: a.text for a in self._articles.get_many(list({r[0] for r in rows}))}
        return [
            SearchHit(r[0], float(r[1]), r[5], r[6], r[7], r[8], r[2], r[3], r[4],
                      texts[r[0]][r[3]:r[4]])
            for r in rows
        ]  # fmt: skip

    def _filter(self, filters: SearchFilters) -> tuple[str, list[Any]]:
        where, params = date_filter("a", filters.since, filters.until)
        if filters.story is not None:
            where += " AND sa.story_id = ?"
            params.append(self._stories.resolve(filters.story) or filters.story)
        if not filters.copies:
            where += " AND a.duplicate_of IS NULL"
        return where, params
