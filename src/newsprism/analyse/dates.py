"""Date expressions, normalised against the article's date where it is known.

A date without a year in an undated article keeps what it says and no more: "April 25" becomes
the ISO 8601 partial date "--04-25", never a guessed year.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from newsprism.model import DateMention

if TYPE_CHECKING:
    from dateparser.date import DateDataParser
    from spacy.tokens import Doc

_YEAR = re.compile(r"\b(1[89]\d\d|2[01]\d\d)\b")
_DURATION = re.compile(r"-year-old|\b(?:years?|months?|weeks?|days?|decades?)\s+(?:old|long)\b")
_CLOSERS = re.compile(r"[)\]—–;]")
_RELATIVE = re.compile(
    r"\b(?:today|yesterday|tomorrow|tonight|last|next|this|ago|earlier|later|previous|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)


def extract_dates(
    doc: Doc, doc_id: str, article_date: str | None, skip: list[tuple[int, int]] = ()
) -> tuple[DateMention, ...]:
    base = _parse_iso(article_date)
    text = doc.text  # rebuilt from the tokens on every access
    found = []
    for ent in doc.ents:
        if ent.label_ != "DATE" or _DURATION.search(ent.text):
            continue
        start = ent.start_char
        end = start + len(_CLOSERS.split(ent.text, maxsplit=1)[0])  # "April 25)—a" -> "April 25"
        while end > start and not text[end - 1].isalnum():
            end -= 1
        if any(s <= start and end <= e for s, e in skip) or end == start:
            continue
        expression = text[start:end]
        found.append(DateMention(doc_id, start, end, expression,
                                 normalise_date_expression(expression, base)))
    return tuple(found)


@lru_cache(maxsize=4096)
def normalise_date_expression(text: str, base: dt.date | None) -> str | None:
    """ISO 8601 for a date expression: full date, year-month, year, or --MM-DD. Cached: a
    day's articles repeat "Tuesday", "last week" and "2019" against the same base date, and
    each dateparser call costs about a millisecond."""
    import dateparser

    has_year = _YEAR.search(text) is not None
    if base is None and not has_year:
        if _RELATIVE.search(text):
            return None
        parsed = dateparser.parse(  # English only: trying every locale costs seconds
            text, languages=["en"], settings={"REQUIRE_PARTS": ["day", "month"]}
        )
        return f"--{parsed.month:02d}-{parsed.day:02d}" if parsed else None
    data = _parser(base).get_date_data(text)
    if data.date_obj is None:
        return None
    if data.period == "year":
        return f"{data.date_obj.year:04d}"
    if data.period == "month":
        return f"{data.date_obj.year:04d}-{data.date_obj.month:02d}"
    return data.date_obj.date().isoformat()


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
