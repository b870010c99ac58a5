"""Storylines over events: incremental, stable ids, redirects at both levels, in the store."""

from __future__ import annotations

import pickle

import numpy as np

from newsprism.model import Article
from newsprism.store import open_store
from newsprism.stories.cluster import StoryClusterer
from newsprism.stories.features import Bag, Profile
from newsprism.stories.link import (
    FEATURE_NAMES,
    STORYLINE_FEATURE_NAMES,
    DocumentFrequencies,
    storyline_features,
)
from newsprism.stories.persist import StoryHook, assign_stories
from newsprism.stories.storyline_train import cached_streams
from newsprism.stories.storylines import (
    StorylineClusterer,
    cluster_levels,
    load_storyline_model,
)

# Embedding-only models, whatever the shipped ones learned: two articles are one event at a
# cosine of 0.83 (P = σ(12 cos - 10) ≥ 0.5), two events one storyline at 0.43
# (P = σ(12 cos - 6) ≥ 0.3; storylines merge at 0.5, a cosine of 0.5).
EVENTS = {"weights": (-10.0, 12.0) + (0.0,) * (len(FEATURE_NAMES) - 1), "threshold": 0.5,
          "merge_threshold": 0.6}
LINES = {"weights": (-6.0, 12.0) + (0.0,) * (len(STORYLINE_FEATURE_NAMES) - 1), "threshold": 0.3,
         "merge_threshold": 0.5}


def _at(degrees: float, plane: int = 1) -> Profile:
    vector = np.zeros(384, dtype=np.float32)
    vector[0], vector[plane] = np.cos(np.radians(degrees)), np.sin(np.radians(degrees))
    words = Bag(np.array([1], dtype=np.int64), np.array([1.0], dtype=np.float32))
    return Profile(vector, {"terms": words})


def _levels(items, **params):  # type: ignore[no-untyped-def]
    events = StoryClusterer(**EVENTS)
    lines = StorylineClusterer(**{**LINES, **params})
    placed = events.partial_fit(items)
    lines.partial_fit([(i, e, p) for (i, p), e in zip(items, placed, strict=True)], events,
                      events.pop_changes())
    return events, lines, placed


def test_two_events_of_one_storyline_stay_two_events_and_share_one_storyline() -> None:
    """A quake and its aftershock a week on: 50 degrees apart, two events, one storyline; an
    unrelated event (another plane) is a storyline of its own."""
    items = [("quake", _at(0)), ("aftershock", _at(50)), ("quake-2", _at(2)),
             ("aftershock-2", _at(48)), ("election", _at(90, plane=2))]
    event_ids, line_ids = cluster_levels(items, batch=2, event_params=EVENTS,
                                         storyline_params=LINES)
    assert event_ids == ["quake", "aftershock", "quake", "aftershock", "election"]
    assert line_ids == ["line-quake"] * 4 + ["line-election"]


def test_a_storylines_id_is_its_first_events_and_stays_as_events_join() -> None:
    events = StoryClusterer(**EVENTS)
    lines = StorylineClusterer(**LINES)
    seen = []
    for item in [("quake", _at(0)), ("aftershock", _at(50)), ("rebuild", _at(88)),
                 ("aftershock-2", _at(52))]:
        placed = events.partial_fit([item])
        seen += lines.partial_fit([(item[0], placed[0], item[1])], events, events.pop_changes())
    assert seen == ["line-quake"] * 4
    assert lines.pop_changes().assigned == {"quake": "line-quake", "aftershock": "line-quake",
                                            "rebuild": "line-quake"}


def test_an_event_linking_two_storylines_merges_the_younger_into_the_older() -> None:
    """"x" and "y" (80 degrees apart) are two storylines; "bridge" (40 degrees from each) is an
    event of its own that links to both, and the storyline it joins then links to "y"."""
    events, lines, _ = _levels([("x", _at(0)), ("y", _at(80))])
    assert lines.pop_changes().assigned == {"x": "line-x", "y": "line-y"}
    placed = events.partial_fit([("bridge", _at(40))])
    assert placed == ["bridge"]  # a third event
    assert lines.partial_fit([("bridge", "bridge", _at(40))], events, events.pop_changes()) == [
        "line-x"]
    changes = lines.pop_changes()
    assert changes.merged == {"line-y": "line-x"} and lines.resolve("line-y") == "line-x"
    assert {lines.storyline_of(e) for e in ("x", "y", "bridge")} == {"line-x"}


