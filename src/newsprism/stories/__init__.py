"""Stories: incremental, time-aware clustering of articles into stories, and story timelines."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsprism.model import Article
from newsprism.stories.cluster import (
    StoryChanges,
    StoryClusterer,
    cluster_stories,
    story_from_dict,
    story_to_dict,
)
from newsprism.stories.features import Profile, extract_profiles
from newsprism.stories.persist import assign_stories, profile_articles
from newsprism.stories.timeline import TimelineEvent, build_timeline


def cluster_articles(articles: Sequence[Article], **params: Any) -> list[str]:
    """Analyse, profile and cluster ``articles`` in stream order; one story id per article."""
    from newsprism.analyse import analyse_articles

    profiles = extract_profiles(list(analyse_articles(articles)))
    return cluster_stories([(a.id, p) for a, p in zip(articles, profiles, strict=True)], **params)


__all__ = [
    "Profile",
    "StoryChanges",
    "StoryClusterer",
    "TimelineEvent",
    "assign_stories",
    "build_timeline",
    "cluster_articles",
    "cluster_stories",
    "extract_profiles",
    "profile_articles",
    "story_from_dict",
    "story_to_dict",
]
