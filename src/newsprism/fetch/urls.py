"""Article URLs in one form, so a story reached by two links is fetched and stored once."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit, urlunsplit

_SCHEME = re.compile(r"^https?://", re.IGNORECASE)


def is_url(text: str) -> bool:
    """Whether a command-line input names a web page rather than a file."""
    return bool(_SCHEME.match(text))


def normalise_url(url: str, base: str | None = None) -> str | None:
    """``url`` (relative to ``base``) with courlan's cleaning: host lower-cased, default port
    and tracking parameters (utm_*, fbclid, ...) dropped; the fragment too, as it never names
    another page. ``None`` for what is not an http(s) URL, or names no host ("http://")."""
    from courlan import clean_url

    url = url.strip()
    if base and not is_url(url):
        url = urljoin(base, url)
    if not is_url(url):
        return None
    cleaned = clean_url(url)
    if cleaned is None:
        return None
    parts = urlsplit(cleaned)
    if not parts.hostname:  # courlan keeps "http:///"; fetched, it failed as "missing a protocol"
        return None
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


def host_of(url: str) -> str:
    """``scheme://host:port``: the unit of politeness and of robots.txt."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def url_article_id(url: str) -> str:
    """The id of an article read from ``url`` (``read_fields`` makes it file-name safe)."""
    return _SCHEME.sub("", url).rstrip("/")
