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
later one says became of it (``compare.outcomes``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsprism.compare.outcomes import looks_ahead, report_day
from newsprism.model import Article, Report, Span

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
