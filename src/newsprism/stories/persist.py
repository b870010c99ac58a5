"""Write what the clusterer decided for one ingest batch into the store.

Called inside the batch's transaction (``corpus.ingest_paths(on_batch=...)``), so articles and
their story assignments are stored together or not at all. The store keeps ids, membership and
redirects; each story's row keeps its profile as its ``state`` blob (``story_to_dict`` as JSON),
saved whenever it changed or left the clusterer's hot window, and
``StoryClusterer.state_dict(stories=False)`` (the hot stories' ids, redirects, document
frequencies) is what a later run needs, with those rows, to resume. Each save also
writes a new *generation*; a hook that finds another one in the store (a server and a
``newsprism ingest`` run sharing a database, or its own batch that failed) reloads the state
before it places anything, so no process clusters on a stale copy.

Storylines follow the same way, one level up (``record_storylines``): each batch's events are
placed in storylines (``StorylineClusterer``) in the same transaction, the store keeps their
ids, membership, redirects and states (``store.storylines``), and their clusterer's state is
saved beside the event clusterer's, under the same generation. Stories stored before there
were storylines are placed when a run ends (``StoryHook.finish``), from their saved profiles.
"""

from __future__ import annotations

import json
import uuid
import zlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsprism.model import Analysis, Article
from newsprism.settings import DEFAULTS, StoriesSettings
from newsprism.stories.cluster import Item, StoryChanges, StoryClusterer, story_from_dict
from newsprism.stories.features import extract_profiles
from newsprism.stories.storylines import StorylineClusterer

if TYPE_CHECKING:
    from newsprism.store import Store


def profile_articles(analyses: Sequence[Analysis]) -> list[Item]:
    """``(article id, Profile)`` items for ``assign_stories``, from one batch's analyses."""
    return [(a.article.id, p) for a, p in zip(analyses, extract_profiles(analyses), strict=True)]


def assign_stories(store: Store, clusterer: StoryClusterer, items: Sequence[Item],
                   storylines: StorylineClusterer | None = None) -> list[str]:
    """Place the batch's stored articles and record the outcome: new stories, memberships,
    merges (the older id survives, the younger redirects), second looks and evicted stories'
    profiles; with ``storylines``, the storylines of the batch's events too."""
    story_ids = clusterer.partial_fit(items)
    _assign(store, [(article_id, story_id)
                    for (article_id, _), story_id in zip(items, story_ids, strict=True)])
    changes = record_changes(store, clusterer)
    if storylines is not None:
        placed = [(article_id, story_id, profile)
                  for (article_id, profile), story_id in zip(items, story_ids, strict=True)]
        record_storylines(store, storylines, clusterer, placed, changes)
    return story_ids


def record_changes(store: Store, clusterer: StoryClusterer) -> StoryChanges:
    """Write the clusterer's merges, moves and evictions since it last reported them; returns
    them."""
    changes = clusterer.pop_changes()
    for old, new in changes.merged.items():
        # A story born and merged within this batch was never stored: nothing to redirect.
        if store.stories.resolve(old) is not None:
            store.stories.save(new)
            store.stories.merge(old, new)
    _assign(store, [(article_id, clusterer.resolve(story_id))
                    for article_id, story_id in changes.moved.items()])
    for record in changes.evicted:
        store.stories.save(record["id"], state=json.dumps(record).encode())
    return changes


def record_storylines(store: Store, storylines: StorylineClusterer, events: StoryClusterer,
                      placed: Sequence[tuple[str, str, object]], changes: StoryChanges) -> None:
    """Place the batch's events in storylines and write the outcome: new storylines, which
    storyline each event is in, storyline merges and evictions; events merged into another
    leave their storyline, and every storyline whose events changed is recounted."""
    batch_events = {events.resolve(event) for _, event, _ in placed}
    unknown = [e for e in batch_events if storylines.storyline_of(e) is None]
    known = {event: store.storylines.resolve(line) or line
             for event, line in store.storylines.of(unknown).items()}
    storylines.partial_fit(placed, events, changes, known)  # type: ignore[arg-type]
    gone = [old for old in changes.merged if store.stories.resolve(old) is not None]
    store.storylines.drop_events(gone)
    write_storyline_changes(store, storylines)
    touched = batch_events | set(changes.merged.values()) | set(changes.moved.values())
    store.storylines.summarise(set(store.storylines.of(list(touched)).values()))


def write_storyline_changes(store: Store, storylines: StorylineClusterer) -> None:
    changes = storylines.pop_changes()
    for old, new in changes.merged.items():
        if store.storylines.resolve(old) is not None:  # a storyline never stored: no redirect
            store.storylines.save(new)
            store.storylines.merge(old, new)
    for line in dict.fromkeys(changes.assigned.values()):
        store.storylines.save(line)
    store.storylines.assign(list(changes.assigned.items()))
    for record in changes.evicted:
        store.storylines.save(record["id"], state=json.dumps(record).encode())


def _assign(store: Store, assignments: Sequence[tuple[str, str]]) -> None:
    """Articles into their stories, each story's row saved first (new ones are created)."""
    for story_id in dict.fromkeys(story_id for _, story_id in assignments):
        store.stories.save(story_id)
    store.stories.assign_many(assignments)


CLUSTERER_STATE = "stories.clusterer.v2"  # v1 states hold weights for older features
STORYLINES_STATE = "stories.storylines.v1"
CLUSTERER_GENERATION = "stories.clusterer.generation"
_UNSAVED = b""  # no saved generation is empty


