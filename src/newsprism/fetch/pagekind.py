"""Is a web page one article, one article its site keeps updating (a live blog), or a page that
lists many (a home page, a section front)?

``newsprism watch URL`` follows a home page's feeds and sitemaps, but given one article's page
it must watch that page only, not the whole site. What the page declares decides: its Open Graph
type (``og:type``) or the schema.org types of its JSON-LD, as publishers' CMSs write them for
search engines and link previews. A page that declares neither is an article when it reads as
one: below the site's root, dated in its metadata, with at most one ``<article>`` element (a
front page lists many teasers, each its own ``<article>``, or none with a date of its own).

A live page is one the site marks as updated in place: a schema.org ``LiveBlogPosting`` whose
``coverageEndTime`` is not past (search engines read the same mark to show a "LIVE" badge).
Its later content comes under the same URL, so the watch polls it again.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Literal
from urllib.parse import urlsplit

PageKind = Literal["live", "article", "listing"]
ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle", "blogposting",
    "liveblogposting", "report", "scholarlyarticle",
})  # fmt: skip
LISTING_TYPES = frozenset({"website", "collectionpage", "itemlist", "searchresultspage",
                           "profilepage", "blog"})  # fmt: skip
LIVE_TYPE = "liveblogposting"
# Cheap test before parsing: a page that never names the type cannot declare it.
MAY_BE_LIVE = re.compile(rb"liveblogposting", re.IGNORECASE)
_ROOT_PATHS = {"", "/", "/index.html", "/index.htm", "/index.php", "/home"}


def page_kind(html: str, url: str, now: float) -> PageKind:
    """What the page at ``url`` is, at Unix time ``now`` (a live blog's coverage ends)."""
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html)
    except (ValueError, lxml_html.etree.ParserError):
        return "listing"
    nodes = _json_ld_nodes(tree)
    if any(_is_live(node, now) for node in nodes):
        return "live"
    declared = {value.strip().lower() for value in tree.xpath(
        "//meta[@property='og:type' or @name='og:type']/@content")} | {
        name for node in nodes for name in _types(node)}  # fmt: skip
    if declared & ARTICLE_TYPES:
        return "article"
    if declared & LISTING_TYPES:
        return "listing"
    if urlsplit(url).path.lower() in _ROOT_PATHS or len(tree.xpath("//article")) > 1:
        return "listing"
    from trafilatura import extract_metadata

    # Dates in its markup (meta tags, <time>, the URL) only: a front's teasers carry dates in
    # their text, which trafilatura's extensive search would take as the page's.
    dated = extract_metadata(tree, default_url=url, extensive=False).date is not None
    return "article" if dated else "listing"


def _is_live(node: dict, now: float) -> bool:
    """A LiveBlogPosting whose coverage has not ended (no end given: not ended)."""
    if LIVE_TYPE not in _types(node):
        return False
    end = node.get("coverageEndTime")
    if not isinstance(end, str):
        return True
    try:
        ends = datetime.fromisoformat(end.strip())
    except ValueError:
        return True  # an end we cannot read: as if none were given
    return (ends if ends.tzinfo else ends.replace(tzinfo=UTC)).timestamp() > now


def _types(node: dict) -> set[str]:
    """A JSON-LD node's ``@type``s, lower-cased."""
    given = node.get("@type")
    return {name.lower() for name in (given if isinstance(given, list) else [given])
            if isinstance(name, str)}  # fmt: skip


def _json_ld_nodes(tree: object) -> list[dict]:
    """The top-level nodes of every JSON-LD script of the page."""
    nodes: list[dict] = []
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):  # type: ignore[attr-defined]
        try:
            nodes += _nodes(json.loads(script))
        except ValueError:
            continue
    return nodes


def _nodes(data: object) -> list[dict]:
    """The JSON-LD's top-level nodes: the object, a list of them, or an ``@graph``'s."""
    if isinstance(data, list):
        return [node for item in data for node in _nodes(item)]
    if not isinstance(data, dict):
        return []
    graph = data.get("@graph")
    return [data, *_nodes(graph)] if isinstance(graph, list) else [data]
