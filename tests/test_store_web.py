"""Store verbs the web app reads with: story pages and filters, article heads, the briefing
cache; on SQLite and PostgreSQL."""

from __future__ import annotations

import threading

from newsprism.model import Article
from newsprism.store import ArticleHead, Store

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
    store.save_articles(articles)
    store.execute("UPDATE articles SET duplicate_of = 'a1', duplicate_kind = 'exact' "
                  "WHERE id = 'a2'")  # fmt: skip
    for story, members in {"s-strike": ["a1", "a2"], "s-quake": ["b1"], "s-vote": ["c1"]}.items():
        store.save_story(story)
        for member in members:
            store.assign_article(member, story)


def test_stories_page_by_offset_in_latest_first_order(store: Store) -> None:
    stored(store)
    pages = [[s.id for s in store.list_stories(limit=2, offset=o)] for o in (0, 2, 4)]
    assert pages == [["s-strike", "s-quake"], ["s-vote"], []]


def test_stories_filter_by_outlet_ignoring_case_and_by_a_set_of_ids(store: Store) -> None:
    stored(store)
    assert [s.id for s in store.list_stories(outlet="coastal times")] == ["s-strike", "s-quake"]
    assert [s.id for s in store.list_stories(among=["s-vote", "nope"])] == ["s-vote"]
    assert store.list_stories(among=[]) == []
    assert [s.id for s in store.list_stories(among=["s-strike", "s-vote"], outlet="Courier")] == [
        "s-vote"
    ]


def test_article_heads_come_without_text_in_the_order_asked_with_originals(store: Store) -> None:
    stored(store)
    heads = store.article_heads(["a2", "missing", "a1"])
    assert [h.id for h in heads] == ["a2", "a1"]
    assert heads[0] == ArticleHead("a2", "Strike (wire)", "Other Daily", None, "2025-03-04",
                                   None, "a1")  # fmt: skip
    assert heads[1].original == "a1" and heads[1].url == "https://example.org/a1"


def test_a_cached_briefing_is_found_only_under_its_key_and_replaced_by_a_new_one(
    store: Store,
) -> None:
    stored(store)
    assert store.get_story_briefing("s-strike", "k1") is None
    store.save_story_briefing("s-strike", "k1", '{"v": 1}')
    assert store.get_story_briefing("s-strike", "k1") == '{"v": 1}'
    store.save_story_briefing("s-strike", "k2", '{"v": 2}')
    assert store.get_story_briefing("s-strike", "k1") is None
    assert store.get_story_briefing("s-strike", "k2") == '{"v": 2}'


def test_a_store_opened_on_one_thread_can_be_used_from_another(store: Store) -> None:
    stored(store)
    seen: list[int] = []
    worker = threading.Thread(target=lambda: seen.append(store.count_articles()))
    worker.start()
    worker.join()
    assert seen == [4]