class StoryHook:
    """Stories for ``newsprism ingest``: called as the ``on_batch`` that ingest runs inside each
    batch's transaction, it places the batch's articles in stories (and, unless
    ``storylines=False``, their events in storylines) and saves the clusterers' state with
    them, so that a later (or interrupted and rerun) ingest resumes with the same hot stories;
    ``finish`` ends a run by giving the articles (and events) that await their second look
    (``StoryClusterer.revisit``) that look now, and by placing stories stored before there were
    storylines. ``settings`` configure the clusterer, a new one or the one the store holds (its
    learned state kept), ``params`` override them (a clusterer's own keywords, e.g. weights);
    ``storyline_params`` configure a new storyline clusterer."""

    def __init__(self, store: Store, settings: StoriesSettings = DEFAULTS.stories, *,
                 storylines: bool = True,
                 storyline_params: dict[str, object] | None = None, **params: object) -> None:
        self.params = {**settings.clusterer_params(), **params}
        self.with_storylines = storylines
        self.storyline_params = storyline_params or {}
        self._load(store)

    def __call__(self, store: Store, articles: list[Article],
                 analyses: list[Analysis] | None) -> None:
        if not analyses:
            return  # ingest without analysis: nothing to place stories by
        self._catch_up(store)
        self.generation = _UNSAVED  # until the state is saved: if the batch fails, reload
        assign_stories(store, self.clusterer, profile_articles(analyses), self.storylines)
        self._save_state(store)

    def finish(self, store: Store) -> None:
        with store.transaction():
            self._catch_up(store)
            unplaced = self.storylines is not None and store.storylines.unplaced_stories(1)
            if not self.clusterer.waiting_ and not unplaced and not (
                    self.storylines and self.storylines.waiting_):
                return
            self.generation = _UNSAVED
            self.clusterer.revisit()
            changes = record_changes(store, self.clusterer)
            if self.storylines is not None:
                record_storylines(store, self.storylines, self.clusterer, [], changes)
                place_unplaced_stories(store, self.storylines)
                waiting = store.stories.states(list(self.storylines.waiting_))
                self.storylines.revisit(self.clusterer, {
                    event: story_from_dict(json.loads(state)).profile
                    for event, state in waiting.items()})
                write_storyline_changes(store, self.storylines)
            self._save_state(store)

    def _load(self, store: Store) -> None:
        self.generation = store.meta.load(CLUSTERER_GENERATION)
        saved = store.meta.load(CLUSTERER_STATE)
        self.storylines = self._load_storylines(store) if self.with_storylines else None
        if not saved:
            self.clusterer = StoryClusterer(**self.params)
            return
        state = json.loads(zlib.decompress(saved))
        state["params"].update(self.params)
        # The state names the waiting articles; their profiles come from their stored analyses.
        waiting = store.analyses.get_many([article for article, _ in state.get("waiting", [])])
        profiles = dict(profile_articles(list(waiting.values()))) if waiting else {}
        # It names the hot stories too (a state saved before 0.6 holds them itself).
        hot = store.stories.states(state["hot"]) if "hot" in state else {}
        self.clusterer = StoryClusterer.from_state(
            state, profiles, [json.loads(record) for record in hot.values()])

    def _load_storylines(self, store: Store) -> StorylineClusterer:
        saved = store.meta.load(STORYLINES_STATE)
        if not saved:
            return StorylineClusterer(**self.storyline_params)  # type: ignore[arg-type]
        state = json.loads(zlib.decompress(saved))
        hot = store.storylines.states(state["lines"].get("hot", []))
        return StorylineClusterer.from_state(state, [json.loads(r) for r in hot.values()])

    def _catch_up(self, store: Store) -> None:
        """Inside the transaction: reload the state if another writer saved one since, or if
        this hook's last batch never committed."""
        if store.meta.load(CLUSTERER_GENERATION, lock=True) != self.generation:
            self._load(store)

    def _save_state(self, store: Store) -> None:
        for record in self.clusterer.changed_stories():
            store.stories.save(record["id"], state=json.dumps(record).encode())
        state = json.dumps(self.clusterer.state_dict(stories=False)).encode()
        # Level 1: the arrays inside are compressed already.
        store.meta.save(CLUSTERER_STATE, zlib.compress(state, 1))
        if self.storylines is not None:
            save_storylines_state(store, self.storylines)
        generation = uuid.uuid4().hex.encode()
        store.meta.save(CLUSTERER_GENERATION, generation)
        self.generation = generation


def save_storylines_state(store: Store, storylines: StorylineClusterer) -> None:
    """The changed storylines' rows and the storyline clusterer's state (its hot storylines'
    ids, redirects and the events awaiting their second look)."""
    for record in storylines.changed_storylines():
        store.storylines.save(record["id"], state=json.dumps(record).encode())
    lines = json.dumps(storylines.state_dict()).encode()
    store.meta.save(STORYLINES_STATE, zlib.compress(lines, 1))


def place_unplaced_stories(store: Store, storylines: StorylineClusterer) -> int:
    """Give every live story without a storyline one (a corpus from before storylines), placing
    each by its saved profile, oldest first; a story without one is a storyline of its own.
    Returns how many were placed."""
    placed = 0
    while batch := store.storylines.unplaced_stories():
        states = store.stories.states(batch)
        alone = [story for story in batch if story not in states]
        storylines.place_events([(story, story_from_dict(json.loads(states[story])).profile)
                                 for story in batch if story in states])
        for story in alone:
            storylines.assign_alone(story)
        write_storyline_changes(store, storylines)
        placed += len(batch)
    return placed
