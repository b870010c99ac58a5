"""The PostgreSQL database (psycopg 3): full-text search on ``tsvector`` columns."""

from __future__ import annotations

import contextlib
import re

from newsprism.errors import StoreError, mask_passwords
from newsprism.store.database import Database
from newsprism.store.records import Level
from newsprism.store.schema import migrate, refuse_foreign

CONNECT_TIMEOUT = 10  # seconds
LOCK_TIMEOUT = "10s"
_PLACEHOLDER = re.compile(r"\?")


class PostgresDatabase(Database):
    """A PostgreSQL database given by a ``postgresql://`` URL."""

    dialect = "postgresql"
    for_update = " FOR UPDATE"

    def __init__(self, url: str) -> None:
        import psycopg

        super().__init__()
        self._psycopg = psycopg
        self.url = mask_passwords(url)
        conninfo = re.sub(r"^postgres(ql)?(\+\w+)?://", "postgresql://", url)
        try:
            self._conn = psycopg.connect(
                conninfo, autocommit=True, connect_timeout=CONNECT_TIMEOUT,
                application_name="newsprism",
            )  # fmt: skip
        except psycopg.Error as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreError(
                f"{self.url}: cannot connect ({first}); is the server running and the URL right?"
            ) from None
        self.execute(f"SET lock_timeout = '{LOCK_TIMEOUT}'")
        refuse_foreign(self)
        migrate(self)

    def close(self) -> None:
        self._conn.close()

    def _begin(self) -> None:
        self._conn.execute("BEGIN")

    def _commit(self) -> None:
        self._conn.execute("COMMIT")

    def _rollback(self) -> None:
        if self._conn.closed:
            return
        # If the connection is gone the server discards the transaction itself.
        with contextlib.suppress(self._psycopg.Error):
            self._conn.execute("ROLLBACK")

    def _raw_execute(self, sql: str, params: tuple) -> list[tuple]:
        cursor = self._conn.execute(_PLACEHOLDER.sub("%s", sql), params)
        return cursor.fetchall() if cursor.description else []

    def _raw_executemany(self, sql: str, rows: list[tuple]) -> None:
        with self._conn.cursor() as cursor:
            cursor.executemany(_PLACEHOLDER.sub("%s", sql), rows)

    def _is_db_error(self, exc: Exception) -> bool:
        return isinstance(exc, self._psycopg.Error)

    def _explain(self, exc: Exception) -> str:
        errors = self._psycopg.errors
        lines = str(exc).strip().splitlines()
        message = lines[0] if lines else type(exc).__name__
        if isinstance(exc, errors.LockNotAvailable):
            return (
                f"{self.url}: database is locked by another session (waited {LOCK_TIMEOUT}); "
                "nothing was written"
            )
        if isinstance(exc, self._psycopg.OperationalError):
            return f"{self.url}: lost the connection ({message}); nothing of this batch was written"
        return f"{self.url}: database error: {message}"

    def table_names(self) -> set[str]:
        # Tables of the schema newsprism writes to (the first of the search path), not of the
        # whole database: one database may hold several applications' schemas.
        rows = self.execute("SELECT table_name FROM information_schema.tables "
                            "WHERE table_schema = current_schema()")  # fmt: skip
        return {name for (name,) in rows}

    def _insert_sentences(self, rows: list[tuple[str, int, int, int, str]]) -> None:
        with self._conn.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO sentences (article_id, idx, start_char, end_char, tsv) "
                "VALUES (%s, %s, %s, %s, to_tsvector('english', %s))",
                rows,
            )

    def text_search_sql(self, level: Level) -> tuple[str, str, str]:
        if level == "sentence":
            return (
                "sentences s JOIN articles a ON a.id = s.article_id",
                "ts_rank(s.tsv, websearch_to_tsquery('english', ?))",
                "s.tsv @@ websearch_to_tsquery('english', ?)",
            )
        return (
            "articles a",
            "ts_rank(a.tsv, websearch_to_tsquery('english', ?))",
            "a.tsv @@ websearch_to_tsquery('english', ?)",
        )

    def text_query(self, query: str) -> str:
        return query.strip()
