"""Plain-text and Markdown articles, with metadata from header lines where the text gives it."""

from __future__ import annotations

import re

from newsprism.ingest.dates import (
    MONTH_NAME,
    NUMERIC_DAY_YEAR_LAST,
    ORDINAL,
    WEEKDAY_NAME,
    WEEKDAYS,
)
from newsprism.ingest.normalise import normalise_text

_KEYS = (r"(?P<key>Publication|Publisher|Outlet|Source|Newspaper|Author|Byline|By|Date|"
         r"Published|Title|Headline|URL)")
# Markdown emphasis may wrap the line or the key: "*Date: 2025-03-04*", "**Date:** 2025-03-04".
_EMPHASIS = r"[*_]{0,2}"
_PAIR = re.compile(rf"{_EMPHASIS}{_KEYS}{_EMPHASIS}\s*:{_EMPHASIS}\s*(?P<value>.+)", re.IGNORECASE)
_HEADER = re.compile(rf"^{_PAIR.pattern}$", re.IGNORECASE | re.MULTILINE)
# A second "Key: " on the line ends the value, and may be a header of its own: a Markdown
# paragraph joins "*Publication: Northern Courier*" and "*Date: 2025-03-04*" into one line;
# "Publication: Eurasia Daily Monitor Volume: 16 Issue: 65" -> outlet "Eurasia Daily Monitor".
_NEXT_KEY = re.compile(rf"\s+(?={_EMPHASIS}[A-Z][a-z]+{_EMPHASIS}:\s)")
_BYLINE = re.compile(r"^By\s+(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})\s*$", re.MULTILINE)
_FIELDS = {
    "publication": "outlet", "publisher": "outlet", "outlet": "outlet", "source": "outlet",
    "newspaper": "outlet", "author": "author", "byline": "author", "by": "author",
    "date": "date", "published": "date", "title": "title", "headline": "title", "url": "url",
}  # fmt: skip
# A body line ends in a full stop or colon, closing quotes after it; a headline may end in ? or !.
_BODY_LINE_END = re.compile(r"[.:][\s'\"’”)\]]*$")
# A photo caption ends its sentence, then credits the picture: "... on Nov. 28. (David M Warren
# / Staff Photographer)"; without the credit it ends as a body line does, so it is no headline.
_CREDIT = re.compile(r"(?<=[.!?])\s*\([^()]*\)\s*$")
HEADER_LINES = 12  # metadata lines sit at the top; "Source:" further down is a photo credit
_MONTH = rf"{MONTH_NAME}\.?"
_WEEKDAY = rf"(?:(?:{'|'.join(WEEKDAYS)}),?\s+)?"
_NUMERIC_DAY = r"\d{4}[-/]\d{1,2}[-/]\d{1,2}"
# A dateline: a line that is only a day ("Tuesday, July 12, 2005", "12 July 2005",
# "September 10th, 2010", "2005-07-12", "12/19/2005"), as many sites and wikis print it under
# the headline instead of "Date: ...".
_DATELINE = re.compile(
    rf"{_WEEKDAY}(?:{_MONTH}\s+\d{{1,2}}{ORDINAL},?\s+\d{{4}}|\d{{1,2}}{ORDINAL}\s+{_MONTH},?\s+\d{{4}}"
    rf"|{_NUMERIC_DAY}|{NUMERIC_DAY_YEAR_LAST}\b)",
    re.IGNORECASE,
)
# A month and a day without a year ("APR 28", "Dec. 24"): a stamp line still, dating nothing.
_YEARLESS_DAY = re.compile(
    rf"{_WEEKDAY}(?:{_MONTH}\s+\d{{1,2}}{ORDINAL}|\d{{1,2}}{ORDINAL}\s+{_MONTH})\b", re.IGNORECASE)
