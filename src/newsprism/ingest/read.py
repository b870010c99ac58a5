"""Turn paths (files, folders, ``-`` for stdin) into ``Article`` objects.

Each input is read on its own: a bad file or JSONL line becomes one ``InputError`` in
``Ingested.problems`` (beside any ``InputWarning``: read, with a doubt) and the rest of the
batch goes on.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath
from typing import Any

from newsprism.errors import EmptyInputError, InputError, InputProblem
from newsprism.ingest.feeds import read_feed
from newsprism.ingest.fields import read_fields
from newsprism.ingest.html import extract_html
from newsprism.ingest.normalise import normalise_text
from newsprism.ingest.text import markdown_to_text, metadata_from_text
from newsprism.model import Article

MAX_ARTICLE_BYTES = 5_000_000
MAX_STREAM_BYTES = 200_000_000  # a pipe or device of JSONL or a feed; a file has no limit
TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".jsonl", ".ndjson", ".json"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | FEED_SUFFIXES
MANY_ARTICLE_SUFFIXES = JSON_SUFFIXES | FEED_SUFFIXES  # no one-article size limit


@dataclass
class Ingested:
    articles: list[Article] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)


def read_articles(sources: Iterable[str | Path], stdin: bytes | None = None) -> Ingested:
    """Read every source; ``-`` reads ``stdin`` (or the process's standard input)."""
    return _collect(item for source in sources for item in _read_source(str(source), stdin))


def read_bytes(data: bytes, name: str) -> Ingested:
    """Read ``data`` as the contents of a file called ``name`` (an upload, say): its suffix
    picks the format, and articles and problems name it as their path."""
    path = PurePath(name)
    return _collect(_read_bytes(data, name, suffix=path.suffix.lower(), stem=path.stem))


def read_record(record: dict[str, Any], where: str) -> Ingested:
    """Read one article given as a JSON object (the fields of a JSONL line); ``where`` names it
    in problems, and the article is stored without a path."""
    items = _record_to_articles(record, where)
    return _collect(item if isinstance(item, InputProblem) else replace(item, path=None)
                    for item in items)


def _collect(items: Iterable[Article | InputProblem]) -> Ingested:
    result = Ingested()
    seen: dict[str, str] = {}  # article id -> where it was read
    for item in items:
        if isinstance(item, InputProblem):
            result.problems.append(item)
        elif item.id in seen:
            where = item.path or item.id
            result.problems.append(
                InputError(where, f"duplicate article id {item.id!r} (first read from "
                           f"{seen[item.id]}); skipped")
            )
        else:
            seen[item.id] = item.path or item.id
            result.articles.append(item)
    return result


def _read_source(source: str, stdin: bytes | None) -> Iterator[Article | InputProblem]:
    if source == "-":
        data = stdin if stdin is not None else sys.stdin.buffer.read()
        yield from _read_bytes(data, "<stdin>", suffix=None)
        return
    path = Path(source)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and _is_article_file(p))
        if not files:
            suffixes = ", ".join(sorted(ARTICLE_SUFFIXES))
            yield EmptyInputError(source, f"no article files here (looked for {suffixes})")
        stems = Counter(file.stem for file in files)
        for file in files:
            # "c0/d1.html" and "c4/d1.html" would both be "d1", and the second refused.
            stem = file.stem if stems[file.stem] == 1 else _path_id(file.relative_to(path))
            yield from _read_file(file, stem)
    elif path.is_file():
        yield from _read_file(path)
    elif path.is_fifo() or path.is_char_device():  # brief <(cat a.txt): read as cat would
        yield from _read_stream(path)
    elif path.exists():
        yield InputError(source, "not a regular file, folder, pipe or character device")
    else:
        yield InputError(source, "no such file or folder")


