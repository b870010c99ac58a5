"""Date expressions, normalised against the article's date where it is known.

- A weekday is the latest such day on or before the article's date (the same day counts):
  "on Tuesday" in an article of Tuesday 2025-03-04 is that day. "next" or "coming", or a verb
  in the future ("will meet on Friday", "is expected to vote Friday", "is to visit Friday") or,
  for a weekday only, told in the past ("said she would visit on Wednesday"), or a
  postponement "until" it ("the hearing was adjourned until Monday"), make it the first such
  day on or after the article's date (a wire story dated Saturday that says the team "will
  play Saturday" means that day: the day's name stands for "today"); "next" or "coming" the
  first after it, "last" or "past" the one before it. A plan told in the past perfect ("had
  expected to testify on Thursday") is no future. "a Friday" is no day the article's date
  can place.
- A date without a year takes the article's year (news gives the year only when it is
  another), or the year before when that would put it more than half a year after the
  article's date; under a verb in the future, the first such day on or after the article's
  date.
- A decade is ISO 8601's three digits: "the 1990s" is "199".
- A length of time or a frequency ("two years", "a second day", "more than a week", "every
  day") is no date: it is left out of the dates (a timeline shows it as an unpinned date,
  which it is not) but its span is reported, so that no other extractor reads it as a figure.
  So is a part of a game or a season ("the first half", "three quarters", "all season").
- No date either: a score the NER calls one ("85-78"), an age ("age 95", "in her 20s"), a
  time the story points back to ("the year", "the day"); a date ends before the name of what it
  dates ("the 2008 Olympic Games" is 2008).
- A date dateparser cannot read whole keeps its one year ("summer 1972" is 1972).
- Without the article's date, a relative date ("yesterday", "Tuesday", "last week") stays
  unresolved (value None), and a date without a year keeps what it says: "April 25" becomes the
  ISO 8601 partial date "--04-25", never a guessed year.

dateparser reads the rest ("yesterday", "two days ago", "November 2018", "April 25, 2019")
against the article's date; the rules above are where it reads news wrong (a weekday on the
article's own day is a week earlier for it, a duration a date).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from newsprism.ingest.dates import (  # compare reads the names from here too
    MONTH_ABBREVIATIONS as MONTH_ABBREVIATIONS,
)
from newsprism.ingest.dates import MONTH_NAME, TIMES_OF_DAY, WEEKDAYS
from newsprism.ingest.dates import MONTHS as MONTHS
from newsprism.model import DateMention

if TYPE_CHECKING:
    from dateparser.date import DateDataParser
    from spacy.tokens import Doc, Span, Token

_YEAR = re.compile(r"\b(1[89]\d\d|2[01]\d\d)\b")
# A number alone that is no year ("the death toll is 45"): the NER's DATE is a count.
_BARE_COUNT = re.compile(r"\d{1,3}(?:,\d{3})*|\d{5,}")
_AGE = re.compile(r"-(?:year|month|week|day)-old|"
                  r"\b(?:years?|months?|weeks?|days?|decades?)\s+(?:old|long)\b|\bage[ds]?\s+\d")
# An age whole in the NER's date, its hyphens spaced as some sites print them ("23 - year -
# old"), or "the age of 40": no date, but kept out of the figures as the date was.
_AGE_IN_DATE = re.compile(r"\s-\s(?:year|month|week|day)s?\s-\s*old|\bage\s+of\s+\d",
                          re.IGNORECASE)
# A decade of someone's life, an age: "in her 20s or 30s", "in their late 40s", "his mid-50s"
# (the decade after a possessive, or after another such decade "or"/"to" it).
_LIFE = r"(?:his|her|their|its|my|your|our)\s+"
_DECADE = r"(?:(?:early|mid|late)[\s-]*)?\d0['’]?s"
_LIFE_DECADE = re.compile(rf"\b{_LIFE}{_DECADE}\b", re.IGNORECASE)
_LIFE_BEFORE = re.compile(rf"\b{_LIFE}(?:{_DECADE}\s+(?:or|to|and)\s+)?$", re.IGNORECASE)
# A score, a record or a tally the NER calls a date: "85-78", "(5-11)", "29-of-34".
_SCORE = re.compile(r"\d{1,3}(?:\s*[-–]\s*|-(?:of|for)-)\d{1,3}")
# "the year", "that day": a time the story points back to, which no timeline can place.
_ANAPHORIC = re.compile(r"(?:the|that)\s+(?P<unit>\w+)", re.IGNORECASE)
_CLOSERS = re.compile(r"[()\]—–;]")
# A number with letters glued on that is no ordinal, decade or clock ("46P", a comet's name;
# "F16"): a name the NER took for a date.
_GLUED_NAME = re.compile(r"[A-Za-z]*\d+[A-Za-z]+", re.IGNORECASE)
_NO_NAME = re.compile(r"\d+(?:st|nd|rd|th|s|am|pm)", re.IGNORECASE)
# The day words English writes in lower case mid-sentence: capitalised after a word or a
# possessive ("the BBC's Today programme", "told Today:", "World News Tonight") they are a name.
_DAY_WORDS = {"today", "tonight", "yesterday", "tomorrow"}
# Words that tie a date to the day of writing (or to a narrative moment): without the
# article's date these are never resolved.
_RELATIVE = re.compile(
    r"\b(?:today|yesterday|tomorrow|tonight|last|next|this|ago|earlier|later|previous|past|"
    r"coming|recent|recently|current|now)\b",
    re.IGNORECASE,
)
# "two years later", "the day before": counted from a moment of the story, not from the article.
_NARRATIVE = re.compile(
    r"\b(?:days?|nights?|weeks?|months?|years?|decades?|hours?)\s+"
    r"(?:earlier|later|before|after|afterwards?|prior)\b",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(
    rf"(?:(?P<which>last|past|next|coming|this|early|late|on)\s+)?(?P<day>{'|'.join(WEEKDAYS)})"
    rf"(?:\s+(?:{'|'.join(TIMES_OF_DAY)}))?",
    re.IGNORECASE,
)
_MONTH = re.compile(rf"\b{MONTH_NAME}\b", re.IGNORECASE)
# What ties a date expression to a day: a number (in words too), a month or weekday, a season,
# a word relating it to the day of writing, or a name ("Christmas"). Without any ("a difficult
# year", "his days", "late-season", "century") it dates nothing on a timeline, unless read.
_ANCHORED = re.compile(
    rf"\d|\b{MONTH_NAME}\b|\b(?:{'|'.join(WEEKDAYS)}|spring|summer|autumn|fall|winter)\b|"
    r"\b(?:\w+teen|\w+ties|(?:twen|thir|for|fif|six|seven|eigh|nine)ty)\b|"  # "the fifties"
    + _RELATIVE.pattern, re.IGNORECASE)
_NAMED = re.compile(r"\b[A-Z]")  # "Christmas", "the Easter weekend"
# The feasts and days the NER calls dates, which name a day of the calendar without a number.
_FEASTS = (r"\b(?:Christmas|Easter|Thanksgiving|Halloween|Ramadan|Hanukkah|Passover|Lent|Diwali|"
           r"Eid|Day|Eve)\b")
# Units of time, with the periods a game or a league counts in ("the first half", "three
# quarters", "all season"): a length, or a part of an event, never a day on a timeline.
_UNITS = {"day", "days", "night", "nights", "week", "weeks", "weekend", "weekends", "month",
          "months", "year", "years", "decade", "decades", "century", "centuries", "hour", "hours",
          "minute", "minutes", "seconds", "half", "halves", "quarter", "quarters", "season",
          "seasons"}
# What every date names: a year, a decade, a day of the month, a month, a weekday, a season, a
# day or part of one, a unit of time, a feast. An expression the NER calls a date without any
# is a count or a name ("the next six" points, "Bluejays 14", "under 40", a game clock "4:43"):
# no date, but kept out of the figures as the NER's date was (what it counts is unread).
_CALENDAR = re.compile(
    rf"{_YEAR.pattern}|\d0['’]?s\b|\b\d{{1,2}}(?:st|nd|rd|th)\b|\d{{1,2}}/\d{{1,2}}|"
    rf"\b(?i:{MONTH_NAME}|{'|'.join(WEEKDAYS)}|{'|'.join(TIMES_OF_DAY)}|{'|'.join(_UNITS)}|"
    r"spring|summer|autumn|fall|winter|today|tonight|yesterday|tomorrow|\w+ties|\w+teens?)\b|"
    + _FEASTS)
_COUNTS = {"a", "an", "another", "one", "two", "three", "four", "five", "six", "seven", "eight",
           "nine", "ten", "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty",
           "sixty", "hundred", "few", "several", "many", "couple", "dozen", "dozens", "hundreds",
           "thousands", "half", "first", "second", "third", "fourth", "fifth", "sixth",
           "seventh", "eighth", "ninth", "tenth", "every", "each", "per", "all"}
# Words that only measure a length of time: "for more than a week", "the last two years".
_MEASURES = _COUNTS | {"for", "over", "during", "within", "about", "around", "nearly", "almost",
                       "roughly", "some", "more", "than", "less", "fewer", "at", "least", "most",
                       "up", "to", "another", "further", "the", "past", "last", "next", "coming",
                       "full", "straight", "consecutive", "whole", "entire", "long", "of", "and",
                       "or", "in", "row", "just", "only", "other", "its", "their", "recent",
                       "these"}
# "last week" names a week: "one day last week" is a date, "the last two weeks" a length.
_NAMED_PERIOD = re.compile(
    r"\b(?:last|next|past|this|coming)\s+(?:day|night|week|weekend|month|year|decade|century|"
    r"season)\b",
    re.IGNORECASE,
)
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th|/\d+)?")  # "24 hours", "its 24th day", "3 1/2 quarters"
_FREQUENCIES = {"daily", "weekly", "monthly", "yearly", "annually", "nightly", "hourly", "annual",
                "quarterly"}
_FUTURE_AUX = {"will", "'ll", "shall", "wo"}  # "wo" is spaCy's "won't"
# The future told of a moment past ("said she would visit on Wednesday") or a condition: ahead
# of a report for a weekday, which is within the week either way, but not for a date of a
# month ("said it would close on March 1" in a report of March 10 is most likely March 1 gone).
_CONDITIONAL_AUX = {"would", "'d"}
_FUTURE_WORDS = {"due", "scheduled", "slated", "upcoming"}  # "the vote due on Friday"
# Verbs that put the verb they complement in the future: "is expected to vote on Friday".
# Present forms only: "they hoped to meet on Friday" may speak of a Friday gone by.
_FUTURE_HEADS = {"expected", "expects", "set", "planned", "plan", "plans", "going", "intend",
                 "intends", "aim", "aims", "hope", "hopes", "want", "wants", "seek", "seeks", "due"}
# A verb that puts off what it acts on "until" a day: the day is ahead of the putting off.
# (word forms: the pipeline has no lemmatizer)
_POSTPONING = re.compile(r"(?:postpon|delay|adjourn|defer|reschedul|recess|suspend)\w*",
                         re.IGNORECASE)
_UNTIL = {"until", "till", "til", "to"}
_PART_OF = re.compile(r"^(?:early|mid|late|the (?:start|beginning|middle|end) of)[\s-]*", re.I)
# A year-less date this far after the article's is last year's: news names the year of any
# other year, so the article's own year holds unless that puts the date most of a year ahead.
LATEST_AHEAD = dt.timedelta(days=183)
_DECADE_ALONE = re.compile(r"(?:the\s+)?((?:1[89]|20)\d)0['’]?s", re.IGNORECASE)  # "the 1990s"
# The day a TIME entity names: "this morning", "last night", "Friday evening", "tonight".
_DAY_OF_TIME = re.compile(
    rf"\b(?:(?:last|next|coming|this|on)\s+)?(?:{'|'.join(WEEKDAYS)})"
    rf"(?:\s+(?:{'|'.join(TIMES_OF_DAY)}))?\b|"
    rf"\b(?:yesterday|today|tonight|tomorrow)(?:\s+(?:{'|'.join(TIMES_OF_DAY)}))?\b|"
    rf"\b(?:this|last)\s+(?:{'|'.join(TIMES_OF_DAY)})\b", re.IGNORECASE)
# "the first half Friday", "the second day Monday": a part of an event, then the day it was on.
_PART_BEFORE_WEEKDAY = re.compile(rf"(?P<part>.+?)\s+(?P<day>(?:{'|'.join(WEEKDAYS)})"
                                  rf"(?:\s+(?:{'|'.join(TIMES_OF_DAY)}))?)", re.IGNORECASE)
# "on a Friday afternoon", "one Monday": a weekday of some week the article does not place.
_SOME_WEEK = re.compile(r"\b(?:a|an|one|any|another)\s+$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FoundDates:
    dates: tuple[DateMention, ...]
    # lengths of time, frequencies, and times no day anchors: not dates
    durations: tuple[tuple[int, int], ...]


def extract_dates(
    doc: Doc, doc_id: str, article_date: str | None, skip: list[tuple[int, int]] = ()
) -> FoundDates:
    """The date expressions of an article (outside ``skip``), and the spans of the lengths of
    time that were left out."""
    base = _parse_iso(article_date)
    text = doc.text  # rebuilt from the tokens on every access
    found, durations = [], []
    for ent in doc.ents:
        if ent.label_ == "TIME" and (day := _day_of_time(ent, doc_id, base, skip)):
            found.append(day)
        if ent.label_ != "DATE" or _AGE.search(ent.text) or _BARE_COUNT.fullmatch(ent.text):
            continue
        start = ent.start_char
        # "April 25)—a" -> "April 25"; "July 31,2014.(Reuters" -> "July 31,2014"
        end = start + len(_CLOSERS.split(ent.text, maxsplit=1)[0])
        while end > start and not text[end - 1].isalnum():
            end -= 1
        end = _before_name(text, start, end)
        if any(s <= start and end <= e for s, e in skip) or end == start:
            continue
        expression = text[start:end]
        if _SCORE.fullmatch(expression) or _anaphoric(expression) or _named(ent, expression):
            continue
        if _LIFE_DECADE.search(expression) or (re.fullmatch(_DECADE, expression, re.IGNORECASE)
                                               and _LIFE_BEFORE.search(text, 0, start)):
            continue  # an age, no date
        value = _value_of(ent, expression, base)
        if is_duration(expression) or not _CALENDAR.search(expression) \
                or _AGE_IN_DATE.search(expression) or (
                value is None and not _ANCHORED.search(expression)
                and not _NAMED.search(expression)):
            durations.append((start, end))  # no day of its own: kept out of figures too
            continue
        found.append(DateMention(doc_id, start, end, expression, value))
    return FoundDates(tuple(found), tuple(durations))


def _value_of(ent: Span, expression: str, base: dt.date | None) -> str | None:
    """The ISO value of a DATE entity's ``expression`` (its text, trimmed): "a Friday" is
    none, and a weekday after the part of the event it dates, "the first half Friday", is
    that weekday's."""
    if _WEEKDAY.fullmatch(expression) and _some_week(ent):
        return None
    value = _day_value(expression, ent, base)
    part = _PART_BEFORE_WEEKDAY.fullmatch(expression)
    if value is None and part and is_duration(part["part"]):
        return _day_value(part["day"], ent, base)
    return value


