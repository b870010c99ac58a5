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

A development is also an expectation and its outcome, which no aligner pairs as one fact:
"LaSalle is expected to be charged today" and, in another report, "LaSalle was charged on
Friday with third degree murder" (``expectation_outcomes``). Precision first: the outcome names
the same actor, states the very act expected (its stem), hedges nothing, and is not reported
before the expectation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from newsprism.model import Article, Report, Span
from newsprism.summarize.words import STOP_WORDS, stem_word, tokenize

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


def report_day(article: Article) -> str | None:
    """The day an article was reported (ISO date), when its date is known."""
    return article.date[:10] if article.date else None


def is_development(
    a: Span, b: Span, articles: dict[str, Article], sources: dict[str, str]
) -> bool:
    """Do two passages that differ on one fact differ because time passed?"""
    if sources[a.doc] == sources[b.doc]:
        return True
    day_a, day_b = report_day(articles[a.doc]), report_day(articles[b.doc])
    if day_a and day_b and day_a != day_b:
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
        happened = _EXPECTATION.search(span.text) is None
        later = says_change(span.text) or says_retraction(span.text)
        return report_day(articles[span.doc]) or "", happened, later, order[span.doc], span.start

    ordered = sorted(dict.fromkeys(steps), key=key)
    return tuple(Report(span, value, report_day(articles[span.doc])) for span, value in ordered)


# What is expected, due or under way, and the words that say what (up to the clause's end):
# "is expected to be charged today", "pending formal charges", "in the process of recovering".
_EXPECTATION = re.compile(
    r"\b(?:(?:expected|due|scheduled|slated|likely|set|going|supposed)\s+to|pending|"
    r"in the process of)\s+(?P<act>[^,;:.?!]+)",
    re.IGNORECASE,
)
# A statement that still looks ahead or hedges is no outcome.
_OPEN = re.compile(
    r"\b(?:expect(?:s|ed|ing)?|due|scheduled|slated|likely|pending|will|would|could|may|might|"
    r"should|plan(?:s|ned)?|going to|supposed to|in the process of|if|whether)\b",
    re.IGNORECASE,
)
# Words around the act that do not name it: light verbs ("face charges", "be charged"), time
# ("today", "on Friday"), qualities of the act ("formal charges").
_NOT_THE_ACT = STOP_WORDS | {
    "face", "facing", "get", "receive", "formal", "official", "further", "new", "possible",
    "today", "tonight", "tomorrow", "morning", "afternoon", "evening", "noon", "week", "day",
    "days", "hours", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}


def expected_act(text: str) -> str | None:
    """The stem of what a statement says is expected, due or under way, if it says so:
    "LaSalle is expected to face charges on Friday" -> "charg"."""
    match = _EXPECTATION.search(text)
    if match is None:
        return None
    words = [w for w in tokenize(match["act"]) if w not in _NOT_THE_ACT and not w.isdigit()]
    return stem_word(words[0]) if words else None


def looks_ahead(text: str) -> bool:
    """Does the statement look ahead or hedge ("is expected to", "could", "if")?"""
    return _OPEN.search(text) is not None


def states_outcome(text: str, act: str) -> bool:
    """Does the statement state the act as done (no look ahead, no hedge)?"""
    return not looks_ahead(text) and act in {stem_word(w) for w in tokenize(text)}


def expectation_outcomes(
    statements: Sequence[Span],
    actors: Sequence[frozenset[str]],
    articles: dict[str, Article],
    related: Callable[[int, int], bool],
) -> list[list[int]]:
    """Groups of statements (indices): expectations of one act by one actor and the reports,
    in other articles, that it happened. ``actors[i]`` are the resolved actors statement ``i``
    names; an expectation and an outcome must share one and be ``related`` (about the same
    thing: "nothing Simpson does is likely to change them" is not what "the trial changed
    opinions of Simpson" answers)."""
    acts = [expected_act(s.text) if actors[i] else None for i, s in enumerate(statements)]
    links: dict[int, set[int]] = {}
    for i, act in enumerate(acts):
        if act is None:
            continue
        for j, outcome in enumerate(statements):
            if (outcome.doc != statements[i].doc and acts[j] is None and actors[i] & actors[j]
                    and related(i, j) and states_outcome(outcome.text, act)
                    and not _reported_before(outcome, statements[i], articles)):
                links.setdefault(i, set()).add(j)
                links.setdefault(j, set()).add(i)
    groups, seen = [], set()
    for first in links:
        if first in seen:
            continue
        group, frontier = set(), [first]
        while frontier:
            n = frontier.pop()
            if n not in group:
                group.add(n)
                frontier.extend(links[n] - group)
        seen |= group
        # Expectations first, then outcomes: the history reads in the order things happened.
        groups.append(sorted(group, key=lambda n: (acts[n] is None, n)))
    return groups


def _reported_before(outcome: Span, expectation: Span, articles: dict[str, Article]) -> bool:
    day_outcome = report_day(articles[outcome.doc])
    day_expected = report_day(articles[expectation.doc])
    return bool(day_outcome and day_expected and day_outcome < day_expected)
