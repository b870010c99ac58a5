"""Quotations in a text: where each one's words are, whoever says them.

Quote marks are read from one table of pairs (“…”, „…“, „…”, ``…'' of wire archives and its
curly ‘‘…’’, «…», ‹…›, "…", ‘…’, `…' and '…') by one matcher: a stack of open quotes, in reading
order. A mark that may also be an apostrophe (’ ') or that opens and closes alike (" ') takes its
role from the characters beside it: an opening mark follows a space or the start of a line and
is followed by a word that is no elision (’s, ’90s, rock ’n’ roll); a closing mark follows a
word and is followed by a space, punctuation or the end, and is no plural possessive (the
workers’ union). An opening mark typed where the closing one belongs (", `` said X") closes. A
quotation runs over several paragraphs when the next paragraph opens with the same mark again
(the closing mark comes only at the end of the last); each paragraph's part is a quote of its
own, with the quotation's speaker; a caption or crosshead between two of its paragraphs does
not end it once its mark has been repeated. A double mark also carries over a line break
without being repeated, for a few lines, as one-sentence-a-line archives break a quotation of
sentences. A double prime (″, an inch or second mark) closes an open double quotation that
nothing else closes in its paragraph: web typesetting (WordPress) turns the " after a digit into
″, so “at least 10″ ends there; elsewhere it stays a unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Opening mark -> the closing marks that end it. “ opens English quotes and closes German ones.
# Web copy mixes curly and straight marks (“...", "...”, ‘...').
PAIRS: dict[str, tuple[str, ...]] = {
    # "\ufffd?": ” in copy decoded as Windows-1252 (its third byte has no character there).
    "“": ("”", '"', "’’", "\ufffd?"),
    "„": ("“", "”"),
    "``": ("''",),
    "‘‘": ("’’",),  # `` '' set in curly type
    "«": ("»",),
    "‹": ("›",),
    # Wire archives whose `` became " kept the '' that closes it ("... disability,'' he said").
    '"': ('"', "”", "''"),
    "‘": ("’", "'"),
    "`": ("'",),
    "'": ("'", "’"),
}
_SINGLE = {"‘", "`", "'"}  # quotes within quotes and headlines: never run past a paragraph
CLOSERS = {c for closers in PAIRS.values() for c in closers}
# An inch or second mark, typeset by the web for the " after a digit: a closing mark only where
# a double quotation is left open otherwise (`_prime_closes`), so it is in no pair.
DOUBLE_PRIME = "″"
_PRIME_CLOSES = ("“", '"')  # the double marks whose closing " a typesetter may turn into ″
_MARK = re.compile("|".join(re.escape(m) for m in sorted(
    PAIRS.keys() | CLOSERS | {DOUBLE_PRIME}, key=len, reverse=True)))
# Marks that are also apostrophes, or open and close alike: their role depends on their context.
_CONTEXTUAL = {'"', "'", "‘", "’"}
_OPEN_AFTER = "([{—–-/" + "".join(PAIRS)  # characters after which a mark opens
_CLOSE_BEFORE = ".,;:!?)]}…—–-" + "".join(CLOSERS)  # characters before which a mark closes
# ’s, ’re, ’90s, ’em, ’til, ’cause, ’tis, rock ’n’ roll: elisions, not opening marks.
_ELISION = re.compile(r"(?:s|d|m|t|ll|re|ve|em|n|til|cause|tis|twas|\d\d)(?![^\W\d_])",
                      re.IGNORECASE)
BLANK_LINE = re.compile(r"\n\s*\n")
_LINE_GAP = 4  # lines an unrepeated double mark carries over (archives: a sentence a line)


@dataclass
class _Open:
    """A quotation being read: its opening mark, the start of its current paragraph's words,
    that paragraph's line and the parts of the paragraphs before."""

    mark: str
    start: int
    line: int
    parts: list[tuple[int, int]] = field(default_factory=list)