# What a page's time stamp line holds besides its day, in any site's order: its words
# ("Updated", "Last updated at", "Posted on", a press release's "For immediate release"), a
# clock ("8:52 PM", "7:15 a.m.", "5:03p", "20:09") and its zone ("EDT", "GMT", "IST"),
# weekdays ("MON"); the separators ("|", "/", "@", "–", ",") are no words. "Friday, Sep 10, 2010
# | Updated 8:52 PM EDT", "7:15 a.m. Dec. 7, 2009", "21 July 2013 Last updated at 11:11 GMT".
_STAMP_WORD = re.compile(
    rf"\b(?:last|first|updated|published|posted|modified|on|at|for\s+immediate\s+release"
    rf"|{WEEKDAY_NAME})\b"
    r"|\b\d{1,2}\s?[:.]\s?\d{2}(?:[:.]\d{2})?(?:\s?[ap](?:\.?\s?m)?\b\.?)?"
    r"|(?-i:\b(?:[A-Z]{1,4}T|UTC)\b)",
    re.IGNORECASE,
)
STAMP_LINE_CHARS = 120  # a stamp is short; a longer line is a sentence that names a day
# A line ending a sentence ("On March 4, 2013."), unless on a clock ("on Tuesday, 16 December
# 2008 13:45.", "7:15 a.m.").
_SENTENCE_END = re.compile(r"(?<![ap]\.m)(?<!:\d\d)\.\s*$", re.IGNORECASE)
# A day after a name on its own line: an archive's "Northern Star, 2013-07-21" or "The Guardian,
# 4 March 2013, Monday", a press release's "Brussels, 12 March 2013". It dates the article; the
# name may be the outlet or the place, which the line does not tell apart, so it names neither.
_NAMED_DAY = re.compile(
    rf"[A-Z][^\n,.!?:;]{{1,60}},\s+(?P<day>{_DATELINE.pattern})(?:,?\s+(?:{'|'.join(WEEKDAYS)}))?",
    re.IGNORECASE)
# A place or an outlet, then a page's time stamp, then the agency that filed it: "Washington
# D.C., Jul 13, 2009/02:00 pm (CNA)". The name may hold an abbreviation's dots ("D. C.", "St.").
_NAMED_STAMP = re.compile(r"[A-Z][^\n,!?:;]{1,60},\s+(?P<stamp>.+?)"
                          r"(?:\s*\([A-Za-z][\w&.' -]{0,38}\))?")
_NAMED_DAY_LINE = re.compile(rf"^{_NAMED_DAY.pattern}$", re.IGNORECASE | re.MULTILINE)
# A wire dateline names the agency whose report it is: "RIVERTON, Ore. (AP) —", "LONDON
# (Reuters) -", "BEIJING, Nov. 3 (Xinhua) --". The place is in capitals, as datelines print it;
# an agency may write its name in lower case ("BERLIN (dpa) —").
WIRE_DATELINE = re.compile(
    r"[A-Z]{2}[A-Z .'-]*(?:,[^()\n]{1,30})?\s\((?P<credit>[A-Za-z][\w&.' -]{0,38}[\w.])\)"
    r"\s*(?:--|[-—–_])")
_WIRE_DATELINE = re.compile(f"^{WIRE_DATELINE.pattern}", re.MULTILINE)
# A page's time stamp line: "Updated Wednesday 11 March 2026", "Last updated: 10:42 GMT, 11
# March 2026", "Riverton Daily Star · Published 4 March 2025" (a live blog's, under or over its
# headline). It dates the article and names its outlet before a separator; it is no headline.
_STAMP = re.compile(
    rf"^{_EMPHASIS}(?:(?P<outlet>[^\n·|•]{{2,60}}?)\s+[·|•]\s+)?(?:Last\s+)?"
    r"(?:Updated|Published|First published|Posted)(?:\s+on)?:?\s+(?P<when>[^\n]{4,60})$",
    re.IGNORECASE | re.MULTILINE,
)
# A numeric day before the headline on its line ("2005/01/08 Tsunami aid donations ...",
# "27/09/2013 - Turkmenistan to hold elections").
_DATED_TITLE = re.compile(
    rf"(?P<day>{_NUMERIC_DAY}|{NUMERIC_DAY_YEAR_LAST})\s+(?:[-–—|]\s+)?(?P<title>\S.*)")


