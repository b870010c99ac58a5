"""Figures for the same quantity that different sources give differently.

Two figures give the same quantity only when they count the same thing in the same role and
unit ("21 people were wounded" / "24 people were wounded"; never killed against injured, found
against identified, a hall's capacity against the crowd inside, or the time one event took
against another's) and their statements state one fact. They conflict when the intervals they
state do not meet ("300 or 400" allows 350; "more than 250" does not allow 200). A figure whose
counted thing or role the sentence does not say is never set against another: a false
contradiction is worse than a missed one. A figure inside a "from X to Y" change is a change
over time, not a claim about one value.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

import numpy as np
import Stemmer

from newsprism.analyse.dates import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS
from newsprism.analyse.figures import (
    CLOCK,
    COUNTING_NOUNS,
    CURRENCY_CODES,
    ROLE_OF,
    TIME_UNITS,
    read_figure,
    vague,
)
from newsprism.analyse.nlp import noun_lemma
from newsprism.analyse.units import in_base, kind
from newsprism.compare import predicates
from newsprism.compare.outcomes import hedges, looks_ahead, report_day
from newsprism.model import Article, Figure, Mention, Span

_STEMMER = Stemmer.Stemmer("english")
# Words that count people: "65 people", "a toll of 65" (a death toll is a number of people),
# "21 of the wounded". Other nouns are the same thing only when their head words are.
# Heads that count people: "222,570 deaths" is the toll "200,000 people killed" gave earlier.
_PEOPLE = {"people", "person", "individual", "toll", "dead", "death", "fatality", "wounded",
           "injured", "missing"}
# Roles that only people take: a bare count in one ("killing at least 45", "120 were
# injured") or a whole of one ("bringing the total to 45" after "two more died") counts people.
_ROLES_OF_PEOPLE = {"killed", "injured", "missing", "arrested", "evacuated", "rescued"}
# Nouns of a whole that count what their role says, as a toll does ("the death count", "the
# tally of arrests", "the number of dead").
_TALLIES = COUNTING_NOUNS | {"count", "tally"}


def value_range(figure: Figure) -> tuple[float, float]:
    """The interval a figure states (``inf``: no upper bound); figures stored before intervals
    were read get theirs from their text."""
    low, high = figure.low, figure.high
    if low is None:
        read = read_figure(figure.text)
        low, high = (read[2], read[3]) if read else (figure.value, figure.value)
    return low, float("inf") if high is None else high


def head_word(counts: str | None) -> str | None:
    """The noun a ``counts`` phrase is about, singular: "the number of North Koreans working"
    -> "country" (its last word), "port workers" -> "worker"."""
    if not counts:
        return None
    words = re.findall(r"[A-Za-z]+", counts.lower())
    if "of" in words and words[0] in COUNTING_NOUNS:
        words = words[words.index("of") + 1 :]
    return noun_lemma(words[-1]) if words else None


def role_of(word: str | None) -> str | None:
    """One name per role: "wounded", "injured" -> "injured"; other words their stem."""
    if not word:
        return None
    word = word.lower()
    return ROLE_OF.get(word) or _STEMMER.stemWord(word)


def quantity(figure: Figure) -> tuple[str | None, str, str] | None:
    """What a figure measures, as (unit, thing, role), or None when the sentence does not say:
    two figures with equal keys give one quantity."""
    role = role_of(figure.role)
    if role is None:
        return None
    if figure.unit in TIME_UNITS:  # a duration counts the time one event took: that event
        return figure.unit, role, role
    head = head_word(figure.counts)
    if figure.unit is None and role in _ROLES_OF_PEOPLE and (head is None or head in _TALLIES):
        return None, "people", role  # "the death count is over 120,000" counts people
    if head is None:
        return None
    thing = "people" if head in _PEOPLE else head
    return kind(figure.unit) or figure.unit, thing, role  # a length in feet is one in metres


def in_words(figure: Figure) -> bool:
    """Is the figure a count written in words ("nine soldiers", "two dozen people")?"""
    return figure.unit is None and not any(ch.isdigit() for ch in figure.text)


def alignment_keys(figure: Figure) -> list[tuple[tuple[object, ...], tuple[object, ...]]]:
    """What a figure tells alignment, as (value key, quantity group) pairs: two statements
    with an equal value key state one value; two in one group with no equal value key state
    different values of one thing. A figure in digits is keyed by its value and unit (and by
    its quantity too, when read, so that "9 soldiers" meets "nine soldiers"); a count written
    in words only by its value of its quantity, since small counts in words are everywhere
    ("two people were killed" is not "two officials said"), and only with its quantity read;
    a vague figure ("hundreds") states no value and is not keyed. Sums of money in any currency
    are one group: "pledged $350 million" and "pledged 150,000 euro" are two pledges. A measure
    ("200 feet") is keyed by its value and unit with no group (``None``): measures are set
    against each other in any unit of their kind by ``measures_compared``."""
    if vague(figure.text):
        return []
    key = quantity(figure)
    measure = kind(figure.unit) is not None
    by_quantity = ([((figure.value, figure.unit, key), None if measure else (figure.unit, key))]
                   if key is not None else [])
    if in_words(figure):
        return by_quantity
    group = "money" if figure.unit in CURRENCY_CODES else figure.unit
    return [((figure.value, figure.unit), None if measure else (group,)), *by_quantity]


def base_range(figure: Figure) -> tuple[float, float]:
    """The interval a figure states, a measure's in its kind's base unit ("about 200ft":
    54.9 to 67.1 metres)."""
    low, high = value_range(figure)
    return in_base(figure.unit, low), in_base(figure.unit, high)


def _meet(a: Figure, b: Figure) -> bool:
    (a_low, a_high), (b_low, b_high) = base_range(a), base_range(b)
    return a_low <= b_high and b_low <= a_high


def _same_value(a: Figure, b: Figure) -> bool:
    """Do two figures give one value: equal in one unit, or in two units of one kind each
    value inside the other's reading ("about 200ft" / "60m": 60.96 metres is within "about
    60"; "2,000ft" / "some 700 metres" meet only at their edges, and give two values)?"""
    if a.unit == b.unit:
        return a.value == b.value
    (a_low, a_high), (b_low, b_high) = base_range(a), base_range(b)
    a_value, b_value = in_base(a.unit, a.value), in_base(b.unit, b.value)
    return b_low <= a_value <= b_high or a_low <= b_value <= a_high


