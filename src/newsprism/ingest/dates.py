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
MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                        "nov", "dec")
# The parts of a day, which tell when in it, never what was done to what ("Monday morning",
# "at dawn", "overnight")
TIMES_OF_DAY = ("morning", "afternoon", "evening", "night", "noon", "midday", "midnight", "dawn",
                "dusk", "daybreak", "nightfall", "overnight")
# What follows a clock's hour ("5 p.m.", "10 am", "six o'clock")
CLOCK_MARKS = ("a.m.", "p.m.", "am", "pm", "a.m", "p.m", "o'clock")


def full_month(word: str) -> str | None:
    """The month ``word`` names in full, lower case, whole or abbreviated ("Aug.", "sept",
    "August" -> "august"); None for no month's name."""
    bare = word.lower().rstrip(".")
    if bare in MONTHS:
        return bare
    return next(m for m in MONTHS if m.startswith(bare)) if bare in MONTH_ABBREVIATIONS else None


# A weekday's name, whole or abbreviated as stamps print it ("MON 22 JUL 2013", "Wed May 5").
WEEKDAY_NAME = ("(?:" + "|".join((*WEEKDAYS, "tues", "thurs", "thur", "mon", "tue", "wed", "thu",
                                  "fri", "sat", "sun")) + ")")
# A month's name, whole or abbreviated (lower case: match it ignoring case).
MONTH_NAME = "(?:" + "|".join(sorted((*MONTHS, *MONTH_ABBREVIATIONS), key=len, reverse=True)) + ")"
# "2019-02-30", "2019-2-3", "2019-02-03T10:00:00Z", "2019/02/03": a day written year first is
# checked as written, never handed to dateparser, which would quietly move "2019-02-30".
_ISO_DAY = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T\s].*)?")
# "12/19/2005 3:36 PM": a day written with the month as a number and the year last. US pages
# put the month first, most others the day: it is read only when one of the two cannot be a
# month (or both are the same number), never by guessing the writer's country.
# A page's stamp may give the year in two digits ("11/30/09 05:40 PM ET"): 00-68 are 2000-2068,
# 69-99 are 1969-1999, as ``strptime``'s %y reads them.
NUMERIC_DAY_YEAR_LAST = r"\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})"
_YEAR_LAST = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?:[,\s].*)?")
# An ordinal day, "September 10th, 2010", "09th June 2013": a day of the month either way.
ORDINAL = r"(?:st|nd|rd|th)?"
# A day written with its month's name inside a longer stamp that dateparser cannot read
# whole: "Dec. 19, 2005 at 9:44 PM", "Tuesday, Dec. 20 2005 12:00 a.m. MST".
_NAMED_DAY = re.compile(rf"\b{MONTH_NAME}\.?\s+\d{{1,2}}{ORDINAL},?\s+\d{{4}}\b"
                        rf"|\b\d{{1,2}}{ORDINAL}\s+{MONTH_NAME}\.?,?\s+\d{{4}}\b", re.IGNORECASE)
# A day in a URL's path, year first, whole: "/2010/09/10/", "/2013/aug/02/", "/2010-12-08/",
# "/2005-12-19-giganteobit". A year and a month alone ("/2012/08/") date no article.
_URL_DAY = re.compile(rf"/((?:19|20)\d\d)([/-])(\d{{1,2}}|{MONTH_NAME})\2(\d{{1,2}})(?=[/_.-]|$)",
                      re.IGNORECASE)
# A URL's year and month, which tell the order of a numeric day only: "/2011/01/...", or eight
# digits "/20070403/", "ymd=20081216" (too often an id to date a page on their own).
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/"
                        r"|(?<!\d)((?:19|20)\d\d)(0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)")
FIX = "write it as YYYY-MM-DD"


def read_date(value: object, where: str, month_hint: str | None = None) -> str | None:
    """The ISO 8601 day (YYYY-MM-DD) ``value`` gives, None when it gives none. ``where`` names
    the input ("gazette.txt", "--since", "date"); a value that is no real day raises an
    ``InputError`` naming it, the value and what to do. ``month_hint`` ("2007-04"), known apart
    from the value (the page's URL gives it), settles a numeric day that reads two ways:
    "04/02/07" under ".../20070403/..." is April 2nd."""
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
        return _year_last(numeric, where, text, month_hint)
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


def url_day(url: str | None) -> str | None:
    """The ISO day a URL's path gives whole, year first ("/2010/09/10/", "/2010-12-08/"), None
    when it gives none or no real day."""
    if not url or not (found := _URL_DAY.search(url)):
        return None
    year, _, month, day = found.groups()
    number = int(month) if month.isdigit() else _month_number(month)
    try:
        return dt.date(int(year), number, int(day)).isoformat()
    except ValueError:
        return None


def url_month(url: str | None) -> str | None:
    """The year and month ("2007-04") a URL's path gives, whole day or not, None when none."""
    if day := url_day(url):
        return day[:7]
    found = _URL_MONTH.search(url or "")
    if not found:
        return None
    year, month = (found[1], found[2]) if found[1] else (found[3], found[4])
    return f"{year}-{int(month):02d}"


def _month_number(name: str) -> int:
    name = name.lower()[:3]
    return next(n for n, month in enumerate(MONTHS, 1) if month.startswith(name))


def _year_last(numeric: re.Match[str], where: str, text: str, month_hint: str | None) -> str:
    """The day of "12/19/2005" (month first) or "19/12/2005" (day first); "03/04/2005" may be
    either, and is refused rather than guessed, unless ``month_hint`` is one reading's month."""
    first, second, year = (int(part) for part in numeric.groups())
    if len(numeric[3]) == 2:
        year += 2000 if year < 69 else 1900
    if first > 12 >= second or (second <= 12 and month_hint == f"{year:04d}-{second:02d}"):
        first, second = second, first  # the day came first
    elif second <= 12 and first != second and month_hint != f"{year:04d}-{first:02d}":
        raise InputError(where, f"date {text!r} reads two ways ({first}/{second} may be month/day "
                                f"or day/month); {FIX}")
    try:
        return dt.date(year, first, second).isoformat()
    except ValueError as exc:
        raise _bad(where, text, str(exc)) from None


def _bad(where: str, value: str, reason: str) -> InputError:
    return InputError(where, f"date {value!r} is not a real date ({reason}); {FIX}")
