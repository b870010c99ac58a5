"""Developments: where reports differ because time passed, not because sources disagree.

A toll of 65 that police later "backed off" to 60, identified bodies rising from 14 to 18, a remark
its speaker retracted: an analyst wants these as the fact's history, in order, not as a
contradiction. Two differing reports of one fact are a development when

- they come from one source (an outlet's successive reports update it; it does not contradict
  itself),
- they were reported on different days (the articles' own dates), or
- one of them says the value changed or was corrected ("rose to", "revised", "backed off",
  "now", "retracted"): that one is the later report.

Otherwise, reported the same day by different sources with no word of change, they contradict.

A development is also what one report left open (expected, pending, supposed) and what a
later one says became of it (``compare.outcomes``), and a figure a later report names as the
value it replaced ("updated from $586 million a day earlier", ``revisions``) with the report
that gave it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from newsprism.analyse.figures import vague
from newsprism.compare.outcomes import looks_ahead, report_day
from newsprism.model import Article, Figure, Report, Span

# Words that say a value or a claim moved since an earlier report. Matched as whole words,
# case-insensitively, in the sentence that holds the later value.
_CHANGE = re.compile(
    r"\b(?:revis(?:ed|es|ing)|updat(?:ed|es|ing)|correct(?:ed|s|ion)|amend(?:ed|s)|"
    r"r(?:ose|isen|ises|ising)|climb(?:ed|s|ing)|jump(?:ed|s)|s(?:oared|urged)|"
    r"increas(?:ed|es|ing)|(?:went|gone|goes) up|grew|grown|"
    r"f(?:ell|allen|alls)|dropp(?:ed|ing)|declin(?:ed|es)|decreas(?:ed|es)|lowered|raised|"
    r"backed (?:off|down)|scaled back|walked back|took back|taken back|"
    r"retract(?:ed|s|ion)|withdr(?:ew|awn)|recant(?:ed|s)|"
    r"now|later|since then|has since|have since|initially|originally|at first|"
    r"earlier (?:reported|said|put|estimated|given)|up from|down from)\b",
    re.IGNORECASE,
)
# Words that take a remark or claim back: a statement and its retraction are a development.
_RETRACTION = re.compile(
    r"\b(?:retract(?:ed|s|ion)?|withdr(?:ew|awn|aws)|recant(?:ed|s)?|walked back|took back|"
    r"backed (?:off|away from)|corrected|correction|clarified|apologi[sz]ed for)\b",
    re.IGNORECASE,
)


def says_change(text: str) -> bool:
    """Does the passage say that a value or claim changed since an earlier report?"""
    return bool(_CHANGE.search(text))


def says_retraction(text: str) -> bool:
    """Does the passage take back, correct or retract a remark or claim?"""
    return bool(_RETRACTION.search(text))


def on_different_days(a: Span, b: Span, articles: dict[str, Article]) -> bool:
    """Were the two passages reported on different days (both articles dated)?"""
    day_a, day_b = report_day(articles[a.doc]), report_day(articles[b.doc])
    return bool(day_a and day_b and day_a != day_b)


def is_development(
    a: Span, b: Span, articles: dict[str, Article], sources: dict[str, str]
) -> bool:
    """Do two passages that differ on one fact differ because time passed?"""
    if sources[a.doc] == sources[b.doc] or on_different_days(a, b, articles):
        return True
    return says_change(a.text) != says_change(b.text) or says_retraction(a.text) != (
        says_retraction(b.text)
    )


def in_report_order(
    steps: Sequence[tuple[Span, str]], articles: dict[str, Article]
) -> tuple[Report, ...]:
    """The steps ``(passage, value)`` as a history, earliest report first: by the articles'
    dates where known; on the same day (or undated), what was expected before what happened,
    and a passage that says the value changed after one that does not; otherwise in the
    articles' order."""
    order = {doc: n for n, doc in enumerate(articles)}

    def key(step: tuple[Span, str]) -> tuple[str, bool, bool, int, int]:
        span = step[0]
        happened = not looks_ahead(span.text)
        later = says_change(span.text) or says_retraction(span.text)
        return report_day(articles[span.doc]) or "", happened, later, order[span.doc], span.start

    ordered = sorted(dict.fromkeys(steps), key=key)
    return tuple(Report(span, value, report_day(articles[span.doc])) for span, value in ordered)