def measures_compared(measures: Sequence[Sequence[Figure]]) -> tuple[np.ndarray, np.ndarray]:
    """Over statements, each given the figures it holds: where two give one measure in any
    units of its kind (``_same_value``: "fell about 200ft" / "fell about 60m"), and where both
    give measures of one kind and none of them meet ("about 200ft" / "about 200m", "about 150
    metres" / "about 200 feet": different values, no one fact). Measures that meet without
    giving one value ("2,000ft" / "some 700 metres") are neither: when unsure, say less."""
    by_kind = [{} for _ in measures]  # type: list[dict[str, list[Figure]]]
    for i, figures in enumerate(measures):
        for figure in figures:
            if (of := kind(figure.unit)) is not None and not vague(figure.text):
                by_kind[i].setdefault(of, []).append(figure)
    same = np.zeros((len(measures), len(measures)), dtype=np.float32)
    apart = np.zeros((len(measures), len(measures)), dtype=bool)
    told = [i for i, kinds in enumerate(by_kind) if kinds]
    for n, i in enumerate(told):
        for j in told[n + 1 :]:
            for of in by_kind[i].keys() & by_kind[j].keys():
                pairs = [(a, b) for a in by_kind[i][of] for b in by_kind[j][of]]
                same[i, j] = same[j, i] = max(same[i, j], any(_same_value(a, b) for a, b in pairs))
                apart[i, j] = apart[j, i] = apart[i, j] or not any(_meet(a, b) for a, b in pairs)
    return same, apart


def in_change(figure: Figure, article: Article) -> bool:
    """Is the figure one end of "from X to Y"?"""
    before = article.text[max(0, figure.start - 40) : figure.start]
    after = article.text[figure.end : figure.end + 10]
    starts = re.search(r"\bfrom\s+$", before) and re.match(r"\s+to\b", after)
    ends = re.search(r"\bfrom\b.{1,40}\bto\s+$", before)
    return bool(starts or ends)


# The period a count covers, where its statement names one: a year ("the 2008-2009 war"), a
# named period ("this year", "last month", "in January"), a span ("in two days", "over the past
# week", "over those three minutes"), a part of a contest or of a year ("during the round", "in
# the first half", "in the second quarter": a round's punches are not the fight's), a start
# ("since the conflict began", named by its first word of substance: "since midnight" is not
# "since the offensive began") or one day (``event_days``). Counts of one thing
# over different periods are two quantities (1,400 killed in the last war, 19 in two days of
# this one; 750 rockets this year, 300 since the offensive began; 97 rockets on Friday, more
# than 300 in all; 17 rockets since midnight, hundreds since the offensive began), not a
# disagreement.
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_NAMED_PERIOD = re.compile(r"\b(this|last|next|past|previous) (year|month|week|decade|season)\b",
                           re.IGNORECASE)
