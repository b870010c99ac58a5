"""The timeline of a storyline: each event a bar from its first to its last day on one time
axis, as plain SVG coordinates (laid out here, drawn by the template; no script, no network)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from newsprism.web.service import StorySummary

WIDTH = 880
MARGIN = 24  # left and right of the axis: room for a dot and its number
TOP = 8
LANE = 22  # one row per event
AXIS = 30  # below the rows: the tick labels
TICKS = 5


@dataclass(frozen=True, slots=True)
class Bar:
    number: int  # the event's place in the storyline's list, from 1
    event: StorySummary
    first: str  # YYYY-MM-DD
    last: str
    x: float  # its first day
    x_end: float  # its last day
    y: float
    r: float  # the dot: larger for more articles


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    label: str  # YYYY-MM-DD


@dataclass(frozen=True, slots=True)
class Timeline:
    bars: tuple[Bar, ...]  # the dated events; an undated one is in the list only
    ticks: tuple[Tick, ...]
    width: int
    height: int
    axis_y: float


def layout_timeline(events: Sequence[StorySummary]) -> Timeline:
    """``events`` in time order, each on a row of its own, placed by day on one axis."""
    dated = [(number, event, _day(event.first_date), _day(event.last_date or event.first_date))
             for number, event in enumerate(events, 1) if event.first_date]  # fmt: skip
    if not dated:
        return Timeline((), (), WIDTH, 0, 0.0)
    start = min(first for _, _, first, _ in dated)
    span = (max(last for _, _, _, last in dated) - start).days

    def x(day: date) -> float:
        if not span:  # one day: everything in the middle
            return WIDTH / 2
        return round(MARGIN + (day - start).days * (WIDTH - 2 * MARGIN) / span, 1)

    most = max(event.articles for _, event, _, _ in dated) or 1
    bars = tuple(
        Bar(number, event, first.isoformat(), last.isoformat(), x(first), x(last),
            TOP + LANE * row + LANE / 2, round(4 + 5 * math.sqrt(event.articles / most), 1))
        for row, (number, event, first, last) in enumerate(dated)
    )  # fmt: skip
    days = sorted({round(span * k / (TICKS - 1)) for k in range(TICKS)} if span else {0})
    ticks = tuple(Tick(x(start + timedelta(days=d)), (start + timedelta(days=d)).isoformat())
                  for d in days)  # fmt: skip
    axis_y = TOP + LANE * len(bars)
    return Timeline(bars, ticks, WIDTH, int(axis_y + AXIS), axis_y)


def _day(iso: str) -> date:
    return date.fromisoformat(iso[:10])