def _day_value(expression: str, ent: Span, base: dt.date | None) -> str | None:
    """The ISO value of ``expression``, a date the entity ``ent`` gives, in the tense of the
    clause that holds it (``_future_tense``; a weekday told in the past may be ahead too)."""
    weekday = _WEEKDAY.fullmatch(expression) is not None
    return normalise_date_expression(expression, base, future=_future_tense(ent, weekday))


def _some_week(ent: Span) -> bool:
    """Is the weekday of some week the article does not place, "on a Friday afternoon", "one
    Monday"? Not when it describes a noun, "in a Monday statement": the article is the noun's."""
    if not _SOME_WEEK.search(ent.doc.text, max(0, ent.start_char - 8), ent.start_char):
        return False
    after = ent.end
    while after < len(ent.doc) and ent.doc[after].lower_ in TIMES_OF_DAY:
        after += 1
    return after == len(ent.doc) or ent.doc[after].pos_ not in ("NOUN", "PROPN")


def _day_of_time(ent: Span, doc_id: str, base: dt.date | None,
                 skip: list[tuple[int, int]]) -> DateMention | None:
    """The day a TIME entity names, "this morning", "last night", "Sunday night", "late
    Friday", over the words that name it (a clock beside it, "8am", is no part of a date)."""
    day = _DAY_OF_TIME.search(ent.text)
    if day is None:
        return None
    start, end = ent.start_char + day.start(), ent.start_char + day.end()
    words = ent.doc.char_span(start, end)
    if words is None or _named(words, day.group()) or any(s <= start and end <= e
                                                          for s, e in skip):
        return None
    return DateMention(doc_id, start, end, day.group(), _day_value(day.group(), ent, base))


