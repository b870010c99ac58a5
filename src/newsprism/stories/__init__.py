"""Stories: incremental, time-aware clustering of articles into stories (events) and of events
into storylines, and story timelines."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from newsprism.model import Analysis, Article
from newsprism.stories.cluster import (
    StoryChanges,
    StoryClusterer,
    cluster_stories,
    story_from_dict,
    story_to_dict,
)
from newsprism.stories.features import Profile, extract_profiles
from newsprism.stories.persist import assign_stories, profile_articles
from newsprism.stories.storylines import StorylineClusterer, cluster_levels
from newsprism.stories.timeline import TimelineEvent, build_timeline


def cluster_articles(articles: Sequence[Article], level: str = "event", **params: Any
                     ) -> list[str]:
    """Analyse, profile and cluster ``articles`` in stream order; one story (``level`` event)
    or storyline (``level`` storyline) id per article. ``params`` configure the event
    clusterer."""
    from newsprism.analyse import analyse_articles

    profiles = extract_profiles(list(analyse_articles(articles)))
    items = [(a.id, p) for a, p in zip(articles, profiles, strict=True)]
    if level == "storyline":
        return cluster_levels(items, event_params=params)[1]
    return cluster_stories(items, **params)


def event_sizes(analyses: Sequence[Analysis]) -> list[int]:
    """How many of ``analyses`` each event holds, largest first, as ingest would group them."""
    profiles = extract_profiles(analyses)
    stories = cluster_stories([(a.article.id, p) for a, p in zip(analyses, profiles, strict=True)])
    return sorted(Counter(stories).values(), reverse=True)


__all__ = [
    "Profile",
    "StoryChanges",
    "StoryClusterer",
    "StorylineClusterer",
    "TimelineEvent",
    "assign_stories",
    "build_timeline",
    "cluster_articles",
    "cluster_levels",
    "cluster_stories",
    "event_sizes",
    "extract_profiles",
    "profile_articles",
    "story_from_dict",
    "story_to_dict",
]
