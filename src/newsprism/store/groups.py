"""What stories and storylines share: a table of groups, each a row with a title, the
clusterer's opaque ``state`` blob and a ``merged_into`` redirect (one hop long), whose members
sit in a membership table. ``table`` and ``members`` are the repositories' own constants, never
user input."""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.store.database import Database, chunks, marks, now_iso


def save(db: Database, table: str, group_id: str, title: str | None,
         state: bytes | None) -> None:
    """Create a group or update it (a ``None`` title or state keeps the stored one)."""
    stamp = now_iso()
    db.execute(
        f"INSERT INTO {table} (id, title, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?) "
        f"ON CONFLICT (id) DO UPDATE SET title = coalesce(excluded.title, {table}.title), "
        f"state = coalesce(excluded.state, {table}.state), updated_at = excluded.updated_at",
        (group_id, title, state, stamp, stamp),
    )


def states(db: Database, table: str, group_ids: Sequence[str]) -> dict[str, bytes]:
    """The state blobs of these groups (those that have one; redirects not followed)."""
    found: dict[str, bytes] = {}
    for chunk in chunks(list(dict.fromkeys(group_ids))):
        found.update((group_id, bytes(state)) for group_id, state in db.execute(
            f"SELECT id, state FROM {table} WHERE id IN ({marks(chunk)}) AND state IS NOT NULL",
            chunk,
        ))  # fmt: skip
    return found


def resolve(db: Database, table: str, group_id: str) -> str | None:
    """The live id of a group (itself, or the group it was merged into); None if unknown."""
    rows = db.execute(f"SELECT id, merged_into FROM {table} WHERE id = ?", (group_id,))
    return (rows[0][1] or rows[0][0]) if rows else None


def redirect(db: Database, table: str, members: str, column: str, old: str, into: str) -> None:
    """Move ``old``'s members (rows of ``members`` whose ``column`` names it) to ``into`` and
    make ``old``, and whatever redirected to it, redirect to ``into``: one hop long."""
    db.execute(f"UPDATE {members} SET {column} = ? WHERE {column} = ?", (into, old))
    db.execute(
        f"UPDATE {table} SET merged_into = ?, updated_at = ? WHERE id = ? OR merged_into = ?",
        (into, now_iso(), old, old),
    )