def clash_with_inputs(output: Path, sources: Iterable[str | Path]) -> str | None:
    """Why writing ``output`` would harm the inputs ``sources`` (it is one of them, or lies in
    an input folder where the next run would read it as an article), or None."""
    target = output.resolve()
    for source in map(str, sources):
        if source == "-":
            continue
        given = Path(source).resolve()
        if target == given:
            return "it is one of the inputs"
        if given.is_dir() and target.is_relative_to(given) and _is_article_file(target):
            held = "holds it" if target.exists() else "would hold it"
            return f"the input folder {source} {held} as an article to read"
    return None


def _is_article_file(path: Path) -> bool:
    return path.suffix.lower() in ARTICLE_SUFFIXES and not path.name.startswith(".")


def _path_id(relative: Path) -> str:
    """An id from a file's path inside the folder given: "c4/d1.html" -> "c4-d1" (no slash:
    an id is one segment of a web address)."""
    return "-".join(relative.with_suffix("").parts)


def _read_file(path: Path, stem: str | None = None) -> Iterator[Article | InputProblem]:
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
        if suffix not in MANY_ARTICLE_SUFFIXES and size > MAX_ARTICLE_BYTES:
            yield InputError(str(path), f"file is {size / 1e6:.1f} MB, over the "
                             f"{MAX_ARTICLE_BYTES / 1e6:.0f} MB limit for one article")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    yield from _read_bytes(data, str(path), suffix=suffix, stem=stem or path.stem)


def _read_stream(path: Path) -> Iterator[Article | InputProblem]:
    """A pipe or device, read to its end, or to ``MAX_STREAM_BYTES`` (``/dev/zero`` has none);
    one article's limit applies unless it holds JSONL or a feed."""
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_ARTICLE_BYTES + 1)
            if _kind(None, data) in ("jsonl", "feed"):
                data += stream.read(MAX_STREAM_BYTES - len(data) + 1)
    except OSError as exc:
        yield InputError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    if len(data) > MAX_STREAM_BYTES:
        yield InputError(str(path), f"over {MAX_STREAM_BYTES / 1e6:.0f} MB; save it to a file "
                         "and give the file")
        return
    yield from _read_bytes(data, str(path), suffix=None)


def _read_bytes(
    data: bytes, where: str, suffix: str | None, stem: str | None = None
) -> Iterator[Article | InputProblem]:
    kind = _kind(suffix, data)
    if kind in _WATCH_LISTS:
        yield InputError(where, _WATCH_LISTS[kind].format(where=where))
        return
    if kind == "jsonl":
        yield from _read_jsonl(data, where)
        return
    if kind == "feed":
        yield from read_feed(data, where)
        return
    if len(data) > MAX_ARTICLE_BYTES:
        yield InputError(where, f"input is {len(data) / 1e6:.1f} MB, over the "
                         f"{MAX_ARTICLE_BYTES / 1e6:.0f} MB limit for one article")
        return
    try:
        fields = _fields_from_html(data, where) if kind == "html" else _fields_from_text(
            decode_text(data, where), markdown=kind == "markdown"
        )
    except InputError as exc:
        yield exc
        return
    yield from read_fields(fields, where, default_id=stem,
                           path=None if where == "<stdin>" else where)


# Lists of where articles are, which `newsprism watch` follows: read as articles, an OPML file
# was stored as one whose text was its title ("my feeds"), a sitemap was "a feed with no entries".
_WATCH_LISTS = {
    "opml": "an OPML list of feeds, not articles: follow them with `newsprism watch {where} "
            "--db URL`",
    "sitemap": "a sitemap, a list of pages rather than articles: give its URL to `newsprism "
               "watch`, which fetches the pages",
}


def _kind(suffix: str | None, data: bytes) -> str:
    head = data[:2048].lstrip().lower()
    if (suffix not in HTML_SUFFIXES | JSON_SUFFIXES | MARKDOWN_SUFFIXES | TEXT_SUFFIXES
            and head.startswith((b"<?xml", b"<opml", b"<urlset", b"<sitemapindex"))):
        if b"<opml" in head:
            return "opml"
        if b"<urlset" in head or b"<sitemapindex" in head:
            return "sitemap"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSON_SUFFIXES:
        return "jsonl"
    if suffix in FEED_SUFFIXES:
        return "feed"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in TEXT_SUFFIXES:
        return "text"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head):
        return "feed"
    return "text"


