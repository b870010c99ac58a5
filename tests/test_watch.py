"""`newsprism watch` against a real HTTP server on 127.0.0.1: new articles arrive in the corpus
(and in stories), an unchanged feed costs a 304, faults are one line each, a page asked to wait
is fetched on a later round, and a watch killed with SIGKILL resumes with every article once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from _webserver import Route, article_page, rss, serving
from newsprism.cli import app
from newsprism.fetch.watch import Watch
from newsprism.settings import Settings, parse_interval
from newsprism.store import open_store
from newsprism.store.records import FetchedURL, FetchLogEntry, PendingURL, WatchSource
from test_fetch import BOMB, EXTERNAL, FERRY, STRIKE, closed_port

pytest_plugins = ["_stores"]  # the store and store_url fixtures, on both backends
ROOT = Path(__file__).resolve().parents[1]
SETTINGS = Settings(watch={"every": 60},
                    fetch={"delay": 0.02, "backoff": 0.02, "timeout": 5, "max_wait": 2})
TOPICS = [("Dockworkers walk out at Calder", STRIKE), ("Ferry service resumes", FERRY),
          ("Calder strike enters second day", STRIKE[::-1])]  # fmt: skip


def publish(server, count: int, first: int = 0) -> list[tuple[str, str]]:
    """``count`` article pages on the server; returns their (title, path)."""
    items = []
    for n in range(first, first + count):
        title, paragraphs = TOPICS[n % len(TOPICS)]
        title = f"{title} ({n})"
        server.routes[f"/news/{n}"] = Route(article_page(
            title, [*paragraphs, f"This is report number {n} of the day from our desk."]).encode())
        items.append((title, f"/news/{n}"))
    return items


def feed_route(items: list[tuple[str, str]], version: str) -> Route:
    return Route(rss(items).encode(), content_type="application/rss+xml", etag=f'"{version}"')


def watch_once(store, lines: list[str] | None = None, sources: tuple[str, ...] = ()):
    watch = Watch(store, SETTINGS, index=False,
                  on_line=lines.append if lines is not None else None)
    watch.add_sources(sources)
    try:
        return watch, watch.run(once=True)
    finally:
        watch.close()


@pytest.fixture
def site():
    with serving() as server:
        server.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n",
                                             content_type="text/plain")
        yield server


def test_new_articles_arrive_and_an_unchanged_feed_costs_a_304(site, store_url):
    items = publish(site, 3)
    items[0] = (items[0][0], items[0][1] + "?utm_source=rss")  # the same page, tracked
    site.routes["/feed.xml"] = feed_route([*items, ("Memo", "/private/memo")], "v1")
    with open_store(store_url) as store:
        watch = Watch(store, SETTINGS, index=False)
        assert watch.add_sources([f"{site.url}/feed.xml"]) == []
        report = watch.run(once=True)
        watch.close()
        assert (report.polled, report.found, report.saved) == (1, 4, 3)
        assert report.lines == [f"{site.url}/private/memo: disallowed by robots.txt"]
        titles = {a.title for a in store.articles.since()}
        assert titles == {title for title, _ in items}
        (source,) = store.watch.sources()
        assert source.kind == "feed" and source.etag == '"v1"' and source.found == 4

        _, again = watch_once(store)
        assert (again.polled, again.not_modified, again.found, again.fetched) == (1, 1, 0, 0)
        assert store.articles.count() == 3
    assert [hit.status for hit in site.hits("/feed.xml")] == [200, 304]
    assert site.hits("/feed.xml")[1].headers["if-none-match"] == '"v1"'
    for _, path in items:
        assert len(site.hits(path.split("?")[0])) == 1  # each page fetched once, ever


def test_a_busy_feed_is_polled_more_often_and_a_quiet_or_failing_one_less(site, tmp_path):
    site.routes["/feed.xml"] = feed_route(publish(site, 1), "v1")
    with open_store(str(tmp_path / "corpus.db")) as store:
        watch = Watch(store, SETTINGS, index=False)
        watch.add_sources([f"{site.url}/feed.xml"])
        intervals = []
        for version, count in (("v1", 1), ("v2", 3), ("v2", 3), ("v3", 4)):
            site.routes["/feed.xml"] = feed_route(publish(site, count), version)
            watch.run(once=True)
            intervals.append(store.watch.sources()[0].interval)
        site.routes["/feed.xml"] = Route(b"gone", 404)
        watch.run(once=True)
        watch.close()
        intervals.append(store.watch.sources()[0].interval)
        assert intervals == [60, 30, 45, 45, 67.5]  # first poll; 2 new; 304; 1 new; failing
        assert store.articles.count() == 4
        (source,) = store.watch.sources()
        assert source.next_at == pytest.approx(source.last_fetch_at + 67.5)
        assert (source.last_status, source.last_error, source.etag) == (404, "HTTP 404", '"v3"')


def test_opml_sitemaps_and_every_fault_are_one_line_each_and_the_rest_goes_on(site, tmp_path):
    good = publish(site, 4)
    dead = f"http://127.0.0.1:{closed_port()}/rss"
    inside = f"http://localhost:{site.url.rsplit(':', 1)[1]}/admin"  # a host no one named
    feed = rss([good[0], ("Gone", "/news/gone"), ("Video", "/video"), ("Loop", "/loop"),
                ("Admin", inside)])
    site.routes["/feed.xml"] = Route(feed.encode(), content_type="application/rss+xml")
    site.routes["/html-feed"] = Route(b"<html><body><p>Our feeds moved.</p></body></html>")
    cut = rss([good[1], ("Cut", "/news/cut")])
    site.routes["/cut.xml"] = Route(cut[: cut.rindex("<item>") + 20].encode(),
                                    content_type="application/rss+xml")
    site.routes["/bomb.xml"] = Route(BOMB, content_type="application/rss+xml")
    site.routes["/video"] = Route(b"<html><body><video src='/v.mp4'></video></body></html>")
    site.routes["/loop"] = Route(status=302, headers={"Location": "/loop"})
    site.routes["/index.xml"] = Route(f"""<?xml version="1.0"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{site.url}/news.xml</loc></sitemap><sitemap><loc>/secret.xml</loc></sitemap>
