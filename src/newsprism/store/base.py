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

from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import astuple, fields

from newsprism.store.analyses import Analyses
from newsprism.store.articles import Articles
from newsprism.store.copies import Copies
from newsprism.store.database import CHUNK, Database, chunks, marks
from newsprism.store.meta import Meta
from newsprism.store.records import SourceHealth, WatchSource
from newsprism.store.schema import migrate
from newsprism.store.search import Search
from newsprism.store.stories import Stories

_WATCH_COLUMNS = {"interval": "interval_s"}  # WatchSource fields named otherwise in SQL


class Store:
    """The corpus: one repository per kind of record over one database."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.url = db.url  # for messages, password masked
        self.stories = Stories(db)
        self.articles = Articles(db, self.stories)
        self.copies = Copies(db)
        self.search = Search(db, self.articles, self.stories)
        self.analyses = Analyses(db, self.articles, self.search)
        self.meta = Meta(db)

    def transaction(self) -> AbstractContextManager[None]:
        """Verbs of every repository inside commit together or not at all (blocks nest)."""
        return self.db.transaction()

    def migrate(self) -> list[str]:
        """Apply the migrations this database lacks (opening it did); returns their names."""
        return migrate(self.db)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- watch: sources, URL frontier, fetch log (newsprism.fetch.watch) -----------------------

    def add_watch_source(self, source: WatchSource) -> bool:
        """Start watching a source; one already watched keeps its state. True if it is new."""
        with self.db.transaction():
            if self.db.execute("SELECT 1 FROM watch_sources WHERE url = ?", (source.url,)):
                return False
            self.save_watch_source(source)
            return True

    def save_watch_source(self, source: WatchSource) -> None:
        """Create or replace a source's row (its schedule, validators, last outcome)."""
        columns = [f.name for f in fields(WatchSource)]
        names = ", ".join(_WATCH_COLUMNS.get(c, c) for c in columns)
        updates = ", ".join(f"{_WATCH_COLUMNS.get(c, c)} = excluded.{_WATCH_COLUMNS.get(c, c)}"
                            for c in columns[1:])  # fmt: skip
        self.db.execute(
            f"INSERT INTO watch_sources ({names}) VALUES ({marks(columns)}) "
            f"ON CONFLICT (url) DO UPDATE SET {updates}",
            astuple(source),
        )

    def watch_sources(self) -> list[WatchSource]:
        """Every watched source, in the order they were added."""
        names = ", ".join(_WATCH_COLUMNS.get(f.name, f.name)
                          for f in fields(WatchSource))  # fmt: skip
        rows = self.db.execute(f"SELECT {names} FROM watch_sources ORDER BY added_at, url")
        return [WatchSource(*row) for row in rows]

    def add_urls(self, urls: Sequence[str], source: str | None, at: float) -> list[str]:
        """Put article URLs in the frontier as ``pending``; returns those not met before."""
        wanted = list(dict.fromkeys(urls))
        with self.db.transaction():
            known: set[str] = set()
            for chunk in chunks(wanted):
                rows = self.db.execute(f"SELECT url FROM watch_urls WHERE url IN ({marks(chunk)})",
                                    chunk)  # fmt: skip
                known.update(url for (url,) in rows)
            new = [url for url in wanted if url not in known]
            self.db.executemany(
                "INSERT INTO watch_urls (url, source, state, found_at) VALUES (?, ?, 'pending', ?)",
                [(url, source, at) for url in new],
            )
        return new

    def pending_urls(self, limit: int = CHUNK) -> list[tuple[str, str | None, int]]:
        """``(url, source, attempts)`` of URLs still to fetch, the longest waiting first."""
        return [tuple(row) for row in self.db.execute(  # type: ignore[misc]
            "SELECT url, source, attempts FROM watch_urls WHERE state = 'pending' "
            f"ORDER BY found_at, url LIMIT {int(limit)}"
        )]  # fmt: skip

    def mark_urls(
        self, rows: Sequence[tuple[str, str | None, str, int | None, str | None]], at: float
    ) -> None:
        """Record fetches: ``(url, source, state, status, article_id)``, state ``done``,
        ``failed`` or ``pending`` (try again); a URL not in the frontier yet (a page's canonical
        link) is added."""
        self.db.executemany(
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
        for chunk in chunks(list(urls)):
            found.update(self.db.execute(
                f"SELECT url, state FROM watch_urls WHERE url IN ({marks(chunk)})", chunk
            ))  # fmt: skip
        return found

    def log_fetches(
        self, rows: Sequence[tuple[float, str, str | None, int, str, str | None]]
    ) -> None:
        """Append to the fetch log: ``(at, url, source, status, outcome, detail)``."""
        self.db.executemany(
            "INSERT INTO fetch_log (at, url, source, status, outcome, detail) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            rows,
        )

    def source_health(self, now: float, window_days: float = 7.0) -> list[SourceHealth]:
        """Each watched source with its new articles over the window and errors of the day."""
        since, day = now - window_days * 86400, now - 86400
        counts = {source: (new or 0, errors or 0) for source, new, errors in self.db.execute(
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



__all__ = ["Store"]
