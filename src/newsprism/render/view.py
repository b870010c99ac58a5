"""What a briefing shows, worked out once for every output format.

The renderers (terminal, Markdown, HTML) only lay out a ``BriefingView``: which claims go to which
section, how each document is labelled, the timeline order, the entity counts and pairs. Text shown
as context is always a slice of ``documents[].text``; nothing here writes new wording.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from newsprism.model import Article, Briefing, Claim, ClaimStatus, DateMention, Entity, Span

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


@dataclass(frozen=True, slots=True)
class SummaryEntry:
    number: int  # from 1, as shown to the reader
    text: str
    status: ClaimStatus
    sources: int  # independent documents that say it
    support: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: DateMention
    context: Span  # the sentence around the date, sliced from the document


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
    labels: dict[str, str]  # document id -> short label (outlet, else title, else id)
    summary: tuple[SummaryEntry, ...]
    differences: tuple[Claim, ...]  # contradicted claims
    developments: tuple[Claim, ...]  # developing claims: facts that changed over time
    only_in: tuple[tuple[Article, tuple[Claim, ...]], ...]  # single-source claims per document
    agreed: tuple[Claim, ...]  # corroborated claims the summary does not already show
    timeline: tuple[TimelineEntry, ...]
    entities: tuple[EntityRow, ...]
    pairs: tuple[EntityPair, ...]
    status_counts: dict[str, int]

    def label(self, doc: str) -> str:
        return self.labels.get(doc, doc)

    def source_cell(self, article: Article) -> str:
        """The label, for a table that shows the title beside it: a dash where the label would
        only repeat the title (an article with no outlet)."""
        return "—" if not article.outlet and article.title else self.label(article.id)

    def sources_of(self, support: Iterable[Span]) -> str:
        """The labels of the documents behind some spans, in document order, joined."""
        docs = {span.doc for span in support}
        return ", ".join(label for doc, label in self.labels.items() if doc in docs)


def build_view(briefing: Briefing) -> BriefingView:
    claims = {claim.id: claim for claim in briefing.claims}
    summary = tuple(
        _summary_entry(number, item.text, claims.get(item.claim or ""), item.support)
        for number, item in enumerate(briefing.summary, start=1)
    )
    in_summary = {item.claim for item in briefing.summary}
    return BriefingView(
        briefing=briefing,
        labels=label_documents(briefing.documents),
        summary=summary,
        differences=tuple(c for c in briefing.claims if c.status == "contradicted"),
        developments=tuple(c for c in briefing.claims if c.status == "developing"),
        only_in=_single_source_by_document(briefing),
        agreed=tuple(
            c for c in briefing.claims if c.status == "corroborated" and c.id not in in_summary
        ),
        timeline=_timeline(briefing),
        entities=_entity_rows(briefing),
        pairs=_entity_pairs(briefing),
        status_counts=dict(Counter(claim.status for claim in briefing.claims)),
    )


def label_documents(documents: Iterable[Article]) -> dict[str, str]:
    """Short, unique labels: the outlet, else the title, else the id; repeats get ``#2``, ``#3``."""
    labels: dict[str, str] = {}
    seen: Counter[str] = Counter()
    for article in documents:
        base = excerpt(article.outlet or article.title or article.id, 40)
        seen[base] += 1
        labels[article.id] = base if seen[base] == 1 else f"{base} #{seen[base]}"
    return labels


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


def passage_around(article: Article, start: int, end: int, limit: int = CONTEXT_LIMIT) -> Span:
    """The sentence (bounded by punctuation or a line break) that holds ``text[start:end]``."""
    text = article.text
    left = max(0, start - limit)
    for match in _BOUNDARY.finditer(text, left, start):
        left = match.end()
    right = min(len(text), end + limit)
    match = _BOUNDARY.search(text, end, right)
    if match:
        right = match.end("stop") if match.group("stop") else match.start()
    return Span(doc=article.id, start=left, end=right, text=text[left:right])


def strongest_status(statuses: Iterable[str]) -> str | None:
    return min(statuses, key=STATUS_RANK.__getitem__, default=None)


def _summary_entry(
    number: int, text: str, claim: Claim | None, support: tuple[Span, ...]
) -> SummaryEntry:
    if claim is not None:
        return SummaryEntry(number, text, claim.status, claim.sources, support)
    sources = len({span.doc for span in support})
    status: ClaimStatus = "corroborated" if sources >= 2 else "single_source"
    return SummaryEntry(number, text, status, sources, support)


def _single_source_by_document(briefing: Briefing) -> tuple[tuple[Article, tuple[Claim, ...]], ...]:
    groups: dict[str, list[Claim]] = {}
    for claim in briefing.claims:
        if claim.status == "single_source" and claim.support:
            groups.setdefault(claim.support[0].doc, []).append(claim)
    return tuple(
        (article, tuple(groups[article.id]))
        for article in briefing.documents
        if article.id in groups
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