</sitemapindex>""".encode(), content_type="application/xml")
    site.routes["/news.xml"] = Route(f"""<?xml version="1.0"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>{site.url}{good[2][1]}</loc></url><url><loc>{site.url}{good[3][1]}</loc></url>
</urlset>""".encode(), content_type="application/xml")
    site.routes["/secret.xml"] = Route(EXTERNAL, content_type="application/xml")
    opml = tmp_path / "desk.opml"
    outlines = "".join(f'<outline type="rss" text="{n}" xmlUrl="{u}"/>' for n, u in [
        ("Gazette", f"{site.url}/feed.xml"), ("Dead", dead), ("Moved", f"{site.url}/html-feed"),
        ("Cut", f"{site.url}/cut.xml"), ("Bomb", f"{site.url}/bomb.xml")])
    opml.write_text(f'<?xml version="1.0"?><opml version="2.0"><head><title>Desk</title></head>'
                    f"<body>{outlines}</body></opml>")
    lines: list[str] = []
    with open_store(str(tmp_path / "corpus.db")) as store:
        watch = Watch(store, SETTINGS, index=False, on_line=lines.append)
        assert watch.add_sources([str(opml), f"{site.url}/index.xml", str(tmp_path / "nope")]) \
            == [f"{tmp_path / 'nope'}: cannot read: No such file or directory"]
        report = watch.run(once=True)
        watch.close()
        assert sorted(a.title for a in store.articles.since()) == sorted(t for t, _ in good)
        errors = [line.removeprefix("error: ") for line in lines if line.startswith("error: ")]
        expected = {
            dead: "cannot connect", f"{site.url}/html-feed": "a web page with no feed link",
            f"{site.url}/cut.xml": "feed is cut off",
            f"{site.url}/bomb.xml": "XML declares entities",
            f"{site.url}/index.xml": "secret.xml: XML declares entities",
            f"{site.url}/news/gone": "HTTP 404", f"{site.url}/video": "no article text",
            f"{site.url}/loop": "redirect loop",
            inside: "refused: localhost is a non-public address",
        }  # fmt: skip
        assert len(errors) == len(expected) == report.failed
        for url, reason in expected.items():
            (line,) = [e for e in errors if e.startswith(f"{url}: ")]
            assert reason in line
        health = {h.source.url: h for h in store.watch.health(time.time())}
        assert set(health) == {f"{site.url}/index.xml", f"{site.url}/feed.xml", dead,
                               f"{site.url}/html-feed", f"{site.url}/cut.xml",
                               f"{site.url}/bomb.xml"}  # fmt: skip
        assert health[dead].errors == 1 and health[dead].source.last_status == 0
        assert health[f"{site.url}/feed.xml"].new_articles == 1
        assert health[f"{site.url}/feed.xml"].source.parent == str(opml)
    result = CliRunner().invoke(app, ["sources", "--db", str(tmp_path / "corpus.db")],
                                env={"COLUMNS": "300"})  # fmt: skip
    assert result.exit_code == 0
    row = next(line for line in result.stdout.splitlines() if dead in line)
    assert "never" not in row.split(dead)[1][:30] and "cannot connect" in row


def test_a_home_page_is_followed_through_its_feed_and_the_sitemaps_robots_txt_lists(site, tmp_path):
    items = publish(site, 3)
    site.routes["/robots.txt"] = Route(f"User-agent: *\nSitemap: {site.url}/news.xml\n".encode(),
                                       content_type="text/plain")  # fmt: skip
    site.routes["/"] = Route(b'<html><head><link rel="alternate" type="application/atom+xml" '
                             b'href="/feed.xml"></head><body><p>Latest</p></body></html>')
    site.routes["/feed.xml"] = feed_route(items[:2], "v1")
    site.routes["/news.xml"] = Route(f"""<?xml version="1.0"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{site.url}{items[2][1]}</loc>
