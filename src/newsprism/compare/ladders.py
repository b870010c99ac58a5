"""Processes that move on between dated reports: one participant's steps up a ladder.

"Graner was found guilty" in a report of January and "Graner was sentenced to ten years" in one
of a later day are no two facts nor a contradiction: they are one process moving on, and an
analyst wants them as its history. A process is a ladder of steps, each named by its verbs:

- legal: arrested or detained → charged, indicted, arraigned, pleaded not guilty → held for
  trial, ordered held, bound over → tried, on trial → convicted, found guilty or not guilty,
  acquitted, pleaded guilty → sentenced, jailed for → appealed;
- captivity: captured, kidnapped, seized, detained → released, freed, rescued;
- a search: missing, disappeared → found, located → recovered, retrieved, removed → identified;
- an operation's state: halted, suspended, paused, adjourned, grounded, broke down → resumed →
  completed, ended, called off.

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

Real reports often name a participant as no resolved name, so three more kinds stand for one:
- a group, a count and a plural head ("ten United States nationals", "Fifteen British Royal
  Navy personnel"): two groups are one when they have the same count and either the same head
  or the same first proper word before it, a nationality or a force ("United States
  missionaries"; "US", "U.S." and "United States" all read "us"); a generic head alone ("two
  people") and a part or increment ("the other 14", "another five") are no group;
- an object that stands for its owner in a search: "located wreckage of Flight 447",
  "recovered a part of the tail section of Flight 447", "the remains of X were identified";
- an operation, by its noun: "halted the evacuation", "the search was suspended", "talks
  resumed".
The subject of a statement that opens with a participant reaches over a relative clause ("Ten
missionaries who tried to take 33 children ... have been charged": the missionaries, not the
children) and over a participle phrase when nothing nearer can be the subject; and a step
named by a noun after the time words "after", "following", "since" or "upon" ("landed ...
following their release") is said of the statement's opening participant, a group for
"their", anyone else for "his"/"her", when no other participant stands between. A step looked
ahead by an infinitive ("agreed to resume", "to be released") or a condition of time ("until
they are released") is no step taken; a hedge after the step ("halted the evacuation,
reportedly due to who will pay") does not hedge it.

A step announced firmly ("the government will resume evacuation flights", "the sailors would be
released", "is to be charged"; never "could", "should", a hedge before it, a negation or a
condition) is a step of its own kind: the decision is news, the deed not yet. It moves a
process on only from a lower step taken, in another article's report of an earlier day ("halted
the evacuation" on the 31st, "will resume evacuation flights" on the 2nd); never from undated
reports, from two announcements, or to a step taken (what was announced and then done is the
business of ``compare.outcomes``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsprism.analyse.figures import CARDINAL_WORDS, TIME_UNITS, read_figure
from newsprism.compare.outcomes import content_stems, hedges, linked_groups, report_day
from newsprism.model import Article, Span
from newsprism.negation import NEGATIONS, negation_pattern

# What stands for its owner in a search, then "of" or "from" ("located bodies and wreckage of
# Flight 447", "recovered a part of the tail section of Flight 447"): the participant follows.
_FINDS = (r"wreckage|debris|remains|bod(?:y|ies)|black box(?:es)?|(?:flight|data|voice) "
          r"recorders?|tail(?: section| fin)?|fuselage|pieces?|parts?|sections?")
_OBJECT = (rf"(?:(?:the|a|an|some|more)\s+)?(?:[\w-]+\s+){{0,2}}?(?:{_FINDS})"
           rf"(?:\s+(?:and|of the|of its|of a)\s+(?:[\w-]+\s+){{0,2}}?(?:{_FINDS}))*"
           r"\s+(?:of|from)\s+(?:the\s+)?")
_OWNED = re.compile(rf"\b(?:{_FINDS})\s+(?:of|from)\s+(?:the\s+)?$", re.IGNORECASE)
# Each process: its steps in order, as (words said of the participant before them, passive or
# intransitive; active verbs that name the participant right after them; the step's noun, said
# of the statement's opening participant after "following their" and the like).
_STEPS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "legal": (
        (r"(?:was|were|is|are|been|being|got|gets)\s+(?:\w+ly\s+)?(?:arrested|detained)|"
         r"(?:was|were|is|are|been)\s+taken into custody",
         r"arrested|detained", r"arrest"),
        (r"(?:was|were|is|are|been|being|got|gets)\s+(?:\w+ly\s+)?(?:charged|indicted|arraigned)|"
         r"pleaded not guilty|pled not guilty",
         r"charged|indicted", r"indictment|arraignment"),
        # committed for trial after a preliminary hearing: "was ordered held on multiple
        # counts", "held for trial", "bound over", "ordered to stand trial" (never a plain "held
        # on charges", which a jail's custody says as often)
        (r"(?:was|were|is|are|been)\s+(?:\w+ly\s+)?(?:ordered\s+(?:held|to\s+stand\s+trial)|"
         r"held\s+for\s+trial|bound\s+over|committed\s+(?:for|to)\s+trial)",
         r"(?!)", r"(?!)"),
        (r"(?:was|were|is|are|been|being)\s+tried\b(?!\s+to)|"
         r"(?:stood|stands|went|goes|is|was|were|are)\s+on\s+trial|stood trial|faced trial",
         r"tried(?!\s+to\b)", r"(?!)"),
        (r"(?:was|were|is|are|been)\s+(?:\w+ly\s+)?(?:convicted|acquitted|cleared|"
         r"found (?:not )?guilty)|pleaded guilty|pled guilty",
         r"convicted|acquitted|found(?=\s[^,;:.]{1,60}?\s(?:not\s+)?guilty\b)",
         r"conviction|acquittal"),
        (r"(?:was|were|is|are|been)\s+(?:\w+ly\s+)?(?:sentenced|jailed for)", r"sentenced",
         r"sentencing"),
        (r"appealed|(?:lost|won) (?:an |his |her |their )?appeal", r"(?!)", r"(?!)"),
    ),
    "captivity": (
        (r"(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?(?:captured|kidnapped|abducted|"
         r"seized|taken hostage|held hostage|held captive|detained)",
         r"captured|kidnapped|abducted|seized|detained", r"capture|kidnapping|abduction"),
        (r"(?:was|were|is|are|been)\s+(?:\w+ly\s+)?(?:released|freed|set free|rescued)",
         r"released|freed|rescued", r"release|rescue"),
    ),
    "search": (
        (r"(?:went|gone|goes|is|was|were|are|been|remains|remained)\s+"
         r"(?:(?:reported|declared|listed)\s+)?missing|disappeared",
         r"(?!)", r"disappearance"),
        (r"(?:was|were|is|are|been)\s+(?:\w+ly\s+)?(?:found|located)\b"
         r"(?!\s+(?:not\s+)?(?:guilty|innocent|liable|responsible|to\b|that\b))",
         rf"(?:found|located|spotted)\s+{_OBJECT}", r"(?!)"),
        (r"(?:was|were|is|are|been)\s+(?:\w+ly\s+)?(?:recovered|retrieved|removed|pulled out)",
         rf"(?:recovered|retrieved|raised)\s+{_OBJECT}|recovered|retrieved", r"recovery"),
        (r"(?:was|were|is|are|been)\s+(?:\w+ly\s+)?(?:identified)\b(?!\s+as\b)", r"(?!)",
         r"(?!)"),
    ),
    "operation": (
        (r"(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?(?:halted|suspended|paused|stopped|"
         r"interrupted|adjourned|grounded|put on hold)|broke down|stalled",
         r"halted|suspended|paused|stopped|interrupted|adjourned|grounded", r"suspension|halt"),
        (r"(?:(?:was|were|is|are|been)\s+)?(?:resumed|restarted)", r"resumed|restarted",
         r"resumption"),
        (r"(?:was|were|is|are|been)\s+(?:\w+ly\s+)?(?:called off|completed|ended|abandoned|"
         r"concluded)|(?:ended|concluded)",
         r"called off|completed|ended|abandoned|concluded", r"completion|end"),
    ),
}
_SAID_BEFORE = {process: [re.compile(rf"\b(?:{before})\b", re.IGNORECASE)
                           for before, _, _ in steps] for process, steps in _STEPS.items()}
_SAID_AFTER = {process: [re.compile(rf"\b(?:{after})(?:\s+|(?<=\s))", re.IGNORECASE)
                          for _, after, _ in steps] for process, steps in _STEPS.items()}
_NAMED_BY_NOUN = {process: [re.compile(rf"\b(?:after|following|since|upon)\s+"
                                       rf"(?P<whose>their|his|her)\s+(?:{noun})\b", re.IGNORECASE)
                            for _, _, noun in steps] for process, steps in _STEPS.items()}
# Between a participant and its step: how far ("Charles Graner, 36, a reservist from
# Pennsylvania, was"; a relative clause may stand between: "Graner, who was convicted in
# January, was sentenced"), and no words that hand the step to someone else ("Graner's lawyer
# said he was", "Graner, whose guard was").
_REACH_BEFORE = 80
_REACH_AFTER = 25  # "convicted Army Spc. Charles Graner": titles between verb and name
# Words that open another clause: a report verb, "that", a conjunction.
_CLAUSE_WORDS = "said|says|told|that|whose|and|or|while|after|before|when|because"
_HANDED_ON = re.compile(rf"\b(?:{_CLAUSE_WORDS}|by|['’]s)\b|[;:]", re.IGNORECASE)
# A participant named as the object of a preposition is not the one the step is said of: "a
# friend of Graner was charged".
_OBJECT_OF = re.compile(r"\b(?:of|for|with|against|to|from|by|on|at|in)\s+$", re.IGNORECASE)
# A step negated: a negation, or "yet" ("has yet to be tried").
_NEGATED = negation_pattern(NEGATIONS | {"yet"})


# A group as a participant: a count, up to three words, a plural head in lower case ("ten
# United States nationals", "Fifteen British Royal Navy personnel", "33 Haitian children").
_GROUP = re.compile(
    r"(?<![\d,.])\b(?P<count>\d+|(?i:" + "|".join(sorted(CARDINAL_WORDS, key=len, reverse=True))
    + r"))\s+(?P<words>(?:[\w.’'-]+\s+){0,3}?)"
    r"(?P<head>[a-z]+s|children|men|women|people|personnel|police|crew|staff)\b(?![\d,.]\d)")
# Heads that say nothing of who the group is ("two people", "five others"), what a count of
# time or measure is, and what a charge counts ("charged with two counts of murder").
_GENERIC_HEADS = frozenset({"people", "persons", "others", "ones", "men", "women", "times",
                            "percent", "points", "miles", "kilometers", "kilometres", "dollars",
                            "counts", "charges"}
                           | {unit + "s" for unit in TIME_UNITS})
# A part or an increment of a group, not the group ("the other 14", "another five", "two of the
# ten", "the first three").
_PART = re.compile(r"\b(?:other|another|more|remaining|additional|further|first|last|of)\s+"
                   r"(?:the\s+)?$", re.IGNORECASE)
_PROPER = re.compile(r"[A-Z][\w.’'-]*")
# An operation named by its noun ("halted the evacuation", "the search was suspended").
_OPERATION = re.compile(
    r"\b(?:(evacuation|airlift|search|rescue|strike|service|trading|production|hunt|trial|"
    r"hearing|mission)s?|(flight|talk|negotiation|deliverie|operation)s|(work|traffic))\b"
    r"(?!\s+(?:teams?|crews?|part(?:y|ies)|dogs?|workers?|officials?|attendants?|recorders?|"
    r"data|numbers?|paths?|areas?|and rescue))",  # "search teams resumed": the teams did
    re.IGNORECASE)
# What opens a statement before its subject.
_OPENING = re.compile(r"\W*(?:(?:the|a|an|all|all the|some)\s+)?", re.IGNORECASE)
# A relative clause said of the participant just before it.
_RELATIVE = re.compile(r"\s*,?\s*(?:who|which)\b", re.IGNORECASE)
# Words that open another clause between a statement's subject and a step (a relative clause
# on the subject is read; "whose", "that", a report verb or a conjunction hand the step on).
_NEW_CLAUSE = re.compile(rf"\b(?:{_CLAUSE_WORDS}|whom|where)\b|[;:]", re.IGNORECASE)
_REACH_OPENING = 200  # "Ten missionaries who tried to take 33 children out the country last
                      # week without the government's consent have been charged"
# A step only looked ahead: an infinitive ("agreed to resume", "to be released") or a condition
# of time ("until all 15 are released").
_TO_BE = re.compile(r"\bto\s+(?:be\s+|have\s+(?:been\s+)?)?$", re.IGNORECASE)
_NOT_YET = re.compile(r"\b(?:until|unless|till)\b", re.IGNORECASE)
# A step counted as repeated ("was arrested seven times between 17 and 25", "charged twice
# before"): a record of many past cases, no step of the one process the reports follow.
_REPEATED = re.compile(r"(?:[\w-]+\s+){1,3}?(?:(?!at\b)(?:[a-z]+|\d+)\s+times|twice|thrice)\b",
                       re.IGNORECASE)
# A step announced: "will", "would", "is (set|due) to", then the step's verb, bare or after
# "be" ("will resume", "would be released", "is to be charged"); "was to be released" is a
# plan the report may tell as overtaken, "were to be" a condition.
_ANNOUNCED = re.compile(
    r"\b(?:will|would|(?:is|are)\s+(?:set\s+|due\s+)?to)\s+(?:(?:soon|now|also|then|"
    r"immediately)\s+)?(?P<be>be\s+)?(?P<verb>[a-z]+(?:\s+off)?)\b", re.IGNORECASE)
# The steps that may be announced, by their verbs (bare, and after "be"): a decision to charge,
# to release, to resume or end an operation. A find or a conviction is not decided ahead.
_ANNOUNCED_STEPS: dict[str, tuple[str, int]] = {
    **dict.fromkeys(("charge", "charged", "indict", "indicted", "arraign", "arraigned"),
                    ("legal", 1)),
    **dict.fromkeys(("tried",), ("legal", 3)),
    **dict.fromkeys(("sentence", "sentenced"), ("legal", 5)),
    **dict.fromkeys(("release", "released", "free", "freed"), ("captivity", 1)),
    **dict.fromkeys(("resume", "resumed", "restart", "restarted"), ("operation", 1)),
    **dict.fromkeys(("end", "ended", "call off", "called off", "complete", "completed",
                     "abandon", "abandoned"), ("operation", 2)),
}
# A condition on an announcement makes it no decision ("would be released if Britain
# apologised").
_CONDITION = re.compile(r"\b(?:if|unless|until|till|provided|once|as soon as)\b", re.IGNORECASE)

Actor = tuple[int, int, str]  # (start, end, participant id) within a statement's text


@dataclass(frozen=True)
class Step:
    """A statement's participant at a step of a process."""

    process: str
    rank: int  # the step's place in its process
    participant: str  # a resolved entity id, a group's or an operation's key
    start: int  # where the statement's words for the step begin (participant or verb)
    end: int  # where they end
    announced: bool = False  # decided and told ahead ("will resume"), not taken