def find_quotations(text: str) -> list[list[tuple[int, int]]]:
    """Each quotation in ``text`` as the spans of its words, one per paragraph, without marks,
    in order of their start."""
    found: list[list[tuple[int, int]]] = []
    stack: list[_Open] = []
    line, counted = 0, 0
    for match in _MARK.finditer(text):
        mark, pos, end = match[0], match.start(), match.end()
        line, counted = line + text.count("\n", counted, pos), pos
        if _carry_over(stack, text, mark, pos, end, line):
            continue
        if mark == DOUBLE_PRIME:
            opens, target = False, _prime_closes(stack, text, pos, end)
        else:
            opens, closes = _roles(text, mark, pos, end)
            target = _open_quote(stack, mark) if closes else None
        if target is None and opens and _after_words(text, pos, end):
            # "..., `` said Stefanski": an opening mark typed where the closing one belongs.
            target = next((i for i, q in enumerate(stack) if q.mark == mark), None)
        if target is not None:
            quote = stack[target]
            del stack[target:]
            found.append([*quote.parts, (quote.start, pos)])
        elif opens:
            same = next((i for i, q in enumerate(stack) if q.mark == mark), None)
            if same is not None:
                del stack[same:]  # a mark never opens inside its own kind: the old one was stray
            stack.append(_Open(mark, end, line))
    spans = [[part for part in (_trim(text, a, b) for a, b in quote) if part] for quote in found]
    return sorted((s for s in spans if s), key=lambda s: s[0])


def _carry_over(stack: list[_Open], text: str, mark: str, pos: int, end: int, line: int) -> bool:
    """Carry the open quotes over the line breaks before ``pos``; True when the mark at ``pos``
    is the repeated opening mark of a quotation's new paragraph."""
    repeated = False
    line_start = text.rfind("\n", 0, pos) + 1
    for i in range(len(stack) - 1, -1, -1):
        quote = stack[i]
        if quote.line == line:
            continue
        # The next paragraph only: a quote left open, then a paragraph of narrative, then a
        # new quote is a stray mark, not one quotation (an archive's lines without a blank line
        # between them are the sentences of one paragraph).
        next_paragraph = BLANK_LINE.search(text[quote.start : line_start].strip()) is None
        interrupted = _interruption(text, quote, line_start)
        if mark == quote.mark and not repeated and (next_paragraph or interrupted) and \
                not text[line_start:pos].strip():
            quote.parts.append((quote.start, interrupted or line_start))
            quote.start, quote.line, repeated = end, line, True
        elif (quote.mark in _SINGLE or line - quote.line > _LINE_GAP) and not interrupted:
            del stack[i:]  # left open: not a quotation we can place
    return repeated


def _interruption(text: str, quote: _Open, line_start: int) -> int | None:
    """The end of ``quote``'s paragraph when only captions or crossheads follow it up to
    ``line_start`` (a page breaks a long quotation with a photo's caption, a crosshead or a
    link): lines of their own that end no sentence. Only for a quotation whose mark was already
    repeated at a paragraph's start: a mark left open once may be a stray one."""
    if not quote.parts or quote.mark in _SINGLE:
        return None
    gap = BLANK_LINE.search(text, quote.start, line_start)
    if gap is None:
        return None
    between = [p.strip() for p in BLANK_LINE.split(text[gap.end() : line_start])]
    lines = [p for p in between if p]
    if not lines or any("\n" in p or _ends_sentence(p) for p in lines):
        return None
    return gap.start()


def _ends_sentence(paragraph: str) -> bool:
    """Whether ``paragraph`` ends as narrative does, with a sentence's stop (inside closing
    marks or not): a caption or crosshead ends without one."""
    return paragraph.rstrip("".join(c for c in CLOSERS if len(c) == 1) + " ").endswith(
        (".", "!", "?", ":"))


def _roles(text: str, mark: str, pos: int, end: int) -> tuple[bool, bool]:
    """Whether the mark at ``pos`` may open and may close a quote, from the characters beside
    it for marks that are also apostrophes or open and close alike."""
    opens, closes = mark in PAIRS, mark in CLOSERS
    if mark not in _CONTEXTUAL:
        return opens, closes
    may_open = _opens_clearly(text, pos, end) and not (
        mark != '"' and _ELISION.match(text, end)
    )
    before, after = _char(text, pos - 1), _char(text, end)
    # A straight mark between two spaces is a tokenised archive's (`` fun . ' ): it may close.
    spaced = mark in {'"', "'"} and before.isspace() and after.isspace()
    may_close = (_closes_clearly(text, pos, end) or spaced) and not (
        mark != '"' and _possessive(text, pos, end)
    )
    if mark == '"' and spaced:
        may_open = True
    return opens and may_open, closes and may_close


