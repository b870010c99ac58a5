"""Opposite verdicts: one source judges the event significant, another judges it empty.

A statement's verdict polarity comes from a lexicon of judgements about an event's outcome
and significance ("little came of", "short on substance" / "notable", "premature to dismiss").
Rules keep it honest: a negator shortly before a judgement flips it ("premature to dismiss" is
positive); a judgement inside a concessive clause ("although some observers...") is not the
author's and is left out, as is one under a modal, a condition or an aim ("would amount to
nothing", "if no agreement is reached", "working toward a successful outcome") or
tied to a moment of it ("no progress was made when the meeting reopened", "not yet
achieved"); a view reported
as others' ("appeared to the media"), or held by someone the statement names ("dismissed by
critics", "the authorities say"), counts half: it is the holder's verdict, not the source's;
where an article states conclusions ("Therefore, ..."), they alone are its verdict. Only
statements about the event itself (its nouns: summit, meeting, talks, deal, ... and those of
the titles) are verdicts.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from newsprism.model import Article, Span
from newsprism.negation import CONTRACTED_NOT

_POSITIVE = (
    r"significant|significance|important|meaningful|substantive|breakthrough|progress|notable|"
    r"intriguing|success|successful|productive|historic|landmark|departure|fruitful|"
    r"constructive|promising|achievement|achieved|milestone"
)
_NEGATIVE = (
    r"little came of|anticlimactic|symbolic|symbolism|short on substance|nothing|failed|failure|"
    r"fruitless|unremarkable|lacking|empty|hollow|modest|disappointing|disappointment|stalled|"
    r"went nowhere|insignificant|meaningless|no agreements?|dismiss|dismissed|write off|"
    r"written off|play down|overblown|little to show|came to nothing|no deal|no progress"
)
# A judgement word closing a hyphenated compound describes the noun it stands before ("agreed
# to restart long-stalled peace talks", "the all-important black boxes", "a half-empty hall"):
# what the thing has been, not a verdict on how the event turned out.
_JUDGEMENT = re.compile(rf"(?<!\w-)\b(?:(?P<pos>{_POSITIVE})|(?P<neg>{_NEGATIVE}))\b",
                        re.IGNORECASE)
_NEGATOR = re.compile(
    r"(?:\b(?:not|never|hardly|no longer|premature to|too early to|refrain from|wrong to|"
    r"mistake to|rather than)\b|" + CONTRACTED_NOT + r")[^.;]{0,30}$",
    re.IGNORECASE,
)
# "could be achieved", "would amount to nothing", "if no agreement is reached": an outcome
# supposed, not a judgement made; "working toward a successful outcome", "hopes for
# progress": an outcome sought.
_HYPOTHETICAL = re.compile(
    r"\b(?:could|would|might|may|if|unless|whether|toward|towards|hopes?|hoped|hoping|aims?|"
    r"aimed|aiming|seeks?|seeking|wants?|wanted|wish(?:es)?|strive|striving)\b[^.;,]{0,40}$",
    re.IGNORECASE,
)
# "No progress was made when the meeting was reopened", "... so far": a judgement of a moment
# of the event (a later report may tell it changed), not of its outcome.
_MOMENT = re.compile(r"[^.;]{0,40}?\b(?:when|until|so far|as yet|initially|at first|by then)\b",
                     re.IGNORECASE)  # read right after the judgement
_MOMENT_BEFORE = re.compile(r"\b(?:not yet|yet to|so far|as yet)\b[^.;,]{0,20}$", re.IGNORECASE)
# A clause of "while" or "whereas" sets a contrast beside the main clause ("While the first
# film was a huge success, its director is still in negotiations"): conceded as well.
_CONCESSIVE = re.compile(r"\b(?:although|though|even though|even if|despite|while|whereas)\b"
                         r"[^,;]*",
                         re.IGNORECASE)
_REPORTED = re.compile(
    r"\b(?:some (?:[\w-]+ ){0,2}(?:observers|analysts|critics|media|commentators|experts|"
    r"groups|organi[sz]ations|NGOs|delegates|delegations|countries)|appeared to the media|"
    r"(?:observers|critics|media) (?:have )?(?:regarded|called|described|thought|said))\b",
    re.IGNORECASE,
)
# A judgement the statement gives its holder: said by someone ("the authorities say the vote is
# an important step", "a success, delegates said"), or passed by an agent ("hailed by the
# government ... but dismissed by critics as a sham").
_ATTRIBUTED = re.compile(
    r"\b(?:says?|said|claims?|claimed|argues?|argued|insists?|insisted|according to)\b|"
    r"\b(?:hailed|heralded|praised|welcomed|touted|billed|dismissed|derided|denounced|"
    r"condemned|critici[sz]ed|branded|labell?ed|described|called|portrayed|regarded|seen|"
    r"viewed|written off)\s+(?:\w+\s+)?by\b",
    re.IGNORECASE,
)
_CONCLUSION = re.compile(r"^\W*(?:therefore|thus|in short|in sum|overall|ultimately|in the end)\b",
                         re.IGNORECASE)
CLEAR_VERDICT = 1.0  # a source's summed polarity must reach this to count as a verdict
EVENT_NOUNS = {"summit", "meeting", "talks", "visit", "conference", "deal", "agreement",
               "negotiations", "results", "outcome", "trip", "session", "election", "vote",
               "trial", "ruling", "strike", "protest"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Verdict:
    span: Span
    polarity: float  # > 0: the event mattered; < 0: it did not
    conclusion: bool = False  # stated as the article's conclusion ("Therefore, ...")


def verdict_polarity(text: str) -> float:
    polarity = 0.0
    concessive = [(m.start(), m.end()) for m in _CONCESSIVE.finditer(text)]
    for match in _JUDGEMENT.finditer(text):
        sign = 1.0 if match["pos"] else -1.0
        if _NEGATOR.search(text, 0, match.start()):
            sign = -sign
        if any(s <= match.start() < e for s, e in concessive):
            continue  # a conceded view is the one the main clause answers
        if _HYPOTHETICAL.search(text, 0, match.start()):
            continue
        if _MOMENT.match(text, match.end()) or _MOMENT_BEFORE.search(text, 0, match.start()):
            continue
        polarity += sign
    if _REPORTED.search(text) or _ATTRIBUTED.search(text):
        polarity *= 0.5
    return polarity


def event_words(articles: Sequence[Article]) -> set[str]:
    words = set(EVENT_NOUNS)
    for article in articles:
        for word in re.findall(r"[A-Za-z]+", article.title or ""):
            if word.lower() in EVENT_NOUNS or word.lower().rstrip("s") in EVENT_NOUNS:
                words.add(word.lower())
    return words


def find_verdicts(statements: Sequence[Span], articles: Sequence[Article]) -> list[Verdict]:
    """Statements that judge the event, with their polarity."""
    nouns = event_words(articles)
    found = []
    for statement in statements:
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", statement.text)}
        if words & nouns:
            polarity = verdict_polarity(statement.text)
            if polarity:
                concluding = _CONCLUSION.search(statement.text) is not None
                found.append(Verdict(statement, polarity, concluding))
    return found


def opposing_verdicts(
    verdicts: Sequence[Verdict], source_of: dict[str, str]
) -> list[tuple[Verdict, Verdict]]:
    """For each pair of sources whose overall verdicts have opposite signs, the strongest
    statement of each side."""
    by_source: dict[str, list[Verdict]] = defaultdict(list)
    for verdict in verdicts:
        by_source[source_of[verdict.span.doc]].append(verdict)
    overall = {source: _overall(vs) for source, vs in by_source.items()}
    sources = sorted(s for s in by_source if abs(overall[s]) >= CLEAR_VERDICT)
    pairs = []
    for i, a in enumerate(sources):
        for b in sources[i + 1 :]:
            if overall[a] * overall[b] < 0:
                strongest_a = max(by_source[a], key=lambda v: v.polarity * _sign(overall[a]))
                strongest_b = max(by_source[b], key=lambda v: v.polarity * _sign(overall[b]))
                pairs.append((strongest_a, strongest_b))
    return pairs


def _overall(verdicts: list[Verdict]) -> float:
    """An argument concedes before it concludes: where a source states conclusions, they are
    its verdict; otherwise all its judgements add up."""
    concluding = [v.polarity for v in verdicts if v.conclusion]
    return sum(concluding) if concluding else sum(v.polarity for v in verdicts)


def _sign(value: float) -> float:
    return 1.0 if value > 0 else -1.0
