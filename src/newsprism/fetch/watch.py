"""``newsprism watch``: poll sources on a schedule and ingest the new article pages they list.

A round polls every source that is due (conditional requests: an unchanged feed costs a 304),
puts the article URLs it lists in the store's frontier, then fetches the frontier's pending URLs
and hands the pages to ``corpus.ingest_articles`` (copies, analysis, stories), as files are.
A URL is marked done inside the transaction that stores its article, so a watch killed at any
point and started again loses nothing and fetches again only the pages of the batch it was
fetching (``batch_size``). Each source's interval adapts:
it halves while a source keeps giving news and grows by half while it is quiet or failing, within
``[every / 4, every * 8]``. Everything that happens is a row of the store's fetch log.

An article's page watched as a source (named by the user, or a live blog met in a feed, see
``pagekind``) is read from each poll's answer itself: polled with its validators, it costs a 304
while unchanged, and a changed text is stored as a new version of the article beside the old
ones (an id of its own: the page's id and the text's hash), the old versions kept as read.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import NamedTuple

from newsprism.corpus import Analyse, OnBatch, ingest_articles
from newsprism.dedup import version_id
from newsprism.errors import InputError, InputProblem
from newsprism.fetch.charset import decode_page
from newsprism.fetch.client import Fetched, Fetcher, Request
from newsprism.fetch.pagekind import MAY_BE_LIVE, page_kind
from newsprism.fetch.pages import page_articles
from newsprism.fetch.sources import Found, read_opml, read_source, sniff_kind
from newsprism.fetch.urls import is_url, normalise_url
from newsprism.model import Analysis, Article
from newsprism.settings import DEFAULTS, Settings
from newsprism.store import Store, content_hash
from newsprism.store.records import FetchedURL, FetchLogEntry, PendingURL, WatchSource

MAX_SITEMAPS = 50  # sitemaps of an index read in one poll
# Sources that list feeds, not articles, and an article's own page: polled at the slowest.
SLOWEST = ("opml", "html", "article")
PAGES = ("article", "live")  # sources whose answer is an article's page, read as such
# A live page found in a feed is polled until its site marks it ended, for this long at most.
LIVE_SPAN = 7 * 86400.0


@dataclass
class RoundReport:
    polled: int = 0  # sources fetched
    not_modified: int = 0  # of which answered 304
    found: int = 0  # article URLs new to the frontier
    fetched: int = 0  # article pages fetched
    saved: int = 0  # new articles stored
    unchanged: int = 0  # pages whose article was stored already
    failed: int = 0  # sources and pages that failed
    lines: list[str] = field(default_factory=list)  # one per problem

    def summary(self) -> str:
        return (f"{self.polled} sources polled ({self.not_modified} unchanged), {self.found} new "
                f"links, {self.fetched} pages fetched, {self.saved} new articles, "
                f"{self.failed} failed")  # fmt: skip

    def add(self, other: RoundReport) -> None:
        """Count ``other``'s figures and problems in these."""
        for name in (f.name for f in fields(self) if f.name != "lines"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.lines.extend(other.lines)


Line = Callable[[str], None]


class Watch:
    """The watch's state lives in ``store``; this object holds only settings and a client.
    ``analyse``, ``on_batch`` and ``index`` are ``corpus.ingest_articles``'s."""

    def __init__(
        self,
        store: Store,
        settings: Settings = DEFAULTS,
        *,
        analyse: Analyse | None = None,
        on_batch: OnBatch | None = None,
        index: bool = True,
        on_line: Line | None = None,
        on_status: Line | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.store = store
        self.settings = settings.watch
        self.analyse = analyse
        self.on_batch = on_batch
        self.index = index
        self.on_line = on_line or (lambda line: None)
        self.on_status = on_status or (lambda line: None)
        self.clock = clock
        self.fetcher = Fetcher(settings.fetch)
        # Links new to the frontier whose feed entry carries the whole story, by URL: stored
        # from the feed when the page fails. Held in memory only, until the page is fetched.
        self.feed_texts: dict[str, Article] = {}
        for source in store.watch.sources():
            if _named_by_user(source):
                self.fetcher.trust(source.url)

    def close(self) -> None:
        self.fetcher.close()

    # --- sources -----------------------------------------------------------------------------

    def add_sources(self, inputs: Iterable[str]) -> list[str]:
        """Watch these URLs, OPML files and text files of URLs (one a line, # comments);
        returns one line per input that names no source."""
        problems = []
        for given in inputs:
            try:
                urls, parent = self._source_urls(given)
            except InputError as exc:
                problems.append(str(exc))
                continue
            for url in urls:
                self._add_source(url, parent)
                self.fetcher.trust(url)
        return problems

    def _source_urls(self, given: str) -> tuple[list[str], str | None]:
        if is_url(given):
            url = normalise_url(given)
            if url is None:
                raise InputError(given, "not a valid URL: give a feed, sitemap or site as "
                                 "https://HOST/PATH")
            return [url], None
        path = Path(given)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(given, f"cannot read: {exc.strerror or exc}") from None
        if sniff_kind(data) == "opml":
            found = read_opml(data, path.resolve().as_uri())
            if found.problem:
                raise InputError(given, found.problem)
            return list(found.sources), str(path)
        return _listed_urls(given, data.decode("utf-8", "replace")), str(path)

    def _add_source(self, url: str, parent: str | None) -> None:
        now = self.clock()
        source = WatchSource(url, parent=parent, interval=self.settings.every, next_at=now,
                             added_at=now)  # fmt: skip
        self.store.watch.add_source(source)

    # --- the loop ------------------------------------------------------------------------------

    def run(self, once: bool = False, stop: threading.Event | None = None) -> RoundReport:
        """Poll round after round, sleeping until the next source is due, until ``stop`` is
        set; with ``once``, until every source (and every source they list, such as an OPML
        file's feeds) has been polled once and every page found fetched. Returns the totals."""
        stop = stop or threading.Event()
        total = RoundReport()
        while not stop.is_set():
            report = self.poll(everything=once and not total.polled)
            total.add(report)
            if report.polled or report.fetched:
                self.on_line(report.summary())
            sources = self.store.watch.sources()
            if once:
                if report.polled == 0 or all(s.last_fetch_at is not None for s in sources):
                    break
                continue
            wake = min((s.next_at for s in sources), default=self.clock() + self.settings.every)
            stop.wait(max(0.0, min(wake - self.clock(), self.settings.every)))
        return total

    def poll(self, everything: bool = False) -> RoundReport:
        """One round: poll the due sources (``everything``: all), then fetch every pending
        page."""
        report = RoundReport()
        now = self.clock()
        due = [s for s in self.store.watch.sources() if everything or s.next_at <= now]
        if due:
            self.on_status(f"polling {len(due)} sources")
        for source, fetched in self._fetch_sources(due):
            self._record_source(source, fetched, report)
        self._fetch_pages(report)
        return report

    def _fetch_sources(self, due: Sequence[WatchSource]) -> Iterable[tuple[WatchSource, Fetched]]:
        by_url = {s.url: s for s in due}
        requests = [Request(s.url, s.etag, s.last_modified) for s in due]
        for fetched in self.fetcher.fetch_many(requests):
            yield by_url[fetched.url], fetched

    def _record_source(self, source: WatchSource, fetched: Fetched, report: RoundReport) -> None:
        """Read a source's answer, log it and schedule its next poll (or stop polling a live
        page that is over)."""
        now = self.clock()
        report.polled += 1
        report.not_modified += fetched.not_modified
        found, new, stored = self._take_answer(source, fetched, report)
        problem = fetched.error if fetched.error is not None else found.problem
        outcome = "not-modified" if fetched.not_modified else "polled"
        if problem is not None:
            report.failed += 1
            report.lines.append(f"{source.url}: {problem}")
            self.on_line(f"error: {source.url}: {problem}")
            outcome = "retry" if fetched.transient else "error"
        report.found += len(new)
        what = (f"the page itself, {stored} stored" if found.kind in PAGES
                else f"{len(found.articles)} links, {len(new)} new")  # fmt: skip
        self.store.watch.log([FetchLogEntry(
            now, source.url, source.url, fetched.status, outcome, problem or what,
        )])  # fmt: skip
        if _live_page_over(source, found.kind, now):
            self.store.watch.drop_source(source.url)
            return
        news = len(new) + stored
        interval = self._interval(source, found.kind, news, failed=problem is not None)
        wait = max(interval, fetched.retry_after or 0.0)
        fresh = fetched.ok
        self.store.watch.save_source(replace(
            source, kind=found.kind, title=found.title or source.title,
            etag=fetched.etag if fresh else source.etag,
            last_modified=fetched.last_modified if fresh else source.last_modified,
            interval=interval, next_at=now + wait, last_fetch_at=now,
            last_status=fetched.status, last_error=problem, found=source.found + news,
        ))  # fmt: skip

    def _take_answer(
        self, source: WatchSource, fetched: Fetched, report: RoundReport
    ) -> tuple[Found, list[str], int]:
        """What a source's answer gives: what it was read as, the article URLs new to the
        frontier, and how many articles were stored from it (a page source's own answer,
        read as the page: it is never fetched again for the frontier)."""
        if fetched.not_modified or fetched.error is not None:  # nothing to read: as it was
            return Found(source.kind, source.title), [], 0  # type: ignore[arg-type]
        found = self._read_source(fetched)
        for url in found.sources:
            self._add_source(url, source.url)
        if found.kind in PAGES:
            page = PendingURL(source.url, source.url, attempts=0)
            return found, [], self._read_pages([(fetched, page)], report)
        new = self.store.watch.add_urls(list(found.articles), source.url, self.clock())
        fresh_links = set(new)
        self.feed_texts.update((a.url, a) for a in found.texts if a.url in fresh_links)
        return found, new, 0

    def _read_source(self, fetched: Fetched) -> Found:
        """The source's links; a sitemap index's sitemaps are read in the same poll."""
        found = read_source(fetched.body, fetched.final_url, fetched.content_type, fetched.charset,
                            now=self.clock())  # fmt: skip
        if found.kind == "html":  # a home page: its feeds, and the sitemaps its robots.txt lists
            listed = (normalise_url(u) for u in self.fetcher.robots_sitemaps(fetched.final_url))
            sitemaps = tuple(u for u in listed if u and u not in found.sources)
            if sitemaps:
                return replace(found, sources=found.sources + sitemaps, problem=None)
        if not found.sitemaps:
            return found
        articles: list[str] = []
        problems: list[str] = []
        for child in self.fetcher.fetch_many(found.sitemaps[:MAX_SITEMAPS]):
            inner = read_source(child.body, child.final_url) if child.ok else None
            if inner is None or inner.problem or inner.sitemaps:
                why = child.error or (inner.problem if inner else None) or "a nested index"
                problems.append(f"{child.url}: {why}")
            else:
                articles.extend(inner.articles)
        problem = f"{len(problems)} sitemaps unread ({problems[0]})" if problems else None
        return replace(found, articles=tuple(dict.fromkeys(articles)), problem=problem)

    def _interval(self, source: WatchSource, kind: str, new: int, failed: bool) -> float:
        settings = self.settings
        if kind in SLOWEST:
            return settings.longest
        if source.last_fetch_at is None:  # a first poll finds the whole backlog
            return source.interval
        # A source that keeps failing is asked less often, as a quiet one is.
        factor = 1.5 if failed else 0.5 if new > 1 else 1.0 if new == 1 else 1.5
        return min(settings.longest, max(settings.shortest, source.interval * factor))

    # --- pages ---------------------------------------------------------------------------------

    def _fetch_pages(self, report: RoundReport) -> None:
        tried: set[str] = set()
        while True:
            window = self.store.watch.pending(limit=len(tried) + self.settings.batch_size)
            batch = [row for row in window if row.url not in tried][: self.settings.batch_size]
            if not batch:
                return
            tried.update(row.url for row in batch)
            self.on_status(f"fetching {len(batch)} pages ({report.saved} new articles so far)")
            self._ingest_pages(batch, report)

    def _ingest_pages(self, batch: list[PendingURL], report: RoundReport) -> None:
        """Fetch a batch of the frontier's pages and store their articles; a page its site
        marks as live also becomes a source, polled for its later versions."""
        rows = {row.url: row for row in batch}
        reached = Reached()

        def fetched() -> Iterator[tuple[Fetched, PendingURL]]:
            requests = (Request(url) for url in rows)
            for page in self.fetcher.fetch_many(requests, skip=reached.skip):
                report.fetched += 1
                self._watch_if_live(page, rows[page.url])
                yield page, rows[page.url]

        self._read_pages(fetched(), report, reached)
        spared = [Mark(url, rows[url].source, "done", None, reached.articles[url], "canonical",
                       None) for url in reached.skipped]  # fmt: skip
        with self.store.transaction():
            _record(self.store, spared, self.clock())

    def _watch_if_live(self, fetched: Fetched, row: PendingURL) -> None:
        """Watch a live page as a source of its own, polled from now on with this answer's
        validators (a 304 while nothing changed) on the adaptive schedule of any source."""
        if not fetched.ok or MAY_BE_LIVE.search(fetched.body) is None:
            return
        now = self.clock()
        html = decode_page(fetched.body, fetched.charset)
        if page_kind(html, fetched.final_url, now) != "live":
            return
        every = self.settings.every
        self.store.watch.add_source(WatchSource(
            row.url, kind="live", parent=row.source, etag=fetched.etag,
            last_modified=fetched.last_modified, interval=every, next_at=now + every,
            last_fetch_at=now, last_status=fetched.status, added_at=now,
        ))  # fmt: skip

    def _read_pages(
        self,
        pages: Iterable[tuple[Fetched, PendingURL]],
        report: RoundReport,
        reached: Reached | None = None,
    ) -> int:
        """Store the articles of fetched pages, each of a frontier URL, noting in ``reached``
        the URLs each page answered for; returns how many were stored (new articles and new
        versions)."""
        rows: dict[str, PendingURL] = {}
        articles: dict[str, Article] = {}  # by id: one story reached by two links counts once
        url_of: dict[str, str] = {}  # article id -> the frontier URL it came from
        from_feed: dict[str, Mark] = {}  # pages stored from their feed's text: status, why
        marks: list[Mark] = []  # failed pages, and pages whose article is stored already
        for fetched, row in pages:
            rows[fetched.url] = row
            got = self._page_articles(fetched, row, report, from_feed)
            if isinstance(got, Mark):
                marks.append(got)
                continue
            if reached is not None:
                reached.add(fetched, got)
            for article in got:
                known = article.id in articles or self._known_canonical(article, fetched.url)
                version = None if known else self._next_version(article, fetched.url)
                if version is None:  # None: the URL keeps the article it gave last
                    report.unchanged += 1
                    marks.append(Mark(fetched.url, row.source, "done", fetched.status,
                                      article.id if known else None, "unchanged", article.url))
                else:
                    articles[version.id] = version
                    url_of[version.id] = fetched.url
        saved_before = report.saved
        marks += self._save(list(articles.values()), url_of, rows, report, from_feed)
        with self.store.transaction():
            _record(self.store, marks, self.clock())
        return report.saved - saved_before

    def _page_articles(
        self, fetched: Fetched, row: PendingURL, report: RoundReport, from_feed: dict[str, Mark]
    ) -> list[Article] | Mark:
        """The articles read from a fetched page, else its feed entry's own text (noted in
        ``from_feed``), else the failure's mark (pending again when worth another try)."""
        read = list(page_articles(fetched))
        got = [a for a in read if isinstance(a, Article)]
        problem = next((p for p in read if isinstance(p, InputProblem)), None)
        own_text = self.feed_texts.pop(fetched.url, None)
        if problem is not None and not got and own_text is not None:
            self.on_line(f"warning: {problem}; stored the text its feed carries instead")
            from_feed[fetched.url] = Mark(fetched.url, row.source, "done", fetched.status,
                                          own_text.id, "new", f"from the feed: {problem}")
            return [own_text]
        if problem is not None and not got:
            retry = fetched.transient and row.attempts + 1 < self.settings.max_attempts
            report.failed += 1
            report.lines.append(str(problem))
            self.on_line(f"error: {problem}")
            state, outcome = ("pending", "retry") if retry else ("failed", "error")
            return Mark(fetched.url, row.source, state, fetched.status, None, outcome,
                        problem.problem)  # fmt: skip
        if problem is not None:  # read, with a doubt (a date dropped, a feed cut short)
            self.on_line(f"warning: {problem}")
        return got

    def _next_version(self, article: Article, url: str) -> Article | None:
        """The page's article to store: as read the first time; None while its text is the
        one stored last from ``url``; a changed text (a live page updated) under an id of its
        own, the page's id and the text's hash, so every earlier version stays as read."""
        latest = self.store.watch.articles([url]).get(url)
        if latest is None:
            return article
        stored = self.store.articles.hashes([latest]).get(latest)
        digest = content_hash(article.text)
        if stored is None:  # its article was never stored (refused): read it as new
            return article
        if stored == digest:
            return None
        return replace(article, id=version_id(article.id, digest))

    def _known_canonical(self, article: Article, fetched_url: str) -> bool:
        """The page names another URL as its canonical one, already fetched and stored."""
        return (article.url != fetched_url and article.url is not None
                and self.store.watch.states([article.url]).get(article.url) == "done")  # fmt: skip

    def _save(
        self,
        articles: list[Article],
        url_of: dict[str, str],
        rows: dict[str, PendingURL],
        report: RoundReport,
        from_feed: dict[str, Mark],
    ) -> list[Mark]:
        """Ingest the batch: each new article's URLs are marked done in the transaction that
        stores it; returns the marks of the others (stored already)."""
        if not articles:
            return []

        def marks_of(article: Article, outcome: str) -> list[Mark]:
            url = url_of[article.id]
            source = rows[url].source
            page = from_feed.get(url)
            marks = [page._replace(outcome=outcome) if page else
                     Mark(url, source, "done", 200, article.id, outcome, None)]
            if article.url not in (None, url):  # its canonical URL: never to be fetched either
                marks.append(Mark(article.url, source, "done", 200, article.id, "canonical", url))
            return marks

        saved: set[str] = set()

        def mark_stored(store: Store, new: list[Article], analyses: list[Analysis] | None) -> None:
            if self.on_batch is not None:
                self.on_batch(store, new, analyses)
            _record(store, [m for article in new for m in marks_of(article, "new")], self.clock())
            saved.update(article.id for article in new)

        result = ingest_articles(articles, self.store, analyse=self.analyse, on_batch=mark_stored,
                                 index=self.index, batch_size=len(articles))  # fmt: skip
        report.saved += result.saved
        for line in result.problems:
            report.lines.append(line)
            self.on_line(f"error: {line}")
        # Not stored: the same text under its id already (a live page back to an earlier
        # version), or refused (its line is above).
        rest = [a for a in articles if a.id not in saved]
        report.unchanged += len(rest)
        return [m for article in rest for m in marks_of(article, "unchanged")]


class Reached:
    """The URLs the pages of one batch answered for, besides their own (where they redirected
    to, their canonical link), each to its article: a feed's link that redirects to the page a
    sitemap lists made two fetches of that page on a site's first poll. ``skip`` spares them."""

    def __init__(self) -> None:
        self.articles: dict[str, str] = {}  # URL -> the id of the article a page gave for it
        self.skipped: list[str] = []  # URLs of the batch not fetched for that

    def add(self, fetched: Fetched, articles: Sequence[Article]) -> None:
        final = normalise_url(fetched.final_url)
        for article in articles:
            for url in (final, article.url):
                if url is not None and url != fetched.url:
                    self.articles.setdefault(url, article.id)

    def skip(self, url: str) -> bool:
        """Called by the fetcher's threads before each request of the batch."""
        if url not in self.articles:
            return False
        self.skipped.append(url)
        return True


class Mark(NamedTuple):
    """What became of one fetched URL: its frontier state and its fetch log row."""

    url: str
    source: str | None
    state: str  # done, failed, pending
    status: int | None
    article: str | None
    outcome: str  # new, unchanged, error, retry, canonical (marked, not fetched)
    detail: str | None


def _record(store: Store, marks: Sequence[Mark], at: float) -> None:
    store.watch.mark([FetchedURL(m.url, m.source, m.state, m.status, m.article)
                      for m in marks], at)  # fmt: skip
    # A canonical URL marked beside the page fetched is no fetch of its own: not logged.
    store.watch.log([FetchLogEntry(at, m.url, m.source, m.status or 0, m.outcome,
                                   m.detail or m.article)
                     for m in marks if m.outcome != "canonical"])  # fmt: skip


def _listed_urls(given: str, text: str) -> list[str]:
    """The URLs of a text file, one a line; blank lines and ``#`` comments (indented too: one
    was read as a URL, and the whole file refused) are skipped."""
    fix = "give an OPML file, or URLs one a line (# starts a comment)"
    urls = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        url = normalise_url(line)
        if url is None:
            shown = line if len(line) <= 60 else line[:60] + "…"
            raise InputError(given, f"line {number}, {shown!r}, is no http(s) URL: {fix}")
        urls.append(url)
    if not urls:
        raise InputError(given, f"no URL in it: {fix}")
    return urls


def _named_by_user(source: WatchSource) -> bool:
    """Given on the command line or in a file the user named, not found through a source."""
    return source.parent is None or not is_url(source.parent)


def _live_page_over(source: WatchSource, kind: str, now: float) -> bool:
    """A live page the watch found (not one the user named) is polled no more once its site no
    longer marks it live, or ``LIVE_SPAN`` after it was found; a page the user named stays
    watched, as any article's page is."""
    if source.kind != "live" or _named_by_user(source):
        return False
    return kind != "live" or now - source.added_at > LIVE_SPAN


__all__ = ["RoundReport", "Watch"]
