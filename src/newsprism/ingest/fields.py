"""Fields read from any input (a file, a JSONL record, a feed entry, a fetched page) to one
``Article``: the one place ids, dates and fields are cleaned and an article is judged readable."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from newsprism.errors import EmptyInputError, InputError, InputProblem, InputWarning
from newsprism.ingest.dates import read_date, url_day, url_month
from newsprism.ingest.language import not_english
from newsprism.ingest.nonarticle import no_article
from newsprism.ingest.normalise import normalise_text
from newsprism.model import Article

# Statements (what compare aligns, in n × n matrices over all a briefing's statements) are made
# from this many characters of an article: a 1 MB text's 7,000 statements took compare to
# 2.5 GB, a 4.9 MB one past 16 GB. The rest of the text is still read, stored and searchable.
COMPARED_CHARS = 200_000
_ID_UNSAFE = re.compile(r"[^\w.-]+")


def read_fields(
    fields: dict[str, Any], where: str, default_id: str | None, path: str | None
) -> Iterator[Article | InputProblem]:
    """The article made of ``fields`` (the one place ids and fields are cleaned), or why there
    is none; a given date that cannot be read is dropped with a warning, not the article."""
    text = fields.get("text") or ""
    if not text.strip():
        yield EmptyInputError(where, "empty: no text after normalisation")
        return
    if no_article(text):
        yield EmptyInputError(where, "no article in it, only a page's own notices or labels (a "
                              "share bar, a widget, an archive's or error page); skipped")
        return
    if language := not_english(text):
        yield InputError(where, f"not English ({language}): newsprism analyses English text "
                         "only; skipped this article")
        return
    given = fields.get("id")
    article_id = _ID_UNSAFE.sub("-", str(given if given is not None else default_id or ""))
    article_id = article_id.strip("-") or text_fingerprint(text)
    url = _clean(fields.get("url"))
    # The URL's day ("/2010/09/10/") dates a page that states none, and its month ("/2011/01/")
    # settles a numeric day the page writes two ways ("01/5/2011").
    url_date = url_day(url)
    try:
        day, doubt = read_date(_clean(fields.get("date")), where, url_month(url)) or url_date, None
    except InputError as exc:
        kept = f"dated {url_date} by its URL" if url_date else "kept without a date"
        day, doubt = url_date, InputWarning(where, f"{exc.problem}; {kept}")
    yield Article(
        id=article_id,
        text=text,
        title=_clean(fields.get("title")),
        outlet=_clean(fields.get("outlet")) or url_outlet(url),
        author=_clean(fields.get("author")),
        date=day,
        url=url,
        path=path,
    )
    if doubt is not None:
        yield doubt
    if len(text) > COMPARED_CHARS:
        yield InputWarning(where, f"{len(text):,} characters long: only the first "
                           f"{COMPARED_CHARS:,} are compared and summarised (all of it is read "
                           "and, by ingest, stored); split it into articles to compare it all")


def url_outlet(url: str | None) -> str | None:
    """The site a URL is of, as its outlet when nothing names one: "nbcphiladelphia.com" for
    "http://www.nbcphiladelphia.com/news/...", None for no URL or one without a host."""
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    value = normalise_text(str(value))
    return value or None


def text_fingerprint(text: str) -> str:
    """A stable id for text that comes without one."""
    return hashlib.sha1(text.encode()).hexdigest()[:16]
