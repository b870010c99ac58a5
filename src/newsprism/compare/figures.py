"""Figures for the same quantity that different sources give differently.

Two figures measure the same quantity when they share a unit and either what they count shares
its head word ("guest workers" / "North Korean workers") or their statements were aligned as
one fact. They conflict when their ranges do not meet: "more than 40,000" is [40,000, ∞),
"about 40,000" is ±5%, a bare figure ±1% (rounding); approximate figures more than about 10%
apart are a discrepancy a reader should see.
A figure inside a "from X to Y" change is a change over time, not a claim about one value.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from newsprism.model import Article, Figure

_LOWER = re.compile(r"^(?:more than|over|at least|upwards of|in excess of)\b", re.IGNORECASE)
_UPPER = re.compile(r"^(?:less than|fewer than|under|at most|up to|as many as)\b", re.IGNORECASE)
_ABOUT = re.compile(r"^(?:about|around|roughly|nearly|almost|some|approximately|an estimated)\b",
                    re.IGNORECASE)
_FILLER = re.compile(r"^(?:just|only|a mere|mere)\s+", re.IGNORECASE)


def value_range(figure: Figure) -> tuple[float, float]:
    text = _FILLER.sub("", figure.text.strip())
    value = figure.value
    if _LOWER.search(text):
        return value, float("inf")
    if _UPPER.search(text):
        return 0.0, value
    spread = 0.05 if _ABOUT.search(text) else 0.01
    return value * (1 - spread), value * (1 + spread)


def head_word(counts: str | None) -> str | None:
    if not counts:
        return None
    words = re.findall(r"[A-Za-z]+", counts.lower())
    if "of" in words and words[0] in ("number", "share", "amount", "total", "proportion"):
        words = words[words.index("of") + 1 :]
    return words[-1].rstrip("s") if words else None


def in_change(figure: Figure, article: Article) -> bool:
    """Is the figure one end of "from X to Y"?"""
    before = article.text[max(0, figure.start - 40) : figure.start]
    after = article.text[figure.end : figure.end + 10]
    starts = re.search(r"\bfrom\s+$", before) and re.match(r"\s+to\b", after)
    ends = re.search(r"\bfrom\b.{1,40}\bto\s+$", before)
    return bool(starts or ends)


def disagree(a: Figure, b: Figure) -> bool:
    """Same unit, same order of magnitude, and ranges that do not meet."""
    if a.unit != b.unit or not 0.5 <= (a.value / b.value if b.value else 0) <= 2:
        return False
    (a_low, a_high), (b_low, b_high) = value_range(a), value_range(b)
    return a_high < b_low or b_high < a_low


def conflicting_figures(
    figures: Sequence[Figure],
    articles: dict[str, Article],
    same_fact: Callable[[Figure, Figure], bool] = lambda a, b: False,
) -> list[tuple[Figure, Figure]]:
    """Pairs of figures from different articles that measure one quantity differently: what
    they count has the same head word, or ``same_fact`` says their statements state one fact
    ("About 4,000 dockworkers walked off" / "Some 3,500 port workers stopped work")."""
    conflicts = []
    usable = [f for f in figures if not in_change(f, articles[f.doc])]
    for i, a in enumerate(usable):
        for b in usable[i + 1 :]:
            same_quantity = (head_word(a.counts) or "") == (head_word(b.counts) or "-") or (
                same_fact(a, b)
            )
            if a.doc != b.doc and same_quantity and disagree(a, b):
                conflicts.append((a, b))
    return conflicts
