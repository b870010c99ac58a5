"""Briefing as Rich panels and tables, readable at 80 columns.

Article text reaches the terminal only as ``rich.text.Text`` (never parsed as markup) with control
characters removed, so an article cannot style, move or clear the analyst's terminal.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newsprism.model import Briefing, Claim, Span
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

STATUS_STYLES = {"corroborated": "green", "contradicted": "red", "developing": "blue",
                 "single_source": "yellow"}
# Distinct shapes, so the status reads without colour too.
STATUS_MARKS = {"corroborated": "●", "contradicted": "▲", "developing": "◆", "single_source": "○"}
MAX_ENTITIES = 15
WIDTH = 80

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def print_briefing(briefing: Briefing, console: Console) -> None:
    console.print(render_terminal(briefing))


def write_terminal(briefing: Briefing) -> str:
    """The terminal view as plain text at 80 columns, for a file."""
    console = Console(file=io.StringIO(), width=WIDTH, color_system=None, emoji=False)
    print_briefing(briefing, console)
    return console.file.getvalue()  # type: ignore[attr-defined]


def render_terminal(briefing: Briefing) -> RenderableType:
    view = build_view(briefing)
    parts: list[RenderableType] = [_header(view), _summary(view)]
    if view.differences:
        parts.append(_claims_panel("Where the sources differ", view.differences, view, "red"))
    if view.developments:
        parts.append(_claims_panel("How the story developed", view.developments, view, "blue"))
    parts.extend(
        _claims_panel(f"Only in {group.name}", claims, view, "yellow")
        for group, claims in view.only_in
    )
    if view.agreed:
        parts.append(_claims_panel("Also corroborated", view.agreed, view, "green"))
    parts.extend(
        section
        for section in (
            _quotes(view),
            _figures(view),
            _citations(view),
            _timeline(view),
            _entities(view),
            _notes(view),
            _problems(view),
        )
        if section is not None
    )
    return Group(*parts)


def _text(value: object, style: str = "") -> Text:
    return Text(_CONTROL.sub("", "" if value is None else str(value)), style=style)


def _mark(status: str) -> Text:
    return Text(STATUS_MARKS[status], style=STATUS_STYLES[status])


def _panel(body: RenderableType, title: str, style: str = "blue") -> Panel:
    return Panel(body, title=_text(title, "bold"), title_align="left", border_style=style)


def _table(*columns: str) -> Table:
    table = Table(
        box=box.SIMPLE_HEAD, expand=True, pad_edge=False, show_edge=False, header_style="bold"
    )
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _header(view: BriefingView) -> Panel:
    table = _table("#", "Source", "Title", "Date")
    for row in view.source_rows():
        table.add_row(
            str(row.number),
            _text(row.source, "bold"),
            _text(row.article.title),
            _text(row.article.date),
        )
    counts = Text("Claims: ")
    for status, label in STATUS_LABELS.items():
        counts.append_text(_mark(status))
        counts.append(f" {view.status_counts.get(status, 0)} {label}   ")
    return _panel(Group(table, counts), f"Briefing · {view.counted()}")


def _summary(view: BriefingView) -> Panel:
    if not view.summary:
        return _panel(Text("Nothing to summarise.", style="dim"), "Summary")
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", style="dim")
    grid.add_column()
    grid.add_column(ratio=1)
    for entry in view.summary:
        body = _text(entry.text)
        if entry.note:
            body.append_text(_text(f"\n{entry.note}", "italic"))
        body.append_text(_sources_line(entry.sources, entry.status, entry.support, view))
        grid.add_row(f"{entry.number}.", _mark(entry.status), body)
    return _panel(grid, "Summary")


def _sources_line(sources: int, status: str, support: Iterable[Span], view: BriefingView) -> Text:
    return _text(
        f"\n{count(sources, 'source')}, {STATUS_LABELS[status]}: {view.sources_of(support)}", "dim"
    )


def _claims_panel(title: str, claims: Iterable[Claim], view: BriefingView, style: str) -> Panel:
    grid = Table.grid(padding=(0, 1))
    grid.add_column()
    grid.add_column(ratio=1)
    for claim in claims:
        # What differs heads a contradiction or a development; other notes follow the text.
        headed = claim.status in ("contradicted", "developing") and claim.note
        body = _text(claim_head(claim) if headed else claim.text, "bold" if headed else "")
        if claim.status == "contradicted":
            for span in claim.support:
                body.append_text(_text(f"\n{view.label(span.doc)}: ", "dim"))
                body.append_text(_text(f"“{excerpt(span.text, 200)}”", "italic"))
        elif claim.status == "developing":
            for report in claim.history:
                when = f" ({report.reported})" if report.reported else ""
                body.append_text(_text(f"\n{view.label(report.span.doc)}{when}: ", "dim"))
                body.append_text(_text(f"“{excerpt(report.span.text, 200)}”", "italic"))
        else:
            if claim.note:
                body.append_text(_text(f"\n{claim.note}", "italic"))
            if claim.status == "corroborated":
                body.append_text(_sources_line(claim.sources, claim.status, claim.support, view))
        grid.add_row(_mark(claim.status), body)
    return _panel(grid, title, style)


def _quotes(view: BriefingView) -> Panel | None:
    if not view.remarks():
        return None
    table = _table("Speaker", "Quote", "Source")
    for quote in view.remarks():
        described = described_speaker(quote)
        table.add_row(
            _text(described, "italic") if described else
            _text(quote.speaker or "unattributed", "bold"),
            _text(f"“{excerpt(quote.text, 240)}”"),
            _text(view.label(quote.doc)),
        )
    return _panel(table, "Who said what")


def _figures(view: BriefingView) -> Panel | None:
    if not view.briefing.figures:
        return None
    table = _table("Figure", "What it counts", "Source")
    for figure in view.briefing.figures:
        cell = _text(figure.text, "bold")
        cell.append_text(
            _text(f"\n{figure_reading(figure)}", "dim")
        )
        table.add_row(cell, _text(figure.counts or "—"), _text(view.label(figure.doc)))
    return _panel(table, "Figures")


def _citations(view: BriefingView) -> Panel | None:
    if not view.briefing.citations:
        return None
    table = _table("Cited source", "Date", "Cited by")
    for citation in view.briefing.citations:
        table.add_row(
            _text(citation.source, "bold"),
            _text(citation.date or "—"),
            _text(view.label(citation.doc)),
        )
    return _panel(table, "Cited sources")


def _timeline(view: BriefingView) -> Panel | None:
    if not view.timeline:
        return None
    table = _table("Date", "In context", "Source")
    for entry in view.timeline:
        table.add_row(
            _text(entry.when, "bold"),
            _text(excerpt(entry.context.text, 200)),
            _text(view.label(entry.date.doc)),
        )
    return _panel(table, "Timeline")


def _entities(view: BriefingView) -> Panel | None:
    if not view.entities:
        return None
    table = _table("Entity", "Type", "Mentions by source #")
    for row in view.entities[:MAX_ENTITIES]:
        name = _text(row.entity.name, "bold")
        if row.entity.aliases:
            name.append_text(_text(f"\nalso: {', '.join(row.entity.aliases)}", "dim"))
        mentions = "  ".join(f"[{n}]×{count}" for n, count in enumerate(row.counts, 1) if count)
        table.add_row(name, _text(row.entity.type), _text(mentions))
    parts: list[RenderableType] = [table]
    hidden = len(view.entities) - MAX_ENTITIES
    if hidden > 0:
        parts.append(_text(f"… and {hidden} more (all in --format html or json)", "dim"))
    if view.pairs:
        pairs = _text("Named together: ", "bold")
        pairs.append_text(
            _text("; ".join(f"{p.first.name} – {p.second.name} ({p.passages})" for p in view.pairs))
        )
        parts.append(pairs)
    return _panel(Group(*parts), "Entities")


def _notes(view: BriefingView) -> Panel | None:
    if not view.briefing.notes:
        return None
    return _panel(Group(*(_text(f"• {note}") for note in view.briefing.notes)), "Notes")


def _problems(view: BriefingView) -> Panel | None:
    if not view.briefing.problems:
        return None
    return _panel(
        Group(*(_text(f"• {problem}") for problem in view.briefing.problems)),
        "Could not read",
        "red",
    )