def groups(text: str) -> list[Actor]:
    """The groups a statement names as participants, each under every key it is known by: its
    count with its head ("group:10:national") and with its first proper word ("group:10:us")."""
    found = []
    for match in _GROUP.finditer(text):
        if _PART.search(text[: match.start()]):
            continue
        figure = read_figure(match["count"])
        if figure is None or figure[0] < 2:
            continue
        count = f"group:{figure[0]:g}:"
        proper = _proper_key(match["words"])
        keys = [count + key for key in proper]
        if match["head"] not in _GENERIC_HEADS:
            keys.append(count + match["head"].removesuffix("s"))
        found += [(match.start(), match.end(), key) for key in keys]
    return found


def _proper_key(words: str) -> list[str]:
    """The keys of the first run of proper words before a group's head: a single word
    ("British", "US", "U.S.") as itself, a run ("United States") by its initials and its
    first word, so that "US", "U.S." and "United States" meet."""
    run: list[str] = []
    for word in words.split():
        if _PROPER.fullmatch(word):
            run.append(word.replace(".", "").lower())
        elif run:
            break
    if not run:
        return []
    if len(run) == 1:
        return run
    return ["".join(word[0] for word in run), run[0]]


def operations(text: str) -> list[Actor]:
    """The operations a statement names by their nouns ("operation:evacuation")."""
    return [(m.start(), m.end(), "operation:" + (m[1] or m[2] or m[3]).lower())
            for m in _OPERATION.finditer(text)]


