"""Corpus storage: ``open_store(url)`` gives a ``Store`` on SQLite (default) or PostgreSQL.

A ``Store`` is one repository per kind of record over one ``Database`` (``database.py``:
statements, transactions, one-line errors; dialect hooks in ``sqlite.py`` and ``postgres.py``).
Each repository module says what its verbs do; the records they return are in ``records.py``,
the tables and named migrations in ``schema.py``.

- ``store.articles``: save (new ids only; same id with other text refused), get, stream, heads
- ``store.copies``: which articles copy which, and the fingerprints dedup compares against
- ``store.analyses``: each article's ``Analysis`` (saving one indexes its sentences)
- ``store.search``: the sentence index, vectors, full-text and semantic search
- ``store.stories``: the clusterer's stories: ids, members, redirects, summaries
- ``store.meta``: components' state between runs, by key
- ``store.watch``: watched sources, the URL frontier, the fetch log

Every verb is atomic on its own; ``with store.transaction():`` makes verbs of any repositories
one (blocks nest; nothing is written unless the whole block succeeds). Ingest uses one
transaction per batch, so a process killed mid-batch loses that batch only, and a rerun redoes
it. A new kind of record is a new repository module over ``Database`` and one line in
``Store.__init__``.
"""

from __future__ import annotations

import re
from contextlib import AbstractContextManager
from typing import Self

from newsprism.errors import StoreError
from newsprism.store.analyses import Analyses
from newsprism.store.articles import Articles, content_hash
from newsprism.store.copies import Copies
from newsprism.store.database import Database
from newsprism.store.meta import Meta
from newsprism.store.records import (
    ArticleHead,
    SaveResult,
    SearchFilters,
    SearchHit,
    StoredStory,
    StoredStoryline,
)
from newsprism.store.schema import migrate
from newsprism.store.search import Search
from newsprism.store.stories import Stories
from newsprism.store.storylines import Storylines
from newsprism.store.watch import Watch


class Store:
    """The corpus: one repository per kind of record over one database."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.url = db.url  # for messages, password masked
        self.copies = Copies(db)
        self.stories = Stories(db, self.copies)
        self.articles = Articles(db, self.stories)
        self.search = Search(db, self.articles, self.stories)
        self.analyses = Analyses(db, self.articles, self.search)
        self.meta = Meta(db)
        self.watch = Watch(db)
        self.storylines = Storylines(db, self.copies)

    def transaction(self) -> AbstractContextManager[None]:
        """Verbs of every repository inside commit together or not at all (blocks nest)."""
        return self.db.transaction()

    def migrate(self) -> list[str]:
        """Apply the migrations this database lacks (opening it did); returns their names."""
        return migrate(self.db)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def default_url() -> str:
    """The setting ``[store] url``: a file, a variable, else a SQLite file in the user's data
    folder (``newsprism.settings``)."""
    from newsprism.settings import load_settings

    return load_settings().store.url


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
