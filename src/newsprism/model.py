"""The plain data objects that flow between the stages.

ingest → ``Article``; analyse → ``Analysis`` (sentences, mentions, quotes, figures, dates,
citations); resolve → ``Entity``; dedup → ``Fingerprint``, ``DuplicateLink``;
compare → ``Claim``; brief → ``Briefing``.

Every object that points into a text does so with ``doc`` (an ``Article.id``) and ``start``/``end``
character offsets into that article's *normalised* ``text``. Objects are frozen; each has one
``as_dict``/``from_dict`` pair so the store, the web app and remote workers exchange the same data.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, Self, TypeVar

T = TypeVar("T")

ClaimStatus = Literal["corroborated", "single_source", "contradicted", "developing"]


class Record:
    """Mixin giving frozen dataclasses a JSON-friendly ``as_dict``/``from_dict`` pair."""

    def as_dict(self) -> dict[str, Any]:
        return {f.name: _to_plain(getattr(self, f.name)) for f in dataclasses.fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        hints = typing.get_type_hints(cls)
        kwargs = {}
        for f in dataclasses.fields(cls):
            if f.name in data:
                kwargs[f.name] = _from_plain(hints[f.name], data[f.name])
        return cls(**kwargs)


def _to_plain(value: Any) -> Any:
    if isinstance(value, Record):
        return value.as_dict()
    if isinstance(value, tuple | list):
        return [_to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _to_plain(v) for k, v in value.items()}
    return value


def _from_plain(hint: Any, value: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        hint = next(a for a in typing.get_args(hint) if a is not type(None))
        origin = typing.get_origin(hint)
    if origin is tuple:
        (item,) = typing.get_args(hint)[:1]
        return tuple(_from_plain(item, v) for v in value)
    if isinstance(hint, type) and issubclass(hint, Record) and isinstance(value, dict):
        return hint.from_dict(value)
    return value


@dataclass(frozen=True, slots=True)
class Article(Record):
    """One news article as ingested. ``text`` is normalised once; all offsets index it."""

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    date: str | None = None  # ISO 8601 (date or datetime)
    url: str | None = None
    path: str | None = None  # where it was read from, as the user named it


@dataclass(frozen=True, slots=True)
class Span(Record):
    """A passage of one article: ``text == article.text[start:end]``."""

    doc: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Sentence(Record):
    doc: str
    index: int  # position in its article, from 0
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention(Record):
    """A named-entity mention in one article, before cross-document resolution."""

    doc: str
    start: int
    end: int
    text: str
    type: str  # PERSON, ORG, GPE, LOC, NORP, ...


@dataclass(frozen=True, slots=True)
class Described(Record):
    """A definite description ("the suspect", "the 52-year-old", "the company") and the mention
    of the person or organisation its article named before that it stands for
    (``analyse.descriptions``)."""

    doc: str
    start: int
    end: int
    text: str
    name: Mention


@dataclass(frozen=True, slots=True)
class Entity(Record):
    """One real-world entity, resolved across all articles."""

    id: str
    name: str  # the fullest form seen, e.g. "Kim Jong-un"
    type: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class Quote(Record):
    """Words a source attributes to someone: a full quote or a short quoted phrase."""

    doc: str
    start: int  # the quoted words, without the quote marks
    end: int
    text: str
    speaker: str | None = None  # the resolved entity's name, once entities are resolved
    speaker_mention: Mention | None = None  # where the text names the speaker
    # ``name``: a title, nickname or slogan in quote marks ("The Juice"), said by no one
    kind: Literal["quote", "phrase", "name"] = "quote"
    # A speaker the article does not name but describes ("said a Western diplomat", "officials
    # said"), in its own words: shown as a description, never a name, an entity or a source.
    speaker_description: Span | None = None


@dataclass(frozen=True, slots=True)
class Figure(Record):
    """A number with its unit, the interval it states, what it counts and in what role:
    "About 4,000 dockworkers walked off" is 4,000 in [3,600, 4,400] "dockworkers", "walked"."""

    doc: str
    start: int
    end: int
    text: str
    value: float
    unit: str | None = None  # "USD", "percent", "km", "hour", ...
    counts: str | None = None  # what is counted: "guest workers", "bilateral trade"
    # what happened to what is counted, or what the number is, as written: "killed",
    # "wounded", "found", "toll", "capacity", "inside"; for a duration, what took that long
    role: str | None = None
    low: float | None = None  # the least value the figure allows ("more than 250": 250)
    high: float | None = None  # the most; None with ``low`` set: no upper bound


@dataclass(frozen=True, slots=True)
class DateMention(Record):
    """A date expression, normalised against the article date where known."""

    doc: str
    start: int
    end: int
    text: str
    value: str | None = None  # ISO 8601 date, or None when it cannot be pinned down


@dataclass(frozen=True, slots=True)
class Citation(Record):
    """A source the article itself cites inline: "(Kommersant, April 25)"."""

    doc: str
    start: int
    end: int
    source: str
    date: str | None = None  # as written, e.g. "April 25"


@dataclass(frozen=True, slots=True)
class Analysis(Record):
    """Everything the analyse stage finds in one article."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    statements: tuple[Span, ...] = ()  # body sentences, split into clauses: what compare aligns
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    dates: tuple[DateMention, ...] = ()
    citations: tuple[Citation, ...] = ()
    # descriptions that stand for a person or organisation named before them
    described: tuple[Described, ...] = ()