_SPAN = re.compile(r"\b(?:in|over|during|within|for) (?:the |those |these |that |this )?"
                   r"(?:past |last |first |next )?([\w-]+ )?"
                   r"(second|minute|hour|day|week|month|year|round|half|quarter|period|inning|"
                   r"lap)s?\b", re.IGNORECASE)
_SINCE = re.compile(r"\bsince\b(?:\s+[\w'’-]+){0,6}", re.IGNORECASE)
# Words before a start's own word: "since the start of the war" starts at the war.
_BEFORE_THE_START = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "that",
                               "last", "early", "late", "start", "beginning", "outbreak", "onset",
                               "launch", "of", "on", "in"})
# a month capitalised, as a name is ("in May", never "in may be")
_IN_MONTH = re.compile(rf"\b(?i:in|during|last|this) ({'|'.join(m.title() for m in MONTHS)})\b")


# One day: a weekday, "yesterday", "today", a date ("March 5", "5 March", "Dec. 30"), or a
# weekday and its date as one day ("Monday, Dec. 30").
_MONTH_WORD = rf"(?:{'|'.join(MONTHS)}|(?:{'|'.join(MONTH_ABBREVIATIONS)})\.?(?!\w))"


def _date_pattern(name: str) -> str:
    """A date, month first or day first, its parts in groups ``{name}_month``/``{name}_day``
    and ``{name}_month2``/``{name}_day2``."""
    return (rf"(?P<{name}_month>{_MONTH_WORD})\s*(?P<{name}_day>\d{{1,2}})(?:st|nd|rd|th)?"
            rf"(?!\d)|(?P<{name}_day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
            rf"(?P<{name}_month2>{_MONTH_WORD})")


_DAY = re.compile(
    rf"\b(?:(?P<weekday>{'|'.join(WEEKDAYS)})(?:,?\s+(?:the\s+)?(?:{_date_pattern('joint')}))?"
    rf"|yesterday|today|tonight|(?:{_date_pattern('alone')}))(?!\w)",
    re.IGNORECASE,
)
# A day that dates the report, not what it reports: the day of a verb of saying or of revising,
# right after it, past a short object ("said on Friday", "told reporters Friday", "said in a
# statement on Friday", "backed off the toll on Sunday") or right before it ("on Friday said").
# Not a bound, "since Monday" (a start) or "by Friday".
_REPORTING = (r"(?:said|says|say|told|tells|tell|announced|announces|reported|reports|stated|"
              r"added|confirmed|confirms|revised|revising|updated|updating|lowered|raised|"
              r"corrected|backed off|backing off)")
_REPORTED_BEFORE = re.compile(
    rf"(?:\b{_REPORTING}(?:\s+(?:reporters|journalists|(?:in\s+)?(?:a|an|the|its|his|her|"
    r"their)\s+[\w-]+))?\s*,?\s+(?:late\s+|early\s+)?(?:on\s+)?|"
    r"\b(?:since|by|until|till|through|before|after)\s+(?:late\s+|early\s+)?(?:on\s+)?)$",
    re.IGNORECASE,
)
_REPORTED_AFTER = re.compile(rf"^(?:\s+(?:morning|afternoon|evening|night))?\s*,?\s*"
                             rf"{_REPORTING}\b", re.IGNORECASE)


def event_days(text: str) -> frozenset[str]:
    """The single days a statement names as the time of what it reports, lower-cased, a
    month's name whole and before its day: "97 rockets hit Israel on Friday" -> {"friday"};
    "on Monday, Dec. 30" -> {"monday december 30"}; "Police said on Saturday that 65 people
    were killed" names the day of the report, not of the deaths -> {}."""
    return frozenset(_day_name(day) for day in _event_day_matches(text))


def _event_day_matches(text: str) -> list[re.Match[str]]:
    """The days (``_DAY``) a text names for what it reports, not for the report."""
    return [day for day in _DAY.finditer(text)
            if not _REPORTED_BEFORE.search(text, 0, day.start())
            and not _REPORTED_AFTER.match(text[day.end() :])]


def _day_name(day: re.Match[str]) -> str:
    """A named day's words, lower-cased, a month's name whole and before its day."""
    date = _date_of(day)
    if date is None:
        return " ".join(day.group().lower().split())
    month, number = date
    written = f"{MONTHS[month - 1]} {number}"
    return f"{day['weekday'].lower()} {written}" if day["weekday"] else written


def _date_of(day: re.Match[str]) -> tuple[int, int] | None:
    """The (month, day) a ``_DAY`` match names, if it names a date."""
    for name in ("joint", "alone"):
        for suffix in ("", "2"):
            if day[f"{name}_month{suffix}"]:
                return (_month_number(day[f"{name}_month{suffix}"]),
                        int(day[f"{name}_day{suffix}"]))
    return None