def test_events_that_merge_make_their_storylines_one() -> None:
    events, lines, _ = _levels([("a", _at(0)), ("b", _at(100))])
    lines.pop_changes()
    # Two more articles of "b" turn it towards "a" until the bridge makes the events one.
    events._merge(events.stories_["a"], events.stories_["b"])  # as a bridging article would
    lines.partial_fit([], events, events.pop_changes())
    assert lines.pop_changes().merged == {"line-b": "line-a"}
    assert lines.storyline_of("a") == "line-a" and lines.storyline_of("b") is None


def test_an_event_alone_in_its_storyline_joins_another_on_its_second_look() -> None:
    """"late" was placed on its first article, far from "early"'s storyline; its next articles
    turn it towards it, and on its second look, with all of them, it joins."""
    events, lines, _ = _levels([("early", _at(0)), ("late", _at(70))], second_look=10)
    for n, degrees in enumerate((60, 60, 55)):
        placed = events.partial_fit([(f"late-{n}", _at(degrees))])
        assert placed == ["late"]
        lines.partial_fit([(f"late-{n}", "late", _at(degrees))], events, events.pop_changes())
    assert lines.storyline_of("late") == "line-late"
    lines.revisit(events)
    assert lines.storyline_of("late") == "line-early"


def test_storylines_reach_the_store_with_redirects_at_both_levels(tmp_path) -> None:
    names = ("x", "y", "bridge")
    with open_store(f"sqlite:///{tmp_path / 'corpus.db'}") as store:
        store.articles.save([Article(id=n, text=f"text of {n}", date="2024-05-0" + str(i + 1))
                             for i, n in enumerate(names)])
        events, lines = StoryClusterer(**EVENTS), StorylineClusterer(**LINES)
        assign_stories(store, events, [("x", _at(0)), ("y", _at(80))], lines)
        assert store.stories.get("y").storyline_id == "line-y"
        assign_stories(store, events, [("bridge", _at(40))], lines)
        assert store.storylines.resolve("line-y") == "line-x"
        line = store.storylines.get("line-y")
        assert line.id == "line-x" and line.event_ids == ("x", "y", "bridge")
        assert (line.article_count, line.first_date, line.last_date) == (
            3, "2024-05-01", "2024-05-03")
        assert store.stories.get("y").storyline_id == "line-x"
        # An event merged into another leaves the storyline; its articles count once.
        store.articles.save([Article(id="z", text="text of z")])
        assign_stories(store, events, [("z", _at(150))], lines)
        events._merge(events.stories_["x"], events.stories_["z"])
        assign_stories(store, events, [], lines)
        assert store.stories.resolve("z") == "x"
        assert store.storylines.get("line-x").event_ids == ("x", "y", "bridge")
        assert store.storylines.get("line-x").article_count == 4


def test_a_hook_places_a_corpus_from_before_storylines_and_resumes_them(tmp_path) -> None:
    with open_store(f"sqlite:///{tmp_path / 'corpus.db'}") as store:
        old = StoryHook(store, storylines=False, **EVENTS)  # a run from before storylines
        store.articles.save([Article(id=n, text=f"text of {n}") for n in ("a", "b", "c")])
        assign_stories(store, old.clusterer, [("a", _at(0)), ("b", _at(50)), ("c", _at(90, 2))])
        old._save_state(store)
        assert store.storylines.unplaced_stories() == ["a", "b", "c"]
        assert store.stories.get("a").storyline_id is None
        hook = StoryHook(store, storyline_params=LINES)
        hook.finish(store)  # the end of the next run
        assert store.storylines.of(["a", "b", "c"]) == {"a": "line-a", "b": "line-a",
                                                        "c": "line-c"}
        assert store.storylines.get("line-a").event_ids == ("a", "b")
        assert StoryHook(store).storylines.state_dict() == hook.storylines.state_dict()


def test_hot_storylines_and_the_events_they_follow_stay_bounded_on_a_long_stream() -> None:
    rng = np.random.default_rng(0)
    events = StoryClusterer(**EVENTS, max_stories=20, second_look=5)
    lines = StorylineClusterer(**LINES, max_storylines=10, second_look=5)
    evicted = []
    for n in range(300):  # random directions: every article an event, every event a storyline
        vector = rng.normal(size=384).astype(np.float32)
        profile = Profile(vector / np.linalg.norm(vector), {})
        placed = events.partial_fit([(f"a{n}", profile)])
        lines.partial_fit([(f"a{n}", placed[0], profile)], events, events.pop_changes())
        evicted += lines.pop_changes().evicted
    assert len(lines.lines.stories_) <= 10 and len(lines.line_of_) <= 20
    assert len(lines.waiting_) <= 5 and len(evicted) >= 280