# Right before a figure, words that make it the value an earlier report gave: "updated from
# $586 million", "up from 19", "revised down from 65", "rose to 29 from 19". The statement that
# holds it reports the value it replaced, so another article giving that value is the earlier
# report of one fact.
_EARLIER_VALUE = re.compile(
    r"\b(?:up|down|updat(?:ed|ing)|revis(?:ed|ing)|rais(?:ed|ing)|lower(?:ed|ing)|"
    r"increas(?:ed|ing)|decreas(?:ed|ing)|r(?:ose|isen|ising)|f(?:ell|allen|alling)|"
    r"climb(?:ed|ing)|dropp(?:ed|ing)|jump(?:ed|ing)|swell(?:ed|ing)|grew|grown)\b"
    r"[^.;:!?]{0,30}?\bfrom\s+(?:an?\s+|the\s+)?(?:(?:earlier|previous|initial)\s+[\w-]+\s+"
    r"of\s+)?$",
    re.IGNORECASE,
)
REVISION_REACH = 80  # characters before a figure in which "up from" and the like are read
# Right after a replaced value, a period it was the value of ("fell from €24.2m in 2014",
# "up from $4bn a year earlier", "last quarter"): two periods' values compared, two
# quantities, not an earlier report revised.
_PERIOD_AFTER = re.compile(
    r"\W*(?:\([^)]*\)\s*)?(?:(?:in|for|during)\s+(?:\d{4}|the\s+(?:same|previous|prior|"
    r"last|first|second|third|fourth)\b)|(?:a|one|the)\s+(?:year|quarter|month)\s+"
    r"(?:earlier|before|ago)|(?:last|this|the previous|the prior)\s+(?:year|quarter|month|"
    r"season)|\d{4}\b)",
    re.IGNORECASE,
)
CLOSE_VALUES = 0.01  # two figures this close (a share of the larger) give one value rounded


def replaced_value(figure: Figure, article: Article) -> bool:
    """Is the figure the value an earlier report gave, named as replaced ("updated from $586
    million", "up from 19"), not a past period's value ("fell from €24.2m in 2014")?"""
    return bool(_EARLIER_VALUE.search(
        article.text[max(0, figure.start - REVISION_REACH) : figure.start])) and not (
        _PERIOD_AFTER.match(article.text, figure.end))


def _close(a: Figure, b: Figure) -> bool:
    return a.unit == b.unit and abs(a.value - b.value) <= CLOSE_VALUES * max(abs(a.value),
                                                                                abs(b.value))


def revisions(
    statements: Sequence[Span],
    figures: Sequence[Figure],
    articles: dict[str, Article],
    related: Callable[[int, int], bool],
) -> list[tuple[int, Figure, int, Figure]]:
    """Figures revised between reports: ``(i, old, j, new)`` where statement ``j`` gives a new
    value ``new`` and names ``old``'s value as the one it replaced, and statement ``i`` of
    another article gives ``old``, that value in that unit, about the same thing
    (``related``), its article not giving the new value too (then it tells the same change).
    The later report says so itself, so no date is needed."""
    holder = {}
    for figure in figures:
        holder[figure] = next((n for n, s in enumerate(statements) if s.doc == figure.doc
                               and s.start <= figure.start < s.end), None)
    found = []
    for cited in figures:
        j = holder[cited]
        if j is None or vague(cited.text) or not replaced_value(cited, articles[cited.doc]):
            continue
        new = next((f for f in figures if holder[f] == j and f is not cited
                    and f.unit == cited.unit and f.value != cited.value
                    and not replaced_value(f, articles[f.doc])), None)
        if new is None:
            continue
        for old in figures:
            i = holder[old]
            if (i is not None and old.doc != cited.doc and old.value == cited.value
                    and old.unit == cited.unit and not vague(old.text)
                    and not replaced_value(old, articles[old.doc]) and related(i, j)
                    # an article that gives the new value too tells the same change
                    and not any(f.doc == old.doc and _close(f, new) for f in figures)):
                found.append((i, old, j, new))
    return found