def _before_name(text: str, start: int, end: int) -> int:
    """Where a date ends that the NER ran on into the name it dates: "the 2008 Olympic Games"
    and "the 31 Jan, 2018 Full Moon" date a year and a day; the capitalised words after the
    last number are the event's name, not part of its date (a month or weekday stays)."""
    words = list(re.finditer(r"\S+", text[start:end]))
    cut = len(words)
    while cut > 1 and words[cut - 1][0][:1].isupper() and not _MONTH.search(words[cut - 1][0]) \
            and not _WEEKDAY.fullmatch(words[cut - 1][0].rstrip(".,")):
        cut -= 1
    if cut == len(words) or not any(ch.isdigit() for ch in words[cut - 1][0]):
        return end
    return start + words[cut - 1].end()


def _named(ent: Span, expression: str) -> bool:
    """Is the date a name: "46P" (a comet), "Today" after "the BBC's" or "Tonight" after
    "World News" (a programme)?"""
    if _GLUED_NAME.fullmatch(expression) and not _NO_NAME.fullmatch(expression):
        return True
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return (expression.lower() in _DAY_WORDS and expression[0].isupper() and before is not None
            and (before.is_alpha or (before.tag_ == "POS" and not ent[0].is_sent_start)))


def _anaphoric(expression: str) -> bool:
    """Does the expression only point back at a time of the story ("the year", "the day")?"""
    match = _ANAPHORIC.fullmatch(expression)
    return match is not None and match["unit"].lower() in _UNITS


