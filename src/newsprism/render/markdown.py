"""Briefing as Markdown, every statement followed by footnote references to its exact passages.

Each footnote names the document (label, title, id) and the character range, and quotes a short
excerpt of ``text[start:end]``. Article text is backslash-escaped, so a renderer shows it literally:
no HTML, links or emphasis from an article survive into the rendered page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from newsprism.model import Briefing, Citation, Claim, DateMention, Figure, Quote, Span
from newsprism.render.view import (
    STATUS_LABELS,
    BriefingView,
    build_view,
    claim_head,
    count,
    described_speaker,
    excerpt,
    figure_reading,
)

STATUS_BADGES = {
    "corroborated": "✅", "contradicted": "⚠️", "developing": "🔄", "single_source": "◽",
}
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&])")


def escape_markdown(text: object) -> str:
    """Text on one line with every Markdown and HTML metacharacter escaped."""
    return _SPECIAL.sub(r"\\\1", excerpt("" if text is None else str(text), 10_000))


class _References:
    """Footnote numbers, one per distinct passage, in order of first use."""

    def __init__(self, view: BriefingView) -> None:
        self.view = view
        self.numbers: dict[tuple[str, int, int], int] = {}

    def cite(self, spans: Iterable[Span]) -> str:
        marks = []
        for span in spans:
            key = (span.doc, span.start, span.end)
            number = self.numbers.setdefault(key, len(self.numbers) + 1)
            marks.append(f"[^{number}]")
        return "".join(marks)

    def cite_at(self, located: Quote | Figure | Citation | DateMention) -> str:
        return self.cite([Span(located.doc, located.start, located.end, "")])

    def footnotes(self) -> list[str]:
        documents = {article.id: article for article in self.view.briefing.documents}
        lines = []
        for (doc, start, end), number in self.numbers.items():
            article = documents.get(doc)
            title = f", “{escape_markdown(article.title)}”" if article and article.title else ""
            quoted = escape_markdown(excerpt(article.text[start:end], 120)) if article else ""
            lines.append(
                f"[^{number}]: {escape_markdown(self.view.label(doc))}{title} "
                f"(doc `{_code(doc)}`, chars {start}–{end}): “{quoted}”"
            )
        return lines


def write_markdown(briefing: Briefing) -> str:
    view = build_view(briefing)
    refs = _References(view)
    lines = [f"# Briefing: {view.counted()}", "", _counts(view), ""]
    lines += _sources(view)
    lines += _summary(view, refs)
    lines += _differences(view, refs)
    lines += _developments(view, refs)
    for group, claims in view.only_in:
        lines += [f"## Only in {escape_markdown(group.name)}", ""]
        lines += [f"- {escape_markdown(claim.text)}{_note(claim.note)}{refs.cite(claim.support)}"
                  for claim in claims]
        lines.append("")
    if view.agreed:
        lines += ["## Also corroborated", ""]
        lines += [
            f"- {escape_markdown(claim.text)}{_note(claim.note)} "
            f"{_said_by(view, claim.sources, claim.support)}{refs.cite(claim.support)}"
            for claim in view.agreed
        ]
        lines.append("")
    lines += _quotes(view, refs)
    lines += _figures(view, refs)
    lines += _citations(view, refs)
    lines += _timeline(view, refs)
    lines += _entities(view)
    if briefing.notes:
        lines += ["## Notes", ""]
        lines += [f"- {escape_markdown(note)}" for note in briefing.notes]
        lines.append("")
    if briefing.problems:
        lines += ["## Could not read", ""]
        lines += [f"- {escape_markdown(problem)}" for problem in briefing.problems]
        lines.append("")
    if refs.numbers:
        lines += ["## References", "", *refs.footnotes(), ""]
    return "\n".join(lines)


def _code(text: str) -> str:
    return text.replace("`", "'")


def _note(note: str | None) -> str:
    """A claim's note, after its text: why a corroborated passage is also disputed."""
    return f" *— {escape_markdown(note)}*" if note else ""


def _said_by(view: BriefingView, sources: int, support: Iterable[Span]) -> str:
    """"*(2 sources: Associated Press (3 reports), Reuters)*"."""
    return f"*({count(sources, 'source')}: {escape_markdown(view.sources_of(support))})*"


def _cell(text: object) -> str:
    return escape_markdown(text) or "—"


def _counts(view: BriefingView) -> str:
    return "Claims: " + ", ".join(
        f"{STATUS_BADGES[status]} {view.status_counts.get(status, 0)} {label}"
        for status, label in STATUS_LABELS.items()
    )


def _table(heading: str, header: Iterable[str], rows: Iterable[Iterable[str]]) -> list[str]:
    """A section holding one table; cells must already be escaped."""
    header = list(header)
    return [
        f"## {heading}",
        "",
        f"| {' | '.join(header)} |",
        "|" + "---|" * len(header),
        *(f"| {' | '.join(row)} |" for row in rows),
        "",
    ]


