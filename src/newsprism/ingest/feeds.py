"""RSS and Atom feeds saved to disk: one article per entry (feedparser does the parsing).

The full text comes from the entry's ``content`` (RSS ``content:encoded``, Atom ``content``),
else its ``summary``/``description``, HTML turned into paragraphs. The outlet is the one an
entry names as its source, else the feed's title. A feed cut off mid-way still gives its
complete entries; the entry that was cut is reported, never stored half-written.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from newsprism.errors import EmptyInputError, InputError, InputProblem, InputWarning
from newsprism.ingest.fields import read_fields
from newsprism.ingest.normalise import normalise_text
from newsprism.model import Article

_ENTRY_END = re.compile(rb"</(?:[\w-]+:)?(?:item|entry)\s*>", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
FULL_TEXT_WORDS = 80  # a teaser is one or two sentences (20-60 words); a news story runs longer
_BLOCK_TAGS = (
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "table", "tr", "section", "article", "figure", "figcaption", "hr",
)  # fmt: skip


@dataclass(frozen=True)
class ParsedFeed:
    """A feed as feedparser reads it, with its entries split at the last complete one."""

    title: str | None
    entries: list[Any]  # complete entries, in feed order
    cut: list[Any]  # entries after the point where the document stops
    problem: Exception | None  # feedparser's complaint about malformed XML, if any

    @property
    def readable(self) -> bool:
        return bool(self.entries or self.cut)

    def unreadable_reason(self) -> str:
        problem = self.problem
        return f"not a readable RSS/Atom feed ({problem})" if problem else "feed has no entries"


def parse_feed(data: bytes, content_type: str | None = None) -> ParsedFeed:
    """Parse a feed; an entry counts as complete only when its closing tag is in ``data``.
    A feed that declares XML entities raises ``UnsafeXML`` unparsed."""
    import feedparser

    from newsprism.fetch.safexml import check_xml

    check_xml(data)
    headers = {"content-type": content_type} if content_type else None
    feed = feedparser.parse(data, response_headers=headers)
    entries = list(feed.entries)
    complete = len(_ENTRY_END.findall(data))
    problem = feed.get("bozo_exception") if feed.get("bozo") else None
    return ParsedFeed(feed.feed.get("title"), entries[:complete], entries[complete:], problem)


def read_feed(data: bytes, where: str) -> Iterator[Article | InputProblem]:
    """Articles of a saved RSS/Atom feed, then one line per problem found in it."""
    from newsprism.fetch.safexml import UnsafeXML

    try:
        feed = parse_feed(data)
    except UnsafeXML as exc:
        yield InputError(where, str(exc))
        return
    if not feed.readable:
        yield EmptyInputError(where, feed.unreadable_reason())
        return
    for number, entry in enumerate(feed.entries, 1):
        yield from _entry_article(entry, f"{where}#{number}", feed.title, where)
    yield from feed_problems(feed, where)


def feed_problems(feed: ParsedFeed, where: str) -> Iterator[InputProblem]:
    """One line for a feed cut off (its unfinished entries skipped) or read despite errors."""
    complete = len(feed.entries)
    if feed.cut:
        cut = ", ".join(_entry_name(e, n) for n, e in enumerate(feed.cut, complete + 1))
        yield InputError(
            where,
            f"feed is cut off: read {complete} complete entries, skipped the unfinished {cut}",
        )
    elif feed.problem:
        yield InputWarning(
            where, f"feed is malformed ({feed.problem}); read its {complete} entries"
        )


def _entry_name(entry: Any, number: int) -> str:
    return f"entry {number} ({entry.get('id') or entry.get('link') or entry.get('title')})"


def _entry_article(
    entry: Any, where: str, outlet: str | None, path: str
) -> Iterator[Article | InputProblem]:
    fields = entry_fields(entry, outlet)
    if fields["title"] and not fields["text"].strip():
        # A headline-only feed: "empty: no text after normalisation" named no cause.
        link = f": read it with `newsprism brief {fields['url']}`" if fields["url"] else ""
        yield EmptyInputError(where, f"a headline only (“{normalise_text(fields['title'])}”), no "
                              f"story text in the feed{link}")
        return
    fields["id"] = entry.get("id") or entry.get("link")
    yield from read_fields(fields, where, default_id=None, path=path)


def entry_fields(entry: Any, outlet: str | None) -> dict[str, Any]:
    """An entry's article fields (all but its id): its text (the headline leading, as in HTML
    pages), title, outlet, author, date and link. The outlet is the feed the entry names as
    its own (RSS ``<source>``, Atom ``<source><title>``), else the feed's title: an
    aggregator's feed (Google News, a planet) names each story's outlet there, and its own
    title made every outlet's report one source."""
    text = html_to_text(_entry_html(entry))
    title = entry.get("title")
    if text and title and not text.startswith(title):
        text = f"{normalise_text(title)}\n\n{text}"
    origin = (entry.get("source") or {}).get("title")
    return {"text": text, "title": title, "outlet": origin or outlet,
            "author": entry.get("author"), "date": _entry_date(entry), "url": entry.get("link")}


def carries_full_text(entry: Any) -> bool:
    """Does the entry hold the story itself, not a teaser? Its content or description, whichever
    is longer, runs to ``FULL_TEXT_WORDS`` words: a teaser is a sentence or two, whatever element
    (Atom ``content``, ``content:encoded``, ``description``) holds it."""
    return len(html_to_text(_entry_html(entry)).split()) >= FULL_TEXT_WORDS


def _entry_html(entry: Any) -> str:
    contents = [c.get("value", "") for c in entry.get("content", ())]
    best = max(contents, key=len, default="")
    summary = entry.get("summary", "")
    return best if len(best) >= len(summary) else summary


def _entry_date(entry: Any) -> str | None:
    """The entry's date as feedparser read it, else as written (``read_fields`` tries it)."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if raw:
            parsed = entry.get(f"{key}_parsed")
            return time.strftime("%Y-%m-%d", parsed) if parsed else raw
    return None


def html_to_text(html: str) -> str:
    """Readable text of an HTML fragment: one paragraph per block element."""
    if not html.strip():
        return ""
    if "<" not in html:
        return normalise_text(html)
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # lxml raises several types on broken markup: keep the bare text
        return normalise_text(re.sub(r"<[^>]+>", " ", html))
    for element in list(root.iter("script", "style")):
        element.drop_tree()
    for element in root.iter():  # source line breaks are spaces in HTML
        element.text = _SPACE.sub(" ", element.text or "")
        element.tail = _SPACE.sub(" ", element.tail or "")
    for element in root.iter(*_BLOCK_TAGS):
        element.text = "\n\n" + (element.text or "")
        element.tail = "\n\n" + (element.tail or "")
    return normalise_text(root.text_content())
