"""Storylines in ``newsprism serve``: the API (``/api/storylines``, a story's ``storyline``) and
the pages (a storyline's timeline, the story list grouped by storyline), in-process through the
ASGI app over a real store of articles the corpus fixture writes (``_web.storyline_url``)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from _web import (  # noqa: F401  (storyline_url: the corpus and its storylines)
    FLOOD,
    FLOOD_LINE_TITLE,
    SAGA_EVENTS,
    TOKEN,
    storyline_url,
)
from newsprism.settings import Settings
from newsprism.store import open_store
from newsprism.web import create_app
from newsprism.web.service import StorySummary
from newsprism.web.timeline import layout_timeline

SAGA_TITLE = "Northbank bids $2.1 billion for Eastbank"  # its first event's first title


@pytest.fixture(scope="module")
def client(storyline_url: str) -> Iterator[TestClient]:
    with open_store(storyline_url) as store, TestClient(create_app(store)) as opened:
        yield opened


# --- API -------------------------------------------------------------------------------------


def test_storylines_list_latest_first_with_their_counts(client: TestClient) -> None:
    listed = client.get("/api/storylines").json()
    assert [s["id"] for s in listed["storylines"]] == ["bank-saga", "flood-line"]
    saga, flood = listed["storylines"]
    assert saga["title"] == SAGA_TITLE  # untitled: its first event's title
    assert (saga["events"], saga["articles"], saga["sources"]) == (3, 5, 3)
    assert (saga["first_date"][:10], saga["last_date"][:10]) == ("2025-03-03", "2025-03-24")
    assert saga["url"].endswith("/api/storylines/bank-saga")
    assert saga["page"].endswith("/storylines/bank-saga")
    assert flood["title"] == FLOOD_LINE_TITLE and flood["events"] == 1
    assert listed["next"] is None


def test_storylines_page_by_offset_and_filter_by_dates(client: TestClient) -> None:
    first = client.get("/api/storylines", params={"limit": 1}).json()
    assert [s["id"] for s in first["storylines"]] == ["bank-saga"]
    second = client.get(first["next"]).json()
    assert [s["id"] for s in second["storylines"]] == ["flood-line"]
    assert second["next_offset"] is None
    late = client.get("/api/storylines", params={"since": "2025-03-13"}).json()
    assert [s["id"] for s in late["storylines"]] == ["bank-saga"]  # the inquiry, on the 24th
    early = client.get("/api/storylines", params={"until": "2025-03-02"}).json()
    assert early["storylines"] == []
    assert client.get("/api/storylines", params={"since": "2025-02-30"}).status_code == 422


def test_a_storyline_holds_its_events_in_time_order_with_their_outlets(client: TestClient) -> None:
    saga = client.get("/api/storylines/bank-saga").json()
    events = saga["event_list"]
    assert [e["id"] for e in events] == ["bid", "rejection", "inquiry"]
    assert [e["storyline"] for e in events] == ["bank-saga"] * 3
    assert events[0]["outlets"] == ["Harbour Ledger", "City Wire"]
    assert events[1]["outlets"] == ["Harbour Ledger", "Coastal Times"]
    assert events[2]["title"] == "Regulator opens inquiry into Northbank bid"
    assert events[2]["page"].endswith("/stories/inquiry")
    assert saga["outlets"] == ["Harbour Ledger", "City Wire", "Coastal Times"]


def test_a_story_names_its_storyline_in_the_list_and_alone(client: TestClient) -> None:
    stories = {s["id"]: s for s in client.get("/api/stories").json()["stories"]}
    assert {k: s["storyline"] for k, s in stories.items()} == {
        "bid": "bank-saga", "rejection": "bank-saga", "inquiry": "bank-saga",
        "flood": "flood-line",
    }  # fmt: skip
    assert client.get("/api/stories/rejection").json()["storyline"] == "bank-saga"


def test_a_merged_storyline_redirects_and_an_unknown_one_is_404(client: TestClient) -> None:
    moved = client.get("/api/storylines/saga-old", follow_redirects=False)
    assert moved.status_code == 307
    assert moved.headers["location"].endswith("/api/storylines/bank-saga")
    assert client.get("/api/storylines/saga-old").json()["id"] == "bank-saga"
    for path in ("/api/storylines/nope", "/storylines/nope"):
        missing = client.get(path, headers={"Accept": "application/json"})
        assert missing.status_code == 404
        assert missing.json() == {"detail": "no storyline 'nope'"}
    page = client.get("/storylines/nope", headers={"Accept": "text/html"})
    assert page.status_code == 404 and "no storyline" in page.text


def test_openapi_documents_the_storyline_routes_and_models(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    assert {"/api/storylines", "/api/storylines/{storyline_id}"} <= set(spec["paths"])
    detail = spec["paths"]["/api/storylines/{storyline_id}"]["get"]["responses"]
    assert {"200", "307", "404"} <= set(detail)
    models = spec["components"]["schemas"]
    assert "event_list" in models["StorylineDetail"]["properties"]
    assert "storyline" in models["StoryOut"]["properties"]
    assert "/storylines/{storyline_id}" not in spec["paths"]  # the page is no API route


def test_articles_posted_to_the_server_are_placed_in_storylines_the_api_lists(
    tmp_path: Path,
) -> None:
    """Through the real clusterers (``newsprism serve``'s hook): whatever they group, every
    story is an event of one storyline, and the storylines hold exactly those events."""
    from newsprism.stories.persist import StoryHook

    rows = [row for rows in [*SAGA_EVENTS.values(), [FLOOD]] for row in rows]
    upload = "\n".join(
        json.dumps({"id": id, "outlet": outlet, "date": date, "title": title, "text": text})
        for id, outlet, date, title, text in rows
    ).encode()
    with open_store(f"sqlite:///{tmp_path / 'served.db'}") as store:
        settings = Settings(serve={"token": TOKEN})
        with TestClient(create_app(store, settings, StoryHook(store))) as served:
            posted = served.post("/api/articles", files={"file": ("saga.jsonl", upload)},
                                 headers={"Authorization": f"Bearer {TOKEN}"})  # fmt: skip
            assert posted.status_code == 201 and posted.json()["saved"] == len(rows)
            stories = served.get("/api/stories", params={"limit": 100}).json()["stories"]
            lines = served.get("/api/storylines", params={"limit": 100}).json()["storylines"]
            events = {line["id"]: [e["id"] for e in served.get(line["url"]).json()["event_list"]]
                      for line in lines}  # fmt: skip
    assert all(story["storyline"] in events for story in stories)
    assert sorted(e for found in events.values() for e in found) == sorted(s["id"] for s in stories)
    assert sum(line["articles"] for line in lines) == len(rows)


# --- pages -----------------------------------------------------------------------------------


def test_the_story_list_groups_the_events_of_a_storyline_under_it(client: TestClient) -> None:
    html = client.get("/").text
    groups = re.findall(r'<li class="storyline-group">.*?</ol>', html, re.S)
    assert len(groups) == 1  # the flood is one event: no group of its own
    (group,) = groups
    assert 'href="http://testserver/storylines/bank-saga"' in group
    assert re.findall(r'/stories/(\w+)"', group) == ["inquiry", "rejection", "bid"]
    assert "3 events" in group
    # the group stands where its latest event does: above the flood (the 12th)
    assert html.index("storyline-group") < html.index("/stories/flood")


def test_a_storyline_page_shows_its_events_on_a_timeline(client: TestClient) -> None:
    html = client.get("/storylines/bank-saga").text
    assert f"<h1>{SAGA_TITLE}</h1>" in html
    timeline = html[html.index('<ol class="timeline">'):]
    assert re.findall(r'/stories/(\w+)"', timeline) == ["bid", "rejection", "inquiry"]
    assert re.findall(r'datetime="([\d-]+)"', timeline) == ["2025-03-03", "2025-03-10",
                                                             "2025-03-24"]  # fmt: skip
    assert timeline.count('class="outlet"') == 5  # 2 + 2 + 1 outlets covering the events
    chart = html[html.index("<svg"):html.index("</svg>")]
    assert chart.count('class="event-mark"') == 3
    assert client.get("/storylines/saga-old", follow_redirects=False).status_code == 307


def test_a_storyline_id_typed_as_a_story_page_opens_the_storyline_page(
    client: TestClient,
) -> None:
    """`newsprism stories --level storyline` lists storyline ids and `newsprism story` briefs
    them: /stories/ID opens the storyline's page; an id of neither is still 404."""
    moved = client.get("/stories/bank-saga", follow_redirects=False)
    assert moved.status_code == 307
    assert moved.headers["location"].endswith("/storylines/bank-saga")
    assert f"<h1>{SAGA_TITLE}</h1>" in client.get("/stories/bank-saga").text
    missing = client.get("/stories/nope", headers={"Accept": "application/json"})
    assert missing.status_code == 404 and missing.json() == {"detail": "no story 'nope'"}


def test_the_storylines_page_lists_them_latest_first(client: TestClient) -> None:
    html = client.get("/storylines").text
    assert re.findall(r'/storylines/([\w-]+)"', html) == ["bank-saga", "flood-line"]
    assert "<b>3</b> events" in html and "&lt;script&gt;window.__pwned" in html


def test_a_corpus_without_storylines_lists_none(tmp_path: Path) -> None:
    with (
        open_store(f"sqlite:///{tmp_path / 'empty.db'}") as store,
        TestClient(create_app(store)) as empty,
    ):
        assert empty.get("/api/storylines").json()["storylines"] == []
        assert "No storylines yet" in empty.get("/storylines").text


def test_a_story_page_links_to_its_storyline_when_it_has_other_events(client: TestClient) -> None:
    assert 'href="http://testserver/storylines/bank-saga"' in client.get("/stories/bid").text
    assert "/storylines/" not in client.get("/stories/flood").text  # alone in its storyline


def test_a_storyline_title_is_shown_as_text(client: TestClient) -> None:
    html = client.get("/storylines/flood-line").text
    assert "<script>window.__pwned" not in html
    assert "&lt;script&gt;window.__pwned=&#39;storyline&#39;&lt;/script&gt;Calder floods" in html


# --- the timeline's layout -------------------------------------------------------------------


def event(story_id: str, first: str | None, last: str | None, articles: int = 1) -> StorySummary:
    return StorySummary(story_id, story_id, first, last, articles, articles, ())


def test_the_timeline_places_events_by_day_on_one_axis() -> None:
    timeline = layout_timeline([
        event("a", "2025-03-01", "2025-03-03", 4), event("b", None, None),
        event("c", "2025-03-11T09:00:00", "2025-03-11", 1),
    ])  # fmt: skip
    first, last = timeline.bars
    assert [bar.number for bar in timeline.bars] == [1, 3]  # the undated one is listed only
    assert first.x < first.x_end < last.x == last.x_end  # days 0, 2 and 10 of 10
    assert round((first.x_end - first.x) / (last.x - first.x), 2) == 0.2
    assert first.r > last.r and first.y < last.y
    assert [tick.label for tick in timeline.ticks][::2] == ["2025-03-01", "2025-03-06",
                                                            "2025-03-11"]  # fmt: skip


def test_a_timeline_of_one_day_or_no_dates() -> None:
    one_day = layout_timeline([event("a", "2025-03-01", "2025-03-01")])
    assert [tick.label for tick in one_day.ticks] == ["2025-03-01"]
    assert one_day.bars[0].x == one_day.width / 2
    assert layout_timeline([event("a", None, None)]).bars == ()
