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
    claims = {claim["id"]: claim for claim in data["claims"]}
    if len(claims) < len(data["claims"]):
        yield "claims: two claims share an id"
    yield from _summary_problems(data["summary"], claims)
    yield from _source_problems(data["sources"], texts)


def _summary_problems(
    summary: list[dict[str, Any]], claims: dict[str, dict[str, Any]]
) -> Iterator[str]:
    """A summary item says what its claim says: one of its passages, with its status."""
    for index, item in enumerate(summary):
        claim = claims.get(item["claim"]) if item["claim"] is not None else None
        if item["claim"] is not None and claim is None:
            yield f"summary[{index}].claim: no claim has id {item['claim']!r}"
        elif claim is not None and item["status"] != claim["status"]:
            yield (f"summary[{index}].status: {item['status']!r}, but its claim "
                   f"{claim['id']!r} is {claim['status']!r}")
        elif claim is not None and item["support"][0] not in claim["support"]:
            yield f"summary[{index}].support[0] is not a passage of its claim {claim['id']!r}"
        elif item["text"] != item["support"][0]["text"]:
            yield f"summary[{index}].text is not its passage, support[0].text"


def _source_problems(sources: list[dict[str, Any]], texts: dict[str, str]) -> Iterator[str]:
    """Every document in exactly one source (once a briefing lists its sources)."""
    seen: dict[str, int] = {}
    for index, source in enumerate(sources):
        for doc in source["documents"]:
            if doc not in texts:
                yield f"sources[{index}].documents: no document has id {doc!r}"
            elif doc in seen:
                yield f"sources[{index}].documents: {doc!r} is in sources[{seen[doc]}] too"
            seen.setdefault(doc, index)
    missing = [doc for doc in texts if doc not in seen]
    if sources and missing:
        yield f"sources: document {missing[0]!r} is in no source"


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
        if quote["speaker_description"] is not None:
            yield f"quotes[{i}].speaker_description", quote["speaker_description"]
    for key in ("claims", "summary"):
        for i, item in enumerate(data[key]):
            for j, span in enumerate(item["support"]):
                yield f"{key}[{i}].support[{j}]", span
