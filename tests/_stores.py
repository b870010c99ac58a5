"""Store fixtures shared by the corpus tests: every test runs on SQLite and, when
``NEWSPRISM_TEST_POSTGRES_URL`` names a reachable server (see ``.ci/postgres.sh``), PostgreSQL,
each test in a schema of its own that is dropped afterwards."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from newsprism.store import Store, open_store

POSTGRES_ENV = "NEWSPRISM_TEST_POSTGRES_URL"
SHARED = Path(os.environ.get("NEWSPRISM_SHARED") or Path(__file__).parents[1].parent / "shared")


def postgres_schema_url() -> Iterator[str]:
    """A URL whose connections work in a fresh schema; skips when no server is reachable."""
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(f"{POSTGRES_ENV} is not set (run `eval \"$(bash .ci/postgres.sh)\"`)")
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    try:
        with psycopg.connect(base, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f"CREATE SCHEMA {schema}")
    except psycopg.OperationalError as exc:
        pytest.skip(f"PostgreSQL at {POSTGRES_ENV} is not reachable: {exc}")
    joiner = "&" if "?" in base else "?"
    yield f"{base}{joiner}options={quote(f'-csearch_path={schema}')}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'corpus.db'}"
    else:
        yield from postgres_schema_url()


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as opened:
        yield opened
