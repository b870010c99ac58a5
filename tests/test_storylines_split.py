"""A storyline's second look: events joined one by one that form two groups part again."""

from __future__ import annotations

import numpy as np

from newsprism.stories.cluster import StoryClusterer
from newsprism.stories.features import Bag, Profile
from newsprism.stories.link import FEATURE_NAMES, STORYLINE_FEATURE_NAMES
from newsprism.stories.storylines import (
    StorylineClusterer,
    average_link_groups,
    cluster_levels,
    load_storyline_model,
)

# Embedding-only models: every article is an event of its own (P = σ(12 cos - 10) never
# reaches 0.9), and two events link as one storyline at P = σ(12 cos - 6) ≥ 0.3 (a cosine of
# 0.43); storylines merge at 0.6.
APART = {"weights": (-10.0, 12.0) + (0.0,) * (len(FEATURE_NAMES) - 1), "threshold": 0.9,
         "merge_threshold": 0.95}
LINES = {"weights": (-6.0, 12.0) + (0.0,) * (len(STORYLINE_FEATURE_NAMES) - 1), "threshold": 0.3,
         "merge_threshold": 0.6}


def _at(degrees: float) -> Profile:
    vector = np.zeros(384, dtype=np.float32)
    vector[0], vector[1] = np.cos(np.radians(degrees)), np.sin(np.radians(degrees))
    words = Bag(np.array([1], dtype=np.int64), np.array([1.0], dtype=np.float32))
    return Profile(vector, {"terms": words})


# Two topics 60 degrees apart, alternating: each event links to the storyline between them
# (P 0.5 against the first event alone), so all six join one storyline; event against event,
# the two topics link at 0.5 and each topic's events at 0.998.
STREAM = [(name, _at(0 if name.startswith("a") else 60)) for name in
          ("a1", "b1", "a2", "b2", "a3", "b3")]


def test_average_link_groups_items_while_their_mean_link_reaches_the_bar() -> None:
    links = np.array([[1.0, 0.9, 0.2, 0.1],
                      [0.9, 1.0, 0.3, 0.2],
                      [0.2, 0.3, 1.0, 0.8],
                      [0.1, 0.2, 0.8, 1.0]])
    assert average_link_groups(links, 0.5) == [1, 1, 2, 2]  # between the pairs: mean 0.2
    assert len(set(average_link_groups(links, 0.1))) == 1
    assert len(set(average_link_groups(links, 0.85))) == 3  # 0.8 < 0.85: the second pair parts


def test_a_storyline_of_two_groups_parts_on_its_second_look_and_keeps_its_id() -> None:
    _, joined = cluster_levels(STREAM, batch=6, event_params=APART, storyline_params=LINES)
    assert set(joined) == {"line-a1"}
    _, parted = cluster_levels(STREAM, batch=6, event_params=APART,
                               storyline_params={**LINES, "split_threshold": 0.6})
    # The group holding the storyline's first event keeps its id; the other is named after
    # its own first event.
    assert parted == ["line-a1", "line-b1"] * 3
    _, kept = cluster_levels(STREAM, batch=6, event_params=APART,
                             storyline_params={**LINES, "split_threshold": 0.4})
    assert set(kept) == {"line-a1"}  # the groups link at 0.5: above this bar


def test_one_event_far_from_the_rest_stays_in_its_storyline() -> None:
    # Three events of one topic, then one 60 degrees off: it joins their storyline (P 0.5
    # against its centroid) and links to each of them at 0.5, below the bar. Alone it does
    # not part; two such events do, as a storyline of their own. (No event's second look
    # here: it would take a parted event back to the storyline it links to.)
    topic = [(name, _at(0)) for name in ("a1", "a2", "a3")]
    params = {**LINES, "split_threshold": 0.6, "second_look": 0}
    _, lines = cluster_levels([*topic, ("b1", _at(60))], batch=4, event_params=APART,
                              storyline_params=params)
    assert set(lines) == {"line-a1"}
    _, lines = cluster_levels([*topic, ("b1", _at(60)), ("b2", _at(60))], batch=5,
                              event_params=APART, storyline_params=params)
    assert lines == ["line-a1"] * 3 + ["line-b1"] * 2


def test_parted_events_are_reported_as_moved_and_the_state_resumes() -> None:
    events = StoryClusterer(**APART)
    lines = StorylineClusterer(**LINES, split_threshold=0.6)
    placed = events.partial_fit(STREAM)
    lines.partial_fit([(i, e, p) for (i, p), e in zip(STREAM, placed, strict=True)], events,
                      events.pop_changes())
    changes = lines.pop_changes()
    assert {changes.assigned[e] for e in ("b1", "b2", "b3")} == {"line-b1"}
    assert lines.storyline_of("a2") == "line-a1" and lines.storyline_of("b3") == "line-b1"
    state = lines.state_dict()
    assert state["checked"] == {"line-a1": 6}
    resumed = StorylineClusterer.from_state(state, lines.changed_storylines())
    assert resumed.params() == lines.params() and resumed.checked_ == {"line-a1": 6}
    # The parted storylines hold their own events' evidence: a new event of either topic
    # joins its own.
    more = [("a4", _at(0)), ("b4", _at(60))]
    ids = events.partial_fit(more)
    assert resumed.partial_fit([(i, e, p) for (i, p), e in zip(more, ids, strict=True)], events,
                               events.pop_changes()) == ["line-a1", "line-b1"]


def test_a_state_saved_before_storylines_had_a_second_look_takes_the_shipped_bar() -> None:
    events = StoryClusterer(**APART)
    lines = StorylineClusterer(**LINES)
    placed = events.partial_fit(STREAM)
    lines.partial_fit([(i, e, p) for (i, p), e in zip(STREAM, placed, strict=True)], events,
                      events.pop_changes())
    state = lines.state_dict()
    del state["params"]["split_threshold"], state["checked"]  # as saved before
    resumed = StorylineClusterer.from_state(state, lines.changed_storylines())
    assert resumed.split_threshold == load_storyline_model()["split_threshold"] is not None
    assert resumed.checked_ == {} and resumed.storyline_of("b3") == "line-a1"
    assert StorylineClusterer().split_threshold == load_storyline_model()["split_threshold"]
