"""Fetching from a real HTTP server on 127.0.0.1 (started here): politeness, robots.txt,
retries, validators, size and charset, and every fault as one line. Nothing leaves the
loopback interface."""

from __future__ import annotations

import gzip
import json
import socket
import time

import pytest
from typer.testing import CliRunner

from _webserver import Route, WebServer, article_page, rss, serving
from newsprism.cli import app
from newsprism.fetch import Fetcher, FetchSettings, Request, normalise_url, page_articles
from newsprism.fetch.pages import read_urls
from newsprism.fetch.sources import read_source

# The test server is on 127.0.0.1, a non-public address: these tests fetch it without naming it.
FAST = FetchSettings(delay=0.05, backoff=0.05, timeout=5, max_wait=5, public_only=False)
STRIKE = [
    "About 4,000 dockworkers walked off the job at the Port of Calder on Monday, halting "
    "container traffic at the country's second-busiest harbour.",
    "The port authority estimates the stoppage costs $12 million a day, and at least 14 "
    "container ships were waiting offshore by Tuesday morning.",
]
FERRY = [
    "The island ferry resumed service on Tuesday after a two-week strike by its crews.",
    "About 1,200 passengers crossed on the first day, the operator said in a statement.",
]
BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
<rss version="2.0"><channel><title>&d;</title><item><title>x</title><link>/a</link></item>
</channel></rss>"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE urlset [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&secret;</loc></url>
</urlset>"""


def page(title: str, paragraphs: list[str], **kwargs: str) -> Route:
    return Route(article_page(title, paragraphs, **kwargs).encode())


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on: a dead host."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def site():
    with serving() as server:
        server.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n",
                                             content_type="text/plain")
        server.routes["/strike"] = page("Dockworkers walk out at Calder", STRIKE)
        server.routes["/ferry"] = page("Ferry service resumes", FERRY)
        yield server


def test_one_host_is_fetched_one_request_at_a_time_with_its_delay_and_its_robots_txt(site):
    site.routes["/strike-2"] = page("Calder strike enters second day", STRIKE[::-1])
    site.routes["/strike"].delay = 0.1  # a slow answer: the next request still waits for it
    urls = [f"{site.url}{p}" for p in ("/strike", "/ferry", "/private/memo", "/strike-2")]
    with Fetcher(FetchSettings(delay=0.2, public_only=False)) as fetcher:
        results = {r.url: r for r in fetcher.fetch_many(urls)}
    assert results[f"{site.url}/private/memo"].error == "disallowed by robots.txt"
    assert all(results[u].ok for u in urls if "private" not in u)
    paths = [hit.path for hit in site.log]
    assert paths == ["/robots.txt", "/strike", "/ferry", "/strike-2"]  # robots first, once
    gaps = [b.at - a.at for a, b in zip(site.log, site.log[1:], strict=False)]
    assert min(gaps) >= 0.19 and gaps[1] >= 0.29  # the delay runs from the end of the answer
    agent = site.log[1].headers["user-agent"]
    assert agent.startswith("newsprism/") and "robots.txt" in agent


def test_two_hosts_are_fetched_side_by_side(site):
    with serving() as other:
        for server in (site, other):
            server.routes["/slow"] = page("Ferry service resumes", FERRY)
            server.routes["/slow"].delay = 0.3
        with Fetcher(FAST) as fetcher:
            results = list(fetcher.fetch_many([f"{site.url}/slow", f"{other.url}/slow"]))
        assert all(r.ok for r in results)
        (mine,), (theirs,) = site.hits("/slow"), other.hits("/slow")
        assert abs(mine.at - theirs.at) < 0.25  # asked at once, not one after the other


def test_fetch_many_skips_a_url_the_caller_learned_of_from_the_hosts_earlier_answer(site):
    """Each host's next request waits for the caller to handle the answer before it, so what
    that answer taught (here: the next URL is the same page) spares the request."""
    learned: set[str] = set()
    urls = [f"{site.url}/strike", f"{site.url}/strike?copy=1", f"{site.url}/ferry"]
    with Fetcher(FAST) as fetcher:
        got = []
        for fetched in fetcher.fetch_many(urls, skip=learned.__contains__):
            got.append(fetched.url)
            learned.add(f"{fetched.url}?copy=1")
        assert got == [urls[0], urls[2]]
        assert [hit.path for hit in site.log] == ["/robots.txt", "/strike", "/ferry"]
        many = fetcher.fetch_many(urls, skip=learned.__contains__)
        next(many)
        started = time.monotonic()
        many.close()  # the caller stops: no worker is left waiting for it
        assert time.monotonic() - started < 2 and len(site.hits("/ferry")) == 1


def test_a_crawl_delay_in_robots_txt_is_obeyed(site):
    # urllib.robotparser reads whole seconds only
    site.routes["/robots.txt"] = Route(b"User-agent: newsprism\nCrawl-delay: 1\n",
                                       content_type="text/plain")
    with Fetcher(FAST) as fetcher:
        for path in ("/strike", "/ferry"):
            assert fetcher.fetch(f"{site.url}{path}").ok
    strike, ferry = site.hits("/strike")[0], site.hits("/ferry")[0]
    assert ferry.at - strike.at >= 0.99


def test_a_robots_txt_behind_a_redirect_is_followed_and_obeyed(site):
    """A moved robots.txt (http -> https, or to a www host, as sites do) was read as an empty
    one: every page it forbids was fetched."""
    site.routes["/robots.txt"] = Route(status=301, headers={"Location": "/robots-moved.txt"})
    site.routes["/robots-moved.txt"] = Route(b"User-agent: *\nDisallow: /private/\n",
                                             content_type="text/plain")
    site.routes["/private/memo"] = page("Memo", FERRY)
    with Fetcher(FAST) as fetcher:
        memo, strike = fetcher.fetch_many([f"{site.url}/private/memo", f"{site.url}/strike"])
    assert memo.error == "disallowed by robots.txt" and strike.ok
    assert not site.hits("/private/memo")
    assert [hit.path for hit in site.log[:2]] == ["/robots.txt", "/robots-moved.txt"]


def test_503_and_429_with_retry_after_are_retried_after_the_wait(site):
    site.routes["/busy"] = Route(b"", 503, headers={"Retry-After": "1"},
                                 then=[Route(b"", 429, headers={"Retry-After": "0"}),
                                       page("Ferry service resumes", FERRY)])  # fmt: skip
    with Fetcher(FAST) as fetcher:
        fetched = fetcher.fetch(f"{site.url}/busy")
    assert fetched.ok and "ferry resumed" in fetched.body.decode()
    first, second, third = site.hits("/busy")
    assert (first.status, second.status, third.status) == (503, 429, 200)
    assert second.at - first.at >= 0.99  # waited as the server asked


def test_a_retry_after_longer_than_the_client_waits_is_left_for_later(site):
    site.routes["/later"] = Route(b"", 429, headers={"Retry-After": "3600"})
    with Fetcher(FAST) as fetcher:
        fetched = fetcher.fetch(f"{site.url}/later")
    assert fetched.transient and fetched.retry_after == 3600
    assert fetched.error == "HTTP 429 (1 try; retry in 3600 s)"
    assert len(site.hits("/later")) == 1


def test_a_known_etag_gets_a_304_and_no_body(site):
    site.routes["/feed"] = Route(rss([("Ferry", "/ferry")]).encode(), etag='"v1"',
                                 content_type="application/rss+xml")
    with Fetcher(FAST) as fetcher:
        first = fetcher.fetch(f"{site.url}/feed")
        again = fetcher.fetch(Request(f"{site.url}/feed", etag=first.etag))
    assert first.ok and first.etag == '"v1"'
    assert again.not_modified and again.body == b""
    assert site.hits("/feed")[1].headers["if-none-match"] == '"v1"'


def test_compressed_answers_are_read(site):
    site.routes["/zipped"] = page("Ferry service resumes", FERRY)
    site.routes["/zipped"].gzip = True
    with Fetcher(FAST) as fetcher:
        (article,) = page_articles(fetcher.fetch(f"{site.url}/zipped"))
    assert article.title == "Ferry service resumes" and FERRY[1] in article.text


def test_each_fault_is_one_line_naming_the_url(site):
    dead = f"http://127.0.0.1:{closed_port()}/news"
    site.routes["/loop-a"] = Route(status=302, headers={"Location": "/loop-b"})
    site.routes["/loop-b"] = Route(status=301, headers={"Location": "/loop-a"})
    site.routes["/huge"] = Route(b"<html><body>" + b"<p>word</p>" * 30_000)
    site.routes["/bomb"] = Route(gzip.compress(b"0" * 3_000_000), content_type="text/html",
                                 headers={"Content-Encoding": "gzip"})  # fmt: skip
    site.routes["/video"] = Route(b"<html><body><video src='/v.mp4'></video></body></html>")
    site.routes["/entities"] = Route(BOMB, content_type="application/rss+xml")
    site.routes["/sitemap"] = Route(b"<?xml version='1.0'?><urlset></urlset>",
                                    content_type="application/xml")
    wanted = {
        dead: "cannot connect",
        f"{site.url}/gone": "HTTP 404",
        f"{site.url}/loop-a": "redirect loop",
        f"{site.url}/huge": "page is 0.3 MB (the limit is 0.1 MB)",
        f"{site.url}/bomb": "stopped reading",
        f"{site.url}/video": "no article text",
        f"{site.url}/entities": "XML declares entities",
        f"{site.url}/sitemap": "a sitemap, not an article",
        f"{site.url}/private/x": "disallowed by robots.txt",
    }
    settings = FetchSettings(delay=0.05, max_bytes=100_000)  # the URLs given are trusted
    read = read_urls([*wanted, f"{site.url}/strike"], settings)
    (article,) = read.articles
    assert article.title == "Dockworkers walk out at Calder"
    problems = {p.source: str(p) for p in read.problems}
    assert set(problems) == set(wanted)
    for url, reason in wanted.items():
        assert reason in problems[url] and problems[url].startswith(url)
        assert "\n" not in problems[url]


def test_a_link_to_a_non_public_address_is_refused_unless_the_user_named_its_host(site):
    port = site.url.rsplit(":", 1)[1]
    site.routes["/away"] = Route(status=302, headers={"Location": f"http://localhost:{port}/x"})
    with Fetcher(FetchSettings(delay=0.05)) as fetcher:
        unnamed = fetcher.fetch(f"{site.url}/strike")
        fetcher.trust(site.url)
        named = fetcher.fetch(f"{site.url}/strike")
        away = fetcher.fetch(f"{site.url}/away")
    assert unnamed.error == (
        "refused: 127.0.0.1 is a non-public address (127.0.0.1) and not a source you named")
    assert named.ok
    assert away.error.startswith("refused: localhost is a non-public address")
    assert [hit.path for hit in site.log] == ["/robots.txt", "/strike", "/away"]


def test_a_page_in_the_wrong_charset_is_read_right(site):
    text = ("The station café in Zürich reopened after years of works, the mayor said, and "
            "its regulars were there at dawn, glad to have their counter and crème brûlée back.")
    latin = article_page("Zürich's café reopens", [text, text.replace("mayor", "préfet")])
    # The server says UTF-8 and the page says nothing, but the bytes are Latin-1.
    site.routes["/cafe"] = Route(latin.replace('<meta charset="utf-8">', "").encode("latin-1"))
    site.routes["/declared"] = Route(latin.replace("utf-8", "iso-8859-1").encode("latin-1"),
                                     content_type="text/html")  # fmt: skip
    with Fetcher(FAST) as fetcher:
        for path in ("/cafe", "/declared"):
            (article,) = page_articles(fetcher.fetch(f"{site.url}{path}"))
            assert "The station café in Zürich reopened" in article.text


def test_two_links_to_one_story_give_one_article(site):
    site.routes["/strike-amp"] = page("Dockworkers walk out at Calder", STRIKE,
                                      canonical=f"{site.url}/strike")
    urls = [f"{site.url}/strike?utm_source=feed&fbclid=xyz#top", f"{site.url}/strike",
            f"{site.url}/strike-amp"]  # fmt: skip
    read = read_urls(urls, FAST)
    (article,) = read.articles
    assert article.url == f"{site.url}/strike" and article.id == f"127.0.0.1-{site.url[17:]}-strike"
    assert len(site.hits("/strike")) == 1  # the tracking link was the same URL
    (problem,) = read.problems
    assert problem.source == f"{site.url}/strike-amp" and "the same article as" in str(problem)


def test_urls_are_normalised_with_tracking_parameters_dropped() -> None:
    assert normalise_url("HTTP://News.Example:80/a/b?utm_medium=x&id=3&gclid=9#comments") == (
        "http://news.example/a/b?id=3")
    assert normalise_url("../c", base="https://news.example/a/b") == "https://news.example/c"
    assert normalise_url("mailto:desk@news.example") is None


def test_a_url_without_a_host_is_one_line_naming_it_and_the_fix() -> None:
    """ "http://" was kept as "http:///" and fetched; it failed as a URL "missing an 'http://'
    or 'https://' protocol"."""
    assert normalise_url("http://") is None and normalise_url("https:///feed.xml") is None
    read = read_urls(["http://"], FAST)
    assert read.articles == []
    assert [str(p) for p in read.problems] == [
        "http://: not a valid URL: give a web page as https://HOST/PATH"]


