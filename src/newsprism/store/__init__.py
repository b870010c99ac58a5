"""Corpus storage: ``open_store(url)`` gives a ``Store`` on SQLite (default) or PostgreSQL.

See ``newsprism.store.base`` for the verbs and ``newsprism.store.schema`` for the tables.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from newsprism.errors import StoreError
from newsprism.model import DuplicateLink, Fingerprint
from newsprism.store.base import SaveResult, Store, content_hash
from newsprism.store.records import (
    ArticleHead,
    SearchFilters,
    SearchHit,
    StoredStory,
    StoredStoryline,
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
        from newsprism.store.postgres import PostgresStore

        return PostgresStore(url)
    from newsprism.store.sqlite import SQLiteStore

    if url.startswith("sqlite:"):
        path = url.removeprefix("sqlite:").removeprefix("//")
        if path in ("", "/", "/:memory:", ":memory:"):
            return SQLiteStore(":memory:")
        return SQLiteStore(re.sub(r"^/+", "/", path))  # sqlite:////PATH (SQLAlchemy's) too
    if "://" in url:
        raise StoreError(f"{url}: unknown database URL; use sqlite:///PATH or postgresql://...")
    return SQLiteStore(url)


__all__ = [
    "ArticleHead",
    "DuplicateLink",
    "Fingerprint",
    "SaveResult",
    "SearchFilters",
    "SearchHit",
    "Store",
    "StoredStory",
    "StoredStoryline",
    "content_hash",
    "default_url",
    "open_store",
]