def steps(text: str, actors: Sequence[Actor]) -> list[Step]:
    """The steps a statement says its participants reached, the highest per participant and
    process: ``actors`` are the resolved people and organisations it names, as (start, end,
    entity id) in ``text``; the groups and operations it names join them. A step hedged or
    looked ahead before its words ("could be sentenced", "agreed to resume") is no step taken;
    one announced firmly ("will resume") is kept, marked ``announced``."""
    people = sorted([*actors, *groups(text)])
    named = {"operation": operations(text)}
    best: dict[tuple[str, str], Step] = {}
    for process in _STEPS:
        who_may = named.get(process, people)
        for rank, (before, after, noun) in enumerate(zip(
                _SAID_BEFORE[process], _SAID_AFTER[process], _NAMED_BY_NOUN[process],
                strict=True)):
            for match in before.finditer(text):
                for who in _subjects(text, match.start(), who_may):
                    _take(best, text, Step(process, rank, who[2], who[0], match.end()),
                          match.start())
            for match in after.finditer(text):
                after_verb = [a for a in who_may
                              if match.end() <= a[0] <= match.end() + _REACH_AFTER
                              and not _HANDED_ON.search(text, match.end(), a[0])]
                for who in [a for a in after_verb if a[0] == after_verb[0][0]]:
                    _take(best, text, Step(process, rank, who[2], match.start(), who[1]),
                          match.start())
            for match in noun.finditer(text):
                for who in _opening_of(text, match, who_may):
                    _take(best, text, Step(process, rank, who[2], who[0], match.end()),
                          match.start())
    for step in _announced(text, people, named["operation"]):
        key = (step.process, step.participant)
        if key not in best:
            best[key] = step
    return list(best.values())