def _month_number(written: str) -> int:
    """1 for "January", "Jan." or "jan"."""
    return next(n for n, month in enumerate(MONTHS, 1) if month[:3] == written[:3].lower())


# Days named relative to the report: another article's weekday may be the same day.
RELATIVE_DAYS = frozenset({"yesterday", "today", "tonight"})
# A day named at its edge, near midnight ("late Friday", "Friday night", "early Saturday",
# "in the early hours of Saturday"): another report, in other hours or another time zone, may
# name the day before or after for the same moment.
_AT_EDGE_BEFORE = re.compile(r"\b(?:late|early|overnight|hours of|night of)\s+(?:on\s+)?$",
                             re.IGNORECASE)
_AT_EDGE_AFTER = re.compile(r"\s*(?:night|evening|morning|overnight)\b", re.IGNORECASE)
LEAP_YEAR, DAYS_IN_LEAP_YEAR = 2000, 366  # a year-less date's day is counted in a leap year


class NamedDay(NamedTuple):
    """One day a statement names for what it reports, by its weekday (0 is Monday), its date
    (month, day) or both ("Monday, Dec. 30"); ``at_edge``: named near midnight."""

    weekday: int | None
    date: tuple[int, int] | None
    at_edge: bool


# A word that opens a clause or phrase of another event than the statement's own: "charged
# Saturday after a shooting Friday", "the man, who was shot Friday, died Saturday".
# Nor a day that bounds a span ("between Jan. 20 and 26", "from Monday", "Jan. 21-26").
_OTHER_EVENT = re.compile(r"\b(?:after|before|following|since|until|till|when|while|as|amid|"
                          r"because|who|which|whose|where|between|from)\b", re.IGNORECASE)
# A relative clause set off by commas ends at its closing comma, and the statement's own
# predicate follows: "Felt, who was the FBI's No. 2, died on Thursday".
_RELATIVE_WORDS = {"who", "which", "whose"}
_SPAN_END = re.compile(r"\s*(?:-|–|to\b|through\b|and\b)\s*\d", re.IGNORECASE)


def named_days(text: str) -> frozenset[NamedDay]:
    """The weekdays and dates a statement names for what it asserts (``event_days``) outside
    the clauses and phrases of other events (``_other_events``), none a span's first day;
    never "yesterday", "today" or "tonight", which name a day only against the report's
    date."""
    others = _other_events(text)
    return frozenset(
        NamedDay(WEEKDAYS.index(day["weekday"].lower()) if day["weekday"] else None,
                 _date_of(day),
                 bool(_AT_EDGE_BEFORE.search(text, 0, day.start())
                      or _AT_EDGE_AFTER.match(text, day.end())))
        for day in _event_day_matches(text)
        if day.group().lower() not in RELATIVE_DAYS and not _SPAN_END.match(text, day.end())
        and not any(start <= day.start() < end for start, end in others))


def _other_events(text: str) -> list[tuple[int, int]]:
    """Where the clauses and phrases of other events run (``_OTHER_EVENT``): to the end of the
    statement, but a relative clause set off by commas only to its closing comma."""
    spans, at = [], 0
    while other := _OTHER_EVENT.search(text, at):
        close = text.find(",", other.end())
        if (other[0].lower() not in _RELATIVE_WORDS or close < 0
                or not text[: other.start()].rstrip().endswith(",")):
            return [*spans, (other.start(), len(text))]
        spans.append((other.start(), close))
        at = close + 1
    return spans


def on_other_days(first: frozenset[NamedDay], second: frozenset[NamedDay]) -> bool:
    """Do both name days for what they report, and can none of the one's be one of the
    other's? "Saturday" is never "Monday"; "Monday, Dec. 30" is never "Saturday" nor "Dec. 28";
    "Monday" may be "Dec. 30" of an unnamed year; "late Friday" may be "early Saturday"."""
    return bool(first and second) and not any(
        _may_be_one_day(a, b) for a in first for b in second)


def _may_be_one_day(a: NamedDay, b: NamedDay) -> bool:
    """Can two named days be one, or, named near midnight, one moment?"""
    most = 1 if a.at_edge or b.at_edge else 0
    if a.weekday is not None and b.weekday is not None:
        apart = abs(a.weekday - b.weekday)
        if min(apart, len(WEEKDAYS) - apart) > most:
            return False
    if a.date is not None and b.date is not None:
        days = _day_of_year(a.date), _day_of_year(b.date)
        if None not in days:
            apart = abs(days[0] - days[1])
            return min(apart, DAYS_IN_LEAP_YEAR - apart) <= most
    return True


def _day_of_year(date: tuple[int, int]) -> int | None:
    """The day of a leap year a (month, day) is; None for no such day ("Feb. 30")."""
    try:
        return dt.date(LEAP_YEAR, *date).timetuple().tm_yday
    except ValueError:
        return None


