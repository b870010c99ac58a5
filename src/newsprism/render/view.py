"""What a briefing shows, worked out once for every output format.

The renderers (terminal, Markdown, HTML) only lay out a ``BriefingView``: which claims go to which
section, how each document is labelled, the timeline order, the entity counts and pairs. Text shown
as context is always a slice of ``documents[].text``; nothing here writes new wording.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from pathlib import PurePath

from newsprism.briefing import HISTORY_SHOWN_STEPS, development_note
from newsprism.model import (
    Article,
    Briefing,
    Claim,
    ClaimStatus,
    DateMention,
    Entity,
    Figure,
    Quote,
    Source,
    Span,
    SummaryItem,
    printers,
    source_key,
)

STATUS_LABELS: dict[str, str] = {
    "corroborated": "corroborated",
    "contradicted": "contradicted",
    "developing": "developing",
    "single_source": "single source",
}
# Strongest first: a passage that supports a contradicted claim is shown as disputed.
STATUS_RANK: dict[str, int] = {
    "contradicted": 0, "developing": 1, "corroborated": 2, "single_source": 3,
}

MAX_PAIRS = 12
CONTEXT_LIMIT = 320

# The end of a sentence (punctuation, closing quotes or brackets, then space) or a line break:
# enough to show a date or a mention in its context without a sentence model.
_BOUNDARY = re.compile(r"(?P<stop>[.!?][\"”’')\]]*)\s+|\n")
_WHITESPACE = re.compile(r"\s+")
_NO_YEAR = re.compile(r"--(\d{2})-(\d{2})")  # ISO 8601's day of a month in no given year


@dataclass(frozen=True, slots=True)
class SummaryEntry:
    number: int  # from 1, as shown to the reader
    text: str
    status: ClaimStatus
    sources: int  # independent sources that say it
    support: tuple[Span, ...]
    note: str | None = None  # its claim's: what differs, or why it is also disputed


@dataclass(frozen=True, slots=True)
class SourceGroup:
    """An independent source as the reader sees it: an outlet and its reports."""

    name: str
    documents: tuple[Article, ...]
    printed_by: tuple[str, ...] = ()  # ``Source.printed_by``: copies left out of it too

    @property
    def label(self) -> str:
        """"Associated Press (9 reports)", "Associated Press (also printed by Valley Gazette)",
        or just the name for one report (``said_by``)."""
        return self.said_by(self.documents, self.printed_by)

    def said_by(self, documents: Sequence[Article], printed_by: Sequence[str] = ()) -> str:
        """The source as the teller of some of its documents: its name, with their number where
        it sent several, and the other outlets that printed its text among them (copies of one
        text count once, but the reader sees who printed it), or ``printed_by``: "AP (also
        printed by Valley Gazette, Coast News)", "AP (printed by Valley Gazette)" when only a
        copy says it."""
        copies = printed_by or printers(self.documents[0], documents)
        own = sum(1 for a in documents if not printers(self.documents[0], (a,)))
        if not copies:
            return reports_label(self.name, len(documents))
        reports = f"{count(own, 'report')}; " if own > 1 else ""
        printed = "also printed by" if own else "printed by"
        return f"{self.name} ({reports}{printed} {', '.join(excerpt(c, 40) for c in copies)})"


@dataclass(frozen=True, slots=True)
class SourceRow:
    """A row of a table of the documents, grouped by source: the source's label on the first
    row of its group only; a later row names its own outlet where that is another (a paper's
    reprint of wire copy, counted as the wire's report)."""

    number: int  # the document's number, from 1, in reading order
    article: Article
    source: str


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: DateMention
    context: Span  # the sentence around the date, sliced from the document

    @property
    def when(self) -> str:
        """The date as a reader reads it: the ISO day, or the day and month a text without the
        article's date gives without a year (ISO "--07-06" reads as no date to most people),
        else the words of the text."""
        value = self.date.value
        if value and (partial := _NO_YEAR.fullmatch(value)):
            month, day = int(partial[1]), int(partial[2])
            return f"{calendar.month_name[month]} {day}, year not given"
        return value or self.date.text


@dataclass(frozen=True, slots=True)
class EntityRow:
    entity: Entity
    counts: tuple[int, ...]  # mentions per document, in ``documents`` order


@dataclass(frozen=True, slots=True)
class EntityPair:
    first: Entity
    second: Entity
    passages: int  # sentences that mention both


@dataclass(frozen=True, slots=True)
class BriefingView:
    briefing: Briefing
    sources: tuple[SourceGroup, ...]  # the independent sources, in reading order
    labels: dict[str, str]  # document id -> short label (see ``label_documents``)
    summary: tuple[SummaryEntry, ...]
    differences: tuple[Claim, ...]  # contradicted claims
    developments: tuple[Claim, ...]  # developing claims: facts that changed over time
    only_in: tuple[tuple[SourceGroup, tuple[Claim, ...]], ...]  # single-source claims per source
    agreed: tuple[Claim, ...]  # corroborated claims the summary does not already show
    timeline: tuple[TimelineEntry, ...]
    entities: tuple[EntityRow, ...]
    pairs: tuple[EntityPair, ...]
    status_counts: dict[str, int]

    def label(self, doc: str) -> str:
        return self.labels.get(doc, doc)

    def remarks(self) -> list[Quote]:
        """The quotes someone says: not the titles and nicknames in quote marks."""
        return [q for q in self.briefing.quotes if q.kind != "name"]

    def source_name(self, doc: str) -> str:
        """The name of the source a document belongs to, without the document's number ("AP
        via Valley Gazette" for a copy another outlet printed: ``teller``)."""
        return next((teller(g, a) for g in self.sources for a in g.documents if a.id == doc),
                    self.label(doc))

    def source_rows(self) -> list[SourceRow]:
        """The documents grouped by source, each group under its label ("Associated Press (9
        reports)"); a dash where the label would only repeat the title beside it."""
        number = {article.id: n for n, article in enumerate(self.briefing.documents, start=1)}
        rows = []
        for group in self.sources:
            shown = "—" if len(group.documents) == 1 and not group.documents[0].outlet and (
                group.documents[0].title) else group.label
            rows += [SourceRow(number[a.id], a, shown if i == 0 else _reprinted_by(a, group))
                     for i, a in enumerate(group.documents)]
        return rows

    def counted(self) -> str:
        """"2 sources", or "2 sources (10 reports)" when an outlet sent several."""
        reports = len(self.briefing.documents)
        sources = count(len(self.sources), "source")
        return sources if reports == len(self.sources) else f"{sources} ({reports} reports)"

    def sources_of(self, support: Iterable[Span]) -> str:
        """The sources behind some spans, in reading order, each with the number of its
        reports among them and who else printed its text: "Associated Press (3 reports),
        Reuters (also printed by Valley Gazette)"."""
        docs = {span.doc for span in support}
        told = ((g, [a for a in g.documents if a.id in docs]) for g in self.sources)
        return ", ".join(group.said_by(documents) for group, documents in told if documents)


def described_speaker(quote: Quote) -> str | None:
    """How the article describes a speaker it leaves unnamed, in its own words and marked as
    such ("a Western diplomat (unnamed)"), for a quote with no named speaker: shown as a
    description, never as a name."""
    described = quote.speaker_description
    return None if quote.speaker or described is None else f"{described.text} (unnamed)"


def _reprinted_by(article: Article, group: SourceGroup) -> str:
    """The outlet of a source's later report where it is not the source's own: "Valley Gazette
    (counted as AP)"; nothing where it is."""
    outlet = excerpt(article.outlet or "", 40)
    if not outlet or outlet.casefold() == group.name.casefold():
        return ""
    return f"{outlet} (counted as {group.name})"


def build_view(briefing: Briefing) -> BriefingView:
    claims = {claim.id: claim for claim in briefing.claims}
    summary = tuple(
        _summary_entry(number, item, claims.get(item.claim or ""))
        for number, item in enumerate(briefing.summary, start=1)
    )
    in_summary = {item.claim for item in briefing.summary}
    sources = _source_groups(briefing)
    return BriefingView(
        briefing=briefing,
        sources=sources,
        labels=label_documents(briefing.documents, sources),
        summary=summary,
        differences=tuple(c for c in briefing.claims if c.status == "contradicted"),
        developments=tuple(c for c in briefing.claims if c.status == "developing"),
        only_in=_single_source_by_source(briefing, sources),
        agreed=tuple(
            c for c in briefing.claims if c.status == "corroborated" and c.id not in in_summary
        ),
        timeline=_timeline(briefing),
        entities=_entity_rows(briefing),
        pairs=_entity_pairs(briefing),
        status_counts=dict(Counter(claim.status for claim in briefing.claims)),
    )


def label_documents(
    documents: Sequence[Article], sources: Sequence[SourceGroup] = ()
) -> dict[str, str]:
    """Short labels: the name of the document's source (``Source.name``: the outlet, else the
    title, else the id), and for a copy of its text printed by another outlet that outlet too,
    "Associated Press via Valley Gazette"; where several documents share a label, each gets its
    number in reading order, "Associated Press [3]", which the tables of the documents show
    beside it."""
    names = {a.id: teller(g, a) for g in sources for a in g.documents}
    names = {a.id: names.get(a.id) or excerpt(a.outlet or a.title or a.id, 40) for a in documents}
    shared = Counter(names.values())
    return {
        a.id: names[a.id] if shared[names[a.id]] == 1 else f"{names[a.id]} [{n}]"
        for n, a in enumerate(documents, start=1)
    }


def teller(group: SourceGroup, article: Article) -> str:
    """Who tells a document: its source's name, and for a copy of the source's text that
    another outlet printed, that outlet too: "Associated Press via Valley Gazette"."""
    printed = printers(group.documents[0], (article,))
    return excerpt(group.name, 40) + "".join(f" via {excerpt(name, 40)}" for name in printed)


def reports_label(name: str, reports: int) -> str:
    return name if reports == 1 else f"{name} ({count(reports, 'report')})"


def count(number: int, noun: str) -> str:
    """"1 source", "3 sources"."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def file_name(path: str | None) -> str | None:
    """Where a document was read from, as a file name: a briefing does not show the folders
    of the machine it was made on."""
    return PurePath(path).name or path if path else None


def excerpt(text: str, limit: int = 160) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters."""
    flat = _WHITESPACE.sub(" ", text).strip()
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"


def format_value(value: float) -> str:
    """A figure's value for reading: 12000000 as "12,000,000", 1.2 as "1.2"."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def figure_reading(figure: Figure) -> str:
    """The values a figure allows, as newsprism compares it, with its unit: "250 or more" of
    "more than 250", "up to 15", "2,000 to 100,000" of "thousands", "300 to 400" of "300 or
    400"; the value alone where only rounding widens it ("about 20", "$12 million")."""
    value, low, high = figure.value, figure.low, figure.high
    if low is not None and high is None:
        reading = f"{format_value(low)} or more"
    elif low == 0 and high == value:
        reading = f"up to {format_value(value)}"
    elif low == value and high is not None and high > value * 1.2:
        reading = f"{format_value(low)} to {format_value(high)}"
    else:
        reading = format_value(value)
    return f"{reading} {figure.unit or ''}".rstrip()


def passage_around(article: Article, start: int, end: int, limit: int = CONTEXT_LIMIT) -> Span:
    """The sentence (bounded by punctuation or a line break) that holds ``text[start:end]``."""
    text = article.text
    left = max(0, start - limit)
    for match in _BOUNDARY.finditer(text, left, start):
        if _ends_sentence(text, match):
            left = match.end()
    right = min(len(text), end + limit)
    match = next((m for m in _BOUNDARY.finditer(text, end, right) if _ends_sentence(text, m)),
                 None)
    if match:
        right = match.end("stop") if match.group("stop") else match.start()
    return Span(doc=article.id, start=left, end=right, text=text[left:right])


def _ends_sentence(text: str, boundary: re.Match[str]) -> bool:
    """Does the boundary end a sentence, not an abbreviation ("2 a.m. Tuesday", "RIVERTON,
    Ore. (AP)", "Gen. Smith") or an initial ("George W. Bush")?"""
    if boundary["stop"] != ".":
        return True
    word = text[: boundary.start() + 1].rsplit(None, 1)[-1].lstrip("([\"“‘'")
    return not (word in _abbreviations() or re.fullmatch(r"[A-Z]\.", word))


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    """The abbreviations spaCy's English tokenizer keeps whole with their full stop (times,
    months, states, titles, company suffixes), less its single lower-case letters."""
    from spacy.lang.en.tokenizer_exceptions import TOKENIZER_EXCEPTIONS

    return frozenset(k for k in TOKENIZER_EXCEPTIONS if k.endswith(".") and len(k) > 2)


def strongest_status(statuses: Iterable[str]) -> str | None:
    return min(statuses, key=STATUS_RANK.__getitem__, default=None)


def _summary_entry(number: int, item: SummaryItem, claim: Claim | None) -> SummaryEntry:
    if claim is None:
        return SummaryEntry(number, item.text, item.status, 1, item.support)
    note = development_note(claim) if claim.status == "developing" else claim.note
    # The claim's status: an item stored before items carried theirs has the default.
    return SummaryEntry(number, item.text, claim.status, claim.sources, item.support, note)


def claim_head(claim: Claim) -> str:
    """What heads a claim in its section: what differs, for a contradiction or a development
    (its steps follow it one a line, so a long history is not told twice), else its text."""
    if claim.status == "developing" and len(claim.history) > HISTORY_SHOWN_STEPS:
        return f"Changed over time, in {len(claim.history)} reports:"
    return claim.note or claim.text


def _source_groups(briefing: Briefing) -> tuple[SourceGroup, ...]:
    """The briefing's sources; for one stored before briefings listed them, its documents
    grouped by outlet (copies were not folded then: each counts as itself)."""
    articles = {a.id: a for a in briefing.documents}
    listed = briefing.sources
    if not listed:
        keys: dict[str, list[str]] = {}
        for a in briefing.documents:
            keys.setdefault(source_key(a.outlet, a.id), []).append(a.id)
        listed = tuple(Source(articles[ids[0]].outlet or articles[ids[0]].title or ids[0],
                              tuple(ids)) for ids in keys.values())
    return tuple(
        SourceGroup(excerpt(s.name, 40), tuple(articles[d] for d in s.documents if d in articles),
                    s.printed_by)
        for s in listed
    )


def _single_source_by_source(
    briefing: Briefing, sources: Sequence[SourceGroup]
) -> tuple[tuple[SourceGroup, tuple[Claim, ...]], ...]:
    groups: dict[str, list[Claim]] = {}
    for claim in briefing.claims:
        if claim.status == "single_source" and claim.support:
            groups.setdefault(claim.support[0].doc, []).append(claim)
    for claims in groups.values():  # each report's claims as the report tells them
        claims.sort(key=lambda claim: claim.support[0].start)
    return tuple(
        (group, tuple(c for a in group.documents for c in groups.get(a.id, ())))
        for group in sources
        if any(a.id in groups for a in group.documents)
    )


def _timeline(briefing: Briefing) -> tuple[TimelineEntry, ...]:
    articles = {article.id: article for article in briefing.documents}
    order = {article.id: index for index, article in enumerate(briefing.documents)}
    dated = [d for d in briefing.dates if d.doc in articles]
    # Pinned dates in calendar order, then the ones that could not be pinned, as they appear.
    dated.sort(key=lambda d: (d.value is None, d.value or "", order[d.doc], d.start))
    return tuple(TimelineEntry(d, passage_around(articles[d.doc], d.start, d.end)) for d in dated)


def _entity_rows(briefing: Briefing) -> tuple[EntityRow, ...]:
    rows = []
    for entity in briefing.entities:
        per_doc = Counter(mention.doc for mention in entity.mentions)
        rows.append(EntityRow(entity, tuple(per_doc[a.id] for a in briefing.documents)))
    rows.sort(key=lambda row: -sum(row.counts))
    return tuple(rows)


def _entity_pairs(briefing: Briefing) -> tuple[EntityPair, ...]:
    """Entities named in the same sentence, most frequent pairs first."""
    articles = {article.id: article for article in briefing.documents}
    in_passage: dict[tuple[str, int], set[int]] = {}
    for index, entity in enumerate(briefing.entities):
        for mention in entity.mentions:
            if mention.doc in articles:
                passage = passage_around(articles[mention.doc], mention.start, mention.end)
                in_passage.setdefault((mention.doc, passage.start), set()).add(index)
    counts: Counter[tuple[int, int]] = Counter()
    for members in in_passage.values():
        counts.update(combinations(sorted(members), 2))
    entities = briefing.entities
    return tuple(
        EntityPair(entities[a], entities[b], n)
        for (a, b), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_PAIRS]
    )
