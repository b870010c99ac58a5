"""The embedded SQLite database: one file, WAL journal, FTS5 full-text search."""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

from newsprism.errors import StoreError
from newsprism.store.database import Database
from newsprism.store.records import Level
from newsprism.store.schema import migrate, refuse_foreign

LOCK_TIMEOUT = 10.0  # seconds to wait for another writer before giving up
_WORD = re.compile(r"\w+")  # a search query's words, each quoted for FTS5


class SQLiteDatabase(Database):
    """A database in one SQLite file (``":memory:"`` for a throw-away one)."""

    dialect = "sqlite"

    def __init__(self, path: str | Path, timeout: float = LOCK_TIMEOUT) -> None:
        super().__init__()
        self.path = str(path)
        self.url = (f"sqlite:///{os.path.abspath(self.path).lstrip('/')}"
                    if self.path != ":memory:" else "sqlite://:memory:")  # fmt: skip
        self.timeout = timeout
        if self.path != ":memory:":
            target = Path(self.path)
            if target.is_dir():
                raise StoreError(f"{self.url}: is a folder, not a database file")
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"{self.url}: cannot create its folder ({exc.strerror})") from None
        try:
            # Autocommit mode: transactions are begun and ended explicitly in Database.transaction.
            # Any one thread at a time may use it (the web app keeps it on a thread of its own).
            self._conn = sqlite3.connect(
                self.path, timeout=timeout, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise StoreError(self._explain(exc)) from None
        refuse_foreign(self)  # before the first write: WAL mode is written in the file
        # WAL: readers do not block the writer; NORMAL sync is safe against a killed process.
        self.execute("PRAGMA journal_mode=WAL")
        self.execute("PRAGMA synchronous=NORMAL")
        migrate(self)

    def close(self) -> None:
        self._conn.close()

    def _begin(self) -> None:
        # IMMEDIATE takes the write lock now, so a locked database fails before any work.
        self._conn.execute("BEGIN IMMEDIATE")

    def _commit(self) -> None:
        self._conn.execute("COMMIT")

    def _rollback(self) -> None:
        if self._conn.in_transaction:
            self._conn.execute("ROLLBACK")

    def _raw_execute(self, sql: str, params: tuple) -> list[tuple]:
        return self._conn.execute(sql, params).fetchall()

    def _raw_executemany(self, sql: str, rows: list[tuple]) -> None:
        self._conn.executemany(sql, rows)

    def _is_db_error(self, exc: Exception) -> bool:
        return isinstance(exc, sqlite3.Error)

    def _explain(self, exc: Exception) -> str:
        message = str(exc)
        if "locked" in message or "busy" in message:
            return (
                f"{self.url}: database is locked by another process (waited {self.timeout:g} s); "
                "wait for it to finish or stop it, then run again — nothing was written"
            )
        if "not a database" in message or "malformed" in message:
            return f"{self.url}: not a newsprism database ({message}); use another --db path"
        if "unable to open" in message or "readonly" in message:
            return f"{self.url}: cannot open for writing ({message}); check the path and rights"
        return f"{self.url}: database error: {message}"

    def table_names(self) -> set[str]:
        rows = self.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {name for (name,) in rows if not name.startswith("sqlite_")}

    def _insert_sentences(self, rows: list[tuple[str, int, int, int, str]]) -> None:
        cursor = self._conn.cursor()
        for article, index, start, end, text in rows:
            cursor.execute(
                "INSERT INTO sentences (article_id, idx, start_char, end_char) VALUES (?, ?, ?, ?)",
                (article, index, start, end),
            )
            cursor.execute(
                "INSERT INTO sentences_fts (rowid, text) VALUES (?, ?)", (cursor.lastrowid, text)
            )

    def text_query(self, query: str) -> str:
        # Each word quoted: user text never reaches FTS5's query syntax (AND, NEAR, *, ...).
        return " ".join(f'"{word}"' for word in _WORD.findall(query))

    def text_search_sql(self, level: Level) -> tuple[str, str, str]:
        if level == "sentence":
            return (
                "sentences_fts JOIN sentences s ON s.seq = sentences_fts.rowid "
                "JOIN articles a ON a.id = s.article_id",
                "-bm25(sentences_fts)",
                "sentences_fts MATCH ?",
            )
        return (
            "articles_fts JOIN articles a ON a.seq = articles_fts.rowid",
            "-bm25(articles_fts)",
            "articles_fts MATCH ?",
        )
