"""The web app's cache in the store's database: a story's briefing JSON and the page rendered
from it, kept under a key the caller derives from the story's briefed members (one entry per
story: a new key replaces the old entry and its page, so a story that grows is briefed again).

Each function takes the ``Store`` first, as the calls ``StoreThread`` runs do; the table,
``story_briefings``, is created by the store's named migrations like every other.
"""

from __future__ import annotations

from newsprism.store import Store
from newsprism.store.database import now_iso


def briefing(store: Store, story_id: str, key: str) -> str | None:
    """The story's briefing JSON cached under ``key``, if it is the one cached."""
    return _cached(store, "data", story_id, key)


def save_briefing(store: Store, story_id: str, key: str, data: str) -> None:
    """Cache the story's briefing JSON under ``key``, dropping what was cached before."""
    store.db.execute(
        "INSERT INTO story_briefings (story_id, key, data, created_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (story_id) DO UPDATE SET key = excluded.key, data = excluded.data, "
        "html = NULL, created_at = excluded.created_at",
        (story_id, key, data, now_iso()),
    )


def page(store: Store, story_id: str, key: str) -> str | None:
    """The page rendered from the briefing cached under ``key``."""
    return _cached(store, "html", story_id, key)


def save_page(store: Store, story_id: str, key: str, html: str) -> None:
    """Keep the page rendered from the briefing cached under ``key`` (if it still is)."""
    store.db.execute(
        "UPDATE story_briefings SET html = ? WHERE story_id = ? AND key = ?",
        (html, story_id, key),
    )


def _cached(store: Store, column: str, story_id: str, key: str) -> str | None:
    rows = store.db.execute(
        f"SELECT {column} FROM story_briefings WHERE story_id = ? AND key = ?", (story_id, key)
    )
    return rows[0][0] if rows else None