def _sources(view: BriefingView) -> list[str]:
    return _table(
        "Sources",
        ["#", "Source", "Title", "Author", "Date", "Id"],
        (
            [
                str(row.number),
                escape_markdown(row.source),
                _cell(row.article.title),
                _cell(row.article.author),
                _cell(row.article.date),
                f"`{_code(row.article.id)}`",
            ]
            for row in view.source_rows()
        ),
    )


def _summary(view: BriefingView, refs: _References) -> list[str]:
    lines = ["## Summary", ""]
    for entry in view.summary:
        lines.append(
            f"{entry.number}. {STATUS_BADGES[entry.status]} {escape_markdown(entry.text)}"
            f"{_note(entry.note)} {_said_by(view, entry.sources, entry.support)}"
            f"{refs.cite(entry.support)}"
        )
    return [*lines, ""] if view.summary else [*lines, "Nothing to summarise.", ""]


def _differences(view: BriefingView, refs: _References) -> list[str]:
    return _disputes(refs, "Where the sources differ", view.differences,
                     lambda claim: [("-", view.label(s.doc), s) for s in claim.support])


def _developments(view: BriefingView, refs: _References) -> list[str]:
    def history(claim: Claim) -> list[tuple[str, str, Span]]:
        return [(f"{n}.", view.label(report.span.doc)
                 + (f", {report.reported}" if report.reported else ""), report.span)
                for n, report in enumerate(claim.history, start=1)]

    return _disputes(refs, "How the story developed", view.developments, history)


def _disputes(
    refs: _References,
    title: str,
    claims: Sequence[Claim],
    passages: Callable[[Claim], list[tuple[str, str, Span]]],
) -> list[str]:
    """A section of claims, each its note and then its passages, one a line: ``passages``
    gives each passage's bullet, who says it and the span."""
    if not claims:
        return []
    lines = [f"## {title}", ""]
    for claim in claims:
        lines.append(f"- **{escape_markdown(claim_head(claim))}**")
        lines += [f"  {bullet} *{escape_markdown(who)}:* “{escape_markdown(span.text)}”"
                  f"{refs.cite([span])}" for bullet, who, span in passages(claim)]
    return [*lines, ""]


def _quotes(view: BriefingView, refs: _References) -> list[str]:
    if not view.remarks():
        return []
    lines = ["## Who said what", ""]
    lines += [
        f"- {_speaker(quote)}: "
        f"“{escape_markdown(quote.text)}” — {escape_markdown(view.label(quote.doc))}"
        f"{refs.cite_at(quote)}"
        for quote in view.remarks()
    ]
    return [*lines, ""]


def _speaker(quote: Quote) -> str:
    """The speaker's name in bold, an unnamed one's description in italics."""
    described = described_speaker(quote)
    if described:
        return f"*{escape_markdown(described)}*"
    return f"**{escape_markdown(quote.speaker or 'Unattributed')}**"


def _figures(view: BriefingView, refs: _References) -> list[str]:
    if not view.briefing.figures:
        return []
    return _table(
        "Figures",
        ["Figure", "Value", "What it counts", "Source"],
        (
            [
                _cell(f.text),
                figure_reading(f),
                _cell(f.counts),
                _cell(view.label(f.doc)) + refs.cite_at(f),
            ]
            for f in view.briefing.figures
        ),
    )


def _citations(view: BriefingView, refs: _References) -> list[str]:
    if not view.briefing.citations:
        return []
    return _table(
        "Cited sources",
        ["Cited source", "Date", "Cited by"],
        (
            [_cell(c.source), _cell(c.date), _cell(view.label(c.doc)) + refs.cite_at(c)]
            for c in view.briefing.citations
        ),
    )


def _timeline(view: BriefingView, refs: _References) -> list[str]:
    if not view.timeline:
        return []
    lines = ["## Timeline", ""]
    lines += [
        f"- **{escape_markdown(entry.when)}** "
        f"({escape_markdown(view.label(entry.date.doc))}): "
        f"{escape_markdown(excerpt(entry.context.text, 240))}"
        f"{refs.cite_at(entry.date)}"
        for entry in view.timeline
    ]
    return [*lines, ""]


def _entities(view: BriefingView) -> list[str]:
    if not view.entities:
        return []
    lines = _table(
        "Entities",
        [
            "Entity",
            "Type",
            "Also written",
            *(_cell(view.label(a.id)) for a in view.briefing.documents),
        ],
        (
            [
                f"**{escape_markdown(row.entity.name)}**",
                _cell(row.entity.type),
                _cell(", ".join(row.entity.aliases)),
                *map(str, row.counts),
            ]
            for row in view.entities
        ),
    )
    if view.pairs:
        pairs = "; ".join(
            f"{escape_markdown(p.first.name)} – {escape_markdown(p.second.name)} ({p.passages})"
            for p in view.pairs
        )
        lines += [f"Named in the same sentence: {pairs}", ""]
    return lines
