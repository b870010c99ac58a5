"""Write what the clusterer decided for one ingest batch into the store.

Called inside the batch's transaction (``corpus.ingest_paths(on_batch=...)``), so articles and
their story assignments are stored together or not at all. The store keeps ids, membership and
redirects; a story that leaves the clusterer's hot window is saved with its profile as the
story's ``state`` blob (``story_to_dict`` as JSON), and ``StoryClusterer.state_dict()`` (hot
stories, redirects, document frequencies) is what a later run needs to resume.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsprism.model import Analysis, Article
from newsprism.stories.cluster import Item, StoryClusterer
from newsprism.stories.features import extract_profiles

if TYPE_CHECKING:
    from newsprism.corpus import OnBatch
    from newsprism.store import Store


def profile_articles(analyses: Sequence[Analysis]) -> list[Item]:
    """``(article id, Profile)`` items for ``assign_stories``, from one batch's analyses."""
    return [(a.article.id, p) for a, p in zip(analyses, extract_profiles(analyses), strict=True)]


def assign_stories(store: Store, clusterer: StoryClusterer, items: Sequence[Item]) -> list[str]:
    """Place the batch's stored articles and record the outcome: new stories, memberships,
    merges (the older id survives, the younger redirects) and evicted stories' profiles."""
    story_ids = clusterer.partial_fit(items)
    changes = clusterer.pop_changes()
    for story_id in dict.fromkeys(story_ids):
        store.save_story(story_id)
    for (article_id, _), story_id in zip(items, story_ids, strict=True):
        store.assign_article(article_id, story_id)
    for old, new in changes.merged.items():
        # A story born and merged within this batch was never stored: nothing to redirect.
        if store.resolve_story(old) is not None:
            store.save_story(new)
            store.merge_stories(old, new)
    for record in changes.evicted:
        store.save_story(record["id"], state=json.dumps(record).encode())
    return story_ids


CLUSTERER_STATE = "stories.clusterer.v2"  # v1 states hold weights for older features


def story_hook(store: Store, **params: object) -> OnBatch:
    """The ``on_batch`` that ingest runs inside each batch's transaction: place the batch's
    articles in stories and save the clusterer's state with them, so that a later (or
    interrupted and rerun) ingest resumes with the same hot stories. ``params`` configure a
    clusterer when the store holds none yet."""
    saved = store.load_meta(CLUSTERER_STATE)
    clusterer = (
        StoryClusterer.from_state(json.loads(zlib.decompress(saved)))
        if saved else StoryClusterer(**params)  # type: ignore[arg-type]
    )

    def on_batch(store: Store, articles: list[Article], analyses: list[Analysis] | None) -> None:
        if not analyses:
            return  # ingest without analysis: nothing to place stories by
        assign_stories(store, clusterer, profile_articles(analyses))
        state = json.dumps(clusterer.state_dict()).encode()
        # Level 1: the arrays inside are compressed already.
        store.save_meta(CLUSTERER_STATE, zlib.compress(state, 1))

    return on_batch
