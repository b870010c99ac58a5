"""Corpus storage: ``open_store(url)`` gives a ``Store`` on SQLite (default) or PostgreSQL.

See ``newsprism.store.base`` for the verbs and ``newsprism.store.schema`` for the tables.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from newsprism.errors import StoreError
from newsprism.model import DuplicateLink, Fingerprint
from newsprism.store.articles import content_hash
from newsprism.store.base import Store
from newsprism.store.records import (
    ArticleHead,
    SaveResult,
    SearchFilters,
    SearchHit,
    StoredStory,
)

DB_ENV = "NEWSPRISM_DB"


def default_url() -> str:
    """``$NEWSPRISM_DB``, else a SQLite file in the user's data folder."""
    from platformdirs import user_data_dir

    return os.environ.get(DB_ENV) or f"sqlite:///{Path(user_data_dir('newsprism')) / 'corpus.db'}"


def open_store(url: str | None = None) -> Store:
    """Open (creating and migrating as needed) the store at ``url``.

    ``sqlite:///ABSOLUTE/PATH``, ``sqlite:///:memory:``, a plain file path, or
    ``postgresql://user:password@host:port/database``.
    """
    url = url or default_url()
    if url.startswith(("postgresql:", "postgres:", "postgresql+")):
        from newsprism.store.postgres import PostgresDatabase

        return Store(PostgresDatabase(url))
    from newsprism.store.sqlite import SQLiteDatabase

    if url.startswith("sqlite:"):
        path = url.removeprefix("sqlite:").removeprefix("//")
        if path in ("", "/", "/:memory:", ":memory:"):
            return Store(SQLiteDatabase(":memory:"))
        # sqlite:////PATH (SQLAlchemy's) too
        return Store(SQLiteDatabase(re.sub(r"^/+", "/", path)))
    if "://" in url:
        raise StoreError(f"{url}: unknown database URL; use sqlite:///PATH or postgresql://...")
    return Store(SQLiteDatabase(url))


__all__ = [
    "ArticleHead",
    "DuplicateLink",
    "Fingerprint",
    "SaveResult",
    "SearchFilters",
    "SearchHit",
    "Store",
    "StoredStory",
    "content_hash",
    "default_url",
    "open_store",
]