</url><url><loc>{site.url}{items[0][1]}</loc></url></urlset>""".encode(), content_type="text/xml")
    with open_store(str(tmp_path / "corpus.db")) as store:
        _, report = watch_once(store, sources=(f"{site.url}/",))
        assert report.saved == 3 and report.failed == 0
        kinds = {s.url: (s.kind, s.parent) for s in store.watch.sources()}
    assert kinds == {f"{site.url}/": ("html", None),
                     f"{site.url}/feed.xml": ("feed", f"{site.url}/"),
                     f"{site.url}/news.xml": ("sitemap", f"{site.url}/")}  # fmt: skip
    assert len(site.hits(items[0][1])) == 1  # in the feed and the sitemap: fetched once


def test_a_sites_first_poll_fetches_a_page_once_however_its_feed_and_sitemap_link_it(
    site, tmp_path
):
    """The feed links a page through a redirect, or at another URL naming its canonical one;
    the sitemap lists the page's own URL: both were fetched in the first poll's batch."""
    items = publish(site, 2)
    site.routes["/robots.txt"] = Route(f"User-agent: *\nSitemap: {site.url}/news.xml\n".encode(),
                                       content_type="text/plain")  # fmt: skip
    site.routes["/"] = Route(b'<html><head><link rel="alternate" type="application/rss+xml" '
                             b'href="/feed.xml"></head><body><p>Latest</p></body></html>')
    site.routes["/go/0"] = Route(status=301, headers={"Location": "/news/0"})
    title, paragraphs = TOPICS[1]
    site.routes["/news/1?edition=rss"] = Route(
        article_page(title, paragraphs, canonical=f"{site.url}/news/1").encode())
    site.routes["/news/1"] = Route(article_page(title, paragraphs).encode())
    site.routes["/feed.xml"] = feed_route([(items[0][0], "/go/0"), (title, "/news/1?edition=rss")],
                                          "v1")  # fmt: skip
    site.routes["/news.xml"] = Route(f"""<?xml version="1.0"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{site.url}/news/0</loc></url>