def _announced(text: str, people: Sequence[Actor], operations_named: Sequence[Actor]
               ) -> list[Step]:
    """The steps a statement announces firmly (``_ANNOUNCED``): said of the participant right
    after an active verb ("will resume evacuation flights"), else of its subject ("the sailors
    would be released", "the trial will resume"); none under a hedge before the announcement
    ("could", "is expected to", "reportedly"), a negation ("will not resume") or a condition
    on it ("would be released if Britain apologised"; a condition in a later clause is
    another's: "will resume flights following doctors advising that many would die if ...")."""
    found = []
    for match in _ANNOUNCED.finditer(text):
        process_rank = _ANNOUNCED_STEPS.get(" ".join(match["verb"].lower().split()))
        condition = _CONDITION.search(text, match.end())
        if (process_rank is None or hedges(text[: match.start()]) or _negated(text, match.end())
                or _TO_BE.search(text[: match.start()])
                or (condition and not _NEW_CLAUSE.search(text, match.end(), condition.start()))):
            continue
        process, rank = process_rank
        who_may = operations_named if process == "operation" else people
        after_verb = [a for a in who_may if match.end() <= a[0] <= match.end() + _REACH_AFTER
                      and not _HANDED_ON.search(text, match.end(), a[0])]
        if after_verb and not match["be"]:
            whose = [a for a in after_verb if a[0] == after_verb[0][0]]
        else:
            whose = _subjects(text, match.start(), who_may)
        found += [Step(process, rank, who[2], min(who[0], match.start()), max(who[1], match.end()),
                       announced=True) for who in whose]
    return found


