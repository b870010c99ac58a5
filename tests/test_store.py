"""The Store's verbs behave the same on SQLite and PostgreSQL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest

from newsprism.errors import NotFoundError, StoreError
from newsprism.model import Analysis, Article, Sentence
from newsprism.store import SearchFilters, Store, open_store
from newsprism.store import articles as store_articles
from newsprism.store import search as store_search
from newsprism.store.schema import MIGRATIONS
from newsprism.store.sqlite import SQLiteDatabase

pytest_plugins = ["_stores"]  # the store and store_url fixtures, on both backends

TEXT = "Rare earth exports fell sharply in May. China's ministry confirmed the figures."


def article(article_id: str, text: str = TEXT, date: str | None = "2024-05-02", **kw) -> Article:
    return Article(id=article_id, text=text, date=date, title=f"Title {article_id}", **kw)


def sentences_of(item: Article) -> list[Sentence]:
    found, start = [], 0
    for index, part in enumerate(item.text.split(". ")):
        text = part if part.endswith(".") else part + "."
        start = item.text.index(text, start)
        found.append(Sentence(item.id, index, start, start + len(text), text))
        start += len(text)
    return found


def test_saving_the_same_article_twice_stores_it_once(store: Store) -> None:
    first = store.articles.save([article("a"), article("b", "Other text entirely.")])
    again = store.articles.save([article("a")])
    assert first.saved == ["a", "b"] and again.saved == [] and again.unchanged == ["a"]
    assert store.articles.count() == 2
    assert store.articles.get("a") == article("a")


def test_same_id_with_other_text_is_refused_and_the_stored_text_kept(store: Store) -> None:
    store.articles.save([article("a")])
    result = store.articles.save([article("a", "A rewritten text.")])
    assert result.conflicts == ["a"] and result.saved == []
    assert store.articles.get("a").text == TEXT


def test_a_failed_transaction_leaves_nothing_written(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.articles.save([article("a")])
        store.stories.save("s1", title="t")
        raise RuntimeError("killed mid-batch")
    assert store.articles.count() == 0 and store.stories.get("s1") is None
    store.articles.save([article("b")])  # the store is usable afterwards
    assert set(store.articles.hashes(["a", "b"])) == {"b"}


def test_articles_since_streams_in_ingestion_order_within_dates(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_articles, "PAGE", 2)  # several pages
    dates = ["2024-05-03", "2024-05-01", "2024-05-04T10:00:00", None, "2024-05-02"]
    store.articles.save([article(f"a{i}", f"text {i}", d) for i, d in enumerate(dates)])
    since = [a.id for a in store.articles.since("2024-05-02", until="2024-05-03")]
    assert since == ["a0", "a4"]
    assert [a.id for a in store.articles.since()] == ["a0", "a1", "a2", "a3", "a4"]


def test_full_text_search_gives_exact_spans_and_honours_filters(store: Store) -> None:
    a = article("a", outlet="Wire")
    b = article("b", "Rare earth magnets are scarce. Prices of copper rose.", date="2023-01-01")
    store.articles.save([a, b])
    store.search.index_sentences(sentences_of(a) + sentences_of(b))
    store.search.index_sentences(sentences_of(a))  # indexing again adds nothing
    hits = store.search.text("rare earth")
    assert {h.article for h in hits} == {"a", "b"} and len(hits) == 2
    for hit in hits:
        text = store.articles.get(hit.article).text
        assert text[hit.start : hit.end] == hit.text and "Rare earth" in hit.text
    recent = SearchFilters(since="2024-01-01")
    assert [h.article for h in store.search.text("rare earth", recent)] == ["a"]
    assert [h.article for h in store.search.text("copper", SearchFilters("article"))] == ["b"]
    assert store.search.text("") == [] and store.search.text("zinc") == []
    store.stories.save("s1")
    store.stories.assign("b", "s1")
    assert [h.article for h in store.search.text("rare earth", SearchFilters(story="s1"))] == ["b"]


def test_semantic_search_ranks_the_nearest_vectors_while_streaming(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_search, "VECTOR_CHUNK", 3)
    items = [article(f"a{i}", f"Sentence number {i} here.") for i in range(5)]
    store.articles.save(items)
    store.search.index_sentences([Sentence(a.id, 0, 0, len(a.text), a.text) for a in items])
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(5, 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    store.search.save_vectors("test", [(a.id, 0, v) for a, v in zip(items, vectors, strict=True)])
    store.search.save_vectors("test", [(a.id, -1, v) for a, v in zip(items, vectors, strict=True)])
    hits = store.search.vectors(vectors[3], "test", SearchFilters(limit=2))
    assert hits[0].article == "a3" and hits[0].score == pytest.approx(1.0)
    assert hits[0].text == "Sentence number 3 here." and len(hits) == 2
    assert hits[0].score >= hits[1].score
    assert store.search.vectors(vectors[1], "test", SearchFilters("article"))[0].article == "a1"
    assert store.search.vectors(vectors[1], "other") == []


def test_merged_story_redirects_to_the_story_it_joined(store: Store) -> None:
    store.articles.save([article(i, f"text {i}") for i in ("a", "b", "c")])
    for story in ("s1", "s2", "s3"):
        store.stories.save(story, state=story.encode())
    store.stories.assign("a", "s1")
    store.stories.assign("b", "s2")
    store.stories.assign("c", "s3")
    store.stories.merge("s1", "s2")
    store.stories.merge("s2", "s3")  # s1 now redirects straight to s3
    assert store.stories.resolve("s1") == "s3" and store.stories.resolve("nope") is None
    merged = store.stories.get("s1")
    assert merged.id == "s3" and merged.article_ids == ("a", "b", "c") and merged.state == b"s3"
    assert [s.id for s in store.stories.latest()] == ["s3"]
    # The states a clusterer reloads are read by id, a merged story's as it was left.
    store.stories.save("s4")
    assert store.stories.states(["s3", "s1", "s4", "nope"]) == {"s3": b"s3", "s1": b"s1"}
    store.stories.assign("a", "s1")  # an old id still works
    assert store.stories.of(["a", "b"]) == {"a": "s3", "b": "s3"}
    # A missing story is not a database failure (the web API's 404, not its 503).
    with pytest.raises(NotFoundError, match="no story 'nope'"):
        store.stories.assign("a", "nope")
    with pytest.raises(NotFoundError, match="cannot merge, no story 'nope'"):
        store.stories.merge("nope", "s3")


def test_a_batch_of_assignments_moves_articles_and_recounts_each_story(store: Store) -> None:
    store.articles.save([article(i, f"text {i}", f"2024-01-0{n}")
                         for n, i in enumerate(("a", "b", "c"), start=1)])
    store.stories.save("s1")
    store.stories.save("s2")
    store.stories.assign_many([("a", "s1"), ("b", "s1"), ("c", "s2")])
    store.stories.assign_many([("b", "s2"), ("c", "s2")])  # b moves, c stays
    assert store.stories.of(["a", "b", "c"]) == {"a": "s1", "b": "s2", "c": "s2"}
    one, two = store.stories.get("s1"), store.stories.get("s2")
    assert (one.article_count, one.first_date, one.last_date) == (1, "2024-01-01", "2024-01-01")
    assert (two.article_count, two.first_date, two.last_date) == (2, "2024-01-02", "2024-01-03")
    with pytest.raises(NotFoundError, match="no story 'nope'"):
        store.stories.assign_many([("a", "s2"), ("b", "nope")])
    assert store.stories.of(["a"]) == {"a": "s1"}  # the batch is one transaction


def test_stories_list_by_their_articles_dates(store: Store) -> None:
    store.articles.save([article("old", "x", "2024-01-01"), article("new", "y", "2024-06-01")])
    store.stories.save("s-old", title="Old")
    store.stories.save("s-new", title="New")
    store.stories.assign("old", "s-old")
    store.stories.assign("new", "s-new")
    store.stories.save("s-old", state=b"\x00\x01")  # updating the state keeps the title
    assert [s.id for s in store.stories.latest()] == ["s-new", "s-old"]
    assert [s.id for s in store.stories.latest(since="2024-03-01")] == ["s-new"]
    old = store.stories.get("s-old")
    assert (old.title, old.state, old.first_date) == ("Old", b"\x00\x01", "2024-01-01")
    assert store.stories.of(["old", "new"]) == {"old": "s-old", "new": "s-new"}


def test_analysis_round_trips_without_storing_the_article_twice(store: Store) -> None:
    a = article("a")
    analysis = Analysis(article=a, sentences=tuple(sentences_of(a)))
    store.articles.save([a])
    store.analyses.save([analysis])
    assert store.analyses.get("a") == analysis
    assert store.search.text("ministry")[0].sentence == 1


def test_reopening_a_store_applies_no_migration_again(store_url: str) -> None:
    with open_store(store_url) as first:
        first.articles.save([article("a")])
    with open_store(store_url) as again:
        assert again.migrate() == []
        assert again.articles.count() == 1
        names = {name for (name,) in again.db.execute("SELECT name FROM migrations")}
    assert names == {migration.__name__ for migration in MIGRATIONS}
    assert {"create_articles", "create_stories", "create_search"} <= names


def test_locked_sqlite_database_is_a_clear_error_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "corpus.db"
    SQLiteDatabase(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    with Store(SQLiteDatabase(path, timeout=0.2)) as locked:
        locked_error = r"corpus\.db: database is locked.*nothing was written"
        with pytest.raises(StoreError, match=locked_error):
            locked.articles.save([article("a")])
        other.execute("ROLLBACK")
        assert locked.articles.count() == 0
        locked.articles.save([article("a")])  # usable once the other writer is done
        assert locked.articles.count() == 1


def test_unreachable_postgres_is_a_clear_error_without_the_password() -> None:
    with pytest.raises(StoreError) as caught:
        open_store("postgresql://user:secret@127.0.0.1:1/corpus")
    message = str(caught.value)
    assert "cannot connect" in message and "secret" not in message and "\n" not in message


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    junk = tmp_path / "notes.db"
    junk.write_bytes(b"these are my notes, not a database" * 100)
    with pytest.raises(StoreError, match="not a newsprism database"):
        open_store(f"sqlite:///{junk}")
    with pytest.raises(StoreError, match="unknown database URL"):
        open_store("mysql://x/y")