def time_frames(text: str) -> frozenset[str]:
    """The periods a text names, normalised ("this year", "two day", "2009", "january",
    "since offensive", "friday")."""
    frames = set(_YEAR.findall(text)) | event_days(text)
    frames |= {f"{which} {unit}".lower() for which, unit in _NAMED_PERIOD.findall(text)}
    frames |= {f"{(count or '').strip()} {unit}".lower().strip() for count, unit in
               _SPAN.findall(text)}
    frames |= {month.lower() for month in _IN_MONTH.findall(text)}
    frames |= {f"since {_start_word(match)}".strip() for match in _SINCE.finditer(text)}
    return frozenset(frames)


def _start_word(since: re.Match[str]) -> str:
    """The word that names where a "since" period starts: "since the offensive began" ->
    "offensive"; "since midnight" -> "midnight"."""
    words = since.group(0).split()[1:]
    return next((w.lower() for w in words if w.lower() not in _BEFORE_THE_START), "")


def frames_of(figure: Figure, holder: Span) -> frozenset[str]:
    """The periods the statement holding a figure names, leaving out the figure's own words:
    a duration ("the strike lasted two days") is the quantity, not its period."""
    start, end = figure.start - holder.start, figure.end - holder.start
    return time_frames(f"{holder.text[: max(start, 0)]} {holder.text[max(end, 0) :]}")


def disagree(a: Figure, b: Figure) -> bool:
    """Do the intervals of two figures (a measure's in its base unit) not meet?"""
    return not _meet(a, b)


def moved_on(a: Figure, b: Figure, articles: dict[str, Article]) -> bool:
    """Do two figures reported on different days give different values, each a count rather
    than a vague amount? "At least two bodies have been recovered" on the 6th and "Sixteen
    bodies have been recovered" on the 8th: the count moved on, though the first bound allows
    the second value."""
    day_a, day_b = report_day(articles[a.doc]), report_day(articles[b.doc])
    return bool(day_a and day_b and day_a != day_b and not _same_value(a, b)
                and not vague(a.text) and not vague(b.text)
                and not counts_a_part(a, articles[a.doc]) and not counts_a_part(b, articles[b.doc]))


# Around a count, words that make it an increment of the whole ("another 30", "16 more
# bodies") or a part of it ("the other 14", "the remaining 12", "nine others", a leading or
# closing run: "his first 17 passes", "the last 12 minutes").
_INCREMENT_BEFORE = re.compile(r"\b(?:another|additional|further|extra)\s+$", re.IGNORECASE)
_INCREMENT_AFTER = re.compile(r"\s+(?:more|additional|further|extra|new)\b", re.IGNORECASE)
_PART_BEFORE = re.compile(r"\b(?:other|remaining|first|last)\s+$", re.IGNORECASE)
_PART_AFTER = re.compile(r"\s+(?:others|other)\b", re.IGNORECASE)


def _around(figure: Figure, article: Article, before: re.Pattern[str],
            after: re.Pattern[str]) -> bool:
    return bool(before.search(article.text[max(0, figure.start - 20) : figure.start])
                or after.match(article.text, figure.end))


def adds_to_the_whole(figure: Figure, article: Article) -> bool:
    """Does the figure count an increment ("12 more were injured"), never the whole?"""
    return _around(figure, article, _INCREMENT_BEFORE, _INCREMENT_AFTER)


def counts_a_part(figure: Figure, article: Article) -> bool:
    """Does the figure count a part or an increment rather than the whole ("the other 14
    sailors", "16 more bodies")?"""
    return adds_to_the_whole(figure, article) or _around(figure, article, _PART_BEFORE,
                                                         _PART_AFTER)


# Right after a figure, what makes it a rate, a value per unit of time or per item ("$12 million
# a day", "8.5 cents each", "$3 per share", "earns $50,000 annually"): a rate and a total, or rates
# per different units, are two quantities, never two accounts of one.
_PER = re.compile(r"\s+(?:(?:a|an|per|each|every)\s+(?P<unit>[a-z]+)|(?P<word>each|apiece|"
                  r"annually|daily|weekly|monthly|yearly|hourly|nightly))\b", re.IGNORECASE)
_PER_WORDS = {"annually": "year", "yearly": "year", "daily": "day", "weekly": "week",
              "monthly": "month", "hourly": "hour", "nightly": "night", "apiece": "each"}