def _take(best: dict[tuple[str, str], Step], text: str, step: Step, verb: int) -> None:
    """Keep ``step`` (its verb or noun at ``verb``) when it is taken: neither negated, nor
    hedged or looked ahead before its words, nor counted as repeated; the highest step per
    participant and process."""
    before = text[: step.end]
    if (_negated(text, verb) or hedges(before) or _TO_BE.search(text[:verb])
            or _NOT_YET.search(before) or _REPEATED.match(text, verb)):
        return
    key = (step.process, step.participant)
    if key not in best or best[key].rank < step.rank:
        best[key] = step


def _subjects(text: str, at: int, actors: Sequence[Actor]) -> list[Actor]:
    """The participants a step at ``at`` is said of, under each of their keys: the statement's
    opening participant when a relative clause on it reaches the step; else the last one named
    before it, with nothing between that hands the step on, near, and not a preposition's
    object (but "the wreckage of X" is X's); else, when the last one is too far or such an
    object ("carrying 80 people to Kessel went missing"), the opening participant with no
    other clause between."""
    opening = _opening(text, actors)
    if opening and _RELATIVE.match(text, opening[0][1]) and _reaches(text, opening[0][1], at):
        return opening
    before = [a for a in actors if a[1] <= at]
    if before:  # the last to end, the outermost of those: a group, not a name inside it
        end = max(a[1] for a in before)
        start = min(a[0] for a in before if a[1] == end)
        last = [a for a in before if (a[0], a[1]) == (start, end)]
        if _HANDED_ON.search(text, last[0][1], at):
            return []
        if at - last[0][1] <= _REACH_BEFORE and (not _OBJECT_OF.search(text[: last[0][0]])
                                                 or _OWNED.search(text[: last[0][0]])):
            return last
    return opening if opening and _reaches(text, opening[0][1], at) else []


