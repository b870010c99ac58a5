"""Briefing as one self-contained HTML page: the briefing beside its sources, passages highlighted.

Every briefing item (summary item, claim, quote, figure, citation, date, entity) gets a ref id;
each source column shows the full normalised text, cut at every span boundary so overlapping spans
become flat ``<mark>`` segments that list all the refs covering them. Clicking an item lights up
its marks in every column; clicking a mark lists the items it supports.

Untrusted content: every string from an article goes through Jinja2 autoescaping or
``markupsafe.escape``; the page carries a Content-Security-Policy that allows only its own inline
style and script (by hash) and no network at all, so even a missed escape could not run or fetch.
The web app reuses ``render_panes`` and the same CSS and JS.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from itertools import pairwise
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from newsprism.model import Article, Briefing, Claim
from newsprism.render.view import (
    STATUS_LABELS,
    BriefingView,
    build_view,
    claim_head,
    described_speaker,
    excerpt,
    figure_reading,
    file_name,
    strongest_status,
)


@dataclass(frozen=True, slots=True)
class Highlight:
    """A passage ``[start, end)`` of one text that supports the briefing item ``ref``."""

    ref: str
    start: int
    end: int
    status: str | None = None  # the claim status that colours it; None for quotes, mentions...


@dataclass(frozen=True, slots=True)
class SourceColumn:
    number: int
    article: Article
    label: str
    body: Markup


def highlight_text(
    text: str, highlights: Iterable[Highlight], titles: Mapping[str, str] | None = None
) -> Markup:
    """``text`` escaped, with each stretch covered by highlights wrapped in one flat ``<mark>``.

    Overlapping and nested highlights are cut at every boundary, so each mark lists every ref that
    covers it (``data-refs``) and the marks of one ref, joined, are exactly ``text[start:end]``.
    """
    titles = titles or {}
    opening: dict[int, list[Highlight]] = defaultdict(list)
    closing: dict[int, list[Highlight]] = defaultdict(list)
    order: dict[str, int] = {}
    for highlight in highlights:
        start, end = max(0, highlight.start), min(len(text), highlight.end)
        if start < end:
            opening[start].append(highlight)
            closing[end].append(highlight)
            order.setdefault(highlight.ref, len(order))
    cuts = sorted({0, len(text), *opening, *closing})
    active: Counter[Highlight] = Counter()
    parts: list[str] = []
    for here, there in pairwise(cuts):
        for highlight in closing.get(here, ()):
            active[highlight] -= 1
            if not active[highlight]:
                del active[highlight]
        active.update(opening.get(here, ()))
        covering = list(active)
        piece = escape(text[here:there])
        if not covering:
            parts.append(piece)
            continue
        refs = sorted({h.ref for h in covering}, key=order.__getitem__)
        status = strongest_status(h.status for h in covering if h.status) or "none"
        title = "; ".join(titles.get(ref, ref) for ref in refs)
        parts.append(
            Markup('<mark class="hl st-{}" data-refs="{}" title="{}">{}</mark>').format(
                status, " ".join(refs), f"Supports: {title}", piece
            )
        )
    return Markup("").join(parts)


class _Refs:
    """Gives briefing items their ref ids and labels, and collects their spans per document."""

    def __init__(self) -> None:
        self.titles: dict[str, str] = {}
        self.highlights: dict[str, list[Highlight]] = defaultdict(list)
        self._counts: Counter[str] = Counter()

    def add(
        self,
        prefix: str,
        label: str,
        spans: Iterable[tuple[str, int, int]],
        status: str | None = None,
    ) -> str:
        self._counts[prefix] += 1
        ref = f"{prefix}{self._counts[prefix]}"
        self.titles[ref] = label
        for doc, start, end in spans:
            self.highlights[doc].append(Highlight(ref, start, end, status))
        return ref


def _claim_items(refs: _Refs, label: str, claims: Iterable[Claim]) -> list[tuple[str, Claim]]:
    return [
        (
            refs.add("c", label, ((s.doc, s.start, s.end) for s in claim.support), claim.status),
            claim,
        )
        for claim in claims
    ]


def _context(view: BriefingView) -> dict[str, Any]:
    refs = _Refs()
    briefing = view.briefing
    summary = [
        (
            refs.add(
                "s",
                f"Summary {entry.number}",
                ((s.doc, s.start, s.end) for s in entry.support),
                entry.status,
            ),
            entry,
        )
        for entry in view.summary
    ]
    differences = _claim_items(refs, "Where the sources differ", view.differences)
    developments = _claim_items(refs, "How the story developed", view.developments)
    only_in = [
        (group.name, _claim_items(refs, f"Only in {group.name}", claims))
        for group, claims in view.only_in
    ]
    agreed = _claim_items(refs, "Also corroborated", view.agreed)
    quotes = [
        (refs.add("q", f"Quote: {q.speaker or described_speaker(q) or 'unattributed'}",
                  [(q.doc, q.start, q.end)]), q)
        for q in view.remarks()
    ]
    figures = [
        (refs.add("f", f"Figure: {excerpt(f.text, 40)}", [(f.doc, f.start, f.end)]), f)
        for f in briefing.figures
    ]
    citations = [
        (refs.add("k", f"Citation: {excerpt(c.source, 40)}", [(c.doc, c.start, c.end)]), c)
        for c in briefing.citations
    ]
    timeline = [
        (
            refs.add(
                "t",
                f"Date: {excerpt(entry.when, 40)}",
                [(entry.date.doc, entry.date.start, entry.date.end)],
            ),
            entry,
        )
        for entry in view.timeline
    ]
    entities = [
        (
            refs.add(
                "e",
                f"Entity: {excerpt(row.entity.name, 40)}",
                ((m.doc, m.start, m.end) for m in row.entity.mentions),
            ),
            row,
        )
        for row in view.entities
    ]
    sources = [
        SourceColumn(
            number,
            article,
            view.source_name(article.id),
            highlight_text(article.text, refs.highlights.get(article.id, ()), refs.titles),
        )
        for number, article in enumerate(briefing.documents, start=1)
    ]
    return {
        "view": view,
        "status_labels": STATUS_LABELS,
        "summary": summary,
        "differences": differences,
        "developments": developments,
        "only_in": only_in,
        "agreed": agreed,
        "quotes": quotes,
        "figures": figures,
        "citations": citations,
        "timeline": timeline,
        "entities": entities,
        "sources": sources,
        "titles": refs.titles,
        "excerpt": excerpt,
        "figure_reading": figure_reading,
        "claim_head": claim_head,
        "described_speaker": described_speaker,
        "file_name": file_name,
    }


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("newsprism.render", "templates"),
        autoescape=True,  # always on: the templates end in .j2, which select_autoescape misses
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def page_asset(name: str) -> Markup:
    """The page's own CSS or JS (``briefing.css``, ``briefing.js``), trusted and inlined."""
    return Markup(files("newsprism.render").joinpath("static", name).read_text(encoding="utf-8"))


def csp_hash(code: str) -> Markup:
    """The Content-Security-Policy source that allows exactly this inline code."""
    digest = base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii")
    return Markup(f"'sha256-{digest}'")  # base64 and quotes only: safe in the attribute


def render_panes(briefing: Briefing) -> Markup:
    """The briefing pane and the source columns, for embedding in a page that has the assets."""
    return _panes(build_view(briefing))


def _panes(view: BriefingView) -> Markup:
    return Markup(_environment().get_template("panes.html.j2").render(_context(view)))


def write_html(briefing: Briefing) -> str:
    style, script = page_asset("briefing.css"), page_asset("briefing.js")
    view = build_view(briefing)
    return (
        _environment()
        .get_template("page.html.j2")
        .render(
            panes=_panes(view),
            style=style,
            script=script,
            style_hash=csp_hash(style),
            script_hash=csp_hash(script),
            counted=view.counted(),
        )
    )
