"""Reading the news where it is published: a polite HTTP client (``client``), sources' links
(``sources``: feeds, sitemaps, OPML, home pages), pages to articles (``pages``) and the
``newsprism watch`` loop (``watch``) whose state lives in the store."""

from newsprism.fetch.client import Fetched, Fetcher, Request
from newsprism.fetch.pages import page_articles, read_inputs, read_urls
from newsprism.fetch.urls import is_url, normalise_url
from newsprism.settings import FetchSettings  # the [fetch] table, for Fetcher

__all__ = [
    "FetchSettings",
    "Fetched",
    "Fetcher",
    "Request",
    "is_url",
    "normalise_url",
    "page_articles",
    "read_inputs",
    "read_urls",
]
