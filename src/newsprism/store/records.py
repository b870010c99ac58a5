"""Plain records the store returns besides the pipeline's own objects (``newsprism.model``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass
class SaveResult:
    """What ``store.articles.save`` did with each id it was given."""

    saved: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # already stored with the same text
    conflicts: list[str] = field(default_factory=list)  # already stored with different text


@dataclass(frozen=True, slots=True)
class StoredStory:
    """A story as persisted by the clusterer; ``state`` is the clusterer's own opaque blob."""

    id: str
    title: str | None = None
    state: bytes | None = None
    created_at: str | None = None
    updated_at: str | None = None
    article_ids: tuple[str, ...] = ()  # in ingestion order
    first_date: str | None = None  # earliest date of its articles
    last_date: str | None = None  # latest date of its articles
    article_count: int = 0  # its stored articles, copies included
    source_count: int = 0  # independent sources among them (see ``model.source_key``)
    storyline_id: str | None = None  # the storyline it is an event of (None: not placed yet)


@dataclass(frozen=True, slots=True)
class StoredStoryline:
    """A storyline: the events (stories) of one ongoing topic, as the storyline clusterer
    grouped them. ``event_ids`` are in time order (earliest news first)."""

    id: str
    title: str | None = None
    event_ids: tuple[str, ...] = ()
    first_date: str | None = None  # earliest date of its articles
    last_date: str | None = None  # latest date of its articles
    article_count: int = 0  # its events' stored articles, copies included
    source_count: int = 0  # independent sources among them (see ``model.source_key``)
    created_at: str | None = None
    updated_at: str | None = None
    state: bytes | None = None  # the storyline clusterer's own opaque blob (``get`` only)

    @property
    def event_count(self) -> int:
        return len(self.event_ids)


Level = Literal["sentence", "article"]


@dataclass(frozen=True, slots=True)
class SearchFilters:
    """Which hits a search returns: sentences or whole articles, dated between ``since`` and
    ``until`` (ISO dates, inclusive), of one ``story``, at most ``limit``, best first. Copies of
    another article are left out unless ``copies``: their original speaks for them."""

    level: Level = "sentence"
    since: str | None = None
    until: str | None = None
    story: str | None = None
    limit: int = 20
    copies: bool = False


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result: a sentence (exact span of its article) or a whole article."""

    article: str
    score: float  # higher is better; comparable only within one search
    title: str | None
    outlet: str | None
    date: str | None
    story: str | None
    sentence: int | None = None  # Sentence.index, or None for an article-level hit
    start: int | None = None  # char offsets into Article.text of the matched sentence
    end: int | None = None
    text: str | None = None  # the matched sentence, or the article title for article hits


@dataclass(frozen=True, slots=True)
class ArticleHead:
    """An article's metadata without its text, and the original it copies (itself if none)."""

    id: str
    title: str | None
    outlet: str | None
    author: str | None
    date: str | None
    url: str | None
    original: str


@dataclass(frozen=True, slots=True)
class WatchSource:
    """A source ``newsprism watch`` polls, with its validators and schedule (times are Unix
    seconds)."""

    url: str
    # feed, sitemap, opml, html (a home page), article (one page), live (a page its site
    # updates in place), unknown (not read yet)
    kind: str = "unknown"
    parent: str | None = None  # the OPML file, home page or feed it was found through
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    interval: float = 900.0  # seconds between polls, adapted to how often it has news
    next_at: float = 0.0  # the next poll
    last_fetch_at: float | None = None
    last_status: int | None = None  # HTTP status of the last poll; 0 when none came
    last_error: str | None = None  # one line, or None when the last poll went well
    found: int = 0  # new article URLs found in it, in all
    added_at: float = 0.0


@dataclass(frozen=True, slots=True)
class PendingURL:
    """A URL of the watch frontier still to fetch."""

    url: str
    source: str | None  # the watched source it was found in
    attempts: int  # fetches tried so far (a passing failure is tried again)


@dataclass(frozen=True, slots=True)
class FetchedURL:
    """What became of one fetch of a URL, for the frontier."""

    url: str
    source: str | None
    state: str  # done, failed, or pending (try again)
    status: int | None  # HTTP status, None when no response came
    article: str | None = None  # the article stored from it


@dataclass(frozen=True, slots=True)
class FetchLogEntry:
    """One row of the fetch log."""

    at: float
    url: str
    source: str | None
    status: int  # HTTP status; 0 when none came
    outcome: str  # new, unchanged, not-modified, polled, error, retry
    detail: str | None = None  # one line: the problem, or what was found


@dataclass(frozen=True, slots=True)
class SourceHealth:
    """A watched source with what its fetch log says of it."""

    source: WatchSource
    new_articles: int  # articles stored from it in the window
    days: float  # the window: the last 7 days, or since the source was added
    errors: int  # failed fetches (the source or its pages) in the last 24 hours
    # The latest of those errors (a page's prefixed with its URL), else the last poll's: a feed
    # whose pages fail while the feed itself answers showed errors with no error to read.
    last_error: str | None = None

    @property
    def per_day(self) -> float:
        return self.new_articles / self.days