def metadata_from_text(text: str) -> dict[str, str]:
    """Title, outlet, author, date and url that the first lines of a text state (the outlet
    also by a wire dateline's credit, when no line names it)."""
    head = "\n".join(text.split("\n")[:HEADER_LINES])
    found: dict[str, str] = {}
    for line in _HEADER.finditer(head):
        for part in _NEXT_KEY.split(line[0]):
            if pair := _PAIR.fullmatch(part):
                field = _FIELDS[pair["key"].lower()]
                value = pair["value"].strip().strip("*_").strip()
                if value and field not in found:
                    found[field] = value
    if "author" not in found and (byline := _BYLINE.search(head)):
        found["author"] = byline["name"]
    title_day = None
    if "title" not in found and (title := guess_title(text)):
        if dated := _DATED_TITLE.fullmatch(title):
            title, title_day = dated["title"], dated["day"]
        found["title"] = title
    if "date" not in found and (day := _dateline(head)):
        found["date"] = day
    if stamp := _stamp(head):
        if "date" not in found and (day := _DATELINE.search(stamp["when"])):
            found["date"] = day[0]
        outlet = (stamp["outlet"] or "").strip("*_ ")
        if outlet and not outlet.lower().startswith("by "):
            found.setdefault("outlet", outlet)
    if title_day:  # last: "03/04/2012 - ..." may read two ways where a stamp line below does not
        found.setdefault("date", title_day)
    if "outlet" not in found and (wire := _WIRE_DATELINE.search(head)):
        found["outlet"] = wire["credit"]  # as the text writes it: "AP", not a name we expand
    return found


def opening(text: str) -> str:
    """The text from where the report's own words begin: after its leading header lines
    ("Date: ..."), byline ("By Fred Kiva"), dateline ("Tuesday, July 12, 2005") and a wire
    dateline opening its first paragraph ("NEW YORK (Reuters) - ")."""
    lines = text.split("\n")
    for n, line in enumerate(lines[:HEADER_LINES]):
        line = line.strip()
        if line and not (_HEADER.match(line) or _BYLINE.fullmatch(line)
                         or _DATELINE.fullmatch(line) or _NAMED_DAY.fullmatch(line)
                         or _stamp(line) or stamp_line(line) is not None
                         or _named_stamp(line)):
            rest = "\n".join(lines[n:])
            wire = _WIRE_DATELINE.match(rest)
            return rest[wire.end():].lstrip() if wire else rest
    return text


def after_wire_dateline(text: str, start: int) -> int:
    """Where the words of a paragraph opening at ``start`` begin after its wire dateline
    ("WASHINGTON (AP) — "), ``start`` when it has none: the place and the credit say where and
    by whom the copy was filed, no fact of the report."""
    wire = _WIRE_DATELINE.match(text, start)  # at a line's start only (``^``)
    return wire.end() if wire else start


def stamp_line(line: str) -> str | None:
    """Is ``line`` a page's time stamp line, only a day and what stamps hold around it ("Friday,
    Sep 10, 2010 | Updated 8:52 PM EDT", "11/30/09 05:40 PM ET", "APR 28")? Its first whole
    day as written ("Friday, Sep 10, 2010"), "" when it gives no year; None when it is no stamp
    line."""
    line = line.strip().strip("*_").strip()
    if len(line) > STAMP_LINE_CHARS or _SENTENCE_END.search(line):
        return None
    day = _DATELINE.search(line)
    rest = _YEARLESS_DAY.sub(" ", _DATELINE.sub(" ", line))
    if rest == line or re.search(r"\w", _STAMP_WORD.sub(" ", rest)):
        return None
    return day[0] if day else ""


def _stamp(text: str) -> re.Match[str] | None:
    """A time stamp line that holds a day ("Updated Wednesday 11 March 2026"), not a sentence
    that opens on "Posted"."""
    return next((m for m in _STAMP.finditer(text) if _DATELINE.search(m["when"])), None)


def _dateline(head: str) -> str | None:
    """The day of the first line of the head that is only a day, a time stamp ("December 7,
    2010 11:18 PM"), or a name and a day ("Northern Star, 2013-07-21"), as written."""
    for line in head.split("\n"):
        line = line.strip()
        if _DATELINE.fullmatch(line):
            return line
        if named := _NAMED_DAY.fullmatch(line):
            return named["day"]
        if day := stamp_line(line) or _named_stamp(line):
            return day
    return None


def _named_stamp(line: str) -> str | None:
    """The day of a time stamp after a name and before an agency's credit ("Washington D.C.,
    Jul 13, 2009/02:00 pm (CNA)"), as written; None for a line that is no such stamp."""
    named = _NAMED_STAMP.fullmatch(line.strip())
    return stamp_line(named["stamp"]) if named else None


