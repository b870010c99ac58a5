"""What a fetched source document points to: a feed's article links, a sitemap's pages (or,
for a sitemap index, its sitemaps), an OPML file's feeds, a home page's feeds (trafilatura's
feed discovery: ``<link rel=alternate>``, then links that look like feeds), and an article's
page itself (``pagekind``): one article is watched as that page, not as its whole site.

The kind is read from the document itself, not the URL, so a feed URL that serves an HTML page
is reported as what it is.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from newsprism.fetch.pagekind import page_kind
from newsprism.fetch.safexml import UnsafeXML, local_name, parse_xml
from newsprism.fetch.urls import host_of, normalise_url, url_article_id
from newsprism.model import Article

Kind = Literal["feed", "sitemap", "opml", "html", "article", "live", "unknown"]
_FEED_ROOTS = (b"rss", b"feed", b"rdf:rdf", b"rdf")
_SITEMAP_ROOTS = (b"urlset", b"sitemapindex")
# What may stand before the root element: XML declaration, processing instructions, comments,
# a doctype with or without an internal subset (where entities are declared).
_PROLOGUE = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!doctype[^\[>]*(?:\[.*?\]\s*)?>)",
                       re.IGNORECASE | re.DOTALL)
_ROOT = re.compile(rb"\A\s*<([a-zA-Z][\w:.-]*)")


@dataclass(frozen=True)
class Found:
    kind: Kind
    title: str | None = None
    articles: tuple[str, ...] = ()  # article pages, normalised, newest first where dated
    sources: tuple[str, ...] = ()  # further sources to follow: an OPML's or a page's feeds
    sitemaps: tuple[str, ...] = ()  # a sitemap index's sitemaps
    # A feed's entries that carry their whole story, as articles under their links: what
    # `watch` stores when a link's page fails or holds no article.
    texts: tuple[Article, ...] = ()
    problem: str | None = None  # one line when the document could not be read (in full)


def sniff_kind(body: bytes, content_type: str = "") -> Kind:
    """The kind of document by its root element (a server's Content-Type is often wrong)."""
    head = body[:65536]
    found = _ROOT.search(_PROLOGUE.sub(b"", head.lstrip(b"\xef\xbb\xbf \t\r\n")))
    root = found.group(1).lower() if found else b""
    if root in _FEED_ROOTS:
        return "feed"
    if root in _SITEMAP_ROOTS:
        return "sitemap"
    if root == b"opml":
        return "opml"
    if root == b"html" or b"<body" in head[:4096].lower() or "html" in content_type:
        return "html"
    return "unknown"


def read_source(body: bytes, url: str, content_type: str = "", charset: str | None = None,
                now: float | None = None) -> Found:  # fmt: skip
    """Links in a feed, sitemap, OPML document or home page fetched from ``url``; an article's
    page (kind "article", or "live" while its site updates it, as of Unix time ``now``, by
    default the present) lists itself."""
    kind = sniff_kind(body, content_type)
    try:
        if kind == "feed":
            return _feed(body, url, content_type)
        if kind == "sitemap":
            return _sitemap(body, url)
        if kind == "opml":
            return read_opml(body, url)
    except UnsafeXML as exc:
        return Found(kind, problem=str(exc))
    if kind == "html":
        return _web_page(body, url, charset, time.time() if now is None else now)
    what = content_type or "no type"
    return Found(kind, problem=f"not a feed, sitemap, OPML file or web page ({what})")


def _feed(body: bytes, url: str, content_type: str) -> Found:
    from newsprism.ingest.feeds import carries_full_text, feed_problems, parse_feed

    feed = parse_feed(body, content_type)
    if not feed.readable:
        return Found("feed", problem=feed.unreadable_reason())
    links = [normalise_url(entry.get("link") or "", base=url) for entry in feed.entries]
    problem = next((p.problem for p in feed_problems(feed, url)), None)
    texts = tuple(_entry_text(entry, link, feed.title)
                  for entry, link in zip(feed.entries, links, strict=True)
                  if link and carries_full_text(entry))  # fmt: skip
    return Found("feed", feed.title, _unique(links), problem=problem,
                 texts=tuple(a for a in texts if a is not None))  # fmt: skip


def _entry_text(entry: object, link: str, outlet: str | None) -> Article | None:
    """The entry as the article its page would give: under its link's id, so that the page,
    fetched, is the same article."""
    from newsprism.ingest.feeds import entry_fields
    from newsprism.ingest.fields import read_fields

    fields = entry_fields(entry, outlet) | {"url": link, "id": url_article_id(link)}
    return next((a for a in read_fields(fields, link, default_id=None, path=None)
                 if isinstance(a, Article)), None)  # fmt: skip


def _sitemap(body: bytes, url: str) -> Found:
    root = parse_xml(body)
    if root is None:
        return Found("sitemap", problem="not a readable sitemap")
    entries: list[tuple[str, str]] = []  # (date, url): news:publication_date, else lastmod
    for element in root:
        if local_name(element) not in ("url", "sitemap"):
            continue
        fields = {local_name(x): (x.text or "").strip() for x in element.iter()}
        if fields.get("loc"):
            entries.append((fields.get("publication_date") or fields.get("lastmod") or "",
                            fields["loc"]))  # fmt: skip
    entries.sort(key=lambda entry: entry[0], reverse=True)  # newest first; undated last
    links = _unique(normalise_url(loc, base=url) for _, loc in entries)
    if local_name(root) == "sitemapindex":
        return Found("sitemap", sitemaps=links)
    if local_name(root) != "urlset":
        return Found("sitemap", problem=f"not a sitemap (root element <{local_name(root)}>)")
    return Found("sitemap", articles=links)


def read_opml(body: bytes, where: str) -> Found:
    """The feeds (``xmlUrl``) of an OPML file, as any feed reader exports it."""
    root = parse_xml(body)
    if root is None or local_name(root) != "opml":
        return Found("opml", problem="not a readable OPML file")
    title = next((x.text for x in root.iter() if local_name(x) == "title"), None)
    feeds = _unique(normalise_url(x.get("xmlUrl") or x.get("xmlurl") or "", base=where)
                    for x in root.iter() if local_name(x) == "outline")  # fmt: skip
    problem = None if feeds else "OPML file lists no feeds (no outline with an xmlUrl)"
    return Found("opml", title, sources=feeds, problem=problem)


def _web_page(body: bytes, url: str, charset: str | None, now: float) -> Found:
    """An article's page lists itself only; a home page (or section front) its feeds."""
    from trafilatura.feeds import FeedParameters, determine_feed

    from newsprism.fetch.charset import decode_page

    html = decode_page(body, charset)
    kind = page_kind(html, url, now)
    if kind != "listing":
        return Found(kind, articles=_unique([normalise_url(url)]))
    params = FeedParameters(host_of(url), urlsplit(url).netloc, url)
    feeds = _unique(normalise_url(link, base=url) for link in determine_feed(html, params))
    if not feeds:
        return Found("html", problem="a web page with no feed link (not a feed, sitemap or OPML), "
                     "and its robots.txt lists no sitemap")
    return Found("html", sources=feeds)


def _unique(urls: object) -> tuple[str, ...]:
    return tuple(dict.fromkeys(u for u in urls if u))  # type: ignore[attr-defined]
