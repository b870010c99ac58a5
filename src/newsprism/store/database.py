"""The thin database object every repository of the store works over: statements with ``?``
placeholders, transactions, one-line errors; the dialect's differences are hooks that
``sqlite.py`` and ``postgres.py`` fill in.

Every statement is atomic on its own; ``with db.transaction():`` makes several one (blocks nest
and join the outer one; nothing is written unless the whole block succeeds). Errors from the
database (locked, unreachable, not a database) come out as one-line ``StoreError`` messages
naming the database; the open transaction is rolled back first.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from newsprism.errors import StoreError
from newsprism.store.records import Level

CHUNK = 500  # ids per IN (...) query and rows per streamed page


class Database:
    """Shared statement and transaction handling; subclasses give the connection, the
    dialect's SQL and its error messages."""

    dialect: str = ""
    url: str = ""  # for messages, password masked
    for_update: str = ""  # what makes a SELECT lock its rows until the transaction ends

    def __init__(self) -> None:
        self._depth = 0

    def close(self) -> None:
        raise NotImplementedError

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All statements inside commit together or not at all; nested blocks join the outer."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._guard(self._begin)
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self._rollback()
            raise
        self._depth = 0
        self._guard(self._commit)

    def _guard(self, call: Any, *args: Any) -> Any:
        try:
            return call(*args)
        except StoreError:
            raise
        except Exception as exc:
            if self._is_db_error(exc):
                if self._depth:
                    self._depth = 0
                    self._rollback()
                raise StoreError(self._explain(exc)) from exc
            raise

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        """Run one statement (``?`` placeholders); returns its rows."""
        return self._guard(self._raw_execute, sql, tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = [tuple(r) for r in rows]
        if rows:
            with self.transaction():  # one transaction, not one per row
                self._guard(self._raw_executemany, sql, rows)

    def insert_sentences(self, rows: Sequence[tuple[str, int, int, int, str]]) -> None:
        """Index ``(article, index, start, end, text)`` rows for full-text search."""
        if rows:
            self._guard(self._insert_sentences, list(rows))

    def text_query(self, query: str) -> str:
        """The user's words as the dialect's full-text query ("" when there is nothing to find)."""
        return query

    def text_search_sql(self, level: Level) -> tuple[str, str, str]:
        """(FROM/JOIN clause, score expression, MATCH condition) for a full-text search."""
        raise NotImplementedError

    def table_names(self) -> set[str]:
        """The tables of the database (of its current schema, on PostgreSQL)."""
        raise NotImplementedError

    # --- the connection, for subclasses ---------------------------------------------------------

    def _begin(self) -> None:
        raise NotImplementedError

    def _commit(self) -> None:
        raise NotImplementedError

    def _rollback(self) -> None:
        raise NotImplementedError

    def _raw_execute(self, sql: str, params: tuple) -> list[tuple]:
        raise NotImplementedError

    def _raw_executemany(self, sql: str, rows: list[tuple]) -> None:
        raise NotImplementedError

    def _insert_sentences(self, rows: list[tuple[str, int, int, int, str]]) -> None:
        raise NotImplementedError

    def _is_db_error(self, exc: Exception) -> bool:
        raise NotImplementedError

    def _explain(self, exc: Exception) -> str:
        raise NotImplementedError


def now_iso() -> str:
    """A stored time: UTC, ISO 8601, to the second (the format of every ``*_at`` column)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    """``items`` in lists of ``size``."""
    for begin in range(0, len(items), size):
        yield list(items[begin : begin + size])


def marks(items: Sequence[Any]) -> str:
    """The ``?, ?, ...`` of an ``IN (...)`` over ``items``."""
    return ", ".join("?" * len(items))


def date_filter(table: str, since: str | None, until: str | None) -> tuple[str, list[Any]]:
    """`` AND`` conditions keeping rows of ``table`` dated between ``since`` and ``until``
    (ISO dates compared on their first 10 chars; undated rows are left out by a bound)."""
    where, params = "", []
    if since:
        where += f" AND substr({table}.date, 1, 10) >= ?"
        params.append(since[:10])
    if until:
        where += f" AND substr({table}.date, 1, 10) <= ?"
        params.append(until[:10])
    return where, params
