"""A story's first view answers at once while its briefing is built in the background: the
API's 202 and status URL, the page's "building" section, one build shared by every request,
a failed build reported as one line. Stories written here, on a store of their own."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsprism.corpus import ingest_articles
from newsprism.model import Article
from newsprism.settings import DEFAULTS
from newsprism.store import Store, open_store
from newsprism.web import create_app
from newsprism.web.pages import render_briefing
from newsprism.web.service import CorpusService

MILL = [
    Article("mill-1", "Fire crews fought a blaze at the old mill in Harlow on Sunday night, and "
            "no one was hurt, the fire service said.", outlet="Harlow Herald", date="2025-03-02"),
    Article("mill-2", "A fire at the old mill in Harlow on Sunday night hurt no one, the fire "
            "service said on Monday.", outlet="Essex Courier", date="2025-03-03"),
]  # fmt: skip


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(f"sqlite:///{tmp_path / 'pending.db'}") as opened:
        ingest_articles(MILL, opened)
        opened.stories.save("mill")
        for article in MILL:
            opened.stories.assign(article.id, "mill")
        yield opened


def test_the_api_answers_202_at_once_then_the_briefing_once_built(store: Store) -> None:
    with TestClient(create_app(store)) as client:
        pending = client.get("/api/stories/mill", params={"wait": 0})
        assert pending.status_code == 202
        story = pending.json()
        assert story["briefing"] is None and story["briefing_status"] == "building"
        assert [a["id"] for a in story["article_list"]] == ["mill-1", "mill-2"]
        assert pending.headers["retry-after"] == "2"
        assert pending.headers["location"] == story["status_url"]
        assert story["status_url"].endswith("/api/stories/mill/status")

        status = client.get(story["status_url"], params={"wait": 300}).json()
        assert status["status"] == "ready" and status["error"] is None
        ready = client.get("/api/stories/mill", params={"wait": 0})
        assert ready.status_code == 200 and ready.json()["briefing_status"] == "ready"
        assert {d["id"] for d in ready.json()["briefing"]["documents"]} == {"mill-1", "mill-2"}


def test_the_page_says_the_briefing_is_being_built_then_shows_it(store: Store) -> None:
    with TestClient(create_app(store)) as client:
        first = client.get("/stories/mill").text  # no wait: at once
        assert 'id="briefing-pending"' in first and "Building the briefing" in first
        assert 'data-status="http://testserver/api/stories/mill/status"' in first
        assert '<meta http-equiv="refresh"' in first  # inside <noscript>: no JS, no hang
        assert "Harlow Herald" in first  # the story's articles are listed meanwhile
        assert client.get("/api/stories/mill/status", params={"wait": 300}).json()["status"] == (
            "ready"
        )
        built = client.get("/stories/mill").text
        assert "briefing-pending" not in built and 'http-equiv="refresh"' not in built
        assert 'id="brief"' in built


def cannot_render(briefing: dict) -> str:
    """A page renderer that fails, as a bug or a full disk would, with a two-line message."""
    raise ValueError(f"no page for {len(briefing['documents'])} documents\nTraceback: line 2")


def test_a_failed_build_is_one_line_then_tried_again(store: Store) -> None:
    with TestClient(create_app(store)) as client:
        service = CorpusService(store, DEFAULTS, None, render=cannot_render)
        client.app.state.service = service  # what every route asks for its work
        try:
            assert client.get("/api/stories/mill/status").json()["status"] == "building"
            failed = client.get("/api/stories/mill/status", params={"wait": 300}).json()
            assert failed == {"status": "failed", "error": "no page for 2 documents",
                              "story": "http://testserver/api/stories/mill"}  # fmt: skip
            # reported once: the next request builds again, and fails again, with its line
            page = client.get("/stories/mill", params={"wait": 300}).text
            assert "Building the briefing failed:</b> no page for 2 documents" in page
            assert 'role="alert"' in page and "Traceback" not in page
            # the briefing itself was built and cached: the API serves it
            assert client.get("/api/stories/mill", params={"wait": 0}).status_code == 200
        finally:
            asyncio.run(service.stop_builds())
            service.close()


def test_concurrent_requests_for_one_story_share_one_build(store: Store) -> None:
    async def two_requests() -> list[str]:
        service = CorpusService(store, DEFAULTS, None, render=render_briefing)
        try:
            first = await service.story_page("mill", html=True, wait=0)
            second = await service.story_page("mill", wait=0)
            assert first.status == second.status == "building"
            assert len(service._builds) == 1  # the second request joined the first's build
            both = await asyncio.gather(service.story_page("mill", html=True),
                                        service.story_page("mill", html=True))  # fmt: skip
            assert not service._builds
            return [page.html or "" for page in both]
        finally:
            await service.stop_builds()
            service.close()

    one, other = asyncio.run(two_requests())
    assert one == other and '"panes"' in one
    assert store.db.execute("SELECT count(*) FROM story_briefings") == [(1,)]


def test_a_service_started_again_in_another_event_loop_still_builds(store: Store) -> None:
    """Its briefing lock was bound to the event loop it was first waited on in: builds that
    waited on it under the next loop (an app started again) failed, "bound to a different
    event loop"."""
    towns = ("Harlow", "Epping", "Ongar", "Witham")
    more = [Article(f"flood-{n}", f"The river burst its banks in {town} on Monday, and 40 homes "
                    "were flooded, the council said.", outlet="Essex Courier", date="2025-03-04")
            for n, town in enumerate(towns)]  # fmt: skip
    ingest_articles(more, store)
    for article in more:
        store.stories.save(article.id)
        store.stories.assign(article.id, article.id)
    service = CorpusService(store, DEFAULTS, None)

    async def build(story_ids: list[str]) -> list[tuple[str, str | None]]:
        try:
            pages = await asyncio.gather(*(service.story_page(i) for i in story_ids))
            return [(page.status, page.error) for page in pages]
        finally:
            await service.stop_builds()
            service.close()

    assert asyncio.run(build(["flood-0", "flood-1"])) == [("ready", None)] * 2
    assert asyncio.run(build(["flood-2", "flood-3"])) == [("ready", None)] * 2