def decode_text(data: bytes, where: str) -> str:
    """UTF-8 (with or without BOM) or BOM-marked UTF-16; anything else is refused, not guessed."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(where, "binary data, not text (contains NUL bytes)")
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            where,
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it first, e.g. `iconv -f latin1 -t utf-8`",
        ) from None


def _fields_from_text(raw: str, markdown: bool) -> dict[str, Any]:
    text = markdown_to_text(raw) if markdown else normalise_text(raw)
    return {"text": text, **metadata_from_text(text)}


def _fields_from_html(data: bytes, where: str) -> dict[str, Any]:
    if b"\x00" in data[:8192]:
        raise InputError(where, "binary data, not HTML (contains NUL bytes)")
    fields = extract_html(data)
    if fields is None:
        raise EmptyInputError(where, "no article text found in this HTML page")
    return fields


def _read_jsonl(data: bytes, where: str) -> Iterator[Article | InputProblem]:
    try:
        text = decode_text(data, where)
    except InputError as exc:
        yield exc
        return
    lines: list[tuple[int, Any]] = []
    stripped = text.strip()
    if stripped.startswith(("[", "{")):  # a .json file: one article or a list of them
        try:
            whole = json.loads(stripped)
        except json.JSONDecodeError as exc:
            if stripped.startswith("["):
                place = f"line {exc.lineno}, column {exc.colno}"
                yield InputError(where, _invalid_json(exc, place))
                return
        else:
            lines = list(enumerate(whole if isinstance(whole, list) else [whole], 1))
    if not lines and not stripped.startswith("["):
        lines = [(n, line) for n, line in enumerate(text.split("\n"), 1) if line.strip()]
    if not lines:
        yield EmptyInputError(where, "empty file, no articles")
    for number, line in lines:
        yield from _record_to_articles(line, f"{where}:{number}")


def _invalid_json(exc: json.JSONDecodeError, place: str) -> str:
    # Some of json's messages end in "at" ("Unterminated string starting at").
    return f"invalid JSON ({exc.msg.removesuffix(' at')} at {place})"


def _record_to_articles(line: str | Any, where: str) -> Iterator[Article | InputProblem]:
    """The article of one JSONL line or JSON object, or why it has none."""
    if isinstance(line, str):
        if len(line) > MAX_ARTICLE_BYTES:
            yield InputError(where, f"line is over the {MAX_ARTICLE_BYTES / 1e6:.0f} MB limit")
            return
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, _invalid_json(exc, f"column {exc.colno}"))
            return
    else:
        record = line
    if not isinstance(record, dict):
        yield InputError(where, "expected a JSON object, one article such as "
                                '{"id": ..., "title": ..., "text": ...}, got '
                                f"{type(record).__name__}")
        return
    fields = _record_fields(record, where)
    if isinstance(fields, InputError):
        yield fields
    else:
        yield from read_fields(fields, where, default_id=None, path=where)


def _record_fields(record: dict[str, Any], where: str) -> dict[str, Any] | InputError:
    fields = {k: record.get(k) for k in ("id", "title", "outlet", "author", "date", "url")}
    fields["outlet"] = fields["outlet"] or record.get("source") or record.get("publisher")
    if isinstance(record.get("text"), str) and record["text"].strip():
        fields["text"] = normalise_text(record["text"])
        for key, value in metadata_from_text(fields["text"]).items():
            fields[key] = fields[key] or value
    elif isinstance(record.get("html"), str) and record["html"].strip():
        extracted = extract_html(record["html"], url=fields["url"])
        if extracted is None:
            return EmptyInputError(where, "no article text found in its 'html'")
        for key, value in extracted.items():
            fields[key] = fields.get(key) or value
    else:
        return EmptyInputError(where, "no 'text' or 'html' field with content")
    if fields["id"] is not None and not isinstance(fields["id"], str | int):
        return InputError(where, "'id' must be a string or a number")
    return fields