def _opening(text: str, actors: Sequence[Actor]) -> list[Actor]:
    """The participant a statement opens with (after "the", "all"), under each of its keys."""
    at = _OPENING.match(text).end()  # type: ignore[union-attr]
    return [a for a in actors if a[0] == at]


def _reaches(text: str, subject_end: int, at: int) -> bool:
    """Does the subject ending at ``subject_end`` reach a step at ``at``, no other clause
    opening between?"""
    return 0 <= at - subject_end <= _REACH_OPENING and not _NEW_CLAUSE.search(
        text, subject_end, at)


def _opening_of(text: str, noun: re.Match[str], actors: Sequence[Actor]) -> list[Actor]:
    """Whose step a noun after "following their" is: the statement's opening participant, a
    group for "their" and no group for "his"/"her", no other participant of its kind named
    between ("landed at Heathrow Airport, following their release": the group's)."""
    plural = noun["whose"].lower() == "their"
    opening = [a for a in _opening(text, actors) if a[2].startswith("group:") == plural]
    if not opening or any(opening[0][1] <= a[0] < noun.start()
                          and a[2].startswith("group:") == plural for a in actors):
        return []
    return opening


def _negated(text: str, at: int) -> bool:
    """Is the step just before ``at`` negated ("was not charged", "has yet to be tried")?"""
    return bool(_NEGATED.search(text[max(0, at - 16) : at + 14].split("\n")[0]))


# Where a legal step names its crime: "arrested on suspicion of murder", "charged with animal
# cruelty", "found guilty of slaying ...", up to the clause's edge.
_CRIME = re.compile(r"\b(?:on suspicion of|suspected of|accused of|charged with|charged over|"
                    r"arrested (?:for|over|in connection with)|indicted (?:on|for)|"
                    r"convicted of|guilty of|sentenced for)\s+(?P<crime>[^,;:.]+)",
                    re.IGNORECASE)