def metadata_line_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of the "Key: value" header lines, the name-and-day lines ("Northern
    Star, 2013-07-21") and the time stamp lines ("Updated 11 March 2026", "December 7, 2010
    11:18 PM") at the top of a text: the article's own date, none of its events or facts."""
    head_end = 0
    for _ in range(HEADER_LINES):
        head_end = text.find("\n", head_end + 1)
        if head_end < 0:
            head_end = len(text)
            break
    ranges = [(m.start(), m.end()) for m in _HEADER.finditer(text, 0, head_end)]
    ranges += [(m.start(), m.end()) for m in _NAMED_DAY_LINE.finditer(text, 0, head_end)]
    if stamp := _stamp(text[:head_end]):
        ranges.append((stamp.start(), stamp.end()))
    start = 0
    for line in text[:head_end].split("\n"):
        if (stamp_line(line) is not None or _named_stamp(line)) \
                and (start, start + len(line)) not in ranges:
            ranges.append((start, start + len(line)))
        start += len(line) + 1
    return ranges


FURNITURE_WORDS = 3
# A headline is one phrase of at most this many words. Of the 160 first lines of Multi-News
# texts this rule read as titles before, the 23 longer ones were captions, standfirsts, tweets
# or newsletter boxes, never a headline alone.
HEADLINE_WORDS = 20
# A sentence ended inside the line, and another begun ("... in Uganda. Tony Spitz has the
# details. Buzz60"): a video caption or the body (16 of those 160), never a headline. Three
# lower-case letters before the stop: "U.S.", "Gov." and "vs." end no sentence.
_TWO_SENTENCES = re.compile(r"[a-z]{3}[.!?]\s+[A-Z\"“]")


# A page's label of a picture or video, flattened into its text: "Image copyright Getty Images
# Image caption Rangers searched the park", "Media caption ...". The line is a caption, no
# headline, and no fact of the story.
MEDIA_LABEL = re.compile(r"\b(?:Image|Media|Video|Photo) (?:copyright|caption|source)\b")


def guess_title(text: str) -> str | None:
    """The first line when it reads as a headline: one short phrase, not ending a sentence.
    Header lines ("Publication: ..."), one-word lines (a section label, "Editorials"; a URL), a
    dateline ("July 12, 2005"), a byline ("By Ana Ruiz"), a time stamp ("Updated 11 March
    2026", "12 January 2010 @ 09:29 pm", "APR 28"), a picture's caption line ("Image copyright
    ...") and a page's lower-case widget labels ("text size") above it are passed over; a line
    further into the body, or a photo caption ending a sentence before its credit, is never
    taken, as it is the body."""
    lines = [line.strip() for line in text.split("\n", HEADER_LINES)[:HEADER_LINES]]
    lines = [line for line in lines if line]
    for n, line in enumerate(lines):
        if (_HEADER.match(line) or len(line.split()) == 1 or _DATELINE.fullmatch(line)
                or _NAMED_DAY.fullmatch(line) or _BYLINE.fullmatch(line) or _stamp(line)
                or stamp_line(line) is not None or MEDIA_LABEL.search(line)
                or _furniture(line, lines[n + 1 :])):
            continue
        if (len(line) > 200 or len(line.split()) > HEADLINE_WORDS or _TWO_SENTENCES.search(line)
                or _BODY_LINE_END.search(_CREDIT.sub("", line))):
            return None
        return line
    return None


def _furniture(line: str, below: list[str]) -> bool:
    """Is a short lower-case line above capitalised ones a page's widget label ("text size",
    "share this") rather than a headline? In a lower-cased feed every line is lower case."""
    return (len(line.split()) <= FURNITURE_WORDS and line.islower()
            and bool(below) and not below[0].islower())


def markdown_to_text(markdown: str) -> str:
    """The readable text of a Markdown document: one block a paragraph, markup removed."""
    from markdown_it import MarkdownIt

    blocks: list[str] = []
    for token in MarkdownIt().parse(markdown):
        if token.type == "inline" and token.children is not None:
            parts = []
            for child in token.children:
                if child.type in ("text", "code_inline"):
                    parts.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    parts.append(" ")
            blocks.append("".join(parts))
    return normalise_text("\n\n".join(blocks))
