"""Storylines: the events of one ongoing topic, linked incrementally, with stable ids.

The stories ``StoryClusterer`` makes are *events* (one incident: an arrest, a quake). A storyline
groups events (a takeover battle, an outbreak) by the same evidence, weighed for this question:
the profiles of ``newsprism.stories.features`` compared by the features of
``newsprism.stories.link`` and the storyline's own (``STORYLINE_FEATURE_NAMES``: how much of
an event falls on a storyline's core words, how many events it holds), under a model of its own
(``storyline-v2.json``, learned by ``python -m newsprism.stories.storyline_train``) and a time
window of weeks rather than days.

A ``StorylineClusterer`` follows what the event clusterer did with each batch. An event's first
article places the event: it joins the likeliest hot storyline at ``threshold`` or starts one,
whose id is ``line-`` and the event's id, kept for life. Every later article of the event adds
to its storyline's evidence. Events that merge make their storylines one; storylines that a new
event links to both merge as stories do (the older survives, the younger's id redirects). Once
``second_look`` more events have come (or at ``revisit``), an event is looked at again with all
its articles: alone in its storyline, it joins the storyline it now links to at ``threshold``;
otherwise it moves only at ``merge_threshold`` and when that storyline beats its own. Hot
storylines are bounded (``max_storylines``) and idle ones leave, so memory stays flat.

Inside, the storylines are a ``StoryClusterer`` (``StorylineLinks``) whose items are events: a
storyline's profile counts its events as its ``size`` and holds the sum of all their articles'
evidence.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.stories.cluster import (
    Item,
    StoryChanges,
    StoryClusterer,
    final_story_ids,
    read_link_weights,
)
from newsprism.stories.features import Profile
from newsprism.stories.link import (
    STORYLINE_FEATURE_NAMES,
    link_probability,
    storyline_features,
)

STORYLINE_MODEL = Path(__file__).with_name("storyline-v2.json")
SPLIT_MIN_EVENTS = 3  # a storyline's second look needs this many hot events
# A group of fewer events never parts on that look: one event far from the rest is where its
# own second look put it, and parted alone it would stay a storyline of one (held-out
# GoogleNews-TS half 1 at the bar its training sets chose: 0.906 -> 0.908, docs/experiments.md).
SPLIT_MIN_PART = 2
LINE_PREFIX = "line-"  # a storyline's id is its first event's, so prefixed to tell them apart

Placed = tuple[str, str, Profile]  # (article id, the event it is in, the article's profile)


@cache
def load_storyline_model() -> dict[str, Any]:
    """The shipped storyline link model: weights, text-only weights and thresholds."""
    return read_link_weights(STORYLINE_MODEL, "storyline model",
                             "newsprism.stories.storyline_train", STORYLINE_FEATURE_NAMES)


class StorylineLinks(StoryClusterer):
    """The storyline level's clusterer: events are its items, weighed by the storyline
    features."""

    feature_names = STORYLINE_FEATURE_NAMES

    def _features(self, profile: Profile, others: Sequence[Profile]) -> np.ndarray:
        return storyline_features(profile, others, self.frequencies_)


@dataclass
class StorylineChanges:
    """Since the last ``pop_changes``: events placed or moved (event id -> storyline id),
    storyline merges (old id -> surviving id) and the storylines that left the hot window, as
    ``story_to_dict`` records."""

    assigned: dict[str, str] = field(default_factory=dict)
    merged: dict[str, str] = field(default_factory=dict)
    evicted: list[dict[str, Any]] = field(default_factory=list)


def as_event(profile: Profile) -> Profile:
    """An event's (or article's) evidence counted as one event of a storyline."""
    return Profile(profile.embedding, profile.bags, 1, profile.first_day, profile.last_day)


def as_evidence(profile: Profile) -> Profile:
    """An article's evidence added to its event's storyline: no event more."""
    return Profile(profile.embedding, profile.bags, 0, profile.first_day, profile.last_day)


class StorylineClusterer:
    """Online clusterer of events into storylines: ``partial_fit`` each batch the event
    clusterer placed."""

    def __init__(
        self,
        *,
        threshold: float | None = None,
        merge_threshold: float | None = None,
        candidates: int = 5,
        window_days: float = 30.0,
        max_storylines: int = 2000,
        max_keys: int = 300,
        second_look: int = 200,
        first_look: float | None = None,
        split_threshold: float | None = None,
        weights: Sequence[float] | None = None,
        text_weights: Sequence[float] | None = None,
    ) -> None:
        given = None not in (threshold, merge_threshold, weights)
        shipped = {} if given else load_storyline_model()
        self.lines = StorylineLinks(
            threshold=shipped["threshold"] if threshold is None else threshold,
            merge_threshold=shipped["merge_threshold"] if merge_threshold is None
            else merge_threshold,
            candidates=candidates, window_days=window_days, max_stories=max_storylines,
            max_keys=max_keys, second_look=0,  # second looks are driven here, per event
            weights=shipped["weights"] if weights is None else weights,
            text_weights=shipped["text_weights"] if weights is None else text_weights)
        self.second_look = second_look
        # The bar an event's first article must reach to join a storyline at once; None: the
        # join threshold. Higher, an event waits for its second look, with all its articles.
        self.first_look = shipped.get("first_look") if first_look is None else first_look
        # A storyline's second look (``_split_lines``): its hot events grouped by average link
        # of the storyline model, event against event; groups whose mean link to each other is
        # below this bar part. None: never.
        self.split_threshold = shipped.get("split_threshold") if split_threshold is None \
            else split_threshold
        self.checked_: dict[str, int] = {}  # storyline -> its hot events at its last second look
        self.line_of_: dict[str, str] = {}  # hot event -> its storyline (maybe since merged)
        self.waiting_: deque[str] = deque()  # events awaiting their second look, oldest first
        self._changes = StorylineChanges()

    def params(self) -> dict[str, Any]:
        # Not from ``state_dict``: that would serialise every hot storyline, on every batch.
        inner = self.lines.params()
        return {"threshold": inner["threshold"], "merge_threshold": inner["merge_threshold"],
                "candidates": inner["candidates"], "window_days": inner["window_days"],
                "max_storylines": inner["max_stories"], "max_keys": inner["max_keys"],
                "second_look": self.second_look, "first_look": self.first_look,
                "split_threshold": self.split_threshold, "weights": inner["weights"],
                "text_weights": inner["text_weights"]}

    # -- public API ----------------------------------------------------------------------------

    def partial_fit(self, placed: Sequence[Placed], events: StoryClusterer,
                    changes: StoryChanges, known: Mapping[str, str] | None = None) -> list[str]:
        """Follow one batch of the event clusterer: ``placed`` are its articles with the event
        each is in now, ``changes`` what it popped after the batch (merged and evicted
        events), ``events`` the clusterer itself (for the events' profiles as they stand).
        ``known`` names the storylines of events this clusterer no longer holds (a resumed
        run, a corpus from before storylines). Returns each article's storyline id."""
        for old, new in changes.merged.items():
            self._events_merged(old, events.resolve(new))
        for record in changes.evicted:
            self.line_of_.pop(record["id"], None)
        for event, line in (known or {}).items():
            self.line_of_.setdefault(event, line)
        for _, event, profile in placed:
            event = events.resolve(event)
            line = self.line_of_.get(event)
            if line is None:
                self._place(event, profile)
            else:
                self.lines.grow(line, as_evidence(profile))
        while len(self.waiting_) > self.second_look:
            self._look_again(self.waiting_.popleft(), events)
        self._follow_lines()
        self._split_lines(events)
        return [self.resolve(self.line_of_.get(events.resolve(event), ""))
                for _, event, _ in placed]

    def place_events(self, events: Sequence[tuple[str, Profile]]) -> None:
        """Place whole events at once (a corpus from before storylines), each with all its
        articles' evidence; they get their second look like the events of a stream."""
        for event, profile in events:
            if event in self.line_of_:  # placed already: the caller has yet to record it
                self._changes.assigned[event] = self.line_of_[event]
            else:
                self._place(event, profile)
        self._follow_lines()

    def assign_alone(self, event: str) -> str:
        """A storyline of its own for an event without evidence to place it by."""
        line = self._changes.assigned[event] = LINE_PREFIX + event
        return line

    def revisit(self, events: StoryClusterer, profiles: Mapping[str, Profile] | None = None
                ) -> None:
        """Give every event still waiting its second look now: the stream has ended.
        ``profiles`` are those of waiting events the event clusterer no longer holds."""
        while self.waiting_:
            self._look_again(self.waiting_.popleft(), events, profiles)
        self._follow_lines()
        self._split_lines(events)

    def resolve(self, line_id: str) -> str:
        return self.lines.resolve(line_id)

    def storyline_of(self, event_id: str) -> str | None:
        line = self.line_of_.get(event_id)
        return None if line is None else self.resolve(line)

    def pop_changes(self) -> StorylineChanges:
        self._follow_lines()
        changes, self._changes = self._changes, StorylineChanges()
        changes.assigned = {event: self.resolve(line) for event, line in changes.assigned.items()}
        return changes

    # -- placing events ------------------------------------------------------------------------

    def _place(self, event: str, profile: Profile) -> None:
        threshold = self.lines.threshold
        if self.first_look is not None:
            self.lines.threshold = self.first_look
        try:
            (line,) = self.lines.partial_fit([(LINE_PREFIX + event, as_event(profile))])
        finally:
            self.lines.threshold = threshold
        self.line_of_[event] = line
        self._changes.assigned[event] = line
        if self.second_look:
            self.waiting_.append(event)

    def _events_merged(self, old: str, new: str) -> None:
        """Two events became one: so do their storylines."""
        gone = self.line_of_.pop(old, None)
        if gone is None:
            return
        kept = self.line_of_.get(new)
        if kept is None:
            self.line_of_[new] = gone
            self._changes.assigned[new] = gone
        elif self.resolve(kept) != self.resolve(gone):
            self.lines.merge(kept, gone)

    def _look_again(self, event: str, events: StoryClusterer,
                    profiles: Mapping[str, Profile] | None = None) -> None:
        line = self.line_of_.get(event)
        hot = events.stories_.get(event) if hasattr(events, "stories_") else None
        profile = hot.profile if hot is not None else (profiles or {}).get(event)
        if line is None or profile is None:
            return  # merged into another event, or gone from both hot windows
        self.lines.look_again(LINE_PREFIX + event, line, as_event(profile))

    def _split_lines(self, events: StoryClusterer) -> None:
        """A storyline's second look: one that grew by half since its last look has its hot
        events grouped by average link (``average_link_groups``), and every group but the one
        holding its oldest event parts into a storyline of its own, if it holds at least
        ``SPLIT_MIN_PART`` events. A storyline joined event by event can chain two topics (each
        event close to the last); average link asks every event of one part to fit the other."""
        if self.split_threshold is None or not hasattr(self.lines, "stories_"):
            return
        members: dict[str, list[tuple[int, str, Profile]]] = {}
        for event, line in self.line_of_.items():
            hot = events.stories_.get(event) if hasattr(events, "stories_") else None
            if hot is not None:
                members.setdefault(self.resolve(line), []).append((hot.born, event, hot.profile))
        self.checked_ = {line: n for line, n in self.checked_.items() if line in members}
        for line, group in members.items():
            if len(group) < SPLIT_MIN_EVENTS or len(group) < 1.5 * self.checked_.get(line, 0):
                continue
            self.checked_[line] = len(group)
            group.sort(key=lambda member: member[:2])
            profiles = [as_event(profile) for _, _, profile in group]
            labels = average_link_groups(self._event_links(profiles), self.split_threshold)
            sizes = Counter(labels)
            for label in sizes:
                if label != labels[0] and sizes[label] >= SPLIT_MIN_PART:
                    parted = [(LINE_PREFIX + event, profile) for (_, event, _), profile, mine
                              in zip(group, profiles, labels, strict=True) if mine == label]
                    self.lines.split(line, parted)
        self._follow_lines()

    def _event_links(self, profiles: Sequence[Profile]) -> np.ndarray:
        """The storyline model's link probability of every event against every other, the
        mean of both directions (the features ask how much of one the other holds)."""
        rows = np.stack([link_probability(self.lines._features(profile, profiles),
                                          self.lines.weights, self.lines.text_weights)
                         for profile in profiles])
        return (rows + rows.T) / 2

    def _follow_lines(self) -> None:
        """Take the storyline level's own merges, moves and evictions into the changes."""
        if not hasattr(self.lines, "stories_"):
            return  # no event placed yet
        inner = self.lines.pop_changes()
        for old, new in inner.merged.items():
            self._changes.merged[old] = new
            for earlier, later in self._changes.merged.items():
                if later == old:
                    self._changes.merged[earlier] = new
        for item, line in inner.moved.items():
            event = item.removeprefix(LINE_PREFIX)
            self.line_of_[event] = line
            self._changes.assigned[event] = line
        self._changes.evicted.extend(inner.evicted)
        gone = {record["id"] for record in inner.evicted}
        if gone:
            self.line_of_ = {e: line for e, line in self.line_of_.items()
                             if self.resolve(line) not in gone}

    # -- persistence ---------------------------------------------------------------------------

    def state_dict(self) -> dict[str, Any]:
        """Everything needed to resume but the hot storylines' profiles, which the caller saves
        as they change (``changed_storylines``) and hands back to ``from_state``."""
        return {"params": self.params(),
                "lines": self.lines.state_dict(stories=False),
                "line_of": dict(self.line_of_),
                "waiting": list(self.waiting_),
                "checked": dict(self.checked_)}

    def changed_storylines(self) -> list[dict[str, Any]]:
        return self.lines.changed_stories()

    @classmethod
    def from_state(cls, state: dict[str, Any], storylines: Sequence[dict[str, Any]] = ()
                   ) -> StorylineClusterer:
        """The clusterer ``state_dict`` saved. A state saved under a model of other features
        (``storyline-v1.json``) resumes under the shipped model: its storylines, ids and
        waiting events stay. One saved before storylines had a second look of their own
        takes the shipped model's ``split_threshold``."""
        params = dict(state["params"])
        if len(params["weights"]) != len(STORYLINE_FEATURE_NAMES) + 1:
            for shipped in ("threshold", "merge_threshold", "first_look", "weights",
                            "text_weights"):
                params.pop(shipped)
        elif "split_threshold" not in params:
            params["split_threshold"] = load_storyline_model().get("split_threshold")
        clusterer = cls(**params)
        lines = {**state["lines"], "params": clusterer.lines.params()}
        clusterer.lines = StorylineLinks.from_state(lines, {}, storylines)
        clusterer.line_of_ = dict(state["line_of"])
        clusterer.waiting_.extend(state["waiting"])
        clusterer.checked_ = dict(state.get("checked", {}))  # none before second looks
        return clusterer


def average_link_groups(links: np.ndarray, bar: float) -> list[int]:
    """Group items by average-link agglomeration of their pairwise link probabilities: two
    groups join while the mean link between their members is at least ``bar``. Labels in item
    order."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    distance = 1.0 - links
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), "average")
    return [int(label) for label in fcluster(tree, 1.0 - bar, "distance")]


def cluster_levels(items: Sequence[Item], batch: int = 100,
                   event_params: Mapping[str, Any] | None = None,
                   storyline_params: Mapping[str, Any] | None = None
                   ) -> tuple[list[str], list[str]]:
    """Cluster a whole stream as ingest does (batches of ``batch``, each level's changes drained
    as a store records them, second looks when the stream ends): each article's final event
    and storyline ids."""
    events, (lines,) = sweep_levels(items, [storyline_params or {}], batch, event_params)
    return events, lines


def sweep_levels(items: Sequence[Item], storyline_params: Sequence[Mapping[str, Any]],
                 batch: int = 100, event_params: Mapping[str, Any] | None = None
                 ) -> tuple[list[str], list[list[str]]]:
    """``cluster_levels`` with several storyline clusterers (one per ``storyline_params``)
    following one event clusterer, which they only read: each article's final event id, and its
    storyline id under each."""
    events = StoryClusterer(**(event_params or {}))
    levels = [StorylineClusterer(**params) for params in storyline_params]
    placed: list[str] = []
    recorded = StoryChanges()  # the event level's, all of the stream's
    line_of: list[dict[str, str]] = [{} for _ in levels]  # each event's storyline, as stored
    redirects: list[dict[str, str]] = [{} for _ in levels]  # each storyline level's merges

    def drain(batch_items: Sequence[Item], batch_events: Sequence[str]) -> None:
        changes = events.pop_changes()
        recorded.merged.update(changes.merged)
        recorded.moved.update(changes.moved)
        followed = [(i, e, p) for (i, p), e in zip(batch_items, batch_events, strict=True)]
        for lines, known, merges in zip(levels, line_of, redirects, strict=True):
            lines.partial_fit(followed, events, changes)
            _record(lines, known, merges)

    for begin in range(0, len(items), batch):
        chunk = items[begin:begin + batch]
        ids = events.partial_fit(chunk)
        placed += ids
        drain(chunk, ids)
    events.revisit()
    drain([], [])
    for lines, known, merges in zip(levels, line_of, redirects, strict=True):
        lines.revisit(events)
        _record(lines, known, merges)
    final = final_story_ids(items, placed, recorded)
    return final, [[_follow(merges, known.get(event, LINE_PREFIX + event)) for event in final]
                   for known, merges in zip(line_of, redirects, strict=True)]


def _record(lines: StorylineClusterer, line_of: dict[str, str], redirects: dict[str, str]
            ) -> None:
    changes = lines.pop_changes()
    redirects.update(changes.merged)
    line_of.update(changes.assigned)


def _follow(redirects: Mapping[str, str], line: str) -> str:
    while line in redirects:
        line = redirects[line]
    return line