<url><loc>{site.url}/news/1</loc></url></urlset>""".encode(), content_type="text/xml")
    with open_store(str(tmp_path / "corpus.db")) as store:
        _, report = watch_once(store, sources=(f"{site.url}/",))
        assert (report.saved, report.fetched, report.failed) == (2, 2, 0)
        assert store.watch.pending() == []
        assert set(store.watch.states([f"{site.url}/news/0", f"{site.url}/news/1"]).values()) \
            == {"done"}
    assert len(site.hits("/news/0")) == len(site.hits("/news/1?edition=rss")) == 1
    assert not site.hits("/news/1")


def test_a_page_that_asks_to_wait_long_is_fetched_on_a_later_round(site, store_url):
    items = publish(site, 2)
    site.routes["/feed.xml"] = feed_route(items, "v1")
    later = site.routes[items[1][1]]
    site.routes[items[1][1]] = Route(b"", 503, headers={"Retry-After": "30"}, then=[later])
    lines: list[str] = []
    with open_store(store_url) as store:
        _, first = watch_once(store, lines, (f"{site.url}/feed.xml",))
        assert (first.saved, first.failed) == (1, 1)
        assert f"error: {site.url}{items[1][1]}: HTTP 503 (1 try; retry in 30 s)" in lines
        assert store.watch.pending() == [
            PendingURL(f"{site.url}{items[1][1]}", f"{site.url}/feed.xml", 1)]
        _, second = watch_once(store)
        assert (second.not_modified, second.fetched, second.saved) == (1, 1, 1)
        assert store.watch.pending() == [] and store.articles.count() == 2


def test_watched_articles_are_analysed_and_grouped_into_stories(site, tmp_path):
    from newsprism.analyse import analyse_articles
    from newsprism.stories.persist import StoryHook

    site.routes["/feed.xml"] = feed_route(publish(site, 3), "v1")
    with open_store(str(tmp_path / "corpus.db")) as store:
        hook = StoryHook(store)
        watch = Watch(store, SETTINGS, analyse=lambda batch: list(analyse_articles(batch)),
                      on_batch=hook)  # fmt: skip
        watch.add_sources([f"{site.url}/feed.xml"])
        assert watch.run(once=True).saved == 3
        watch.close()
        hook.finish(store)
        ids = [a.id for a in store.articles.since()]
        stories = store.stories.of(ids)
        assert set(stories) == set(ids)
        assert len(store.analyses.get_many(ids)) == 3


def test_the_frontier_and_the_fetch_log_on_the_store(store) -> None:
    feed = "http://127.0.0.1:1/feed"
    assert store.watch.add_source(WatchSource(feed, interval=60, next_at=5, added_at=0))
    assert not store.watch.add_source(WatchSource(feed, interval=1))  # keeps its state
    assert store.watch.add_urls(["http://a/1", "http://a/2", "http://a/1"], feed, 2) == [
        "http://a/1", "http://a/2"]
    assert store.watch.add_urls(["http://a/2", "http://a/3"], feed, 3) == ["http://a/3"]
    with store.transaction():
        store.watch.mark([FetchedURL("http://a/1", feed, "done", 200, "a-1"),
                          FetchedURL("http://a/1-canonical", feed, "done", 200, "a-1"),
                          FetchedURL("http://a/2", feed, "pending", 503)], at=4)  # fmt: skip
        store.watch.log([FetchLogEntry(4, "http://a/1", feed, 200, "new", "a-1"),
                         FetchLogEntry(4, "http://a/2", feed, 503, "retry", "HTTP 503")])
    assert store.watch.pending() == [PendingURL("http://a/2", feed, 1),
                                     PendingURL("http://a/3", feed, 0)]
    assert store.watch.states(["http://a/1-canonical", "http://a/3", "http://b"]) == {
        "http://a/1-canonical": "done", "http://a/3": "pending"}
    (health,) = store.watch.health(now=86400 * 3)
    assert (health.new_articles, health.errors, health.days) == (1, 0, 3)  # errors: 24 h only
    assert health.source.interval == 60 and health.per_day == pytest.approx(1 / 3)
    (today,) = store.watch.health(now=5)  # a page's error is the feed's last error
    assert (today.errors, today.last_error) == (1, "http://a/2: HTTP 503")


def test_the_sources_page_shows_each_sources_health_escaped(tmp_path) -> None:
    from fastapi.testclient import TestClient

    from newsprism.web import create_app

    now = time.time()
    with open_store(str(tmp_path / "corpus.db")) as store:
        store.watch.add_source(WatchSource(
            "http://127.0.0.1:1/feed", kind="feed", title="<script>alert(1)</script>Gazette",
            last_fetch_at=now, last_status=0, last_error="cannot connect (refused)",
            next_at=now + 60, added_at=now))  # fmt: skip
        store.watch.log([FetchLogEntry(now, "http://127.0.0.1:1/feed", "http://127.0.0.1:1/feed",
                                       0, "retry", "cannot connect (refused)")])  # fmt: skip
        with TestClient(create_app(store)) as client:
            page = client.get("/sources")
    assert page.status_code == 200
    assert "&lt;script&gt;alert(1)&lt;/script&gt;Gazette" in page.text
    assert "<script>alert" not in page.text
    row = page.text.split('<tr class="failing">')[1].split("</tr>")[0]
    cells = [cell.split(">", 1)[1].split("</td")[0] for cell in row.split("<td")[1:]]
    assert cells[1:] == ["feed", datetime.fromtimestamp(now, UTC).strftime("%Y-%m-%d %H:%M"),
                         "0", "0.0", "1",
                         datetime.fromtimestamp(now + 60, UTC).strftime("%Y-%m-%d %H:%M"),
                         "cannot connect (refused)"]  # fmt: skip


def test_a_watch_with_nothing_to_watch_or_a_bad_interval_is_one_clear_error(tmp_path):
    db = str(tmp_path / "corpus.db")
    empty = CliRunner().invoke(app, ["watch", "--db", db, "--once", "--no-analyse"])
    assert empty.exit_code == 1
    assert empty.stderr.strip().endswith(
        "error: nothing to watch: give feed, sitemap or site URLs, or OPML files")
    bad = CliRunner().invoke(app, ["watch", "http://127.0.0.1:1/", "--db", db, "--every", "soon"])
    assert bad.exit_code == 2 and "--every 'soon': give a duration such as 30s" in bad.stderr


def test_every_interval_is_read() -> None:
    assert [parse_interval(x) for x in ("90", "30s", "15m", "2h", "1d")] == [
        90, 30, 900, 7200, 86400]
    with pytest.raises(ValueError, match="a duration such as"):
        parse_interval("soon")


def _stored(db: Path) -> set[str]:
    try:
        with sqlite3.connect(db) as conn:
            return {url for (url,) in conn.execute("SELECT url FROM articles")}
    except sqlite3.Error:
        return set()


@pytest.mark.slow  # two processes load the search models
def test_a_watch_killed_with_sigkill_resumes_with_every_article_once(site, tmp_path):
    items = publish(site, 24)
    for _, path in items:
        site.routes[path].delay = 0.05
    site.routes["/feed.xml"] = feed_route(items, "v1")
    db = tmp_path / "corpus.db"
    command = [sys.executable, "-c", "from newsprism.cli import app; app()", "watch",
               f"{site.url}/feed.xml", "--db", str(db), "--once", "--no-analyse",
               "--delay", "0.02", "--batch-size", "4"]  # fmt: skip
    path = os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])
    env = {**os.environ, "PYTHONPATH": path}
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)  # fmt: skip
    deadline = time.monotonic() + 60
    while len(_stored(db)) < 8 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    before = _stored(db)
    assert 8 <= len(before) < len(items)  # killed mid-way
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    with open_store(str(db)) as store:
        urls = [a.url for a in store.articles.since()]
    assert sorted(urls) == sorted(f"{site.url}{path}" for _, path in items)  # each once
    hits = {path: len(site.hits(path)) for _, path in items}
    assert all(hits[url.removeprefix(site.url)] == 1 for url in before)  # stored: never again
    assert sum(count - 1 for count in hits.values()) <= 4  # only the batch in flight


def test_sources_folds_a_long_url_onto_the_next_line_rather_than_cutting_it(tmp_path):
    """Two feeds of one site were both listed as "https://news.harbour-gazette.example/sy…"."""
    db = str(tmp_path / "corpus.db")
    with open_store(db) as store:
        for name in ("feed-national.rss", "feed-regional.atom"):
            store.watch.add_source(WatchSource(
                f"https://news.harbour-gazette.example/syndication/{name}", kind="feed",
                last_fetch_at=time.time(), next_at=time.time(), last_status=200))
    result = CliRunner().invoke(app, ["sources", "--db", db], env={"COLUMNS": "110"})
    assert result.exit_code == 0 and "…" not in result.stdout
    firsts = [line.split()[0] for line in result.stdout.splitlines()[1:] if line.strip()]
    assert "".join(firsts).count("feed-national.rss") == 1  # its pieces, line after line


FULL_STORY = " ".join([*STRIKE, *FERRY] * 2)  # 89 words: a story, not a teaser


def test_an_entry_whose_page_fails_is_stored_from_the_feeds_own_text(site, tmp_path):
    """Atom ``content`` and RSS ``content:encoded`` carry the whole story: when its page is a
    404 or no article, the entry is stored from the feed with one line; a teaser is not."""
    site.routes["/atom.xml"] = Route(f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Wire</title>
<entry><title>Calder strike widens</title><link href="{site.url}/gone"/><id>urn:x:1</id>
<updated>2025-03-04T10:00:00Z</updated><author><name>Ana Reyes</name></author>
<content type="html">&lt;p&gt;{FULL_STORY}&lt;/p&gt;</content></entry>
<entry><title>Strike video</title><link href="{site.url}/video"/><id>urn:x:2</id>
<updated>2025-03-05T10:00:00Z</updated><content type="html">{FULL_STORY}</content></entry>
</feed>""".encode(), content_type="application/atom+xml")
    site.routes["/rss.xml"] = Route(f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Teaser Times</title><item><title>Port stoppage</title><link>{site.url}/lost</link>
<description>Dockworkers walked out on Monday.</description></item></channel></rss>""".encode(),
        content_type="application/rss+xml")
    site.routes["/video"] = Route(b"<html><body><video src='/v.mp4'></video></body></html>")
    lines: list[str] = []
    with open_store(str(tmp_path / "corpus.db")) as store:
        _, report = watch_once(store, lines, (f"{site.url}/atom.xml", f"{site.url}/rss.xml"))
        by_url = {a.url: a for a in store.articles.since()}
        assert set(by_url) == {f"{site.url}/gone", f"{site.url}/video"}  # the teaser is lost
        gone = by_url[f"{site.url}/gone"]
        assert (gone.title, gone.outlet, gone.author, gone.date) == (
            "Calder strike widens", "Harbour Wire", "Ana Reyes", "2025-03-04")
        assert gone.text == f"Calder strike widens\n\n{FULL_STORY}"
        assert by_url[f"{site.url}/video"].date == "2025-03-05"
        fallbacks = [line for line in lines if "stored the text its feed carries" in line]
        assert [line.split(":", 1)[0] for line in fallbacks] == ["warning", "warning"]
        assert any(f"{site.url}/gone: HTTP 404" in line for line in fallbacks)
        assert report.failed == 1 and report.lines == [f"{site.url}/lost: HTTP 404"]
        assert len(site.hits("/gone")) == 1  # the page was tried first
    with sqlite3.connect(tmp_path / "corpus.db") as conn:  # the log tells what the page was
        (row,) = conn.execute("SELECT status, outcome, detail FROM fetch_log WHERE url = ?",
                              (f"{site.url}/gone",))  # fmt: skip
    assert row == (404, "new", f"from the feed: {site.url}/gone: HTTP 404")


def test_sources_shows_the_last_error_of_a_feed_whose_pages_fail(site, tmp_path):
    """The feed answers, its page is a 404: `sources` counted the error and left "last error"
    blank."""
    site.routes["/feed.xml"] = feed_route([("Gone", "/news/gone"), *publish(site, 1)], "v1")
    db = str(tmp_path / "corpus.db")
    with open_store(db) as store:
        watch_once(store, sources=(f"{site.url}/feed.xml",))
        (health,) = store.watch.health(time.time())
        assert health.source.last_error is None  # the feed itself is well
        assert (health.errors, health.last_error) == (1, f"{site.url}/news/gone: HTTP 404")
    result = CliRunner().invoke(app, ["sources", "--db", db], env={"COLUMNS": "300"})
    assert result.exit_code == 0 and f"{site.url}/news/gone: HTTP 404" in result.stdout


def test_an_article_page_is_watched_alone_while_a_home_page_keeps_discovering(site, tmp_path):
    items = publish(site, 3)
    site.routes["/robots.txt"] = Route(f"User-agent: *\nSitemap: {site.url}/news.xml\n".encode(),
                                       content_type="text/plain")  # fmt: skip
    site.routes["/news.xml"] = Route(f"""<?xml version="1.0"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{site.url}{items[1][1]}</loc>
</url><url><loc>{site.url}{items[2][1]}</loc></url></urlset>""".encode(), content_type="text/xml")
    site.routes["/feed.xml"] = feed_route(items, "v1")
    feed_link = '<link rel="alternate" type="application/rss+xml" href="/feed.xml">'
    # The article's page links the site's feed, as a news site's pages do.
    page = article_page(*TOPICS[0][:1], TOPICS[0][1]).replace("<head>", f"<head>{feed_link}")
    site.routes["/story/walkout"] = Route(page.encode())
    site.routes["/"] = Route(f"<html><head>{feed_link}</head><body><p>Latest</p></body>"
                             "</html>".encode())  # fmt: skip
    with open_store(str(tmp_path / "one.db")) as store:
        _, report = watch_once(store, sources=(f"{site.url}/story/walkout",))
        assert report.saved == 1 and report.failed == 0
        assert [(s.url, s.kind) for s in store.watch.sources()] == [
            (f"{site.url}/story/walkout", "article")]
        assert [a.title for a in store.articles.since()] == [TOPICS[0][0]]
    assert not site.hits("/feed.xml") and not site.hits("/news.xml")
    assert not any(site.hits(path) for _, path in items)  # no other page of the site
    assert len(site.hits("/story/walkout")) == 1  # read from the poll: it was fetched twice
    with open_store(str(tmp_path / "site.db")) as store:
        _, report = watch_once(store, sources=(f"{site.url}/",))
        assert report.saved == 3
        assert {s.kind for s in store.watch.sources()} == {"html", "feed", "sitemap"}


@pytest.mark.parametrize(("head", "body", "path", "article"), [
    ('<meta property="og:type" content="article">', "<p>Latest</p>", "/", True),
    ('<script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, '
     '{"@type": ["ReportageNewsArticle"]}]}</script>', "<p>Text</p>", "/", True),
    ('<meta property="og:type" content="website"><meta name="date" content="2025-03-04">',
     "<article><p>One teaser</p></article>", "/world/", False),
    ('<meta name="date" content="2025-03-04">', "<h1>Pay talks fail</h1><p>Text</p>",
     "/2025/03/04/pay-talks", True),
    ('<meta name="date" content="2025-03-04">', "<h1>Pay talks fail</h1><p>Text</p>", "/", False),
    ('<meta name="date" content="2025-03-04">',
     "<article><p>One</p></article><article><p>Two</p></article>", "/world/", False),
    ("", "<p>Latest news from the world</p>", "/world/", False),  # undated: no article
    ("", "<div><h2>Pay talks fail</h2><p>Published March 4, 2025. Talks failed.</p></div>"
     "<div><h2>Ferry resumes</h2><p>March 3, 2025 - The ferry resumed.</p></div>", "/world/",
     False),  # a front's teasers, dated in their text only
])  # fmt: skip
def test_a_page_is_an_article_by_what_it_declares_else_by_how_it_reads(
    head: str, body: str, path: str, article: bool
) -> None:
    from newsprism.fetch.pagekind import page_kind

    html = f"<html><head><title>T</title>{head}</head><body>{body}</body></html>"
    kind = page_kind(html, f"http://news.example{path}", time.time())
    assert kind == ("article" if article else "listing")


def live_blog(title: str, paragraphs: list[str], ends: str | None = None) -> str:
    """An article page its site marks as a live blog (coverage ending at ``ends``, if given)."""
    end = f', "coverageEndTime": "{ends}"' if ends else ""
    mark = ('<script type="application/ld+json">{"@context": "https://schema.org", '
            f'"@type": "LiveBlogPosting", "headline": "{title}"{end}}}</script>')
    return article_page(title, paragraphs).replace("</head>", f"{mark}</head>")


def test_a_page_is_live_while_its_site_marks_it_so_and_its_coverage_has_not_ended() -> None:
    from newsprism.fetch.pagekind import page_kind

    now = datetime(2025, 3, 4, 12, tzinfo=UTC).timestamp()
    url = "http://news.example/live/strike"
    assert page_kind(live_blog("Strike live", STRIKE), url, now) == "live"
    assert page_kind(live_blog("Strike live", STRIKE, "2025-03-04T18:00:00+00:00"), url,
                     now) == "live"  # fmt: skip
    assert page_kind(live_blog("Strike live", STRIKE, "2025-03-04T11:00:00Z"), url,
                     now) == "article"  # ended: an article as any other  # fmt: skip
    assert page_kind(article_page("Strike", STRIKE), url, now) == "article"


def test_a_watched_article_page_is_read_from_each_poll_and_a_changed_text_is_a_new_version(
    site, tmp_path
):
    """The page a user names is fetched once a poll (a 304 while unchanged); its new text is
    stored beside the old one, which stays as it was read."""
    site.routes["/story/walkout"] = Route(article_page(*TOPICS[0]).encode(), etag='"v1"')
    with open_store(str(tmp_path / "corpus.db")) as store:
        _, first = watch_once(store, sources=(f"{site.url}/story/walkout",))
        _, unchanged = watch_once(store)
        update = "Late on Tuesday the union said the walkout would go on for a third day."
        site.routes["/story/walkout"] = Route(
            article_page(TOPICS[0][0], [*TOPICS[0][1], update]).encode(), etag='"v2"')
        _, changed = watch_once(store)
        _, again = watch_once(store)
        versions = sorted(store.articles.since(), key=lambda a: len(a.text))
        (source,) = store.watch.sources()
    assert (first.saved, unchanged.not_modified, changed.saved, again.not_modified) == (1, 1, 1, 1)
    assert [hit.status for hit in site.hits("/story/walkout")] == [200, 304, 200, 304]
    old, new = versions
    assert update not in old.text and new.text.endswith(update)
    assert old.url == new.url == f"{site.url}/story/walkout"
    assert new.id.startswith(f"{old.id}.v")
    assert (source.kind, source.etag, source.found) == ("article", '"v2"', 2)


def test_a_live_page_in_a_feed_is_polled_for_its_updates_until_its_site_ends_it(site, tmp_path):
    items = publish(site, 1)
    paragraphs = list(FERRY)
    site.routes["/live/ferry"] = Route(live_blog("Ferry live", paragraphs).encode(), etag='"1"')
    site.routes["/feed.xml"] = feed_route([*items, ("Ferry live", "/live/ferry")], "v1")
    feed = f"{site.url}/feed.xml"
    with open_store(str(tmp_path / "corpus.db")) as store:
        _, first = watch_once(store, sources=(feed,))
        assert first.saved == 2
        live = {s.url: s for s in store.watch.sources()}[f"{site.url}/live/ferry"]
        assert (live.kind, live.parent, live.etag, live.last_fetch_at is not None) == (
            "live", feed, '"1"', True)
        _, quiet = watch_once(store)
        assert (quiet.not_modified, quiet.saved) == (2, 0)  # the feed and the page: 304s
        texts = []
        for version, ends in (("2", None), ("3", "2025-03-04T18:00:00Z")):
            paragraphs.append(f"Update {version}: the ferry to Calder kept its timetable today.")
            site.routes["/live/ferry"] = Route(live_blog("Ferry live", paragraphs, ends).encode(),
                                               etag=f'"{version}"')  # fmt: skip
            _, round_ = watch_once(store)
            assert round_.saved == 1
            texts.append(paragraphs[-1])
        stored = [a.text for a in store.articles.since() if a.url.endswith("/live/ferry")]
        sources = [s.url for s in store.watch.sources()]
        _, after = watch_once(store)
    assert len(stored) == 3 and all(sum(t in text for text in stored) == n
                                    for t, n in zip(texts, (2, 1), strict=True))  # fmt: skip
    assert sources == [feed]  # ended: no longer polled
    assert after.polled == 1 and len(site.hits("/live/ferry")) == 4
    assert len(site.hits(items[0][1])) == 1  # an article not live: fetched once


def test_a_text_file_of_urls_skips_indented_comments_and_names_a_bad_line(tmp_path):
    """An indented "# comment" was read as a URL, and the whole file refused without saying
    which line."""
    good, bad, empty = tmp_path / "feeds.txt", tmp_path / "typo.txt", tmp_path / "empty.txt"
    good.write_text("# the desk's feeds\n\n  # regional, indented\nhttp://127.0.0.1:1/rss\n")
    bad.write_text("http://127.0.0.1:1/rss\nwww.example.com/feed\n")
    empty.write_text("   # nothing yet\n")
    with open_store(str(tmp_path / "corpus.db")) as store:
        watch = Watch(store, SETTINGS, index=False)
        problems = watch.add_sources([str(good), str(bad), str(empty)])
        watch.close()
        assert [s.url for s in store.watch.sources()] == ["http://127.0.0.1:1/rss"]
    fix = "give an OPML file, or URLs one a line (# starts a comment)"
    assert problems == [f"{bad}: line 2, 'www.example.com/feed', is no http(s) URL: {fix}",
                        f"{empty}: no URL in it: {fix}"]  # fmt: skip


def test_a_source_url_without_a_host_is_refused_with_the_fix_and_never_stored(
    tmp_path: Path,
) -> None:
    with open_store(str(tmp_path / "corpus.db")) as store:
        watch = Watch(store, SETTINGS, index=False)
        assert watch.add_sources(["https://"]) == [
            "https://: not a valid URL: give a feed, sitemap or site as https://HOST/PATH"]
        watch.close()
        assert store.watch.sources() == []
