"""Briefing output: a Rich terminal view, Markdown, a self-contained HTML page and JSON.

    write_briefing(briefing, "html")      -> str, ready to write to a file
    print_briefing(briefing, console)     -> the Rich view on a console
    briefing_to_json / validate_briefing_json   the JSON and its schema check

All four formats lay out the same ``BriefingView`` (see ``view.py``); every statement they show is
a slice of ``documents[].text`` and points back to it.
"""

from __future__ import annotations

from typing import Literal

from newsprism.model import Briefing
from newsprism.render.html import render_panes, write_html
from newsprism.render.json import (
    briefing_to_json,
    load_schema,
    validate_briefing_json,
    write_json,
)
from newsprism.render.markdown import write_markdown
from newsprism.render.terminal import print_briefing, write_terminal

Format = Literal["terminal", "markdown", "html", "json"]
FORMATS: tuple[Format, ...] = ("terminal", "markdown", "html", "json")

__all__ = [
    "FORMATS",
    "Format",
    "briefing_to_json",
    "load_schema",
    "print_briefing",
    "render_panes",
    "validate_briefing_json",
    "write_briefing",
]


_WRITERS = {
    "terminal": write_terminal,
    "markdown": write_markdown,
    "html": write_html,
    "json": write_json,
}


def write_briefing(briefing: Briefing, format: Format) -> str:
    """The briefing as text in ``format``; JSON is validated against its schema first."""
    if format not in _WRITERS:
        raise ValueError(f"unknown briefing format {format!r}: choose one of {', '.join(FORMATS)}")
    return _WRITERS[format](briefing)
