"""The one reader of a date that is given to newsprism: an article's date (header line, JSONL
field, HTML metadata, feed entry) and the date filters of the CLI and the API. Every caller
shows its one message, so a bad date reads the same wherever it is given."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from newsprism.errors import InputError

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
_MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                        "nov", "dec")
# A month's name, whole or abbreviated (lower case: match it ignoring case).
MONTH_NAME = "(?:" + "|".join(sorted((*MONTHS, *_MONTH_ABBREVIATIONS), key=len, reverse=True)) + ")"
# "2019-02-30", "2019-2-3", "2019-02-03T10:00:00Z", "2019/02/03": a day written year first is
# checked as written, never handed to dateparser, which would quietly move "2019-02-30".
_ISO_DAY = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T\s].*)?")
# "12/19/2005 3:36 PM": a day written with the month as a number and the year last. US pages
# put the month first, most others the day: it is read only when one of the two cannot be a
# month (or both are the same number), never by guessing the writer's country.
NUMERIC_DAY_YEAR_LAST = r"\d{1,2}/\d{1,2}/\d{4}"
_YEAR_LAST = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?:[,\s].*)?")
# A day written with its month's name inside a longer stamp that dateparser cannot read
# whole: "Dec. 19, 2005 at 9:44 PM", "Tuesday, Dec. 20 2005 12:00 a.m. MST".
_NAMED_DAY = re.compile(rf"\b{MONTH_NAME}\.?\s+\d{{1,2}},?\s+\d{{4}}\b"
                        rf"|\b\d{{1,2}}\s+{MONTH_NAME}\.?,?\s+\d{{4}}\b", re.IGNORECASE)
FIX = "write it as YYYY-MM-DD"


def read_date(value: object, where: str) -> str | None:
    """The ISO 8601 day (YYYY-MM-DD) ``value`` gives, None when it gives none. ``where`` names
    the input ("gazette.txt", "--since", "date"); a value that is no real day raises an
    ``InputError`` naming it, the value and what to do."""
    text = "" if value is None else str(value).strip()
    if not text:
        return None
    if iso := _ISO_DAY.fullmatch(text):
        year, month, day = (int(part) for part in iso.groups())
        if year < dt.MINYEAR:
            raise _bad(where, text, "there is no year 0")
        if not 1 <= month <= 12:
            raise _bad(where, text, f"there is no month {month}")
        if not 1 <= day <= (last := calendar.monthrange(year, month)[1]):
            month_name = dt.date(year, month, 1).strftime("%B %Y")
            raise _bad(where, text, f"{month_name} has {last} days")
        return dt.date(year, month, day).isoformat()
    if numeric := _YEAR_LAST.fullmatch(text):
        return _year_last(numeric, where, text)
    import dateparser

    settings = {"PREFER_DAY_OF_MONTH": "first"}
    # English first: detecting the language among all of dateparser's locales costs seconds.
    parsed = dateparser.parse(text, languages=["en"], settings=settings) or dateparser.parse(
        text, settings=settings
    )
    if parsed is None and (named := _NAMED_DAY.search(text)) and named[0] != text:
        return read_date(named[0], where)  # the stamp's day, its clock time left out
    if parsed is None:
        raise _bad(where, text, "not a date newsprism can read")
    return parsed.date().isoformat()


def _year_last(numeric: re.Match[str], where: str, text: str) -> str:
    """The day of "12/19/2005" (month first) or "19/12/2005" (day first); "03/04/2005" may be
    either, and is refused rather than guessed."""
    first, second, year = (int(part) for part in numeric.groups())
    if first > 12 >= second:
        first, second = second, first  # the day came first
    elif second <= 12 and first != second:
        raise InputError(where, f"date {text!r} reads two ways ({first}/{second} may be month/day "
                                f"or day/month); {FIX}")
    try:
        return dt.date(year, first, second).isoformat()
    except ValueError as exc:
        raise _bad(where, text, str(exc)) from None


def _bad(where: str, value: str, reason: str) -> InputError:
    return InputError(where, f"date {value!r} is not a real date ({reason}); {FIX}")
