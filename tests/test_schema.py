"""The briefing JSON Schema: it documents every field, accepts our output, names what is broken."""

from __future__ import annotations

import copy
import dataclasses
import json
from collections.abc import Callable
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from newsprism.errors import BriefingJSONError
from newsprism.model import (
    Article,
    Briefing,
    Citation,
    Claim,
    DateMention,
    Entity,
    Figure,
    Mention,
    Quote,
    Span,
    SummaryItem,
)
from newsprism.render import briefing_to_json, load_schema, validate_briefing_json, write_briefing
from render_fixtures import hostile_briefing, port_strike_briefing

MODEL_DEFS = {
    "document": Article,
    "entity": Entity,
    "mention": Mention,
    "quote": Quote,
    "figure": Figure,
    "date": DateMention,
    "citation": Citation,
    "claim": Claim,
    "span": Span,
    "summaryItem": SummaryItem,
}


@pytest.fixture
def data() -> dict[str, Any]:
    return briefing_to_json(port_strike_briefing())


def test_schema_is_valid_json_schema_2020_12() -> None:
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("name", sorted(MODEL_DEFS))
def test_schema_documents_and_requires_every_model_field(name: str) -> None:
    definition = load_schema()["$defs"][name]
    fields = {f.name for f in dataclasses.fields(MODEL_DEFS[name])}
    assert set(definition["properties"]) == fields
    assert set(definition["required"]) == fields
    assert definition["description"]
    undocumented = [
        field
        for field, spec in definition["properties"].items()
        if field not in ("doc",) and not spec.get("description")
    ]
    assert not undocumented


def test_schema_documents_every_top_level_field() -> None:
    schema = load_schema()
    fields = {f.name for f in dataclasses.fields(Briefing)} | {"schema", "version"}
    assert set(schema["properties"]) == fields == set(schema["required"])
    assert all(spec["description"] for spec in schema["properties"].values())


@pytest.mark.parametrize("build", [port_strike_briefing, hostile_briefing, Briefing])
def test_briefing_json_validates_against_the_schema(build: Callable[[], Briefing]) -> None:
    validate_briefing_json(json.loads(write_briefing(build(), "json")))


def _broken(data: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A copy of ``data`` with the field at ``a.0.b`` set to ``value`` (or removed if ...)."""
    broken = copy.deepcopy(data)
    *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
    target = broken
    for part in parents:
        target = target[part]
    if value is ...:
        del target[last]
    else:
        target[last] = value
    return broken


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("claims.0.support.0.start", -1, r"at claims\[0\]\.support\[0\]\.start: -1 is less than"),
        ("quotes.1.end", "12", r"at quotes\[1\]\.end: '12' is not of type 'integer'"),
        ("figures.0.start", 3.5, r"at figures\[0\]\.start: 3\.5 is not of type 'integer'"),
        ("documents.0.text", ..., r"at documents\[0\]: 'text' is a required property"),
        ("claims.3.status", "disputed", r"at claims\[3\]\.status: 'disputed' is not one of"),
        ("summary.0.support", [], r"at summary\[0\]\.support: \[\] should be non-empty"),
        ("version", 2, r"at version: 1 was expected"),
        ("entities.0.mentions.0.start", None, r"at entities\[0\]\.mentions\[0\]\.start: None"),
    ],
)
def test_schema_violation_names_the_field_and_the_problem(
    data: dict[str, Any], path: str, value: Any, message: str
) -> None:
    with pytest.raises(BriefingJSONError, match=message):
        validate_briefing_json(_broken(data, path, value))


def test_unknown_field_is_refused(data: dict[str, Any]) -> None:
    data["claims"][0]["confidence"] = 0.9
    with pytest.raises(BriefingJSONError, match=r"claims\[0\].*'confidence' was unexpected"):
        validate_briefing_json(data)


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("claims.0.support.0.doc", "nowhere", r"claims\[0\]\.support\[0\]\.doc: no document"),
        ("quotes.0.end", 10_000, r"quotes\[0\]: offsets \d+-10000 do not fit document 'gazette'"),
        ("figures.1.start", 300, r"figures\[1\]: offsets 300-\d+ do not fit"),
        ("summary.2.support.1.text", "costs", r"summary\[2\]\.support\[1\]\.text: 'costs' is not"),
        ("summary.0.claim", "c404", r"summary\[0\]\.claim: no claim has id 'c404'"),
        ("documents.1.id", "gazette", r"documents\[1\]\.id: 'gazette' is used by an earlier"),
    ],
)
def test_offsets_that_do_not_match_the_documents_are_refused(
    data: dict[str, Any], path: str, value: Any, message: str
) -> None:
    with pytest.raises(BriefingJSONError, match=message):
        validate_briefing_json(_broken(data, path, value))


def test_error_counts_the_other_problems(data: dict[str, Any]) -> None:
    for claim in data["claims"]:
        claim["support"][0]["start"] = -5
    with pytest.raises(BriefingJSONError, match=rf"and {len(data['claims']) - 1} more"):
        validate_briefing_json(data)