def per(figure: Figure, article: Article) -> str | None:
    """The unit a figure is a rate per ("$12 million a day" -> "day"; "8.5 cents each" ->
    "each"), or None for a total. "per cent" is the figure's unit, no rate."""
    found = _PER.match(article.text, figure.end)
    if found is None or (found["unit"] or "").lower() in ("cent", "percent"):
        return None
    word = (found["word"] or found["unit"]).lower()
    return _PER_WORDS.get(word, "each" if word == "each" else noun_lemma(word))


def named_kind(figure: Figure) -> frozenset[str]:
    """The capitalised words before the head of what a figure counts, which name a kind of it:
    "Three Israeli civilians" -> {"israeli"}, a part of "hundreds of civilians"."""
    words = re.findall(r"[A-Za-z][\w.'’-]*", figure.counts or "")
    return frozenset(w.lower() for w in words[:-1] if w[0].isupper())


# Words before a counted noun that set what it counts before the event reported: "Gray has four
# prior arrests" counts one man's record, another period than the night's "46 arrests" (counts
# over different periods are two quantities, as ``time_frames`` reads them in the statement).
_BEFORE_THE_EVENT = frozenset({"prior", "previous", "earlier", "past", "former"})


def counted_before(figure: Figure) -> bool:
    """Does what the figure counts lie before the event, by a word before its noun ("four
    prior arrests", "two previous convictions")?"""
    words = re.findall(r"[a-z]+", (figure.counts or "").lower())
    return bool(_BEFORE_THE_EVENT & set(words[:-1]))


def conflicting_figures(
    figures: Sequence[Figure],
    articles: dict[str, Article],
    same_fact: Callable[[Figure, Figure], bool],
) -> list[tuple[Figure, Figure]]:
    """Pairs of figures from different articles that give one quantity (``quantity``) in
    statements that state one fact (``same_fact``), with intervals that do not meet, or, when
    reported on different days, with different values (``moved_on``). A figure of a change
    ("from 12 to 18") or of an increment ("16 more bodies") gives no value of the whole, one of
    a part is set against a part only, and a rate ("$12 million a day") against a rate per the
    same unit only, a count of a named kind ("Israeli civilians") against that kind only, a count
    of what came before the event ("four prior arrests") against such a count only."""
    usable = [(f, (key, per(f, articles[f.doc]), named_kind(f), counted_before(f)))
              for f in figures
              if (key := quantity(f)) is not None and not in_change(f, articles[f.doc])
              and not adds_to_the_whole(f, articles[f.doc])]
    given: dict[tuple[str, object], list[Figure]] = {}
    for f, key in usable:
        given.setdefault((f.doc, key), []).append(f)
    return [
        (a, b)
        for n, (a, key) in enumerate(usable)
        for b, other in usable[n + 1 :]
        if a.doc != b.doc and key == other
        and ((disagree(a, b) and _like_with_like(a, b, articles)
              and not _gives_the_other(a, b, given[(a.doc, key)], given[(b.doc, key)]))
             or moved_on(a, b, articles))
        and same_fact(a, b)
    ]


def _like_with_like(a: Figure, b: Figure, articles: dict[str, Article]) -> bool:
    """Do both figures count the whole, or both a part ("his first 17 passes" is a run of the
    28 he completed in all, no other account of them)?"""
    return counts_a_part(a, articles[a.doc]) == counts_a_part(b, articles[b.doc])


def _gives_the_other(a: Figure, b: Figure, of_a: Sequence[Figure], of_b: Sequence[Figure]) -> bool:
    """Does either article also give, for the same quantity, a value the other's figure allows?
    Then the two values are not the articles' two accounts of one quantity at one time: they
    count for different holders the sentence leaves to its context (a list of defendants, each
    "His bond was set at $100,000." but two "$200,000"), or the article reports both accounts
    itself; only a value that moved on between dated reports is a change (``moved_on``)."""
    return any(not disagree(f, b) for f in of_a) or any(not disagree(f, a) for f in of_b)


def counted_apart(a: Figure, holder_a: Span, b: Figure, holder_b: Span,
                  mentions: Sequence[Mention]) -> bool:
    """Are two figures counted for two different named holders in the statements holding them
    (``predicates.counter``): "Garrard completed 28 of 41 passes" / "Manning finished with
    29-of-34", two quarterbacks' passes, no one quantity?"""
    return predicates.counted_apart(*(_counter(f, h, mentions)
                                      for f, h in ((a, holder_a), (b, holder_b))))


# Words of guessing a quantity ("suggesting the watch will cost at least $10,000", "the
# conventional wisdom has been that it will cost $5,000", "analysts estimate").
_GUESSING = re.compile(r"\b(?:estimat|predict|suggest|guess|speculat|forecast|reckon|wisdom)\w*",
                       re.IGNORECASE)


