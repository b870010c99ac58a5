"""Processes that move on between dated reports: one participant's steps up a ladder.

"Graner was found guilty" in a report of January and "Graner was sentenced to ten years" in one
of a later day are no two facts nor a contradiction: they are one process moving on, and an
analyst wants them as its history. A process is a ladder of steps, each named by its verbs:

- legal: arrested or detained → charged, indicted, arraigned, pleaded not guilty → tried, on
  trial → convicted, found guilty or not guilty, acquitted, pleaded guilty → sentenced, jailed
  for → appealed;
- captivity: captured, kidnapped, seized, detained → released, freed, rescued;
- a search: missing, disappeared → found, located → recovered, retrieved, removed → identified.

A statement stands at a step for a participant when the step's verb is said of it as done: the
participant (a resolved person or organisation) named just before a passive ("Graner, 36, was
found guilty") or an intransitive step ("Graner stood trial"), or right after an active one ("a
jury convicted Graner", "found Graner guilty"); a statement that opens with "he" or "she" is
said of the one person the statement before it in its article names. A step under a hedge or a
look ahead ("could be sentenced", "is expected to be charged", "yet to be tried") is no step
taken, nor one negated ("was not charged"). Two reports link when they name one participant in
one process, come from different articles, are both dated, and the later day's report puts it
at a higher step: a development is never read from undated reports, nor from the same step
told twice, nor from a later report that tells an earlier step again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsprism.compare.outcomes import hedges, linked_groups, report_day
from newsprism.model import Article, Span

# Each process: its steps in order, as (words said of the participant before them, passive or
# intransitive; active verbs that name the participant right after them).
_STEPS: dict[str, tuple[tuple[str, str], ...]] = {
    "legal": (
        (r"(?:was|were|is|are|been|being|got|gets)\s+(?:\w+ly\s+)?(?:arrested|detained)|"
         r"(?:was|were|is|are|been)\s+taken into custody",
         r"arrested|detained"),
        (r"(?:was|were|is|are|been|being|got|gets)\s+(?:\w+ly\s+)?(?:charged|indicted|arraigned)|"
         r"pleaded not guilty|pled not guilty",
         r"charged|indicted"),
        (r"(?:was|were|is|are|been|being)\s+tried\b(?!\s+to)|"
         r"(?:stood|stands|went|goes|is|was|were|are)\s+on\s+trial|stood trial|faced trial",
         r"tried"),
        (r"(?:was|were|is|are|been)\s+(?:\w+ly\s+)?(?:convicted|acquitted|cleared|"
         r"found (?:not )?guilty)|pleaded guilty|pled guilty",
         r"convicted|acquitted|found(?=\s[^,;:.]{1,60}?\s(?:not\s+)?guilty\b)"),
        (r"(?:was|were|is|are|been)\s+(?:\w+ly\s+)?(?:sentenced|jailed for)", r"sentenced"),
        (r"appealed|(?:lost|won) (?:an |his |her |their )?appeal", r"(?!)"),
    ),
    "captivity": (
        (r"(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?(?:captured|kidnapped|abducted|"
         r"seized|taken hostage|held hostage|held captive|detained)",
         r"captured|kidnapped|abducted|seized|detained"),
        (r"(?:was|were|is|are|been)\s+(?:\w+ly\s+)?(?:released|freed|set free|rescued)",
         r"released|freed|rescued"),
    ),
    "search": (
        (r"(?:went|gone|goes|is|was|were|are|been|remains|remained)\s+"
         r"(?:(?:reported|declared|listed)\s+)?missing|disappeared",
         r"(?!)"),
        (r"(?:was|were|is|are|been)\s+(?:\w+ly\s+)?(?:found|located)\b"
         r"(?!\s+(?:not\s+)?(?:guilty|innocent|liable|responsible|to\b|that\b))",
         r"(?!)"),
        (r"(?:was|were|is|are|been)\s+(?:\w+ly\s+)?(?:recovered|retrieved|removed|pulled out)",
         r"recovered|retrieved"),
        (r"(?:was|were|is|are|been)\s+(?:\w+ly\s+)?(?:identified)\b(?!\s+as\b)", r"(?!)"),
    ),
}
_SAID_BEFORE = {process: [re.compile(rf"\b(?:{before})\b", re.IGNORECASE) for before, _ in steps]
                for process, steps in _STEPS.items()}
_SAID_AFTER = {process: [re.compile(rf"\b(?:{after})\s+", re.IGNORECASE) for _, after in steps]
               for process, steps in _STEPS.items()}
# Between a participant and its step: how far ("Charles Graner, 36, a reservist from
# Pennsylvania, was"; a relative clause may stand between: "Graner, who was convicted in
# January, was sentenced"), and no words that hand the step to someone else ("Graner's lawyer
# said he was", "Graner, whose guard was").
_REACH_BEFORE = 80
_REACH_AFTER = 25  # "convicted Army Spc. Charles Graner": titles between verb and name
_HANDED_ON = re.compile(r"\b(?:said|says|told|that|whose|and|or|by|while|after|before|when|"
                        r"because|['’]s)\b|[;:]", re.IGNORECASE)
# A participant named as the object of a preposition is not the one the step is said of: "a
# friend of Graner was charged".
_OBJECT_OF = re.compile(r"\b(?:of|for|with|against|to|from|by|on|at|in)\s+$", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:not|never|no|yet)\b|n['’]t\b", re.IGNORECASE)


@dataclass(frozen=True)
class Step:
    """A statement's participant at a step of a process."""

    process: str
    rank: int  # the step's place in its process
    participant: str  # a resolved entity id
    start: int  # where the statement's words for the step begin (participant or verb)
    end: int  # where they end


