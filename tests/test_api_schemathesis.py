"""Property-based run of the API's own OpenAPI schema (schemathesis strategies driven by
Hypothesis, in-process over ASGI): no generated request, valid or not, makes a 5xx.

The operations are driven from a plain pytest test (schemathesis' pytest plugin does not run
under pytest 9 yet); every operation of the schema is covered, and the list is checked."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from _web import TOKEN
from newsprism.model import Article
from newsprism.settings import Settings
from newsprism.store import open_store
from newsprism.web import create_app

MAX_EXAMPLES = 15  # per operation: bounded, the whole run stays well under a minute
# Seconds a request may take. The first article the upload stores imports and loads what
# storing needs (the copy finder's hashing, the search index's word vectors: some 1,100
# modules, 2.7 s on an idle machine), which a machine under a load of 20 stretches past
# schemathesis' default of 10 s; the test asks for no 5xx, not for speed.
REQUEST_TIMEOUT = 120
OPERATIONS = [
    "GET /api/health",
    "POST /api/articles",
    "GET /api/schema/briefing",
    "GET /api/stories",
    "GET /api/stories/{story_id}",
    "GET /api/stories/{story_id}/status",
    "GET /api/storylines",
    "GET /api/storylines/{storyline_id}",
    "GET /api/articles/{article_id}",
    "GET /api/search",
    "GET /api/entities",
]


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    """A store of two short articles in one story, in one storyline; uploads are stored but
    not analysed."""
    url = f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'fuzz.db'}"
    with open_store(url) as store:
        store.articles.save([
            Article("f1", "The river flooded the old town on Monday.", "Flood", "Daily A",
                    date="2025-05-05"),
            Article("f2", "Floods hit the old town; the river rose two metres.", "Floods",
                    "Daily B", date="2025-05-06"),
        ])  # fmt: skip
        store.stories.save("flood")
        for article in ("f1", "f2"):
            store.stories.assign(article, "flood")
        store.storylines.save("floods")
        store.storylines.assign([("flood", "floods")])
        configured = Settings(serve={"token": TOKEN, "max_upload_mb": 0.02},
                              ingest={"analyse": False})
        app = create_app(store, configured)
        yield app
        app.state.service.close()


@pytest.fixture(scope="module")
def operations(app: FastAPI) -> dict[str, schemathesis.schemas.APIOperation]:
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
    return {op.label: op for op in (result.ok() for result in schema.get_all_operations())}


def test_the_run_covers_every_operation_of_the_schema(operations: dict) -> None:
    assert sorted(operations) == sorted(OPERATIONS)


@pytest.mark.parametrize("label", OPERATIONS)
def test_no_generated_request_makes_a_server_error(operations: dict, label: str) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}"} if label.startswith("POST") else None

    @given(case=operations[label].as_strategy())
    @settings(
        max_examples=MAX_EXAMPLES, deadline=None, database=None,
        suppress_health_check=list(HealthCheck),
    )  # fmt: skip
    def run(case) -> None:  # type: ignore[no-untyped-def]
        case.call_and_validate(headers=headers, checks=[not_a_server_error],
                               timeout=REQUEST_TIMEOUT)

    run()
