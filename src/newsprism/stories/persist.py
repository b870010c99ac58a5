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
"""

from __future__ import annotations

import json
import uuid
import zlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsprism.model import Analysis, Article
from newsprism.settings import DEFAULTS, StoriesSettings
from newsprism.stories.cluster import Item, StoryClusterer
from newsprism.stories.features import extract_profiles

if TYPE_CHECKING:
    from newsprism.store import Store


def profile_articles(analyses: Sequence[Analysis]) -> list[Item]:
    """``(article id, Profile)`` items for ``assign_stories``, from one batch's analyses."""
    return [(a.article.id, p) for a, p in zip(analyses, extract_profiles(analyses), strict=True)]


def assign_stories(store: Store, clusterer: StoryClusterer, items: Sequence[Item]) -> list[str]:
    """Place the batch's stored articles and record the outcome: new stories, memberships,
    merges (the older id survives, the younger redirects), second looks and evicted stories'
    profiles."""
    story_ids = clusterer.partial_fit(items)
    _assign(store, [(article_id, story_id)
                    for (article_id, _), story_id in zip(items, story_ids, strict=True)])
    record_changes(store, clusterer)
    return story_ids


def record_changes(store: Store, clusterer: StoryClusterer) -> None:
    """Write the clusterer's merges, moves and evictions since it last reported them."""
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


def _assign(store: Store, assignments: Sequence[tuple[str, str]]) -> None:
    """Articles into their stories, each story's row saved first (new ones are created)."""
    for story_id in dict.fromkeys(story_id for _, story_id in assignments):
        store.stories.save(story_id)
    store.stories.assign_many(assignments)


CLUSTERER_STATE = "stories.clusterer.v2"  # v1 states hold weights for older features
CLUSTERER_GENERATION = "stories.clusterer.generation"
_UNSAVED = b""  # no saved generation is empty


class StoryHook:
    """Stories for ``newsprism ingest``: called as the ``on_batch`` that ingest runs inside each
    batch's transaction, it places the batch's articles in stories and saves the clusterer's
    state with them, so that a later (or interrupted and rerun) ingest resumes with the same hot
    stories; ``finish`` ends a run by giving the articles that await their second look
    (``StoryClusterer.revisit``) that look now. ``settings`` configure the clusterer, a new
    one or the one the store holds (its learned state kept)."""

    def __init__(self, store: Store, settings: StoriesSettings = DEFAULTS.stories) -> None:
        self.params = settings.clusterer_params()
        self._load(store)

    def __call__(self, store: Store, articles: list[Article],
                 analyses: list[Analysis] | None) -> None:
        if not analyses:
            return  # ingest without analysis: nothing to place stories by
        self._catch_up(store)
        self.generation = _UNSAVED  # until the state is saved: if the batch fails, reload
        assign_stories(store, self.clusterer, profile_articles(analyses))
        self._save_state(store)

    def finish(self, store: Store) -> None:
        with store.transaction():
            self._catch_up(store)
            if not self.clusterer.waiting_:
                return
            self.generation = _UNSAVED
            self.clusterer.revisit()
            record_changes(store, self.clusterer)
            self._save_state(store)

    def _load(self, store: Store) -> None:
        self.generation = store.meta.load(CLUSTERER_GENERATION)
        saved = store.meta.load(CLUSTERER_STATE)
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
        generation = uuid.uuid4().hex.encode()
        store.meta.save(CLUSTERER_GENERATION, generation)
        self.generation = generation
