"""HTML pages: main text and metadata through trafilatura (boilerplate removed)."""

from __future__ import annotations

from typing import Any

from newsprism.ingest.normalise import normalise_text


def extract_html(html: str | bytes, url: str | None = None) -> dict[str, Any] | None:
    """Main text and metadata of a page, or ``None`` when no article text is found."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    if document is None or not (document.text or "").strip():
        return None
    text = normalise_text(document.text)
    # trafilatura repeats the headline as the first line; keep it, it is part of the page text.
    return {
        "text": text,
        "title": document.title,
        "outlet": document.sitename,
        "author": document.author,
        "date": document.date,
        "url": document.url or url,
    }