def _opens_clearly(text: str, pos: int, end: int) -> bool:
    before, after = _char(text, pos - 1), _char(text, end)
    return (before.isspace() or before in _OPEN_AFTER) and not after.isspace()


def _closes_clearly(text: str, pos: int, end: int) -> bool:
    """After a word and before a space or punctuation, or right after the speaker's own
    punctuation (scraped copy drops spaces: 'taking place."Each of')."""
    before, after = _char(text, pos - 1), _char(text, end)
    return (not before.isspace() and (after.isspace() or after in _CLOSE_BEFORE)) or \
        before in ".!?,;"


def _after_words(text: str, pos: int, end: int) -> bool:
    """The mark ends a clause: punctuation before it on its line, or a comma or stop after."""
    return _neighbour(text, pos, -1) in (",", ".", "?", "!") or \
        _neighbour(text, end - 1, 1) in (",", ".", ";", ":")


def _neighbour(text: str, i: int, step: int) -> str:
    """The first character other than a space from ``i`` in direction ``step``, on its line."""
    i += step
    while 0 <= i < len(text) and text[i] == " ":
        i += step
    return text[i] if 0 <= i < len(text) and text[i] != "\n" else ""


def _char(text: str, i: int) -> str:
    return text[i] if 0 <= i < len(text) else "\n"


def _possessive(text: str, pos: int, end: int) -> bool:
    """An ’ or ' after a word ending in s and before another word: a plural possessive ("the
    workers’ union", tokenised "the Oscars ' audience"), never taken for a closing mark (the rare
    ‘... the workers’ he said is lost; 'hood ... the Arabs' own is no quote)."""
    return _neighbour(text, pos, -1) in ("s", "S") and _char(text, end).isspace() and \
        _char(text, end + 1).isalnum()


def _prime_closes(stack: list[_Open], text: str, pos: int, end: int) -> int | None:
    """The open quote that the double prime at ``pos`` closes: the innermost double one, when
    the prime ends a word (“at least 10″ fighters) and the rest of the paragraph neither closes
    that quote nor goes on with it (a closing mark further on makes the prime an inch mark
    inside the quotation: “a 10″ screen,” he said, and so does a next paragraph opening with
    the mark again after a quotation of sentences); else None, a unit mark."""
    inner = len(stack) - 1
    if inner < 0 or stack[inner].mark not in _PRIME_CLOSES or \
            not _closes_clearly(text, pos, end):
        return None
    quote = stack[inner]
    gap = BLANK_LINE.search(text, end)
    for match in _MARK.finditer(text, end, gap.start() if gap else len(text)):
        opens, closes = _roles(text, match[0], match.start(), match.end())
        if closes and match[0] in PAIRS[quote.mark]:
            return None
        if opens and match[0] == quote.mark:
            return inner  # a new quotation of the same kind: this one ends before it
    # The next paragraph opening with the same mark goes on with a quotation that opened its
    # sentence; a quoted fragment of the reporter's sentence (caught “at least 10″ fighters)
    # ends within it.
    if gap and text[gap.end():].lstrip(" \t").startswith(quote.mark) and \
            _opens_sentence(text, quote):
        return None
    return inner


def _opens_sentence(text: str, quote: _Open) -> bool:
    """Whether ``quote`` opened a sentence of its own: at its paragraph's start, after a stop,
    a colon or the comma of 'he said, “...', or it went on from a paragraph before."""
    return bool(quote.parts) or \
        _neighbour(text, quote.start - len(quote.mark), -1) in ("", ".", "!", "?", ":", ",")


def _open_quote(stack: list[_Open], mark: str) -> int | None:
    """The innermost open quote that ``mark`` closes."""
    return next((i for i in range(len(stack) - 1, -1, -1) if mark in PAIRS[stack[i].mark]), None)


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The quoted words: without white space, nor the reporter's comma of “..., ” said X (the
    speaker's own ., ! and ? stay)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return (start, end) if any(ch.isalpha() for ch in text[start:end]) else None
