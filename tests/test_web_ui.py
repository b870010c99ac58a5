"""The web app in a real browser: Debian's chromium driven by Playwright, against the real
server (uvicorn on 127.0.0.1, a free port) over the session's corpus.

Screenshots of the main pages at laptop and phone widths go to artifacts/screenshots/.
Skipped when /usr/bin/chromium or the playwright package is missing (.ci/chromium.sh installs
the browser)."""

from __future__ import annotations

import json
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.request import urlopen

import pytest

from _web import ROOT, corpus_url, storyline_url  # noqa: F401  (the session's corpora)
from newsprism.store import open_store
from newsprism.web import create_app

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
SHOTS = ROOT / "artifacts" / "screenshots"
LAPTOP = {"width": 1366, "height": 860}
PHONE = {"width": 390, "height": 844}

sync_api = pytest.importorskip("playwright.sync_api")
if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
    pytest.skip("chromium is not installed (run .ci/chromium.sh)", allow_module_level=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(url: str) -> Iterator[str]:
    """``newsprism serve`` over the corpus at ``url``, on a free port; yields its address."""
    import uvicorn

    port = free_port()
    with open_store(url) as store:
        config = uvicorn.Config(create_app(store), host="127.0.0.1", port=port,
                                log_level="warning")  # fmt: skip
        running = uvicorn.Server(config)
        thread = threading.Thread(target=running.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        while not running.started:
            assert time.monotonic() < deadline and thread.is_alive(), "server did not start"
            time.sleep(0.05)
        address = f"http://127.0.0.1:{port}"
        build_briefings(address)
        yield address
        running.should_exit = True
        thread.join(timeout=10)


def build_briefings(address: str) -> None:
    """Every story's briefing built before the tests open its page: a first view answers at
    once with "Building the briefing…", which only the test of that view should see."""
    with urlopen(f"{address}/api/stories?limit=100") as answer:
        stories = json.load(answer)["stories"]
    for story in stories:
        with urlopen(f"{story['url']}/status?wait=300") as answer:
            assert json.load(answer)["status"] == "ready", story["id"]


@pytest.fixture(scope="module")
def server(corpus_url: str) -> Iterator[str]:
    with serving(corpus_url) as address:
        yield address


@pytest.fixture(scope="module")
def storyline_server(storyline_url: str) -> Iterator[str]:
    with serving(storyline_url) as address:
        yield address


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@contextmanager
def browsing(browser, server: str):  # type: ignore[no-untyped-def]
    """A page of its own on ``server``, with the dialogs it opened in ``page.dialogs``."""
    context = browser.new_context(viewport=LAPTOP, base_url=server)
    opened = context.new_page()
    dialogs: list[str] = []
    opened.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    opened.dialogs = dialogs
    yield opened
    context.close()


@pytest.fixture
def page(browser, server: str):  # type: ignore[no-untyped-def]
    with browsing(browser, server) as opened:
        yield opened


@pytest.fixture
def saga_page(browser, storyline_server: str):  # type: ignore[no-untyped-def]
    with browsing(browser, storyline_server) as opened:
        yield opened


def shoot(page, name: str, full: bool = False) -> None:  # type: ignore[no-untyped-def]
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full)


def test_story_list_shows_each_story_with_its_article_and_source_counts(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    rows = page.locator(".story-row")
    assert rows.count() == 3
    row = rows.filter(has_text="Putin and Kim meet in Vladivostok")
    assert "2 articles" in row.inner_text() and "2 independent sources" in row.inner_text()
    harbour = rows.filter(has_text="Port of Calder")
    assert "3 articles" in harbour.inner_text() and "3 independent sources" in harbour.inner_text()
    shoot(page, "stories-laptop")
    page.set_viewport_size(PHONE)
    shoot(page, "stories-phone", full=True)


def test_clicking_a_claim_lights_its_passages_in_both_sources(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    page.get_by_role("link", name="Putin and Kim meet in Vladivostok").click()
    page.wait_for_url("**/stories/vladivostok")
    assert page.locator(".source").count() == 2
    # the outlets' opposite verdicts on the summit: one claim, a passage in each source
    claim = page.locator(".brief li.item.st-contradicted").first
    ref = claim.get_attribute("data-ref")
    claim.click()
    assert "active" in (claim.get_attribute("class") or "")
    lit = page.locator(f'mark.hl.active[data-refs~="{ref}"]')
    assert lit.count() >= 2
    sources_lit = page.locator(".source").filter(has=page.locator("mark.hl.active"))
    assert sources_lit.count() == 2  # the passage is highlighted in each source
    for index in range(sources_lit.count()):
        assert sources_lit.nth(index).locator("mark.hl.active").first.is_visible()
    shoot(page, "story-laptop")
    page.set_viewport_size(PHONE)
    page.goto("/stories/vladivostok")
    shoot(page, "story-phone")
    shoot(page, "story-phone-full", full=True)


def test_clicking_an_actor_in_the_entity_graph_lights_its_mentions(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/stories/vladivostok")
    node = page.locator(".graph .node", has_text="Kim Jong-un")
    assert node.count() == 1
    assert page.locator(".graph .edge").count() >= 1
    node.click()
    marks = page.locator("mark.hl.active")
    assert marks.count() >= 4
    assert page.locator(".source").filter(has=page.locator("mark.hl.active")).count() == 2
    assert "active" in (node.get_attribute("class") or "")
    page.locator(".storyhead").screenshot(path=str(SHOTS / "story-graph.png"))


def test_searching_for_an_entity_finds_it_and_its_story(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    page.get_by_role("searchbox", name="Search").fill("Kim Jong Un")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=Kim+Jong+Un")
    entity = page.locator(".entity").first
    assert "Kim Jong-un" in entity.inner_text()
    assert page.locator(".hit").count() >= 1
    shoot(page, "search-laptop")
    entity.get_by_role("link", name="story vladivostok").click()
    page.wait_for_url("**/stories/vladivostok")
    page.set_viewport_size(PHONE)
    page.goto("/search?q=Kim+Jong+Un")
    shoot(page, "search-phone", full=True)


def test_a_story_of_hostile_articles_stays_inert(page, server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    page.goto("/stories/hostile")
    page.wait_for_load_state("load")
    for item in page.locator(".brief [data-ref]").all()[:6]:
        item.click()
    page.locator("mark.hl").first.click()
    for element in page.locator(".source header, .articles li").all():
        element.hover()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == []
    # The markup is shown as text, and no element from it exists in the page.
    assert "<script>window.__pwned" in page.locator(".source").first.inner_text()
    assert page.locator(".sources script, .sources img, .sources svg, .sources iframe").count() == 0
    assert page.locator("a[href^='javascript:' i]").count() == 0
    scripts = [s.get_attribute("src") for s in page.locator("script").all()]
    assert scripts and all(src and src.startswith(f"{server}/static/") for src in scripts)
    shoot(page, "hostile-laptop")


def test_a_storyline_page_shows_its_events_on_a_timeline_each_opening_its_story(
    saga_page,
) -> None:  # type: ignore[no-untyped-def]
    page = saga_page
    page.goto("/")
    page.locator(".bar").get_by_role("link", name="Storylines").click()
    page.wait_for_url("**/storylines")
    assert page.locator(".storyline-row").count() == 2
    shoot(page, "storylines-laptop")
    page.locator(".bar").get_by_role("link", name="Stories").click()
    group = page.locator(".storyline-group")
    assert group.count() == 1  # the three events of the takeover battle, under one storyline
    assert group.locator(".story-row").count() == 3 and "3 events" in group.inner_text()
    shoot(page, "stories-grouped-laptop")
    group.locator(".storyline-title").click()
    page.wait_for_url("**/storylines/bank-saga")
    events = page.locator(".timeline .event")
    assert events.count() == 3
    assert [events.nth(i).locator("time").inner_text() for i in range(3)] == [
        "2025-03-03", "2025-03-10", "2025-03-24"
    ]  # fmt: skip
    outlets = [events.nth(i).locator(".outlet").all_inner_texts() for i in range(3)]
    assert outlets == [["Harbour Ledger", "City Wire"], ["Harbour Ledger", "Coastal Times"],
                       ["City Wire"]]  # fmt: skip
    marks = page.locator(".timeline-chart .event-mark")
    assert marks.count() == 3 and marks.first.locator("circle").is_visible()
    # later events stand further right on the time axis
    lefts = [marks.nth(i).locator("circle").bounding_box()["x"] for i in range(3)]
    assert lefts == sorted(lefts) and lefts[0] < lefts[2]
    shoot(page, "storyline-laptop")
    page.set_viewport_size(PHONE)
    shoot(page, "storyline-phone", full=True)
    page.set_viewport_size(LAPTOP)
    marks.nth(1).click()  # the board's rejection, from the chart
    page.wait_for_url("**/stories/rejection")
    assert page.locator(".source").count() == 2
    page.locator(".storyline-link").click()  # and back to its storyline
    page.wait_for_url("**/storylines/bank-saga")
    events.nth(2).locator(".story-title").click()
    page.wait_for_url("**/stories/inquiry")
    assert page.evaluate("typeof window.__pwned") == "undefined" and page.dialogs == []


def test_a_storyline_title_with_markup_stays_inert(saga_page) -> None:  # type: ignore[no-untyped-def]
    saga_page.goto("/storylines/flood-line")
    assert saga_page.locator("h1").inner_text().startswith("<script>window.__pwned")
    assert saga_page.evaluate("typeof window.__pwned") == "undefined" and saga_page.dialogs == []


def test_a_storyline_events_numbers_are_legible_on_their_badges(saga_page) -> None:  # type: ignore[no-untyped-def]
    """The badge's grey number stood on its near-black ground: the numbers that match the
    chart's marks could not be read."""
    saga_page.goto("/storylines/bank-saga")
    badge = saga_page.locator(".timeline .event .story-title .num").first
    colours = badge.evaluate(
        "e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]")

    def luminance(css: str) -> float:
        red, green, blue = (float(part) for part in re.findall(r"[\d.]+", css)[:3])
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    assert abs(luminance(colours[0]) - luminance(colours[1])) > 128, colours


def test_the_sources_page_lays_its_table_out_as_a_table(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The health table shared its class with the briefing's row of source panes (a flex box):
    its header stood in a column left of its rows, every cell squeezed to a few letters."""
    from newsprism.store.records import WatchSource

    url = f"sqlite:///{tmp_path / 'watched.db'}"
    with open_store(url) as store:
        store.watch.add_source(WatchSource("https://harbour.example/feed.xml", kind="feed",
                                           title="Harbour Gazette", last_status=200,
                                           last_fetch_at=time.time()))
    with serving(url) as address, browsing(browser, address) as page:
        page.goto("/sources")
        shoot(page, "sources")
        table = page.locator("main table")
        assert table.evaluate("e => getComputedStyle(e).display") == "table"
        heading = page.locator("main thead th").first.bounding_box()
        cell = page.locator("main tbody td").first.bounding_box()
        assert heading["x"] == cell["x"] and heading["y"] < cell["y"]  # the column's head
        assert cell["width"] > 100  # "Harbour Gazette" on a line, not a letter or two a line


def test_an_uncached_story_answers_at_once_then_its_briefing_appears(page, corpus_url) -> None:  # type: ignore[no-untyped-def]
    with open_store(corpus_url) as store:  # as if the story had just grown
        store.db.execute("DELETE FROM story_briefings WHERE story_id = 'harbour'")
    first = page.goto("/stories/harbour")
    assert first is not None and "Building the briefing" in first.text()
    pending = page.locator("#briefing-pending")
    expect = sync_api.expect
    expect(page.locator(".articles li")).to_have_count(3)  # the articles, meanwhile
    # app.js asks the status URL (a long poll) and reloads the page once the briefing is built
    expect(page.locator(".brief li.item").first).to_be_visible(timeout=300_000)
    expect(pending).to_have_count(0)
    assert page.locator(".source").count() == 3


def test_every_page_loads_without_a_console_error_and_stories_opens_the_list(page) -> None:  # type: ignore[no-untyped-def]
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text)
            if message.type == "error" else None)
    for path in ("/", "/storylines", "/search?q=strike", "/sources"):
        page.goto(path)
        page.wait_for_load_state("networkidle")  # the browser's own requests (its icon) too
    page.goto("/stories")
    assert page.url.endswith("/") and page.locator(".story-row").count() == 3
    assert errors == []


def test_a_story_of_one_wire_text_printed_by_three_sites_shows_who_printed_it(
    browser, tmp_path: Path,
) -> None:  # type: ignore[no-untyped-def]
    """One wire text printed by three sites (one a near copy the corpus stores as a copy) and
    one independent report: the briefing counts two sources and names the sites that printed
    the text, where the copies were silently folded before; the story list and the story's
    head count the two sources the briefing counts (the store said three)."""
    from newsprism.corpus import ingest_articles
    from test_copies_shown import CLUSTER

    url = f"sqlite:///{tmp_path / 'copies.db'}"
    with open_store(url) as store:
        report = ingest_articles(CLUSTER, store)
        assert report.saved == 4 and report.copies == 1  # all stored; one linked as a copy
        store.stories.save("heist", title="Paris jewellery heist")
        store.stories.assign_many([(a.id, "heist") for a in CLUSTER])
    with serving(url) as address, browsing(browser, address) as page:
        page.goto("/stories")
        assert "2 independent sources" in page.locator(".story-row").inner_text()
        page.goto("/stories/heist")
        head = " ".join(page.locator(".storyhead").inner_text().split())
        assert "2 independent sources" in head
        assert "compares 3 of the 4 articles (2 independent sources)" in head
        listed = page.locator(".doclist li").all_inner_texts()
        assert listed[0].startswith("1 yahoo.com (also printed by thelocal.fr, citypress.co.za)")
        assert any("thelocal.fr (counted as yahoo.com)" in row for row in listed)
        assert "2 sources" in page.locator(".masthead").inner_text()
        shoot(page, "story-copies-laptop", full=True)
