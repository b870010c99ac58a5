"""``store.storylines``: the storyline level's verbs behave the same on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from newsprism.errors import NotFoundError
from newsprism.model import Article
from newsprism.store import Store, open_store
from newsprism.store import schema as store_schema

pytest_plugins = ["_stores"]  # the store and store_url fixtures, on both backends


def article(article_id: str, date: str, outlet: str) -> Article:
    return Article(id=article_id, text=f"Text of {article_id}.", date=date, outlet=outlet,
                   title=f"Title {article_id}")


def events(store: Store, members: dict[str, list[Article]]) -> None:
    """Stories (events) holding these stored articles."""
    store.articles.save([a for found in members.values() for a in found])
    for story, found in members.items():
        store.stories.save(story)
        store.stories.assign_many([(a.id, story) for a in found])


def test_a_storyline_lists_its_events_in_time_order(store: Store) -> None:
    events(store, {
        "later": [article("c", "2024-05-20", "Herald"), article("d", "2024-05-21", "Times")],
        "earlier": [article("a", "2024-05-02", "Times"), article("b", "2024-05-03", "Times")],
    })
    store.storylines.save("line")
    store.storylines.assign([("later", "line"), ("earlier", "line")])
    line = store.storylines.get("line")
    assert line.event_ids == ("earlier", "later") and line.event_count == 2
    assert (line.first_date, line.last_date) == ("2024-05-02", "2024-05-21")
    assert (line.article_count, line.source_count) == (4, 2)
    assert store.stories.get("later").storyline_id == "line"
    assert store.storylines.of(["earlier", "later", "nope"]) == {"earlier": "line",
                                                                   "later": "line"}


def test_merged_storylines_redirect_and_merged_events_leave(store: Store) -> None:
    events(store, {"e1": [article("a", "2024-05-02", "Times")],
                   "e2": [article("b", "2024-05-09", "Herald")],
                   "e3": [article("c", "2024-05-30", "Post")]})
    for line in ("l1", "l2", "l3"):
        store.storylines.save(line, state=line.encode())
    store.storylines.assign([("e1", "l1"), ("e2", "l2"), ("e3", "l3")])
    store.storylines.merge("l2", "l1")
    store.storylines.merge("l1", "l3")  # the redirect of l2 follows: one hop long
    assert store.storylines.resolve("l2") == "l3" and store.storylines.resolve("x") is None
    merged = store.storylines.get("l2")
    assert merged.id == "l3" and merged.event_ids == ("e1", "e2", "e3")
    assert merged.article_count == 3 and merged.state == b"l3"
    assert [line.id for line in store.storylines.list()] == ["l3"]
    assert store.stories.get("e1").storyline_id == "l3"
    # An event merged into another (at the event level) leaves its storyline; the survivor's
    # articles are counted once.
    store.stories.merge("e2", "e1")
    store.storylines.drop_events(["e2"])
    line = store.storylines.get("l1")
    assert line.event_ids == ("e1", "e3") and line.article_count == 3
    with pytest.raises(NotFoundError, match="no storyline 'nope'"):
        store.storylines.assign([("e1", "nope")])
    with pytest.raises(NotFoundError, match="cannot merge, no storyline 'nope'"):
        store.storylines.merge("nope", "l3")


def test_storylines_list_latest_first_within_dates_and_pages(store: Store) -> None:
    events(store, {"old": [article("a", "2024-01-02", "Times")],
                   "mid": [article("b", "2024-03-02", "Times")],
                   "new": [article("c", "2024-05-02", "Times")]})
    for story in ("old", "mid", "new"):
        store.storylines.save(f"line-{story}")
        store.storylines.assign([(story, f"line-{story}")])
    store.storylines.save("empty")  # no event yet: not listed
    listed = store.storylines.list
    assert [s.id for s in listed()] == ["line-new", "line-mid", "line-old"]
    assert [s.id for s in listed(since="2024-02-01")] == ["line-new", "line-mid"]
    assert [s.id for s in listed(since="2024-02-01", until="2024-04-01")] == ["line-mid"]
    assert [s.id for s in listed(limit=1, offset=1)] == ["line-mid"]
    assert listed(limit=1)[0].state is None  # states are read by get and states only


def test_a_corpus_from_before_storylines_keeps_its_stories_and_lists_them_unplaced(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A corpus of then: the migrations up to storylines (later ones read the storylines table).
    migrations = store_schema.MIGRATIONS
    before = migrations[: migrations.index(store_schema.create_storylines)]
    monkeypatch.setattr(store_schema, "MIGRATIONS", before)
    with open_store(store_url) as old:
        old.articles.save([article("a", "2024-05-02", "Times")])
        old.stories.save("s1")
        old.stories.assign_many([("a", "s1")])
    monkeypatch.undo()
    with open_store(store_url) as store:
        story = store.stories.get("s1")
        assert story.article_ids == ("a",) and story.storyline_id is None
        assert store.storylines.unplaced_stories() == ["s1"]
        store.storylines.save("s1")
        store.storylines.assign([("s1", "s1")])
        assert store.storylines.unplaced_stories() == []
