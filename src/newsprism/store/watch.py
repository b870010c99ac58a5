"""Watch (``store.watch``): what ``newsprism watch`` keeps between runs: the sources it polls
with their validators and schedules, the URL frontier (every article URL met: ``pending`` until
fetched, then ``done`` or ``failed``) and the fetch log. Times are Unix seconds."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import astuple, fields

from newsprism.store.database import CHUNK, Database, chunks, marks
from newsprism.store.records import (
    FetchedURL,
    FetchLogEntry,
    PendingURL,
    SourceHealth,
    WatchSource,
)

_WATCH_COLUMNS = {"interval": "interval_s"}  # WatchSource fields named otherwise in SQL


class Watch:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add_source(self, source: WatchSource) -> bool:
        """Start watching a source; one already watched keeps its state. True if it is new."""
        with self.db.transaction():
            if self.db.execute("SELECT 1 FROM watch_sources WHERE url = ?", (source.url,)):
                return False
            self.save_source(source)
            return True

    def save_source(self, source: WatchSource) -> None:
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

    def drop_source(self, url: str) -> None:
        """Stop polling a source; the URLs it gave stay in the frontier, its fetches in the log."""
        self.db.execute("DELETE FROM watch_sources WHERE url = ?", (url,))

    def sources(self) -> list[WatchSource]:
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
                rows = self.db.execute(
                    f"SELECT url FROM watch_urls WHERE url IN ({marks(chunk)})", chunk
                )
                known.update(url for (url,) in rows)
            new = [url for url in wanted if url not in known]
            self.db.executemany(
                "INSERT INTO watch_urls (url, source, state, found_at) VALUES (?, ?, 'pending', ?)",
                [(url, source, at) for url in new],
            )
        return new

    def pending(self, limit: int = CHUNK) -> list[PendingURL]:
        """URLs still to fetch, the longest waiting first."""
        return [PendingURL(*row) for row in self.db.execute(
            "SELECT url, source, attempts FROM watch_urls WHERE state = 'pending' "
            f"ORDER BY found_at, url LIMIT {int(limit)}"
        )]  # fmt: skip

    def mark(self, fetched: Sequence[FetchedURL], at: float) -> None:
        """Record fetches made at ``at`` in the frontier; a URL not in it yet (a page's
        canonical link) is added."""
        self.db.executemany(
            "INSERT INTO watch_urls (url, source, state, attempts, article_id, status, found_at, "
            "fetched_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET "
            "state = excluded.state, attempts = watch_urls.attempts + 1, "
            "article_id = coalesce(excluded.article_id, watch_urls.article_id), "
            "status = excluded.status, fetched_at = excluded.fetched_at",
            [(f.url, f.source, f.state, f.article, f.status, at, at) for f in fetched],
        )

    def states(self, urls: Sequence[str]) -> dict[str, str]:
        """The frontier state of each of these URLs that is in it."""
        found: dict[str, str] = {}
        for chunk in chunks(list(urls)):
            found.update(self.db.execute(
                f"SELECT url, state FROM watch_urls WHERE url IN ({marks(chunk)})", chunk
            ))  # fmt: skip
        return found

    def articles(self, urls: Sequence[str]) -> dict[str, str]:
        """The article last stored from each of these URLs that gave one (a live page's
        latest version)."""
        found: dict[str, str] = {}
        for chunk in chunks(list(urls)):
            found.update(self.db.execute(
                f"SELECT url, article_id FROM watch_urls WHERE url IN ({marks(chunk)}) "
                "AND article_id IS NOT NULL", chunk
            ))  # fmt: skip
        return found

    def log(self, entries: Sequence[FetchLogEntry]) -> None:
        """Append to the fetch log."""
        self.db.executemany(
            "INSERT INTO fetch_log (at, url, source, status, outcome, detail) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [astuple(entry) for entry in entries],
        )

    def health(self, now: float, window_days: float = 7.0) -> list[SourceHealth]:
        """Each watched source with its new articles over the window and errors of the day."""
        since, day = now - window_days * 86400, now - 86400
        counts = {source: (new or 0, errors or 0) for source, new, errors in self.db.execute(
            "SELECT source, sum(CASE WHEN outcome = 'new' AND at >= ? THEN 1 ELSE 0 END), "
            "sum(CASE WHEN outcome IN ('error', 'retry') AND at >= ? THEN 1 ELSE 0 END) "
            "FROM fetch_log WHERE at >= ? GROUP BY source",
            (since, day, min(since, day)),
        )}  # fmt: skip
        latest = self._latest_errors(day)
        health = []
        for source in self.sources():
            new, errors = counts.get(source.url, (0, 0))
            days = min(window_days, max(1.0, (now - source.added_at) / 86400))
            health.append(SourceHealth(source, int(new), days, int(errors),
                                       latest.get(source.url, source.last_error)))
        return health

    def _latest_errors(self, since: float) -> dict[str, str]:
        """Each source's latest failed fetch since ``since``, as one line: the source's own
        problem, or a page's URL and its problem."""
        rows = self.db.execute(
            "SELECT f.source, f.url, f.detail FROM fetch_log f JOIN (SELECT source, max(at) AS at "
            "FROM fetch_log WHERE outcome IN ('error', 'retry') AND at >= ? GROUP BY source) m "
            "ON f.source = m.source AND f.at = m.at WHERE f.outcome IN ('error', 'retry') "
            "ORDER BY f.url",
            (since,),
        )
        return {source: detail if url == source else f"{url}: {detail}"
                for source, url, detail in rows}  # fmt: skip