@dataclass(frozen=True, slots=True)
class Report(Record):
    """One step of a developing fact: what one report said, and when it was reported."""

    span: Span  # the passage that says it
    value: str  # what changed, as the passage words it: a figure or the whole statement
    reported: str | None = None  # the reporting article's date (ISO), when known


@dataclass(frozen=True, slots=True)
class Claim(Record):
    """A statement made by one or more articles, with its status across the sources.

    ``developing``: the sources differ because time passed (a toll revised, a remark retracted);
    ``history`` then holds the fact's reports, earliest first.
    """

    id: str
    status: ClaimStatus
    text: str  # the statement as one source words it (copied, never invented)
    support: tuple[Span, ...] = ()
    sources: int = 1  # independent documents that support it
    kind: str = "statement"  # statement | figure | quote | verdict
    # What differs (a contradiction or a development), or why a corroborated passage also holds
    # what one disputes; built from the spans.
    note: str | None = None
    history: tuple[Report, ...] = ()  # for developments: the reports in time order


@dataclass(frozen=True, slots=True)
class SummaryItem(Record):
    """A summary line: one of its claim's support spans, with that claim's status."""

    text: str
    claim: str | None = None  # Claim.id
    support: tuple[Span, ...] = ()
    status: ClaimStatus = "single_source"  # its claim's; stored data from before has none


@dataclass(frozen=True, slots=True)
class Source(Record):
    """One independent source: an outlet with all its reports, or an article with no outlet
    (a copy counts as the text it copies)."""

    name: str  # the outlet, else the article's title, else its id
    documents: tuple[str, ...] = ()  # Article ids, in reading order
    printed_by: tuple[str, ...] = ()  # the others that print its text (``printers``)


def source_key(outlet: str | None, original: str) -> str:
    """One independent source: the outlet, else the original text (copies count once)."""
    return f"outlet:{outlet.casefold().strip()}" if outlet else f"text:{original}"


class Printed(Protocol):
    """What names a document that prints a text: an ``Article``, or a stored article's head."""

    @property
    def id(self) -> str: ...
    @property
    def outlet(self) -> str | None: ...
    @property
    def title(self) -> str | None: ...


def printers(first: Printed, members: Iterable[Printed]) -> tuple[str, ...]:
    """Who else prints the text of the source whose first document is ``first``: the names of
    ``members`` that are not that source's own reports (copies of its text by other outlets,
    such as papers printing one wire story), each named by its outlet (else title, else id),
    once, in the order given. Empty for an outlet's own reports."""
    own = {(first.outlet or "").casefold().strip(), _name(first).casefold().strip()} - {""}
    names = (_name(m) for m in members
             if m.id != first.id and (m.outlet or "").casefold().strip() not in own)
    return tuple(dict.fromkeys(n for n in names if n.casefold().strip() not in own))


def _name(document: Printed) -> str:
    return document.outlet or document.title or document.id


DuplicateKind = Literal["exact", "near"]


@dataclass(frozen=True, slots=True)
class DuplicateLink:
    """``article`` is a copy of ``original`` (exact: same text; near: reprinted wire copy)."""

    article: str
    original: str
    kind: DuplicateKind
    similarity: float  # 1.0 for exact copies; estimated overlap of word shingles otherwise


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What duplicate detection keeps of an article: hashes, never the text itself."""

    article: str
    text_hash: str  # hash of the text with case, punctuation and spacing removed
    signature: bytes  # MinHash values of the word shingles (uint32, little-endian)
    shingles: int  # how many distinct shingles the text has
    band_keys: tuple[int, ...]  # LSH band keys (signed 64-bit) to find candidates by index


@dataclass(frozen=True, slots=True)
class Briefing(Record):
    documents: tuple[Article, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    dates: tuple[DateMention, ...] = ()
    citations: tuple[Citation, ...] = ()
    claims: tuple[Claim, ...] = ()
    summary: tuple[SummaryItem, ...] = ()
    problems: tuple[str, ...] = field(default=())  # one line per input that could not be read
    sources: tuple[Source, ...] = ()  # the documents grouped into independent sources
    notes: tuple[str, ...] = ()  # one line per thing done to the input, e.g. copies folded in
