"""Is a web page one article, or a page that lists many (a home page, a section front)?

``newsprism watch URL`` follows a home page's feeds and sitemaps, but given one article's page
it must watch that page only, not the whole site. What the page declares decides: its Open Graph
type (``og:type``) or the schema.org types of its JSON-LD, as publishers' CMSs write them for
search engines and link previews. A page that declares neither is an article when it reads as
one: below the site's root, dated in its metadata, with at most one ``<article>`` element (a
front page lists many teasers, each its own ``<article>``, or none with a date of its own).
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle", "blogposting",
    "liveblogposting", "report", "scholarlyarticle",
})  # fmt: skip
LISTING_TYPES = frozenset({"website", "collectionpage", "itemlist", "searchresultspage",
                           "profilepage", "blog"})  # fmt: skip
_ROOT_PATHS = {"", "/", "/index.html", "/index.htm", "/index.php", "/home"}


def is_article_page(html: str, url: str) -> bool:
    """The page at ``url`` is one article (declared, else read as one)."""
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html)
    except (ValueError, lxml_html.etree.ParserError):
        return False
    declared = _declared_types(tree)
    if declared & ARTICLE_TYPES:
        return True
    if declared & LISTING_TYPES:
        return False
    if urlsplit(url).path.lower() in _ROOT_PATHS or len(tree.xpath("//article")) > 1:
        return False
    from trafilatura import extract_metadata

    # Dates in its markup (meta tags, <time>, the URL) only: a front's teasers carry dates in
    # their text, which trafilatura's extensive search would take as the page's.
    return extract_metadata(tree, default_url=url, extensive=False).date is not None


def _declared_types(tree: object) -> set[str]:
    """The page's ``og:type`` and the ``@type`` of each top-level JSON-LD node, lower-cased."""
    types = {value.strip().lower() for value in tree.xpath(  # type: ignore[attr-defined]
        "//meta[@property='og:type' or @name='og:type']/@content")}  # fmt: skip
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):  # type: ignore[attr-defined]
        try:
            data = json.loads(script)
        except ValueError:
            continue
        for node in _nodes(data):
            given = node.get("@type")
            for name in given if isinstance(given, list) else [given]:
                if isinstance(name, str):
                    types.add(name.lower())
    return types


def _nodes(data: object) -> list[dict]:
    """The JSON-LD's top-level nodes: the object, a list of them, or an ``@graph``'s."""
    if isinstance(data, list):
        return [node for item in data for node in _nodes(item)]
    if not isinstance(data, dict):
        return []
    graph = data.get("@graph")
    return [data, *_nodes(graph)] if isinstance(graph, list) else [data]