def guessed_apart(first: str, second: str) -> bool:
    """Are both statements guesses of a quantity still to come: a word of guessing
    (``_GUESSING``) in each, and each looking ahead (``outcomes.looks_ahead``)? Two guesses of
    a price not yet set are two people's guesses, no one quantity reported two ways."""
    return all(_GUESSING.search(text) and looks_ahead(text) for text in (first, second))


def _counter(figure: Figure, holder: Span, mentions: Sequence[Mention]) -> str | None:
    names = frozenset((m.start - holder.start, m.end - holder.start) for m in mentions
                      if m.doc == holder.doc and holder.start <= m.start < holder.end)
    return predicates.counter(holder.text, figure.start - holder.start,
                              figure.end - holder.start, names)


def clock_times(text: str) -> frozenset[tuple[int, int, str]]:
    """The times of day a text states, as (hour, minute, a/p)."""
    return frozenset((int(h), int(m or 0), half.lower()) for h, m, half in CLOCK.findall(text))


def clock_conflicts(texts: Sequence[str]) -> np.ndarray:
    """True where both texts state times of day and none is the same: "fled the scene about
    4:20 a.m." and "... about 4:30 a.m." give one moment differently, so they corroborate no
    fact; two other moments of one story are two facts."""
    return _conflicts([clock_times(t) for t in texts], lambda a, b: not a & b)


def year_conflicts(texts: Sequence[str]) -> np.ndarray:
    """True where both texts state years and share none: "Starting in 2005, the university
    began referring to the building as Memorial Hall" and "... has referred to it as 'Memorial
    Hall' since 2002" give one start differently, so they corroborate no fact (years are no
    figures, so ``conflicting_figures`` never sees them)."""
    return _conflicts([frozenset(_YEAR.findall(t)) for t in texts], lambda a, b: not a & b)


def event_months(text: str) -> frozenset[int]:
    """The months a statement names as the time of what it reports: "in April", "last May",
    "during March 2012", a date's month ("on April 5"); not the month of the report ("said in
    April"). One that looks ahead or hedges names none: its month may pass, and a report of the
    event in another month then tells a development."""
    if looks_ahead(text) or hedges(text):
        return frozenset()
    named = {_month_number(month[1]) for month in _IN_MONTH.finditer(text)
             if not _REPORTED_BEFORE.search(text, 0, month.start())}
    named |= {date[0] for day in _event_day_matches(text) if (date := _date_of(day))}
    return frozenset(named)


def month_conflicts(texts: Sequence[str]) -> np.ndarray:
    """True where both texts name months for what they report (``event_months``) and share
    none: "wrote a letter to the patriarch in May 2012" and "in April wrote a letter to the
    patriarch" date one letter differently, so they corroborate no fact (a month without its
    day is no day ``days_apart`` reads, and one without its year no year ``year_conflicts``
    reads)."""
    return _conflicts([event_months(t) for t in texts], lambda a, b: not a & b)


# A telephone number: the North American form ("313-596-2260", "1-800-555-0100",
# "(313) 596-2260", "800.555.0100") or spaced groups after a leading 0 ("0845 125 2222",
# "0800 555111"); never a date ("2019-12-27") or a score.
_PHONE = re.compile(r"(?<![\w-])(?:(?:1[-. ])?(?:\(\d{3}\)\s?|\d{3}[-.])\d{3}[-.]\d{4}|"
                    r"0\d{2,4}(?: \d{3,4}){1,2}|0\d{2,4} \d{6,7})(?![\w-])")
NANP_PREFIXED = 11  # digits of a North American number with its leading 1


def phone_numbers(text: str) -> frozenset[str]:
    """The telephone numbers a text gives, as their digits ("0800 555 111" is "0800555111"),
    North America's dialling prefix left out ("1-800-555-0100" is "800-555-0100")."""
    found = (re.sub(r"\D", "", m.group()) for m in _PHONE.finditer(text))
    return frozenset(digits[1:] if len(digits) == NANP_PREFIXED and digits[0] == "1" else digits
                     for digits in found)


def contacts_apart(texts: Sequence[str]) -> np.ndarray:
    """True where both texts give telephone numbers and share none: "anyone with information is
    asked to call the homicide unit at 313-555-2260" and "... the 2nd Precinct at 313-555-5200"
    are two appeals, by two desks, most often about two cases; one appeal repeated gives one
    number, however its words differ."""
    return _conflicts([phone_numbers(t) for t in texts], lambda a, b: not a & b)


# A correlative comparative: "the more smoke extract the MRSA was exposed to, the more
# resistant it became" states how one quantity moves with another, not a fact of one case.
# Comparatives by word, not by "-er" ("the officer ..., the other ..." is none).
_COMPARATIVE = ("more|less|fewer|better|worse|greater|higher|lower|bigger|smaller|larger|longer|"
                "shorter|sooner|later|earlier|faster|slower|older|younger|harder|easier|stronger|"
                "weaker|deeper|further|farther|richer|poorer")
