"""The store counts a story's sources as its briefing does: a reprint with light edits, which
MinHash misses, is found among the story's articles as they join it (``dedup.reprints``) and
counted as the source of the text it prints, on SQLite and PostgreSQL; it stays an article of
its own, read by briefings and search."""

from __future__ import annotations

import pytest

from newsprism.compare.sources import independent_sources
from newsprism.corpus import briefing_members, ingest_articles
from newsprism.store import SearchFilters, Store, open_store
from newsprism.store import schema as store_schema
from test_copies_shown import CITY, CLUSTER, LOCAL, OWN_REPORT, WIRE

pytest_plugins = ["_stores"]  # the store fixture, on both backends


def sources(store: Store, story_id: str) -> int:
    story = store.stories.get(story_id)
    assert story is not None
    return story.source_count


def test_a_story_of_one_wire_text_printed_by_three_sites_counts_two_sources_as_its_briefing(
    store: Store,
) -> None:
    report = ingest_articles(CLUSTER, store)
    assert report.copies == 1  # MinHash links the near-verbatim print only
    store.stories.save("heist")
    store.stories.assign_many([(a.id, "heist") for a in CLUSTER])
    assert len(independent_sources(CLUSTER)) == 2  # the briefing's count
    assert sources(store, "heist") == 2  # was 3: the respelled reprint counted as its own
    assert store.stories.get("heist").article_count == 4
    store.storylines.save("line-heist")
    store.storylines.assign([("heist", "line-heist")])
    assert store.storylines.get("line-heist").source_count == 2
    # The reprint is still an article of its own: briefed and found by search.
    heads = store.articles.heads([a.id for a in CLUSTER])
    assert "local" in briefing_members(heads)
    # Of a story longer than a briefing, one article per source as the store counts them
    # first: the independent report before the reprint.
    counted = store.copies.source_keys([a.id for a in CLUSTER])
    assert briefing_members(heads, 2, counted) == ["wire", "own"]
    assert briefing_members(heads, 2) == ["wire", "local"]  # by outlets alone
    hits = store.search.text("Ram raiders", SearchFilters("article"))
    assert [hit.article for hit in hits] == ["local"]


def test_articles_joining_one_by_one_or_stories_merged_count_the_same(store: Store) -> None:
    ingest_articles(CLUSTER, store)
    for article in (WIRE, OWN_REPORT, LOCAL):  # one at a time, as batches bring them
        store.stories.save("one-by-one")
        store.stories.assign(article.id, "one-by-one")
    assert sources(store, "one-by-one") == 2
    store.stories.save("prints")
    store.stories.assign(CITY.id, "prints")
    store.stories.merge("prints", "one-by-one")
    assert sources(store, "one-by-one") == 2


def test_a_reprint_assigned_before_it_is_stored_counts_once_saved(store: Store) -> None:
    ingest_articles([WIRE, OWN_REPORT], store)
    store.stories.save("heist")
    store.stories.assign_many([(a.id, "heist") for a in (WIRE, OWN_REPORT, LOCAL)])
    assert sources(store, "heist") == 2
    ingest_articles([LOCAL], store)
    assert store.stories.get("heist").article_count == 3
    assert sources(store, "heist") == 2


def test_two_independent_reports_stay_two_sources(store: Store) -> None:
    ingest_articles([WIRE, OWN_REPORT], store)
    store.stories.save("heist")
    store.stories.assign_many([(WIRE.id, "heist"), (OWN_REPORT.id, "heist")])
    assert sources(store, "heist") == 2
    assert store.db.execute("SELECT count(*) FROM reprints") == [(0,)]


def test_a_corpus_stored_before_reprints_were_kept_opens_and_counts_newcomers(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = tuple(m for m in store_schema.MIGRATIONS if m is not store_schema.create_reprints)
    monkeypatch.setattr(store_schema, "MIGRATIONS", before)
    with open_store(store_url) as old:
        old.db.execute("INSERT INTO stories (id, created_at, updated_at) VALUES ('s', '', '')")
    monkeypatch.undo()
    with open_store(store_url) as store:
        ingest_articles(CLUSTER, store)
        store.stories.assign_many([(a.id, "s") for a in CLUSTER])
        assert sources(store, "s") == 2


def test_a_corpus_whose_stories_were_counted_before_reprints_were_kept_is_recounted_on_opening(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    later = (store_schema.create_reprints, store_schema.find_stored_reprints)
    before = tuple(m for m in store_schema.MIGRATIONS if m not in later)
    monkeypatch.setattr(store_schema, "MIGRATIONS", before)
    with open_store(store_url) as old:
        ingest_articles(CLUSTER, old)
        old.db.execute("INSERT INTO stories (id, created_at, updated_at) VALUES ('s', '', '')")
        old.db.executemany("INSERT INTO story_articles (article_id, story_id) VALUES (?, 's')",
                           [(a.id,) for a in CLUSTER])
        old.db.execute("INSERT INTO storylines (id, created_at, updated_at, source_count) "
                       "VALUES ('line', '', '', 3)")
        old.db.execute("INSERT INTO storyline_events (story_id, storyline_id) VALUES ('s', 'line')")
        old.db.execute("UPDATE stories SET article_count = 4, source_count = 3")  # as counted then
    monkeypatch.undo()
    with open_store(store_url) as store:
        assert sources(store, "s") == 2  # the reprint found among the stored members at once
        assert store.stories.get("s").article_count == 4
        assert store.storylines.get("line").source_count == 2


def test_the_story_list_of_the_cli_and_the_api_counts_two_sources(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient
    from typer.testing import CliRunner

    from newsprism.cli import app
    from newsprism.web import create_app

    url = f"sqlite:///{tmp_path / 'corpus.db'}"
    with open_store(url) as store:
        ingest_articles(CLUSTER, store)
        store.stories.save("heist")
        store.stories.assign_many([(a.id, "heist") for a in CLUSTER])
        with TestClient(create_app(store)) as client:
            (listed,) = client.get("/api/stories").json()["stories"]
    assert (listed["articles"], listed["sources"]) == (4, 2)
    shown = CliRunner().invoke(app, ["stories", "--db", url], env={"COLUMNS": "200"})
    assert shown.exit_code == 0, shown.output
    (row,) = [line.split() for line in shown.stdout.splitlines() if "heist" in line]
    assert row[1:3] == ["4", "2"]  # articles, sources