def test_sitemap_index_news_sitemap_opml_and_home_page_are_read() -> None:
    base = "http://127.0.0.1:1"
    index = f"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{base}/news.xml</loc></sitemap><sitemap><loc>/pages.xml</loc></sitemap>
</sitemapindex>""".encode()
    news = f"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
 xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>{base}/old</loc><news:news><news:publication_date>2025-03-01</news:publication_date>
</news:news></url>
<url><loc>{base}/new?utm_campaign=x</loc><news:news>
<news:publication_date>2025-03-04T08:00:00Z</news:publication_date></news:news></url>
</urlset>""".encode()
    opml = b"""<?xml version="1.0"?><opml version="2.0"><head><title>Desk</title></head><body>
<outline text="Ports"><outline type="rss" text="Gazette" xmlUrl="http://127.0.0.1:1/feed"/>
<outline type="rss" text="Courier" xmlUrl="http://127.0.0.1:2/atom.xml"/></outline></body></opml>"""
    home = (b'<html><head><link rel="alternate" type="application/rss+xml" href="/rss">'
            b"</head><body><p>Latest news</p></body></html>")
    assert read_source(index, f"{base}/sitemap.xml").sitemaps == (f"{base}/news.xml",
                                                                  f"{base}/pages.xml")
    assert read_source(news, f"{base}/news.xml").articles == (f"{base}/new", f"{base}/old")
    found = read_source(opml, "file:///desk.opml")
    assert found.kind == "opml" and found.title == "Desk"
    assert found.sources == ("http://127.0.0.1:1/feed", "http://127.0.0.1:2/atom.xml")
    assert read_source(home, f"{base}/").sources == (f"{base}/rss",)