def is_duration(expression: str) -> bool:
    """A length of time or a frequency, not a point in time: "two years", "a second day",
    "more than a week", "the last two years", "every day", "three-day", "weekly"."""
    words = re.split(r"[\s-]+", expression.lower().strip())
    if len(words) == 1 and words[0] in _FREQUENCIES:
        return True
    if not any(w in _UNITS for w in words) or _NAMED_PERIOD.search(expression):
        return False
    measured = any(w in _COUNTS or _ORDINAL.fullmatch(w) or (w in _UNITS and w.endswith("s"))
                   for w in words)  # "years" alone is a length; "last year" is a date
    return measured and all(w in _MEASURES or w in _UNITS or _ORDINAL.fullmatch(w)
                            for w in words)


@lru_cache(maxsize=4096)
def normalise_date_expression(text: str, base: dt.date | None, future: bool = False) -> str | None:
    """ISO 8601 for a date expression: full date, year-month, year, or --MM-DD; None when it
    cannot be pinned down. ``future``: the sentence speaks of what is to come. Cached: a day's
    articles repeat "Tuesday", "last week" and "2019" against the same base date, and each
    dateparser call costs about a millisecond."""
    has_year = _YEAR.search(text) is not None
    if decade := _DECADE_ALONE.fullmatch(text.strip()):
        return decade[1]
    weekday = _WEEKDAY.fullmatch(text.strip())
    if weekday and base is not None:
        return _weekday_date(weekday, base, future).isoformat()
    if _NARRATIVE.search(text):
        return None
    if not has_year and _MONTH.search(text) and not _RELATIVE.search(text):
        return _without_year(text, base, future)
    if base is None and (not has_year or _RELATIVE.search(text)):
        return None
    data = _parser(base).get_date_data(text)
    if data.date_obj is None:
        return _year_alone(text)
    if data.period == "year":
        return f"{data.date_obj.year:04d}"
    if data.period == "month":
        return f"{data.date_obj.year:04d}-{data.date_obj.month:02d}"
    return data.date_obj.date().isoformat()


