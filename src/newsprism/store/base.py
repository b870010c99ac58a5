"""The corpus store: one interface, SQL shared by both backends, dialect bits in subclasses.

A ``Store`` keeps articles, their analyses, duplicate links, search indexes (full text and
vectors) and the stories the clusterer builds. Every verb is atomic on its own; wrap several in
``with store.transaction():`` to make them one (verbs nest inside it, and nothing is written
unless the whole block succeeds). Ingest uses one transaction per batch, so a process killed
mid-batch loses that batch only, and a rerun redoes it.

Verbs (``Article``, ``Analysis``, ``Sentence``, ``Fingerprint``, ``DuplicateLink`` come from
``newsprism.model``; the other records from ``newsprism.store.records``):

Articles
    ``save_articles(articles, fingerprints=(), links=()) -> SaveResult``
        insert new articles (one transaction); an id already stored with the same text is left
        alone (``unchanged``), with different text it is refused (``conflicts``): never overwritten.
    ``get_article(id) -> Article | None``, ``get_articles(ids) -> list[Article]``
    ``has_article(id) -> bool``, ``has_articles(ids) -> set[str]``, ``stored_hashes(ids) ->
        dict[str, str]`` (id to ``content_hash`` of its exact text: "same again" or "other text")
    ``has_text(text_hash) -> str | None``: the original of a stored article with that
        normalised text (``newsprism.dedup.hash_text``)
    ``articles_since(since=None, until=None) -> Iterator[Article]``: by ingestion order, streamed
        (dates are ISO strings compared on their first 10 chars; articles without a date are
        left out when a bound is given)
    ``count_articles() -> int``
Duplicates (see ``newsprism.dedup``)
    ``duplicates_of(id) -> list[DuplicateLink]``: the copies of an original
    ``duplicate_link(id) -> DuplicateLink | None``: what an article is a copy of
    ``originals(ids) -> dict[str, str]``: each id to its original (itself when independent), so
        a briefing counts independent sources
    ``similar_fingerprints(band_keys) -> list[tuple[Fingerprint, str]]``: stored fingerprints
        sharing an LSH band key, each with its article's original
Analyses and search
    ``save_analyses(analyses)``: the analysis as JSON plus its sentences for search
    ``get_analysis(id) -> Analysis | None``
    ``save_sentences(sentences)``: sentence index for full-text search (no analysis needed)
    ``save_vectors(kind, rows)``: rows of ``(article_id, sentence_index or -1, vector)``;
        ``kind`` names the encoder, e.g. ``"wordllama-256"``; -1 is the article's own vector
    ``vectors_of(kind, article_ids, index=-1) -> dict[str, np.ndarray]``
    ``search_text(query, filters=SearchFilters())``
    ``search_vectors(vector, kind, filters=SearchFilters())``
        both return ``list[SearchHit]``, best first, within the filters (level, dates, story,
        limit, copies); ``search_vectors`` streams the vectors in chunks (memory stays bounded)
Storylines: ``store.storylines`` (``newsprism.store.storylines``), the level above stories.

Stories (for ``newsprism.stories``; the store keeps ids, membership and redirects, the
clusterer's features travel as an opaque ``state`` blob it serialises itself)
    ``save_story(id, title=None, state=None)``: create or update
    ``story_states(ids) -> dict[str, bytes]``: the state blobs of these stories (those that have
        one; redirects not followed), read in chunks
    ``assign_article(article_id, story_id)``: an article belongs to one story; reassigning moves it
    ``assign_articles([(article_id, story_id), ...])``: the same for a batch, recounting each
        story once
    ``merge_stories(old_id, into_id)``: members move, ``old_id`` redirects to ``into_id`` for good
    ``resolve_story(id) -> str | None``: follows redirects
    ``get_story(id) -> StoredStory | None`` (redirects followed), ``list_stories(since, until,
        limit, with_state=False) -> list[StoredStory]`` (live stories, latest news first)
    ``story_of(article_ids) -> dict[str, str]``, ``unassigned_articles(limit) -> list[Article]``
        (stored but not yet in a story: what a resumed clusterer must still place)
    ``list_stories`` also pages (``offset``) and filters: ``among`` (story ids), ``outlet``
        (stories with an article from it, case-insensitive)
    ``summarise_stories(ids)``: recount the summary a story row keeps of its stored articles
        (first/last date, article and independent-source counts); ``assign_articles``,
        ``merge_stories`` and ``save_articles`` (an article assigned before it was stored) call
        it in their own transaction, so the rows are always in step with the members
Reading (for the web app)
    ``article_heads(ids) -> list[ArticleHead]``: articles without their text, with originals
    ``save_story_briefing(story_id, key, data)``, ``get_story_briefing(story_id, key) -> str |
        None``: a story's briefing JSON cached under a key the caller derives from its members
        (a new key replaces the old entry, so a story that grows is briefed again)
    ``save_story_html(story_id, key, html)``, ``get_story_html(story_id, key) -> str | None``:
        the briefing rendered for the story page, kept beside the JSON under the same key (a
        new briefing clears it)
    ``get_analyses(ids) -> dict[str, Analysis]``: stored analyses of these articles, batched

Watch (``newsprism watch``: ``WatchSource``, ``SourceHealth``; times in Unix seconds)
    ``add_watch_source(source) -> bool``, ``save_watch_source(source)``, ``watch_sources()``
    ``add_urls(urls, source, at) -> list[str]``: the URL frontier; returns the URLs new to it
    ``pending_urls(limit)``, ``mark_urls(rows, at)``, ``url_states(urls)``: fetching
        state of frontier URLs (``pending``, ``done``, ``failed``)
    ``log_fetches(rows)``, ``source_health(now) -> list[SourceHealth]``: the fetch log

Errors from the database (locked, unreachable, not a database) come out as one-line
``StoreError`` messages naming the database; the open transaction is rolled back first.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import astuple, dataclass, field, fields
from typing import Any

import numpy as np

from newsprism.errors import NotFoundError, StoreError
from newsprism.model import Analysis, Article, DuplicateLink, Fingerprint, Sentence, source_key
from newsprism.store.records import (
    ArticleHead,
    Level,
    SearchFilters,
    SearchHit,
    SourceHealth,
    StoredStory,
    WatchSource,
)
from newsprism.store.schema import apply_migrations, is_newsprism_database, now_iso
from newsprism.store.storylines import StorylineRepository

CHUNK = 500  # ids per IN (...) query and rows per streamed page
VECTOR_CHUNK = 4096  # vectors scored at a time: bounds memory of semantic search
_ARTICLE_COLUMNS = "id, text, title, outlet, author, date, url, path"
_WATCH_COLUMNS = {"interval": "interval_s"}  # WatchSource fields named otherwise in SQL
_WORD = re.compile(r"\w+")


@dataclass
class SaveResult:
    saved: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # already stored with the same text
    conflicts: list[str] = field(default_factory=list)  # already stored with different text


def content_hash(text: str) -> str:
    """Hash of the exact text: tells "same article again" from "same id, other text"."""
    return hashlib.sha1(text.encode()).hexdigest()


class Store:
    """Shared verbs; subclasses give the connection, the dialect's SQL and error messages."""

    dialect: str = ""
    url: str = ""  # for messages, password masked

    def __init__(self) -> None:
        self._depth = 0
        self.storylines = StorylineRepository(self)

    # --- connection and transactions (subclasses provide _begin/_commit/_rollback/_raw_*) ----

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All verbs inside commit together or not at all; nested blocks join the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._guard(self._begin)
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self._rollback()
            raise
        self._depth = 0
        self._guard(self._commit)

    def _guard(self, call: Any, *args: Any) -> Any:
        try:
            return call(*args)
        except StoreError:
            raise
        except Exception as exc:
            if self._is_db_error(exc):
                if self._depth:
                    self._depth = 0
                    self._rollback()
                raise StoreError(self._explain(exc)) from exc
            raise

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        """Run one statement (``?`` placeholders); returns its rows."""
        return self._guard(self._raw_execute, sql, tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = [tuple(r) for r in rows]
        if rows:
            with self.transaction():  # one transaction, not one per row
                self._guard(self._raw_executemany, sql, rows)

    def _begin(self) -> None:
        raise NotImplementedError

    def _commit(self) -> None:
        raise NotImplementedError

    def _rollback(self) -> None:
        raise NotImplementedError

    def _raw_execute(self, sql: str, params: tuple) -> list[tuple]:
        raise NotImplementedError

    def _raw_executemany(self, sql: str, rows: list[tuple]) -> None:
        raise NotImplementedError

    def _is_db_error(self, exc: Exception) -> bool:
        raise NotImplementedError

    def _explain(self, exc: Exception) -> str:
        raise NotImplementedError

    def _insert_sentences(self, rows: list[tuple[str, int, int, int, str]]) -> None:
        raise NotImplementedError

    def _text_search_sql(self, level: Level) -> tuple[str, str, str]:
        """(FROM/JOIN clause, score expression, MATCH condition) for a full-text search."""
        raise NotImplementedError

    def _text_query(self, query: str) -> str:
        return query

    def _table_names(self) -> set[str]:
        """The tables of the database (of its current schema, on PostgreSQL)."""
        raise NotImplementedError

    def refuse_foreign(self) -> None:
        """Raise ``StoreError``, having written nothing, unless the database is empty or
        newsprism's: another application's tables are never touched."""
        tables = self._table_names()
        if tables and not is_newsprism_database(self, tables):
            some = ", ".join(sorted(tables)[:3]) + (", ..." if len(tables) > 3 else "")
            raise StoreError(
                f"{self.url}: not a newsprism database (it holds other tables: {some}); "
                "nothing was written — give --db a new file or an empty database"
            )

    def migrate(self) -> list[str]:
        """Apply the migrations this database lacks; returns their names."""
        return apply_migrations(self)

    # --- articles -----------------------------------------------------------------------------

    def save_articles(
        self,
        articles: Sequence[Article],
        fingerprints: Iterable[Fingerprint] = (),
        links: Iterable[DuplicateLink] = (),
    ) -> SaveResult:
        result = SaveResult()
        with self.transaction():
            known = self.stored_hashes([a.id for a in articles])
            new: list[Article] = []
            for article in articles:
                digest = content_hash(article.text)
                if article.id not in known:
                    known[article.id] = digest
                    new.append(article)
                    result.saved.append(article.id)
                elif known[article.id] == digest:
                    result.unchanged.append(article.id)
                else:
                    result.conflicts.append(article.id)
            saved = set(result.saved)
            prints = {f.article: f for f in fingerprints if f.article in saved}
            copies = {link.article: link for link in links if link.article in saved}
            stamp = now_iso()
            self.executemany(
                "INSERT INTO articles (id, text, title, outlet, author, date, url, path, "
                "content_hash, text_hash, duplicate_of, duplicate_kind, similarity, ingested_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (a.id, a.text, a.title, a.outlet, a.author, a.date, a.url, a.path,
                     known[a.id], getattr(prints.get(a.id), "text_hash", None),
                     *_link_columns(copies.get(a.id)), stamp)
                    for a in new
                ],
            )  # fmt: skip
            self.executemany(
                "INSERT INTO fingerprints (article_id, signature, shingles) VALUES (?, ?, ?)",
                [(f.article, f.signature, f.shingles) for f in prints.values()],
            )
            self.executemany(
                "INSERT INTO fingerprint_bands (band_key, article_id) VALUES (?, ?)",
                [(key, f.article) for f in prints.values() for key in set(f.band_keys)],
            )
            # An article may be assigned before it is stored: its story now counts it.
            self.summarise_stories(self.story_of(result.saved).values())
        return result

    def stored_hashes(self, ids: Sequence[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for chunk in _chunks(list(dict.fromkeys(ids))):
            found.update(self.execute(
                f"SELECT id, content_hash FROM articles WHERE id IN ({_marks(chunk)})", chunk
            ))  # fmt: skip
        return found

    def get_article(self, article_id: str) -> Article | None:
        found = self.get_articles([article_id])
        return found[0] if found else None

    def get_articles(self, ids: Sequence[str]) -> list[Article]:
        by_id: dict[str, Article] = {}
        for chunk in _chunks(list(ids)):
            rows = self.execute(
                f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id IN ({_marks(chunk)})", chunk
            )
            by_id.update((row[0], _article(row)) for row in rows)
        return [by_id[i] for i in ids if i in by_id]

    def has_article(self, article_id: str) -> bool:
        return bool(self.has_articles([article_id]))

    def has_articles(self, ids: Sequence[str]) -> set[str]:
        return set(self.stored_hashes(ids))

    def has_text(self, text_hash: str) -> str | None:
        rows = self.execute(
            "SELECT coalesce(duplicate_of, id) FROM articles WHERE text_hash = ? "
            "ORDER BY seq LIMIT 1",
            (text_hash,),
        )
        return rows[0][0] if rows else None

    def articles_since(
        self, since: str | None = None, until: str | None = None
    ) -> Iterator[Article]:
        where, params = _date_filter("articles", since, until)
        last = 0
        while True:
            rows = self.execute(
                f"SELECT seq, {_ARTICLE_COLUMNS} FROM articles WHERE seq > ?{where} "
                f"ORDER BY seq LIMIT {CHUNK}",
                (last, *params),
            )
            for row in rows:
                yield _article(row[1:])
            if len(rows) < CHUNK:
                return
            last = rows[-1][0]

    def count_articles(self) -> int:
        return self.execute("SELECT count(*) FROM articles")[0][0]

    # --- duplicates ---------------------------------------------------------------------------

    def duplicates_of(self, article_id: str) -> list[DuplicateLink]:
        rows = self.execute(
            "SELECT id, duplicate_of, duplicate_kind, similarity FROM articles "
            "WHERE duplicate_of = ? ORDER BY seq",
            (article_id,),
        )
        return [DuplicateLink(*row) for row in rows]

    def duplicate_link(self, article_id: str) -> DuplicateLink | None:
        rows = self.execute(
            "SELECT id, duplicate_of, duplicate_kind, similarity FROM articles "
            "WHERE id = ? AND duplicate_of IS NOT NULL",
            (article_id,),
        )
        return DuplicateLink(*rows[0]) if rows else None

    def originals(self, ids: Sequence[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for chunk in _chunks(list(ids)):
            rows = self.execute(
                "SELECT id, coalesce(duplicate_of, id) FROM articles "
                f"WHERE id IN ({_marks(chunk)})",
                chunk,
            )
            found.update(rows)
        return found

    def similar_fingerprints(self, band_keys: Sequence[int]) -> list[tuple[Fingerprint, str]]:
        if not band_keys:
            return []
        rows = self.execute(
            "SELECT f.article_id, a.text_hash, f.signature, f.shingles, "
            "coalesce(a.duplicate_of, a.id) FROM fingerprints f "
            "JOIN articles a ON a.id = f.article_id WHERE f.article_id IN ("
            f"SELECT article_id FROM fingerprint_bands WHERE band_key IN ({_marks(band_keys)}))",
            list(band_keys),
        )
        return [(Fingerprint(r[0], r[1], bytes(r[2]), r[3], ()), r[4]) for r in rows]

    # --- analyses, sentences, vectors ---------------------------------------------------------

    def save_analyses(self, analyses: Sequence[Analysis]) -> None:
        with self.transaction():
            self.executemany(
                "INSERT INTO analyses (article_id, data) VALUES (?, ?) "
                "ON CONFLICT (article_id) DO UPDATE SET data = excluded.data",
                [(a.article.id, json.dumps(_analysis_without_article(a))) for a in analyses],
            )
            self.save_sentences([s for a in analyses for s in a.sentences])

    def get_analysis(self, article_id: str) -> Analysis | None:
        return self.get_analyses([article_id]).get(article_id)

    def get_analyses(self, ids: Sequence[str]) -> dict[str, Analysis]:
        """Stored analyses of these articles (ids without one left out), in ``ids`` order."""
        data: dict[str, str] = {}
        for chunk in _chunks(list(dict.fromkeys(ids))):
            data.update(self.execute(
                f"SELECT article_id, data FROM analyses WHERE article_id IN ({_marks(chunk)})",
                chunk,
            ))  # fmt: skip
        return {
            article.id: Analysis.from_dict({**json.loads(data[article.id]),
                                            "article": article.as_dict()})
            for article in self.get_articles([i for i in dict.fromkeys(ids) if i in data])
        }  # fmt: skip

    def save_sentences(self, sentences: Sequence[Sentence]) -> None:
        """Index sentences for full-text search; ones already indexed are left as they are."""
        with self.transaction():
            ids = list({s.doc for s in sentences})
            done: set[tuple[str, int]] = set()
            for chunk in _chunks(ids):
                done.update(self.execute(
                    f"SELECT article_id, idx FROM sentences WHERE article_id IN ({_marks(chunk)})",
                    chunk,
                ))  # fmt: skip
            rows = [
                (s.doc, s.index, s.start, s.end, s.text)
                for s in sentences
                if (s.doc, s.index) not in done
            ]
            if rows:
                self._guard(self._insert_sentences, rows)

    def save_vectors(self, kind: str, rows: Iterable[tuple[str, int, np.ndarray]]) -> None:
        """Store float32 vectors (L2-normalised by the caller) under an encoder name."""
        self.executemany(
            "INSERT INTO vectors (kind, article_id, idx, dim, vector) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (kind, article_id, idx) DO NOTHING",
            [
                (kind, article, index, len(vector), np.asarray(vector, "<f4").tobytes())
                for article, index, vector in rows
            ],
        )

    def vectors_of(
        self, kind: str, article_ids: Sequence[str], index: int = -1
    ) -> dict[str, np.ndarray]:
        """Stored vectors of these articles (``index`` -1: the article's own; else a sentence)."""
        found: dict[str, np.ndarray] = {}
        for chunk in _chunks(list(article_ids)):
            rows = self.execute(
                "SELECT article_id, vector FROM vectors WHERE kind = ? AND idx = ? "
                f"AND article_id IN ({_marks(chunk)})",
                (kind, index, *chunk),
            )
            found.update((article, np.frombuffer(bytes(blob), "<f4")) for article, blob in rows)
        return found

    def search_text(self, query: str, filters: SearchFilters = SearchFilters()) -> list[SearchHit]:
        """Full-text search; each sentence hit carries its exact span in the article."""
        text_query = self._text_query(query)
        if not text_query:
            return []
        level = filters.level
        source, score, match = self._text_search_sql(level)
        where, params = self._hit_filter(filters)
        sentence = "s.idx, s.start_char, s.end_char, " if level == "sentence" else ""
        rows = self.execute(
            f"SELECT a.id, {score} AS score, {sentence}a.title, a.outlet, a.date, sa.story_id "
            f"FROM {source} LEFT JOIN story_articles sa ON sa.article_id = a.id "
            f"WHERE {match}{where} ORDER BY score DESC LIMIT ?",
            (*[text_query] * score.count("?"), text_query, *params, filters.limit),
        )
        return self._hits(rows, level)

    def search_vectors(
        self, vector: np.ndarray, kind: str, filters: SearchFilters = SearchFilters()
    ) -> list[SearchHit]:
        """Cosine search over stored vectors, scored chunk by chunk (bounded memory)."""
        query = np.asarray(vector, dtype=np.float32).ravel()
        level, limit = filters.level, filters.limit
        where, params = self._hit_filter(filters)
        which = "v.idx >= 0" if level == "sentence" else "v.idx = -1"
        best: list[tuple[float, str, int]] = []  # min-heap of the top ``limit``
        last = 0
        while True:
            rows = self.execute(
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
            rows = self.execute(
                "SELECT a.id, s.idx, s.start_char, s.end_char, a.title, a.outlet, a.date, "
                "sa.story_id FROM articles a JOIN sentences s ON s.article_id = a.id "
                "LEFT JOIN story_articles sa ON sa.article_id = a.id "
                "WHERE a.id = ? AND s.idx = ?",
                (article, index),
            )
        else:
            rows = self.execute(
                "SELECT a.id, a.title, a.outlet, a.date, sa.story_id FROM articles a "
                "LEFT JOIN story_articles sa ON sa.article_id = a.id WHERE a.id = ?",
                (article,),
            )
        hits = self._hits([(r[0], score, *r[1:]) for r in rows], level)
        return hits[0] if hits else SearchHit(article, score, None, None, None, None, index)

    def _hits(self, rows: list[tuple], level: Level) -> list[SearchHit]:
        if level == "article":
            return [SearchHit(r[0], float(r[1]), r[2], r[3], r[4], r[5], text=r[2]) for r in rows]
        texts = {a.id: a.text for a in self.get_articles(list({r[0] for r in rows}))}
        return [
            SearchHit(r[0], float(r[1]), r[5], r[6], r[7], r[8], r[2], r[3], r[4],
                      texts[r[0]][r[3]:r[4]])
            for r in rows
        ]  # fmt: skip

    def _hit_filter(self, filters: SearchFilters) -> tuple[str, list[Any]]:
        where, params = _date_filter("a", filters.since, filters.until)
        if filters.story is not None:
            where += " AND sa.story_id = ?"
            params.append(self.resolve_story(filters.story) or filters.story)
        if not filters.copies:
            where += " AND a.duplicate_of IS NULL"
        return where, params

    # --- stories ------------------------------------------------------------------------------

    def save_story(
        self, story_id: str, *, title: str | None = None, state: bytes | None = None
    ) -> None:
        stamp = now_iso()
        self.execute(
            "INSERT INTO stories (id, title, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET title = coalesce(excluded.title, stories.title), "
            "state = coalesce(excluded.state, stories.state), updated_at = excluded.updated_at",
            (story_id, title, state, stamp, stamp),
        )

    def story_states(self, story_ids: Sequence[str]) -> dict[str, bytes]:
        states: dict[str, bytes] = {}
        for chunk in _chunks(list(dict.fromkeys(story_ids))):
            states.update((story_id, bytes(state)) for story_id, state in self.execute(
                f"SELECT id, state FROM stories WHERE id IN ({_marks(chunk)}) "
                "AND state IS NOT NULL",
                chunk,
            ))  # fmt: skip
        return states

    def assign_article(self, article_id: str, story_id: str) -> None:
        self.assign_articles([(article_id, story_id)])

    def assign_articles(self, assignments: Sequence[tuple[str, str]]) -> None:
        with self.transaction():
            before = self.story_of([article_id for article_id, _ in assignments])
            targets: dict[str, str | None] = {}
            rows, touched = [], []
            for article_id, story_id in assignments:
                if story_id not in targets:
                    targets[story_id] = self.resolve_story(story_id)
                target = targets[story_id]
                if target is None:
                    raise NotFoundError(f"{self.url}: no story {story_id!r}; save_story it first")
                if before.get(article_id) == target:
                    continue
                rows.append((article_id, target))
                touched += [target] if article_id not in before else [target, before[article_id]]
                before[article_id] = target
            if not rows:
                return
            self.executemany(
                "INSERT INTO story_articles (article_id, story_id) VALUES (?, ?) "
                "ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id",
                rows,
            )
            # Once per story, however many of the batch joined it: a recount reads all members.
            self.summarise_stories(touched)

    def merge_stories(self, old_id: str, into_id: str) -> None:
        with self.transaction():
            old, into = self.resolve_story(old_id), self.resolve_story(into_id)
            if old is None or into is None:
                missing = old_id if old is None else into_id
                raise NotFoundError(f"{self.url}: cannot merge, no story {missing!r}")
            if old == into:
                return
            self.execute("UPDATE story_articles SET story_id = ? WHERE story_id = ?", (into, old))
            self.execute(
                "UPDATE stories SET merged_into = ?, updated_at = ? "
                "WHERE id = ? OR merged_into = ?",
                (into, now_iso(), old, old),
            )  # redirects stay one hop long
            self.summarise_stories([old, into])

    def resolve_story(self, story_id: str) -> str | None:
        rows = self.execute("SELECT id, merged_into FROM stories WHERE id = ?", (story_id,))
        if not rows:
            return None
        return rows[0][1] or rows[0][0]

    def get_story(self, story_id: str) -> StoredStory | None:
        live = self.resolve_story(story_id)
        if live is None:
            return None
        found = self._stories("s.id = ?", [live], limit=None, with_state=True)
        return found[0] if found else None

    def list_stories(
        self,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
        with_state: bool = False,
        *,
        offset: int = 0,
        among: Sequence[str] | None = None,
        outlet: str | None = None,
    ) -> list[StoredStory]:
        where, params = ["s.merged_into IS NULL"], []
        if among is not None:
            ids = list(dict.fromkeys(among)) or [""]
            where.append(f"s.id IN ({_marks(ids)})")
            params.extend(ids)
        if outlet is not None:
            where.append(
                "EXISTS (SELECT 1 FROM story_articles so JOIN articles ao ON ao.id = so.article_id "
                "WHERE so.story_id = s.id AND lower(ao.outlet) = lower(?))"
            )
            params.append(outlet)
        if since:
            where.append("substr(s.last_date, 1, 10) >= ?")
            params.append(since[:10])
        if until:
            where.append("substr(s.first_date, 1, 10) <= ?")
            params.append(until[:10])
        return self._stories(" AND ".join(where), params, limit, with_state, offset)

    def _stories(
        self,
        where: str,
        params: list[Any],
        limit: int | None,
        with_state: bool,
        offset: int = 0,
    ) -> list[StoredStory]:
        state = "s.state" if with_state else "NULL"
        rows = self.execute(
            f"SELECT s.id, s.title, {state}, s.created_at, s.updated_at, s.first_date, "
            f"s.last_date, s.article_count, s.source_count, se.storyline_id FROM stories s "
            f"LEFT JOIN storyline_events se ON se.story_id = s.id WHERE {where} "
            "ORDER BY s.last_date DESC NULLS LAST, s.updated_at DESC, s.id"
            + (f" LIMIT {int(limit)}" if limit else "")
            + (f" OFFSET {int(offset)}" if offset else ""),
            params,
        )
        members: dict[str, list[str]] = {r[0]: [] for r in rows}
        for chunk in _chunks(list(members)):
            for story, article in self.execute(
                "SELECT sa.story_id, sa.article_id FROM story_articles sa "
                "JOIN articles a ON a.id = sa.article_id "
                f"WHERE sa.story_id IN ({_marks(chunk)}) ORDER BY a.seq",
                chunk,
            ):
                members[story].append(article)
        return [
            StoredStory(r[0], r[1], bytes(r[2]) if r[2] is not None else None, r[3], r[4],
                        tuple(members[r[0]]), *r[5:])
            for r in rows
        ]  # fmt: skip

    def summarise_stories(self, story_ids: Iterable[str]) -> None:
        """Recount what each story row keeps of its stored articles (see ``StoredStory``)."""
        ids = list(dict.fromkeys(story_ids))
        members: dict[str, list[tuple[str | None, str | None, str]]] = {i: [] for i in ids}
        with self.transaction():
            for chunk in _chunks(ids):
                for story, *member in self.execute(
                    # A copy is its original's source, whoever reprinted it: the outlet
                    # counted is the original's.
                    "SELECT sa.story_id, a.date, "
                    "CASE WHEN a.duplicate_of IS NULL THEN a.outlet ELSE o.outlet END, "
                    "coalesce(a.duplicate_of, a.id) "
                    "FROM story_articles sa JOIN articles a ON a.id = sa.article_id "
                    "LEFT JOIN articles o ON o.id = a.duplicate_of "
                    f"WHERE sa.story_id IN ({_marks(chunk)})",
                    chunk,
                ):
                    members[story].append(tuple(member))
            self.executemany(
                "UPDATE stories SET first_date = ?, last_date = ?, article_count = ?, "
                "source_count = ? WHERE id = ?",
                [(*_story_summary(rows), story) for story, rows in members.items()],
            )

    def story_of(self, article_ids: Sequence[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for chunk in _chunks(list(article_ids)):
            found.update(self.execute(
                "SELECT article_id, story_id FROM story_articles "
                f"WHERE article_id IN ({_marks(chunk)})",
                chunk,
            ))  # fmt: skip
        return found

    # --- reading for the web app ----------------------------------------------------------------

    def article_heads(self, ids: Sequence[str]) -> list[ArticleHead]:
        """Articles without their text (cheap to list), each with its original, in ``ids`` order."""
        by_id: dict[str, ArticleHead] = {}
        for chunk in _chunks(list(ids)):
            rows = self.execute(
                "SELECT id, title, outlet, author, date, url, coalesce(duplicate_of, id) "
                f"FROM articles WHERE id IN ({_marks(chunk)})",
                chunk,
            )
            by_id.update((row[0], ArticleHead(*row)) for row in rows)
        return [by_id[i] for i in ids if i in by_id]

    def save_meta(self, key: str, value: bytes) -> None:
        """Keep a component's state between runs under ``key`` (replacing what was there)."""
        self.execute(
            "INSERT INTO meta (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) "
            "DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            (key, value, now_iso()),
        )

    def load_meta(self, key: str, *, lock: bool = False) -> bytes | None:
        """A component's saved state. ``lock``, inside a transaction: no other writer changes it
        until this one ends (SQLite's write transactions hold the whole file already)."""
        sql = "SELECT value FROM meta WHERE key = ?"
        if lock and self.dialect == "postgresql":
            sql += " FOR UPDATE"
        rows = self.execute(sql, (key,))
        return bytes(rows[0][0]) if rows else None

    def save_story_briefing(self, story_id: str, key: str, data: str) -> None:
        self.execute(
            "INSERT INTO story_briefings (story_id, key, data, created_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (story_id) DO UPDATE SET key = excluded.key, data = excluded.data, "
            "html = NULL, created_at = excluded.created_at",
            (story_id, key, data, now_iso()),
        )

    def get_story_briefing(self, story_id: str, key: str) -> str | None:
        rows = self.execute(
            "SELECT data FROM story_briefings WHERE story_id = ? AND key = ?", (story_id, key)
        )
        return rows[0][0] if rows else None

    def save_story_html(self, story_id: str, key: str, html: str) -> None:
        """Keep the page rendered from the briefing cached under ``key`` (if it still is)."""
        self.execute(
            "UPDATE story_briefings SET html = ? WHERE story_id = ? AND key = ?",
            (html, story_id, key),
        )

    def get_story_html(self, story_id: str, key: str) -> str | None:
        rows = self.execute(
            "SELECT html FROM story_briefings WHERE story_id = ? AND key = ?", (story_id, key)
        )
        return rows[0][0] if rows else None

    def unassigned_articles(self, limit: int = CHUNK) -> list[Article]:
        rows = self.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM story_articles sa WHERE sa.article_id = a.id) "
            f"ORDER BY a.seq LIMIT {int(limit)}"
        )
        return [_article(r) for r in rows]

    # --- watch: sources, URL frontier, fetch log (newsprism.fetch.watch) -----------------------

    def add_watch_source(self, source: WatchSource) -> bool:
        """Start watching a source; one already watched keeps its state. True if it is new."""
        with self.transaction():
            if self.execute("SELECT 1 FROM watch_sources WHERE url = ?", (source.url,)):
                return False
            self.save_watch_source(source)
            return True

    def save_watch_source(self, source: WatchSource) -> None:
        """Create or replace a source's row (its schedule, validators, last outcome)."""
        columns = [f.name for f in fields(WatchSource)]
        names = ", ".join(_WATCH_COLUMNS.get(c, c) for c in columns)
        updates = ", ".join(f"{_WATCH_COLUMNS.get(c, c)} = excluded.{_WATCH_COLUMNS.get(c, c)}"
                            for c in columns[1:])  # fmt: skip
        self.execute(
            f"INSERT INTO watch_sources ({names}) VALUES ({_marks(columns)}) "
            f"ON CONFLICT (url) DO UPDATE SET {updates}",
            astuple(source),
        )

    def watch_sources(self) -> list[WatchSource]:
        """Every watched source, in the order they were added."""
        names = ", ".join(_WATCH_COLUMNS.get(f.name, f.name)
                          for f in fields(WatchSource))  # fmt: skip
        rows = self.execute(f"SELECT {names} FROM watch_sources ORDER BY added_at, url")
        return [WatchSource(*row) for row in rows]

    def add_urls(self, urls: Sequence[str], source: str | None, at: float) -> list[str]:
        """Put article URLs in the frontier as ``pending``; returns those not met before."""
        wanted = list(dict.fromkeys(urls))
        with self.transaction():
            known: set[str] = set()
            for chunk in _chunks(wanted):
                rows = self.execute(f"SELECT url FROM watch_urls WHERE url IN ({_marks(chunk)})",
                                    chunk)  # fmt: skip
                known.update(url for (url,) in rows)
            new = [url for url in wanted if url not in known]
            self.executemany(
                "INSERT INTO watch_urls (url, source, state, found_at) VALUES (?, ?, 'pending', ?)",
                [(url, source, at) for url in new],
            )
        return new

    def pending_urls(self, limit: int = CHUNK) -> list[tuple[str, str | None, int]]:
        """``(url, source, attempts)`` of URLs still to fetch, the longest waiting first."""
        return [tuple(row) for row in self.execute(  # type: ignore[misc]
            "SELECT url, source, attempts FROM watch_urls WHERE state = 'pending' "
            f"ORDER BY found_at, url LIMIT {int(limit)}"
        )]  # fmt: skip

    def mark_urls(
        self, rows: Sequence[tuple[str, str | None, str, int | None, str | None]], at: float
    ) -> None:
        """Record fetches: ``(url, source, state, status, article_id)``, state ``done``,
        ``failed`` or ``pending`` (try again); a URL not in the frontier yet (a page's canonical
        link) is added."""
        self.executemany(
            "INSERT INTO watch_urls (url, source, state, attempts, article_id, status, found_at, "
            "fetched_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET "
            "state = excluded.state, attempts = watch_urls.attempts + 1, "
            "article_id = coalesce(excluded.article_id, watch_urls.article_id), "
            "status = excluded.status, fetched_at = excluded.fetched_at",
            [(url, source, state, article, status, at, at)
             for url, source, state, status, article in rows],
        )

    def url_states(self, urls: Sequence[str]) -> dict[str, str]:
        """The frontier state of each of these URLs that is in it."""
        found: dict[str, str] = {}
        for chunk in _chunks(list(urls)):
            found.update(self.execute(
                f"SELECT url, state FROM watch_urls WHERE url IN ({_marks(chunk)})", chunk
            ))  # fmt: skip
        return found

    def log_fetches(
        self, rows: Sequence[tuple[float, str, str | None, int, str, str | None]]
    ) -> None:
        """Append to the fetch log: ``(at, url, source, status, outcome, detail)``."""
        self.executemany(
            "INSERT INTO fetch_log (at, url, source, status, outcome, detail) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            rows,
        )

    def source_health(self, now: float, window_days: float = 7.0) -> list[SourceHealth]:
        """Each watched source with its new articles over the window and errors of the day."""
        since, day = now - window_days * 86400, now - 86400
        counts = {source: (new or 0, errors or 0) for source, new, errors in self.execute(
            "SELECT source, sum(CASE WHEN outcome = 'new' AND at >= ? THEN 1 ELSE 0 END), "
            "sum(CASE WHEN outcome IN ('error', 'retry') AND at >= ? THEN 1 ELSE 0 END) "
            "FROM fetch_log WHERE at >= ? GROUP BY source",
            (since, day, min(since, day)),
        )}  # fmt: skip
        health = []
        for source in self.watch_sources():
            new, errors = counts.get(source.url, (0, 0))
            days = min(window_days, max(1.0, (now - source.added_at) / 86400))
            health.append(SourceHealth(source, int(new), days, int(errors)))
        return health


def _article(row: Sequence[Any]) -> Article:
    return Article(*row)


def _story_summary(
    members: list[tuple[str | None, str | None, str]],
) -> tuple[str | None, str | None, int, int]:
    """(first date, last date, articles, independent sources) of (date, outlet, original)s."""
    dates = [date for date, _, _ in members if date is not None]
    sources = {source_key(outlet, original) for _, outlet, original in members}
    return min(dates, default=None), max(dates, default=None), len(members), len(sources)


def _link_columns(link: DuplicateLink | None) -> tuple[Any, Any, Any]:
    return (link.original, link.kind, link.similarity) if link else (None, None, None)


def _analysis_without_article(analysis: Analysis) -> dict[str, Any]:
    data = analysis.as_dict()
    data.pop("article")  # the article is stored once, in its own table
    return data


def _date_filter(table: str, since: str | None, until: str | None) -> tuple[str, list[Any]]:
    where, params = "", []
    if since:
        where += f" AND substr({table}.date, 1, 10) >= ?"
        params.append(since[:10])
    if until:
        where += f" AND substr({table}.date, 1, 10) <= ?"
        params.append(until[:10])
    return where, params


def _chunks(items: list[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    for begin in range(0, len(items), size):
        yield items[begin : begin + size]


def _marks(items: Sequence[Any]) -> str:
    return ", ".join("?" * len(items))


def fts_words(query: str) -> list[str]:
    """The words of a search query, for backends that need them one by one."""
    return _WORD.findall(query)


__all__ = ["SaveResult", "Store", "content_hash", "fts_words"]
