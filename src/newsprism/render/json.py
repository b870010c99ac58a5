"""Briefing as JSON: ``Briefing.as_dict()`` plus its schema name and version, checked on output.

The format is documented in ``newsprism/schema/briefing.schema.json`` (JSON Schema 2020-12). The
schema checks shapes and types; ``validate_briefing_json`` also checks what a schema cannot say:
every ``doc`` names a document and every ``text[start:end]`` is the passage the object claims.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

from newsprism.errors import BriefingJSONError
from newsprism.model import Briefing

SCHEMA_NAME = "newsprism.briefing"
SCHEMA_VERSION = 1
SCHEMA_FILE = "schema/briefing.schema.json"


@cache
def load_schema() -> dict[str, Any]:
    """The briefing JSON Schema that ships inside the package."""
    return json.loads(files("newsprism").joinpath(SCHEMA_FILE).read_text(encoding="utf-8"))


@cache
def _validator() -> Draft202012Validator:
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def briefing_to_json(briefing: Briefing) -> dict[str, Any]:
    return {"schema": SCHEMA_NAME, "version": SCHEMA_VERSION, **briefing.as_dict()}


def write_json(briefing: Briefing) -> str:
    """The briefing as indented JSON text, after checking it against the schema."""
    data = briefing_to_json(briefing)
    validate_briefing_json(data)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def validate_briefing_json(data: Any) -> None:
    """Raise ``BriefingJSONError`` naming the first problem (and how many more) in ``data``."""
    errors = list(_validator().iter_errors(data))
    if errors:
        error = best_match(errors)
        raise BriefingJSONError(
            f"briefing JSON is invalid at {_where(error.absolute_path)}: {error.message}"
            f"{_more(len(errors))} (see newsprism/{SCHEMA_FILE})"
        )
    problems = list(_offset_problems(data))
    if problems:
        raise BriefingJSONError(
            f"briefing JSON does not match its documents: {problems[0]}{_more(len(problems))}"
        )


def _where(path: Any) -> str:
    where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path)
    return where.lstrip(".") or "the top level"


def _more(count: int) -> str:
    return f" (and {count - 1} more)" if count > 1 else ""


def _offset_problems(data: dict[str, Any]) -> Iterator[str]:
    texts: dict[str, str] = {}
    for index, document in enumerate(data["documents"]):
        if document["id"] in texts:
            yield f"documents[{index}].id: {document['id']!r} is used by an earlier document"
        texts[document["id"]] = document["text"]
    for where, located in _located_objects(data):
        doc, start, end = located["doc"], located["start"], located["end"]
        if doc not in texts:
            yield f"{where}.doc: no document has id {doc!r}"
        elif not start <= end <= len(texts[doc]):
            yield (
                f"{where}: offsets {start}-{end} do not fit document {doc!r} "
                f"({len(texts[doc])} characters)"
            )
        elif "text" in located and located["text"] != texts[doc][start:end]:
            yield (
                f"{where}.text: {located['text']!r} is not document {doc!r} "
                f"text[{start}:{end}], which is {texts[doc][start:end]!r}"
            )
    claim_ids = {claim["id"] for claim in data["claims"]}
    if len(claim_ids) < len(data["claims"]):
        yield "claims: two claims share an id"
    for index, item in enumerate(data["summary"]):
        if item["claim"] is not None and item["claim"] not in claim_ids:
            yield f"summary[{index}].claim: no claim has id {item['claim']!r}"


def _located_objects(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every object that points into a document, with its path in ``data``."""
    for i, entity in enumerate(data["entities"]):
        for j, mention in enumerate(entity["mentions"]):
            yield f"entities[{i}].mentions[{j}]", mention
    for key in ("quotes", "figures", "dates", "citations"):
        for i, located in enumerate(data[key]):
            yield f"{key}[{i}]", located
    for i, quote in enumerate(data["quotes"]):
        if quote["speaker_mention"] is not None:
            yield f"quotes[{i}].speaker_mention", quote["speaker_mention"]
    for key in ("claims", "summary"):
        for i, item in enumerate(data[key]):
            for j, span in enumerate(item["support"]):
                yield f"{key}[{i}].support[{j}]", span