def _year_alone(text: str) -> str | None:
    """The one year a date names that dateparser cannot read whole ("summer 1972", "early 1970",
    "the spring of 1977"): the year is right, only its precision is less. Never a span's first
    year ("1954-73")."""
    years = _YEAR.findall(text)
    return years[0] if len(years) == 1 and not re.search(r"\d\s*[-–/]\s*\d", text) else None


def _weekday_date(match: re.Match[str], base: dt.date, future: bool) -> dt.date:
    day = WEEKDAYS.index(match["day"].lower())
    which = (match["which"] or "").lower()
    if which in ("next", "coming"):
        return base + dt.timedelta(days=(day - base.weekday()) % 7 or 7)
    if future and which not in ("last", "past"):
        return base + dt.timedelta(days=(day - base.weekday()) % 7)
    back = (base.weekday() - day) % 7
    if which in ("last", "past"):
        back = back or 7
    return base - dt.timedelta(days=back)


def _without_year(text: str, base: dt.date | None, future: bool) -> str | None:
    """A month and day, or a month alone, that names no year: placed in the article's year
    (see the module's rules), or "--MM-DD" without an article date."""
    import dateparser

    part_of = _PART_OF.match(text)  # "early March", "mid-March": the month
    text = text[part_of.end():] if part_of else text
    parsed = dateparser.parse(  # English only: trying every locale costs seconds
        text, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"}
    )
    if parsed is None:
        return None
    whole_month = not re.search(r"\d", text)  # "in March": the month, not its first day
    if base is None:
        return None if whole_month else f"--{parsed.month:02d}-{parsed.day:02d}"
    try:
        day = dt.date(base.year, parsed.month, 1 if whole_month else parsed.day)
        if future and day < base.replace(day=1 if whole_month else base.day):
            day = day.replace(year=base.year + 1)
        elif not future and day > base + LATEST_AHEAD:
            day = day.replace(year=base.year - 1)
    except ValueError:  # February 29 in a year without one
        return None
    return day.isoformat()[:7] if whole_month else day.isoformat()


