"""Text normalisation, done once at ingest: every offset later indexes the normalised text."""

from __future__ import annotations

import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200e\u200f\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_MANY_NEWLINES = re.compile(r"\n{3,}")
# A line ends a sentence on final punctuation, not on an abbreviation ("Mr.", "Nov.", "U.S.").
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})(?<!\b[A-Z][a-z]{3})"
                           r"[.!?][\"'”’)\]]*$")
_BYLINE = re.compile(r"By\s+[A-Z]")
FULL_LINE = 0.6  # of the longest line: a wrapped line fills most of the column, a title does not


def normalise_text(text: str) -> str:
    """NFC, no control or zero-width characters, single spaces, at most one blank line in a row,
    and hard-wrapped lines joined into their paragraph (see ``unwrap_lines``).

    Quote marks and dashes are kept as written: they carry meaning (quotes) and spans must be
    shown to the user exactly as the source printed them.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = _CONTROL.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _MANY_NEWLINES.sub("\n\n", unwrap_lines(lines)).strip()


def unwrap_lines(lines: list[str]) -> str:
    """The lines joined by a space where a line break only wrapped a sentence, by a newline
    elsewhere. Wire copy breaks lines at a fixed width inside sentences; left in, each break would
    cut a sentence in two. A break wraps when the line before does not end a sentence, is not a
    title, byline or lone token such as a URL, and fills most of the column (a short line is a
    title, a list item or the end of a paragraph), and the line after is no byline: a capital
    "By" opens a line inside no sentence, so a headline above a byline stays a line of its own
    however long."""
    width = max(map(len, lines), default=0)
    out: list[str] = []
    for line, following in zip(lines, [*lines[1:], ""], strict=True):
        out.append(line)
        wraps = (
            line and following
            and not _SENTENCE_END.search(line)
            and not line.isupper()
            and not _BYLINE.match(line)
            and not _BYLINE.match(following)
            and " " in line  # a line of one token (a URL) wraps no sentence
            and len(line) >= FULL_LINE * width
        )
        out.append(" " if wraps else "\n")
    return "".join(out[:-1])