_CRIME_EDGE = re.compile(r"\b(?:and|after|when|while|because|following|in|on|at|who|which)\b",
                         re.IGNORECASE)
# Words of a crime's phrase that tell no crime apart ("two counts of", "second-degree").
_NOT_A_CRIME = frozenset({"count", "charg", "degre", "first", "second", "third", "one", "two",
                          "three", "four", "five", "sever", "multipl", "numer"})
# The names of a homicide, which news language varies from report to report.
_HOMICIDE = frozenset({"murder", "kill", "slay", "slai", "homicid", "manslaught"})


def crimes(text: str) -> frozenset[str]:
    """The stems of the crimes a statement names for a legal step, a homicide's names read as
    one ("kill"): "arrested on suspicion of murder" -> {"kill"}; "charged with animal cruelty
    after the dog was found dead" -> {"anim", "cruelti"}."""
    found: set[str] = set()
    for match in _CRIME.finditer(text):
        phrase = match["crime"]
        if (edge := _CRIME_EDGE.search(phrase, 1)) is not None:
            phrase = phrase[: edge.start()]
        found |= {"kill" if stem.startswith(tuple(_HOMICIDE)) else stem
                  for stem in content_stems(phrase)[:4] if stem not in _NOT_A_CRIME}
    return frozenset(found)


def _one_case(crimes_i: frozenset[str], crimes_j: frozenset[str], two_cases: bool,
              followed: frozenset[str]) -> bool:
    """Are two legal steps of one person steps of one case? A charge of another crime is no
    next step of an arrest on suspicion of this one ("arrested on suspicion of murder" /
    "charged with animal cruelty"). Where a person's reports name two crimes, a step that
    names none is of the case the reports follow, a crime more than one of them names
    (``followed``), never of a crime named once beside it."""
    if crimes_i and crimes_j:
        return bool(crimes_i & crimes_j)
    return not two_cases or bool((crimes_i or crimes_j) & followed)


def _cases(named: Sequence[frozenset[str]]) -> tuple[bool, frozenset[str]]:
    """Whether the crimes steps name hold two that share no word, and the words of crimes
    more than one of them names."""
    two_cases = any(not (a & b) for a in named for b in named)
    followed = {stem for k, a in enumerate(named) for b in named[k + 1 :] for stem in a & b}
    return two_cases, frozenset(followed)


def moved_on(
    statements: Sequence[Span], found: Sequence[Sequence[Step]], articles: dict[str, Article]
) -> list[list[int]]:
    """Groups of statements (indices): the dated reports of one participant's process, linked
    where a later day's report of another article puts it at a higher step; each group in
    report order."""
    by_thread: dict[tuple[str, str], list[tuple[int, Step]]] = {}
    for i, taken in enumerate(found):
        if report_day(articles[statements[i].doc]):
            for step in taken:
                by_thread.setdefault((step.process, step.participant), []).append((i, step))
    links: dict[int, set[int]] = {}
    named = {i: crimes(statements[i].text) for members in by_thread.values() for i, _ in members}
    for (process, _), members in by_thread.items():
        two_cases, followed = _cases([named[i] for i in {i for i, _ in members} if named[i]])
        for i, step_i in members:
            for j, step_j in members:
                day_i = report_day(articles[statements[i].doc])
                day_j = report_day(articles[statements[j].doc])
                # from a step taken to a higher one, taken or announced, on a later day
                if (statements[i].doc != statements[j].doc and not step_i.announced
                        and step_i.rank < step_j.rank
                        and day_i < day_j  # type: ignore[operator]
                        and (process != "legal"
                             or _one_case(named[i], named[j], two_cases, followed))):
                    links.setdefault(i, set()).add(j)
                    links.setdefault(j, set()).add(i)
    return [sorted(group, key=lambda n: (report_day(articles[statements[n].doc]), n))
            for group in linked_groups(links)]
