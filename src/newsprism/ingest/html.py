"""HTML pages: main text and metadata through trafilatura (boilerplate removed)."""

from __future__ import annotations

import re
from typing import Any

from newsprism.ingest.normalise import normalise_text

# htmldate's last resort for a page with no date is its copyright line: "© 2015" becomes
# 2015-01-01, a day the article was not published on.
_COPYRIGHT_YEAR = re.compile(
    r"(?:©|&copy;|&#169;|copyright)[^0-9<]{0,40}(?:\d{4}\s*[-–]\s*)?(?P<year>\d{4})",
    re.IGNORECASE,
)

# A page whose main text is a few words and no sentence is no report: a site's home page
# reduced to its one link ("Mali" was briefed as a source of its own), a video's label.
PAGE_MIN_WORDS = 8
_SENTENCE_END = re.compile(r"[.!?][\"'’”)\]]*(?:\s|$)")


def extract_html(html: str | bytes, url: str | None = None) -> dict[str, Any] | None:
    """Main text and metadata of a page, or ``None`` when no article text is found."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    if document is None or not (document.text or "").strip():
        return None
    text = normalise_text(document.text)
    if len(text.split()) < PAGE_MIN_WORDS and not _SENTENCE_END.search(text):
        return None
    # trafilatura repeats the headline as the first line; keep it, it is part of the page text.
    return {
        "text": text,
        "title": document.title,
        "outlet": document.sitename,
        "author": document.author,
        "date": _published(document.date, html),
        "url": document.url or url,
    }


def _published(day: str | None, html: str | bytes) -> str | None:
    """The page's date, unless it is only January 1 of the year its copyright line names (a
    page that writes that day, in its metadata or its text, keeps it)."""
    if not day or not day.endswith("-01-01"):
        return day
    page = html.decode("utf-8", "replace") if isinstance(html, bytes) else html
    if day in page or day.replace("-", "/") in page:
        return day
    years = {m["year"] for m in _COPYRIGHT_YEAR.finditer(page)}
    return None if day[:4] in years else day
