"""Titles that changed hands: who holds a lead, a jersey, a post or a claim, report by report.

"Menchov kept his overall lead" in a report of the 23rd and "Contador has won the general
classification" in one of the 29th are no two facts, nor a contradiction: they are one title's
history. A statement holds a title when a person or organisation named before a verb of holding
or gaining (kept, retained, took, won, claimed, seized, leads...) is followed by a title (lead,
jersey, title, crown, post, seat, presidency, responsibility...), when it leads a race or the
polls now ("leads the Tour", "is leading in the polls"), or when the title describes the name
("race leader Rasmussen", "the yellow jersey holder, Rasmussen"). Titles are one when their
kind and distinguishing words are ("overall lead" and "general classification" are one title;
"points classification" another), and a title named in other words is still one: the jersey a
stage race gives its overall leader (yellow, pink, red, gold, the "maillot jaune") is the
overall lead, so "won the general classification" and "kept the yellow jersey" are one title.
A title changed hands when two reports of different days name holders who share no one; its
history is every dated report of the title, in report order. Undated reports cannot be ordered
and are left out: an undated "X won the title" against "Y won the title" says nothing about
which came first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsprism.compare.outcomes import report_day
from newsprism.model import Article, Span
from newsprism.negation import CONTRACTED_NOT

# A verb of holding or gaining, then the title (after a determiner and up to two qualifiers).
_HOLDS = re.compile(
    r"\b(?:kept|keeps|keeping|retain(?:s|ed|ing)?|hold(?:s|ing)?|held|t(?:ook|akes|aken)|"
    r"w(?:on|ins)|claim(?:s|ed)?|seiz(?:es|ed)|regain(?:s|ed)|extend(?:s|ed)|defend(?:s|ed)|"
    r"inherit(?:s|ed)|assum(?:es|ed)|grabb(?:ed)|snatch(?:es|ed)|lead(?:s|ing)?|led|"
    r"moved into|move into|became|becomes|remain(?:s|ed)?|wear(?:s|ing)?|wore|worn|don(?:s|ned)|"
    r"pull(?:s|ed)? on|put on)\s+(?:(?:over|back)\s+)?"
    r"(?:(?:his|her|its|their|the|a|an)\s+)?(?P<qualifiers>(?:[A-Za-z'’-]+\s+){0,2}?)"
    r"(?P<head>lead|leader|leadership|classification|standings|jersey|title|crown|"
    r"championship|presidency|chairmanship|premiership|post|seat|throne|responsibility|"
    r"maillot jaune|maglia rosa)\b(?!['’]s\b)",  # "the leader's jersey" is a jersey
    re.IGNORECASE,
)
# The colours of the overall leader's jersey in the stage races (Tour: yellow, Giro: pink,
# Vuelta: red, once gold), and the jerseys named in their own language: the overall lead. The
# other colours name different classifications from race to race, so they stay titles of their
# own ("green jersey"), never the points or mountains classification.
_LEADERS_JERSEY = {"yellow", "pink", "red", "gold", "golden", "leader's", "leader’s",
                   "leaders"}
_OVERALL = ("lead", "overall")
# A title before the name it describes: "race leader Rasmussen", "the yellow jersey holder,
# Rasmussen" (a former or previous holder holds nothing now).
_TITLED = re.compile(r"\b(?P<head>leader|holder|wearer)\s*,?\s*\Z", re.IGNORECASE)
_DETERMINERS = {"the", "a", "an", "his", "her", "its", "their"}
# Leading a race or the polls now: a standing ("leads the Tour", "is leading the polls"). Only
# the present: "led the race" may be a stage's front for an hour; "won the race" a stage.
_LEADS = re.compile(
    r"\b(?:leads|(?:is|are)\s+(?:now\s+)?leading|tops|remains top of)\s+(?:in\s+)?the\s+"
    r"(?P<head>race|tour|giro|vuelta|field|(?:opinion\s+)?polls?|(?:vote\s+)?count)\b",
    re.IGNORECASE,
)
_STANDING = {"poll": ("lead", "polls"), "polls": ("lead", "polls"), "count": ("lead", "count")}
_FORMER = re.compile(r"\b(?:former|ex|previous|erstwhile|one-time|onetime)\b", re.IGNORECASE)
_NAME = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|da|del|la|le))*")
# One name per kind of title.
_KIND = {"leader": "lead", "leadership": "lead", "classification": "lead", "standings": "lead",
         "crown": "title", "championship": "title"}
# Qualifiers that name no other title: "his overall lead" is "the general classification", and
# one race's "race lead" its overall lead.
_SAME = {"general": "overall", "race": "overall", "new": None, "current": None,
         "provisional": None, "outright": None, "classification": None, "standings": None}
_NOT_A_HOLDER = re.compile(r"\b(?:not|never|no longer|could|would|might|may|will|expected|"
                           r"hopes?|hoped|wants?|wanted|tries|tried|bid|failed)\b|"
                           + CONTRACTED_NOT, re.IGNORECASE)


@dataclass(frozen=True)
class Holding:
    """A statement that names who holds a title."""

    title: tuple[str, ...]  # its kind, then its distinguishing words
    holder: str  # the resolved actor its clause names first, before the verb
    start: int  # where the words from holder to title (or title to holder) begin
    end: int  # where they end


def holding(text: str, actors: Sequence[tuple[int, str]]) -> Holding | None:
    """The title a statement says someone holds or gained, with who: ``actors`` are the
    resolved ids of the people and organisations it names, at their offsets in ``text``. A
    title wanted, lost, hoped for or denied is held by no one here."""
    match = _HOLDS.search(text) or _LEADS.search(text)
    if match is None or _NOT_A_HOLDER.search(text, 0, match.start("head")):
        return _titled(text, actors)
    clause = _clause_start(text, match.start())
    subject = [(at, who) for at, who in actors if clause <= at < match.start()]
    if not subject:
        return None
    at, who = subject[0]  # the clause's first actor: "Alberto Contador of Astana has won"
    head = match["head"].lower()
    title = (_STANDING.get(head.split()[-1], _OVERALL) if match.re is _LEADS
             else _title(match["qualifiers"].lower().split(), head))
    return Holding(title, who, at, match.end())


def _titled(text: str, actors: Sequence[tuple[int, str]]) -> Holding | None:
    """A race's title given as a name's description: "race leader Michael Rasmussen", "the
    yellow jersey holder, Rasmussen,", "overall leader Contador". Only a race's standings are
    read this way: "Hamas leader" or "party leader" may name one of several at once."""
    for at, who in actors:
        found = _TITLED.search(text, max(0, at - 60), at)
        if found is None or _NOT_A_HOLDER.search(text, 0, found.start()):
            continue
        before = [w for w in re.findall(r"[A-Za-z'’-]+", text[max(0, found.start() - 40) :
                                                               found.start()].split(",")[-1])
                  if w.lower() not in _DETERMINERS]
        if _FORMER.search(" ".join(before[-4:])):
            continue
        for n in range(min(3, len(before)), 0, -1):  # the most words that name a race title
            words = [w.lower() for w in before[-n:]]
            title = _race_title(words, found["head"].lower())
            if title is not None:
                name = _NAME.match(text, at)
                start = text.rfind(before[-n], 0, found.start())
                return Holding(title, who, start, name.end() if name else at)
    return None


def _race_title(words: Sequence[str], head: str) -> tuple[str, ...] | None:
    """The race title that words before "leader", "holder" or "wearer" name, if any: "race" ->
    the overall lead, "yellow jersey" -> the overall lead, "points classification" -> the
    points lead; "team" or "Hamas" none."""
    if head != "leader":  # "yellow jersey holder": the jersey is the title
        if words[-1] not in ("jersey", "classification"):
            return None
        words, head = words[:-1], words[-1]
    title = _title(words, head)
    if title == _OVERALL or "jersey" in words or "classification" in words or head != "leader":
        return title
    return None


def _title(qualifiers: Sequence[str], head: str) -> tuple[str, ...]:
    """One name for a title however it is written: its kind, then its distinguishing words
    ("his overall lead", "the general classification", "the yellow jersey" -> lead, overall)."""
    if head in ("maillot jaune", "maglia rosa") or (
            head == "jersey" and _LEADERS_JERSEY & set(qualifiers)):
        return _OVERALL
    return (_KIND.get(head, head), *sorted(q for w in qualifiers if (q := _SAME.get(w, w))))


def _clause_start(text: str, end: int) -> int:
    """Where the clause that ends at ``end`` begins: after the last comma, semicolon or colon."""
    return max((m.end() for m in re.finditer(r"[,;:]", text[:end])), default=0)


def changed_hands(
    statements: Sequence[Span],
    holdings: Sequence[Holding | None],
    articles: dict[str, Article],
) -> list[list[int]]:
    """Groups of statements (indices): the dated reports of one title whose holders changed
    between reports of different days, in report order."""
    by_title: dict[tuple[str, ...], list[int]] = {}
    for i, found in enumerate(holdings):
        if found is not None and report_day(articles[statements[i].doc]):
            by_title.setdefault(found.title, []).append(i)
    groups = []
    for members in by_title.values():
        day = {i: report_day(articles[statements[i].doc]) for i in members}
        holder = {i: holdings[i].holder for i in members}  # type: ignore[union-attr]
        if any(day[i] != day[j] and holder[i] != holder[j]
               for n, i in enumerate(members) for j in members[n + 1 :]):
            groups.append(sorted(members, key=lambda i: (day[i], i)))
    return groups