_CORRELATIVE = re.compile(rf"\bthe\s+(?:{_COMPARATIVE})\b[^.;]*?,\s*the\s+(?:{_COMPARATIVE})\b",
                          re.IGNORECASE)


def correlations_apart(texts: Sequence[str]) -> np.ndarray:
    """True where one text states a correlation (``_CORRELATIVE``) and the other does not:
    "the more smoke extract the MRSA was exposed to, the more resistant it became" and "MRSA
    exposed to the smoke extract were four times more resistant ... than non-exposed MRSA" are
    two findings, a dose and a difference."""
    told = np.array([bool(_CORRELATIVE.search(t)) for t in texts], dtype=bool)
    return told[:, None] != told[None, :]


# A statement whose main predicate is a first ("It's the first time NASA has named a mission
# after a living scientist", "This was the first election with observers", "In another first,
# ..."): what it asserts is the record, not the act it ranks. Another report tells a first in
# its own words ("first", "never before", "ever", "unprecedented", "maiden").
_FIRST_FRAME = re.compile(
    r"^\W*(?:(?:it|this|that)(?:['’]s|\s+(?:is|was|will\s+be|would\s+be|marks|marked|becomes|"
    r"became))\s+(?:\w+\s+)?the\s+first\b|in\s+(?:a|another)\s+first\b)",
    re.IGNORECASE,
)
_TELLS_FIRST = re.compile(r"\b(?:first|never|ever|unprecedented|maiden)\b", re.IGNORECASE)


def firsts_apart(texts: Sequence[str]) -> np.ndarray:
    """True where one text is framed as a first (``_FIRST_FRAME``) and the other tells no first
    at all (``_TELLS_FIRST``): "It's the first time NASA has named one of its missions after a
    scientist who is still alive" and "NASA has named about 20 space missions after people" are
    two facts, a record and a tally; "In another first, the government allowed observers" and
    "This was the first the government allowed observers" are one."""
    framed = np.array([bool(_FIRST_FRAME.match(t)) for t in texts], dtype=bool)
    tells = np.array([bool(_TELLS_FIRST.search(t)) for t in texts], dtype=bool)
    return (framed[:, None] & ~tells[None, :]) | (~tells[:, None] & framed[None, :])


def _conflicts(stated: Sequence[frozenset[Any]],
               clash: Callable[[frozenset[Any], frozenset[Any]], bool]) -> np.ndarray:
    """The pairs of texts that each state something (``stated``) and whose statements
    ``clash``."""
    told = [i for i, found in enumerate(stated) if found]
    conflicts = np.zeros((len(stated), len(stated)), dtype=bool)
    for i in told:
        for j in told:
            conflicts[i, j] = clash(stated[i], stated[j])
    return conflicts


# A length of time in digits: "2 years", "2 1/2 years", "9-month", "48 hours"; not an age
# ("a 35-year-old", "61 years old") nor a time ago ("two days ago", a point the report's date
# moves).
_DURATION = re.compile(
    r"(?<![\d/.,])(\d+(?:\.\d+)?)(?:(?:\s+|-)(\d)/(\d)|\s?(½))?[\s-]+"
    rf"({'|'.join(sorted(TIME_UNITS))})s?\b(?!-old|\s+old|\s+ago)", re.IGNORECASE)


def durations(text: str) -> frozenset[tuple[str, float]]:
    """The lengths of time a text states in digits, as (unit, value): "2 1/2 years" is
    ("year", 2.5)."""
    found = set()
    for whole, top, bottom, half, unit in _DURATION.findall(text):
        value = float(whole) + (int(top) / int(bottom) if top and int(bottom) else 0.0)
        found.add((unit.lower(), value + (0.5 if half else 0.0)))
    return frozenset(found)


def duration_conflicts(texts: Sequence[str]) -> np.ndarray:
    """True where both texts state lengths of time in one unit and share none of them: "was
    sentenced to 2 years, with 9 months to serve" and "... 2 1/2 years, with 9 months to
    serve" give one sentence differently, so they corroborate no fact (the analysis counts no
    length of time as a figure, so ``conflicting_figures`` never sees them)."""
    return _conflicts([durations(t) for t in texts], _no_length_shared)


def _no_length_shared(a: frozenset[tuple[str, float]], b: frozenset[tuple[str, float]]) -> bool:
    """Do two sets of lengths of time share a unit but, in some shared unit, no value?"""
    return any(not {v for u, v in a if u == unit} & {v for u, v in b if u == unit}
               for unit in {u for u, _ in a} & {u for u, _ in b})
