"""How a ``newsprism serve`` server behaves: one ``WebSettings``, defaults then environment."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprism.corpus import BRIEF_ARTICLES
from newsprism.errors import NewsprismError

if TYPE_CHECKING:
    from newsprism.stories.persist import StoryHook

TOKEN_ENV = "NEWSPRISM_TOKEN"
READS_ENV = "NEWSPRISM_READS"  # "open" (default) or "token"
MAX_UPLOAD_ENV = "NEWSPRISM_MAX_UPLOAD_MB"


@dataclass(frozen=True)
class WebSettings:
    """``token``: the bearer token write endpoints require (no token: the server takes no
    writes); ``open_reads``: reads need no token; ``max_upload_bytes``: larger request bodies get
    413; ``brief_articles``: at most this many independent articles go into a story's briefing
    (the rest are listed); ``analyse``: ingested articles are analysed (entities, quotes...);
    ``stories``: what places ingested articles in stories (the ingest hooks)."""

    token: str | None = None
    open_reads: bool = True
    max_upload_bytes: int = 20_000_000
    brief_articles: int = BRIEF_ARTICLES
    analyse: bool = True
    stories: StoryHook | None = None

    @classmethod
    def from_env(cls, **overrides: object) -> WebSettings:
        """Defaults, then ``$NEWSPRISM_TOKEN``, ``$NEWSPRISM_READS``, ``$NEWSPRISM_MAX_UPLOAD_MB``,
        then keyword overrides (command-line flags)."""
        values: dict[str, object] = {}
        if os.environ.get(TOKEN_ENV):
            values["token"] = os.environ[TOKEN_ENV]
        reads = os.environ.get(READS_ENV, "open").strip().lower()
        if reads not in ("open", "token"):
            raise NewsprismError(f"${READS_ENV}={reads!r}: use 'open' or 'token'")
        values["open_reads"] = reads == "open"
        if os.environ.get(MAX_UPLOAD_ENV):
            try:
                values["max_upload_bytes"] = int(float(os.environ[MAX_UPLOAD_ENV]) * 1_000_000)
            except ValueError:
                raise NewsprismError(
                    f"${MAX_UPLOAD_ENV}={os.environ[MAX_UPLOAD_ENV]!r}: give a number of megabytes"
                ) from None
        values.update({k: v for k, v in overrides.items() if v is not None})
        settings = cls(**values)  # type: ignore[arg-type]
        if not settings.open_reads and not settings.token:
            raise NewsprismError(f"${READS_ENV}=token needs ${TOKEN_ENV} to be set")
        return settings