def steps(text: str, actors: Sequence[tuple[int, int, str]]) -> list[Step]:
    """The steps a statement says its participants reached, the highest per participant and
    process: ``actors`` are the resolved people and organisations it names, as (start, end,
    entity id) in ``text``. A statement that hedges or looks ahead takes no step."""
    if hedges(text):
        return []
    best: dict[tuple[str, str], Step] = {}
    for process in _STEPS:
        for rank, (before, after) in enumerate(
                zip(_SAID_BEFORE[process], _SAID_AFTER[process], strict=True)):
            for match in before.finditer(text):
                who = _subject(text, match.start(), actors)
                if who is not None and not _negated(text, match.start()):
                    _keep(best, Step(process, rank, who[2], who[0], match.end()))
            for match in after.finditer(text):
                who = next((a for a in actors if match.end() <= a[0] <= match.end() + _REACH_AFTER
                            and not _HANDED_ON.search(text, match.end(), a[0])), None)
                if who is not None and not _negated(text, match.start()):
                    _keep(best, Step(process, rank, who[2], match.start(), who[1]))
    return list(best.values())


def _keep(best: dict[tuple[str, str], Step], step: Step) -> None:
    key = (step.process, step.participant)
    if key not in best or best[key].rank < step.rank:
        best[key] = step


def _subject(text: str, at: int, actors: Sequence[tuple[int, int, str]]
             ) -> tuple[int, int, str] | None:
    """The participant a step at ``at`` is said of: the last actor named before it, near, with
    nothing between that hands the step on, and not a preposition's object."""
    before = [a for a in actors if a[1] <= at and at - a[1] <= _REACH_BEFORE]
    if not before:
        return None
    who = before[-1]
    if _HANDED_ON.search(text, who[1], at) or _OBJECT_OF.search(text[: who[0]]):
        return None
    return who


def _negated(text: str, at: int) -> bool:
    """Is the step just before ``at`` negated ("was not charged", "has yet to be tried")?"""
    return bool(_NEGATED.search(text[max(0, at - 12) : at + 14].split("\n")[0]))


def moved_on(
    statements: Sequence[Span], found: Sequence[Sequence[Step]], articles: dict[str, Article]
) -> list[list[int]]:
    """Groups of statements (indices): the dated reports of one participant's process, linked
    where a later day's report of another article puts it at a higher step; each group in
    report order."""
    by_thread: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for i, taken in enumerate(found):
        if report_day(articles[statements[i].doc]):
            for step in taken:
                by_thread.setdefault((step.process, step.participant), []).append((i, step.rank))
    links: dict[int, set[int]] = {}
    for members in by_thread.values():
        for i, rank_i in members:
            for j, rank_j in members:
                day_i = report_day(articles[statements[i].doc])
                day_j = report_day(articles[statements[j].doc])
                if (statements[i].doc != statements[j].doc and rank_i < rank_j
                        and day_i < day_j):  # type: ignore[operator]
                    links.setdefault(i, set()).add(j)
                    links.setdefault(j, set()).add(i)
    return [sorted(group, key=lambda n: (report_day(articles[statements[n].doc]), n))
            for group in linked_groups(links)]
