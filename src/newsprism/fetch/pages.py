"""Fetched pages to articles: an HTML page through ``ingest/html.py`` (trafilatura), a feed
through ``ingest/feeds.py``. An article's url is its canonical link, normalised, and its id is
made from that url, so one story reached by two links is stored once."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from newsprism.errors import EmptyInputError, InputError, InputProblem
from newsprism.fetch.charset import decode_page
from newsprism.fetch.client import Fetched, Fetcher
from newsprism.fetch.sources import sniff_kind
from newsprism.fetch.urls import is_url, normalise_url, url_article_id
from newsprism.ingest.fields import read_fields
from newsprism.ingest.read import Ingested
from newsprism.model import Article
from newsprism.settings import FetchSettings

_PAGE_TYPES = ("", "text/html", "application/xhtml+xml", "text/plain", "application/xml",
               "text/xml")  # fmt: skip


def page_articles(fetched: Fetched) -> Iterator[Article | InputProblem]:
    """The article of a fetched page (or the articles of a fetched feed), or one line on why
    there is none."""
    where = fetched.url
    if fetched.error is not None:
        yield InputError(where, fetched.error)
        return
    kind = sniff_kind(fetched.body, fetched.content_type)
    if kind == "feed":
        from newsprism.ingest.feeds import read_feed

        yield from read_feed(fetched.body, where)
        return
    if kind in ("sitemap", "opml"):
        yield InputError(where, f"a {kind}, not an article: give it to `newsprism watch`")
        return
    if kind != "html" and fetched.content_type not in _PAGE_TYPES:
        yield InputError(where, f"not a web page ({fetched.content_type})")
        return
    from newsprism.ingest.html import extract_html

    fields = extract_html(decode_page(fetched.body, fetched.charset), url=fetched.final_url)
    if fields is None:
        yield EmptyInputError(where, "no article text on the page (paywall, video or index?)")
        return
    canonical = normalise_url(fields.get("url") or "", base=fetched.final_url)
    fields["url"] = canonical or normalise_url(fetched.final_url) or fetched.final_url
    fields["id"] = url_article_id(fields["url"])
    yield from read_fields(fields, where, default_id=None, path=None)


def read_urls(urls: Iterable[str], settings: FetchSettings | None = None) -> Ingested:
    """Fetch and read web pages for ``newsprism brief``; two links to one story (the same
    canonical url) give one article, and each failure is one problem naming its URL."""
    result = Ingested()
    first: dict[str, str] = {}  # article id -> the URL it was read from
    normal = {given: normalise_url(given) for given in urls}
    result.problems += [InputError(given, "not a valid URL: give a web page as https://HOST/PATH")
                        for given, url in normal.items() if url is None]
    wanted = list(dict.fromkeys(url for url in normal.values() if url))
    with Fetcher(settings) as fetcher:
        for url in wanted:  # the user named them
            fetcher.trust(url)
        for fetched in fetcher.fetch_many(wanted):
            for item in page_articles(fetched):
                if isinstance(item, InputProblem):
                    result.problems.append(item)
                elif item.id in first:
                    result.problems.append(InputError(
                        fetched.url, f"the same article as {first[item.id]} ({item.url}); skipped"
                    ))  # fmt: skip
                else:
                    first[item.id] = fetched.url
                    result.articles.append(item)
    order = {url: n for n, url in enumerate(wanted)}  # as given, not as fetched
    result.articles.sort(key=lambda a: order.get(first[a.id], len(order)))
    return result


def read_inputs(
    sources: Sequence[str], stdin: bytes | None = None, settings: FetchSettings | None = None
) -> Ingested:
    """What ``newsprism brief`` reads: files, folders and ``-`` as ``read_articles`` does, and
    web pages (http and https URLs) fetched."""
    from newsprism.ingest.read import read_articles

    paths = [source for source in sources if not is_url(source)]
    urls = [source for source in sources if is_url(source)]
    read = read_articles(paths, stdin=stdin)
    if urls:
        fetched = read_urls(urls, settings)
        read.articles += fetched.articles
        read.problems += fetched.problems
    return read
