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
# "2019-02-30", "2019-2-3", "2019-02-03T10:00:00Z": a day written the ISO way is checked as
# written, never handed to dateparser, which would quietly move "2019-02-30" to another day.
_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s].*)?")
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
    import dateparser

    settings = {"PREFER_DAY_OF_MONTH": "first"}
    # English first: detecting the language among all of dateparser's locales costs seconds.
    parsed = dateparser.parse(text, languages=["en"], settings=settings) or dateparser.parse(
        text, settings=settings
    )
    if parsed is None:
        raise _bad(where, text, "not a date newsprism can read")
    return parsed.date().isoformat()


def _bad(where: str, value: str, reason: str) -> InputError:
    return InputError(where, f"date {value!r} is not a real date ({reason}); {FIX}")
