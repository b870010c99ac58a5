"""Meta (``store.meta``): state that components keep between runs (the story clusterer's), by
key."""

from __future__ import annotations

from newsprism.store.database import Database, now_iso


class Meta:
    def __init__(self, db: Database) -> None:
        self.db = db

    def save(self, key: str, value: bytes) -> None:
        """Keep a component's state under ``key`` (replacing what was there)."""
        self.db.execute(
            "INSERT INTO meta (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) "
            "DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            (key, value, now_iso()),
        )

    def load(self, key: str, *, lock: bool = False) -> bytes | None:
        """A component's saved state. ``lock``, inside a transaction: no other writer changes it
        until this one ends (SQLite's write transactions hold the whole file already)."""
        sql = "SELECT value FROM meta WHERE key = ?"
        if lock:
            sql += self.db.for_update
        rows = self.db.execute(sql, (key,))
        return bytes(rows[0][0]) if rows else None
