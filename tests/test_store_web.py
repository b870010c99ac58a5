"""Store verbs the web app reads with: story pages and filters, article heads, the briefing
cache; on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from newsprism.model import Article
from newsprism.store import ArticleHead, Store, open_store, schema
from newsprism.store.schema import MIGRATIONS, add_story_summaries
from newsprism.web import cache

pytest_plugins = ["_stores"]  # the store fixture, on both backends


def stored(store: Store) -> None:
    articles = [
        Article("a1", "Port workers strike in Calder.", "Strike", "Coastal Times", None,
                "2025-03-03", "https://example.org/a1"),
        Article("a2", "Port workers strike in Calder.", "Strike (wire)", "Other Daily", None,
                "2025-03-04"),
        Article("b1", "A quake hits the coast.", "Quake", "Coastal Times", None, "2025-02-01"),
        Article("c1", "Elections are called.", "Vote", "Courier", None, "2025-01-05"),
    ]  # fmt: skip
    store.articles.save(articles)
    store.db.execute("UPDATE articles SET duplicate_of = 'a1', duplicate_kind = 'exact' "
                  "WHERE id = 'a2'")  # fmt: skip
    for story, members in {"s-strike": ["a1", "a2"], "s-quake": ["b1"], "s-vote": ["c1"]}.items():
        store.stories.save(story)
        for member in members:
            store.stories.assign(member, story)


def test_stories_page_by_offset_in_latest_first_order(store: Store) -> None:
    stored(store)
    pages = [[s.id for s in store.stories.latest(limit=2, offset=o)] for o in (0, 2, 4)]
    assert pages == [["s-strike", "s-quake"], ["s-vote"], []]


def test_stories_filter_by_outlet_ignoring_case_and_by_a_set_of_ids(store: Store) -> None:
    stored(store)
    assert [s.id for s in store.stories.latest(outlet="coastal times")] == ["s-strike", "s-quake"]
    assert [s.id for s in store.stories.latest(among=["s-vote", "nope"])] == ["s-vote"]
    assert store.stories.latest(among=[]) == []
    assert [s.id for s in store.stories.latest(among=["s-strike", "s-vote"], outlet="Courier")] == [
        "s-vote"
    ]


def test_article_heads_come_without_text_in_the_order_asked_with_originals(store: Store) -> None:
    stored(store)
    heads = store.articles.heads(["a2", "missing", "a1"])
    assert [h.id for h in heads] == ["a2", "a1"]
    assert heads[0] == ArticleHead("a2", "Strike (wire)", "Other Daily", None, "2025-03-04",
                                   None, "a1")  # fmt: skip
    assert heads[1].original == "a1" and heads[1].url == "https://example.org/a1"


def test_a_cached_briefing_is_found_only_under_its_key_and_replaced_by_a_new_one(
    store: Store,
) -> None:
    stored(store)
    assert cache.briefing(store, "s-strike", "k1") is None
    cache.save_briefing(store, "s-strike", "k1", '{"v": 1}')
    assert cache.briefing(store, "s-strike", "k1") == '{"v": 1}'
    cache.save_briefing(store, "s-strike", "k2", '{"v": 2}')
    assert cache.briefing(store, "s-strike", "k1") is None
    assert cache.briefing(store, "s-strike", "k2") == '{"v": 2}'


def test_a_store_opened_on_one_thread_can_be_used_from_another(store: Store) -> None:
    stored(store)
    seen: list[int] = []
    worker = threading.Thread(target=lambda: seen.append(store.articles.count()))
    worker.start()
    worker.join()
    assert seen == [4]


def summary(store: Store, story: str) -> tuple:
    found = store.stories.get(story)
    assert found is not None
    return found.first_date, found.last_date, found.article_count, found.source_count


def test_story_rows_keep_dates_and_counts_of_their_articles_copies_counted_once(
    store: Store,
) -> None:
    stored(store)
    # a2 is a1's text reprinted by Other Daily: one report, so one source (Coastal Times).
    assert summary(store, "s-strike") == ("2025-03-03", "2025-03-04", 2, 1)
    assert summary(store, "s-quake") == ("2025-02-01", "2025-02-01", 1, 1)
    store.articles.save([Article("w1", "Wire copy."), Article("w2", "Wire copy!")])
    store.db.execute("UPDATE articles SET duplicate_of = 'w1' WHERE id = 'w2'")
    store.stories.save("s-copies")
    for member in ("w1", "w2", "a1"):  # w2 copies w1 (no outlet): one source
        store.stories.assign(member, "s-copies")
    assert summary(store, "s-copies") == ("2025-03-03", "2025-03-03", 3, 2)
    assert summary(store, "s-strike") == ("2025-03-04", "2025-03-04", 1, 1)  # a1 moved away


def test_wire_copy_reprinted_by_other_outlets_is_one_source(store: Store) -> None:
    store.articles.save([Article("wire", "Wire story.", outlet="Wire Agency"),
                         Article("paper-1", "Wire story!", outlet="Daily One"),
                         Article("paper-2", "Wire story.", outlet="Daily Two")])
    store.db.execute("UPDATE articles SET duplicate_of = 'wire' WHERE id IN ('paper-1', 'paper-2')")
    store.stories.save("s-wire")
    for member in ("wire", "paper-1", "paper-2"):
        store.stories.assign(member, "s-wire")
    assert summary(store, "s-wire")[2:] == (3, 1)


def test_merging_stories_recounts_the_survivor_and_empties_the_old_row(store: Store) -> None:
    stored(store)
    store.stories.merge("s-quake", "s-strike")
    assert summary(store, "s-strike") == ("2025-02-01", "2025-03-04", 3, 1)  # all Coastal Times
    (old,) = store.db.execute("SELECT article_count, last_date FROM stories WHERE id = 's-quake'")
    assert old == (0, None)
    assert [s.id for s in store.stories.latest()] == ["s-strike", "s-vote"]
    assert [s.id for s in store.stories.latest(since="2025-03-04")] == ["s-strike"]
    assert [s.id for s in store.stories.latest(until="2025-02-01")] == ["s-strike", "s-vote"]


def test_an_article_assigned_before_it_is_stored_counts_once_saved(store: Store) -> None:
    store.stories.save("s-early")
    store.stories.assign("late", "s-early")
    assert summary(store, "s-early") == (None, None, 0, 0)
    store.articles.save([Article("late", "Saved later.", outlet="Wire", date="2025-05-01")])
    assert summary(store, "s-early") == ("2025-05-01", "2025-05-01", 1, 1)


def test_a_database_made_before_story_summaries_is_back_filled(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = tuple(m for m in MIGRATIONS if m is not add_story_summaries)
    monkeypatch.setattr(schema, "MIGRATIONS", before)
    with open_store(store_url) as old:
        old.articles.save([Article("x", "Old text.", outlet="Wire", date="2025-01-02")])
        old.db.execute("INSERT INTO stories (id, created_at, updated_at) VALUES ('s', '', '')")
        old.db.execute("INSERT INTO story_articles (article_id, story_id) VALUES ('x', 's')")
    monkeypatch.setattr(schema, "MIGRATIONS", MIGRATIONS)
    with open_store(store_url) as migrated:
        assert summary(migrated, "s") == ("2025-01-02", "2025-01-02", 1, 1)


def test_the_story_list_is_read_in_index_order_without_sorting(tmp_path: Path) -> None:
    with open_store(f"sqlite:///{tmp_path / 'c.db'}") as store:
        plan = store.db.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM stories s WHERE s.merged_into IS NULL "
            "ORDER BY s.last_date DESC NULLS LAST, s.updated_at DESC, s.id LIMIT 20"
        )
    steps = " / ".join(str(row[-1]) for row in plan)
    assert "stories_latest" in steps and "TEMP B-TREE" not in steps, steps


def test_a_rendered_page_is_kept_only_beside_the_briefing_it_was_made_from(store: Store) -> None:
    stored(store)
    cache.save_briefing(store, "s-strike", "k1", "{}")
    cache.save_page(store, "s-strike", "k1", "<p>one</p>")
    cache.save_page(store, "s-strike", "old", "<p>stale</p>")  # not the cached key: ignored
    assert cache.page(store, "s-strike", "k1") == "<p>one</p>"
    cache.save_briefing(store, "s-strike", "k2", "{}")
    assert cache.page(store, "s-strike", "k2") is None
    assert cache.page(store, "s-strike", "k1") is None