def test_broken_sources_are_one_line_each() -> None:
    url = "http://127.0.0.1:1/feed"
    feed = rss([("Ferry", "/ferry"), ("Strike", "/strike")])
    cut = read_source(feed[: feed.index("</item>") + 30].encode(), url)
    assert cut.articles == ("http://127.0.0.1:1/ferry",)
    assert cut.problem.startswith("feed is cut off: read 1 complete entries")
    html = read_source(b"<html><body><p>Not a feed</p></body></html>", url)
    assert html.kind == "html" and html.problem.startswith("a web page with no feed link")
    assert "XML declares entities" in read_source(BOMB, url).problem
    assert "XML declares entities" in read_source(EXTERNAL, url).problem
    assert read_source(b"\x89PNG\r\n", url, "image/png").problem == (
        "not a feed, sitemap, OPML file or web page (image/png)")


def test_brief_reads_urls_beside_files(site, tmp_path):
    note = tmp_path / "courier.txt"
    note.write_text("Calder strike enters second day\n\n" + " ".join(STRIKE[::-1]))
    site.routes["/strike-2"] = page("Calder port still shut", [STRIKE[0], FERRY[0]])
    result = CliRunner().invoke(app, ["brief", str(note), f"{site.url}/strike",
                                      f"{site.url}/strike-2", f"{site.url}/missing",
                                      "--format", "json"])  # fmt: skip
    assert result.exit_code == 1
    briefing = json.loads(result.stdout)
    titles = [d["title"] for d in briefing["documents"]]
    assert titles == ["Calder strike enters second day", "Dockworkers walk out at Calder",
                      "Calder port still shut"]  # fmt: skip
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {site.url}/missing: HTTP 404"]


def test_ingest_reads_urls_beside_files_as_brief_does(site, tmp_path):
    """`ingest URL` said "no such file or folder"."""
    from newsprism.store import open_store

    note = tmp_path / "courier.txt"
    note.write_text("Calder strike enters second day\n\n" + " ".join(STRIKE[::-1]))
    db = f"sqlite:///{tmp_path / 'corpus.db'}"
    result = CliRunner().invoke(app, ["ingest", str(note), f"{site.url}/strike",
                                      f"{site.url}/missing", "--db", db, "--no-analyse"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {site.url}/missing: HTTP 404"]
    with open_store(db) as store:
        titles = sorted(a.title or "" for a in store.articles.since())
    assert titles == ["Calder strike enters second day", "Dockworkers walk out at Calder"]


def test_the_test_server_is_on_loopback_only() -> None:
    with WebServer() as server:
        assert server.url.startswith("http://127.0.0.1:")