def _future_tense(ent: Span, weekday: bool = False) -> bool:
    """Does the clause that holds the date speak of what is to come: "will meet on Friday",
    "is expected to vote on Friday", "is to visit on Friday", "the vote due on Friday", and for
    a ``weekday`` "said she would visit on Wednesday" too (not "would have")? Read from the
    date up to its verb, and on up the chain of verbs it complements."""
    auxiliaries = _FUTURE_AUX | _CONDITIONAL_AUX if weekday else _FUTURE_AUX
    token: Token = ent.root
    if token.dep_ == "poss" and token.head.dep_ == "pobj" and token.head.head.lower_ == "of":
        return False  # "the winner of Friday's game": the game's day, whatever the verb's tense
    if token.head.lower_ in _UNTIL and _POSTPONING.fullmatch(token.head.head.text):
        return True
    complemented = False  # reached from a verb this one complements ("expected" <- "to vote")
    while True:
        aux = {child.lower_ for child in token.children if child.dep_ == "aux"}
        if token.lower_ in _FUTURE_WORDS or (complemented and _future_head(token)
                                             and "had" not in aux):
            return True
        if aux & auxiliaries and not (aux & _CONDITIONAL_AUX and "have" in aux):
            return True
        if token.head.i == token.i or (token.pos_ in ("VERB", "AUX") and token.dep_ != "xcomp"):
            return False
        complemented = token.dep_ == "xcomp"
        token = token.head


def _future_head(token: Token) -> bool:
    """A verb that puts the one it complements ahead: "expected to", "plans to", and the
    present "is to" ("the minister is to visit"; "was to" may be a plan since dropped)."""
    return token.lower_ in _FUTURE_HEADS or token.lower_ in ("is", "are", "am", "'s", "'re")


@lru_cache(maxsize=256)  # one per article date: bounded on a stream of years
def _parser(base: dt.date | None) -> DateDataParser:
    from dateparser.date import DateDataParser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(base, dt.time())
    return DateDataParser(languages=["en"], settings=settings)


def _parse_iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