def test_storyline_training_reads_its_analysed_streams_back_from_the_profiles_cache(
        tmp_path) -> None:  # type: ignore[no-untyped-def]
    cache = tmp_path / "streams.pkl"
    streams = {"tiny": ([("quake", _at(0))], ["q"])}
    cache.write_bytes(pickle.dumps(streams))
    read = cached_streams(tmp_path / "no data here", cache)  # nothing analysed: the cache is read
    assert list(read) == ["tiny"] and read["tiny"][1] == ["q"]
    assert np.array_equal(read["tiny"][0][0][1].embedding, _at(0).embedding)


def test_a_storyline_clusterers_state_names_its_hot_storylines_without_serialising_them(
        monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Ingest saves this state on every batch: serialising every hot storyline there (up to
    # 2,000) cost more than the rest of the story stages together (docs/experiments.md).
    import newsprism.stories.cluster as cluster

    events, lines, _ = _levels([(f"a{n}", _at(40.0 * n, plane=1 + n)) for n in range(5)])
    serialised = []
    real = cluster.story_to_dict
    monkeypatch.setattr(cluster, "story_to_dict",
                        lambda story: serialised.append(story.id) or real(story))
    state = lines.state_dict()
    assert not serialised and len(state["lines"]["hot"]) == len(lines.lines.stories_) > 1
    assert StorylineClusterer(**lines.params()).params() == lines.params()
    assert events.params() == events.state_dict(stories=False)["params"]


def _words(counts: dict[int, float]) -> dict[str, Bag]:
    keys = sorted(counts)
    return {"terms": Bag(np.array(keys, dtype=np.int64),
                         np.array([counts[k] for k in keys], dtype=np.float32))}


def test_a_storyline_weighs_how_much_of_an_event_falls_on_its_core_words() -> None:
    """A storyline of 12 events says "quake", "rescue", "aftershock" in each, and 40 other
    words once each. An event of its core words and an event of 3 of its stray words are both
    wholly covered by it; only the first falls on its core."""
    words = {1: 12, 2: 12, 3: 12} | dict.fromkeys(range(10, 50), 1)
    story = Profile(_at(0).embedding, _words(words), size=12)
    core, stray = (Profile(_at(0).embedding, _words(dict.fromkeys(keys, 1.0)))
                   for keys in ((1, 2, 3), (40, 41, 42)))
    rows = storyline_features(core, [story], DocumentFrequencies())
    rows = np.vstack([rows, storyline_features(stray, [story], DocumentFrequencies())])
    column = {name: n for n, name in enumerate(STORYLINE_FEATURE_NAMES)}
    assert rows.shape == (2, len(STORYLINE_FEATURE_NAMES))
    assert rows[0, column["terms_cover"]] == rows[1, column["terms_cover"]] == 1.0
    assert rows[0, column["terms_core"]] == 1.0 and rows[1, column["terms_core"]] == 0.0
    assert rows[0, column["events"]] == rows[1, column["events"]] == np.log(13)


def test_a_state_saved_under_the_first_storyline_model_resumes_under_the_shipped_one() -> None:
    """storyline-v1.json weighed fewer features; a corpus clustered under it keeps its
    storylines, and its next events are placed by the shipped model."""
    events, lines, _ = _levels([("x", _at(0)), ("y", _at(50))])
    assert lines.storyline_of("y") == "line-x"
    records = lines.changed_storylines()
    state = lines.state_dict()
    old = (-6.0, 12.0) + (0.0,) * (len(FEATURE_NAMES) - 1)  # the first model's length
    state["params"]["weights"] = state["lines"]["params"]["weights"] = old
    resumed = StorylineClusterer.from_state(state, records)
    assert resumed.params()["weights"] == load_storyline_model()["weights"]
    assert resumed.storyline_of("y") == "line-x"
    other = Profile(_at(120, plane=2).embedding, _words({2: 1.0}))  # nothing in common
    placed = events.partial_fit([("z", other)])
    assert resumed.partial_fit([("z", placed[0], other)], events, events.pop_changes()) == [
        "line-z"]
