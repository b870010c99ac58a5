"""A cased reading copy of a text written without case (a lower-cased or all-caps feed).

The entity model and the speaker and quote rules find names by their capitals: lower-cased,
"said john smith" yields only "john". ``reading_copy`` restores capitals on a copy of exactly the
same length, so every offset into the reading is an offset into the article's own text; the
analysis parses the copy and gives back the article's own characters for every span. A text
with its case (most capitals where English puts them) is returned as it is.

Where capitals come from, most trusted first:

1. ``Names.from_texts``: the other, cased articles of the same briefing. A run of capitalised
   words there ("New York", "John Smith") is a name; a single capitalised word only when those
   articles never write it in lower case inside a sentence ("Putin" but not "Police") and it
   is no common lower-case word (below: "Times" of "Asia Times" is not a name alone).
2. The vocabulary of WordLlama's tokenizer (a Llama SentencePiece vocabulary of 32,000 pieces,
   inside the ``wordllama`` wheel the project already loads): a whole word the tokenizer holds
   only capitalised ("▁Smith", "▁Chicago", "▁January") and never in lower case was frequent in
   its training text only as a name. A word it holds both ways ("bill", "mark") is left alone.
3. A rare word right after a name or a title is its surname, wherever the text uses it; the
   first word of a sentence, "i", dotted initialisms ("u.s."), a title before its full stop
   ("mr."), the names of months and weekdays.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Protocol, TypeVar

from newsprism.analyse.nlp import TITLES

# A text is read as caseless when fewer than one word in this many starts with a capital
# letter (cased English capitalises at least every sentence's first word: about one in twenty),
# or when nearly every word is in capitals (an all-caps feed).
CASELESS_SHARE = 1 / 50
ALL_CAPS_SHARE = 0.9
MIN_WORDS = 20  # too short to tell (a headline, a caption)
TITLE_SHARE = 0.6  # a line with more capitalised words than this is in title case
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Not after an initialism's or a title's full stop: "the u.s. attitude", "mr. smith".
_SENTENCE_START = re.compile(
    r"(?:\A|(?<!\.[a-z])(?<!\bmrs)(?<!\b[md]r|\bms|\bst|\bjr|\bsr)[.!?][\"'”’)\]]*\s+|\n\s*)"
    r"[\"'“‘`(\[]*(?=[a-z])")
_POSSESSIVE = re.compile(r"['’]s$")
_INITIALISM = re.compile(r"(?<![\w.])(?:[a-z]\.){2,}")  # "u.s.", "u.n."; not "e.g.", "a.m."
_NOT_INITIALISMS = frozenset({"e.g.", "i.e.", "a.m.", "p.m.", "a.k.a.", "c.f.", "n.b."})
_PLURAL = re.compile(r"(?<=[a-z])s$")
_CALENDAR = frozenset({
    "january", "february", "april", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
})  # fmt: skip  ("may" and "march" are verbs as often as months)
_SPIECE = "▁"


class _Passage(Protocol):
    start: int
    end: int
    text: str


P = TypeVar("P", bound=_Passage)


def printed(item: P, text: str) -> P:
    """``item`` with its ``text`` as ``text`` writes it at its offsets (the article's own
    characters, or its reading copy's)."""
    return replace(item, text=text[item.start:item.end])  # type: ignore[type-var]


@dataclass(frozen=True)
class Names:
    """Cased forms of names, keyed by their lower-case spelling: single words and runs."""

    words: Mapping[str, str]
    runs: Mapping[str, str]  # "new york" -> "New York", longest first when applied

    @staticmethod
    def from_texts(texts: Iterable[str]) -> Names:
        """The names that cased texts write with capitals inside a sentence; caseless texts
        among them, and title-case lines ("What We Learned From The Summit"), are skipped."""
        capitalised: dict[str, str] = {}
        lower: set[str] = set()
        runs: dict[str, str] = {}
        lines = (line for text in texts if not is_caseless(text) for line in text.split("\n"))
        for line in lines:
            words = [(m.start(), _POSSESSIVE.sub("", m.group())) for m in _WORD.finditer(line)]
            if sum(w[:1].isupper() for _, w in words) > TITLE_SHARE * len(words):
                continue
            starts = {m.end() for m in _SENTENCE_START_ANY.finditer(line)}
            begin = end = count = 0  # the run of name words: line[begin:end], count words
            for at, word in words:
                gap = line[end:at]
                joined = gap == "-" and _name_part(word, count)
                capital = word[:1].isupper() and at not in starts
                if joined or (capital and count and gap == " "):
                    count += 1
                else:
                    _end_run(line[begin:end], count, runs)
                    begin, count = at, int(capital)
                if joined or capital:
                    end = at + len(word)
                if capital:
                    capitalised.setdefault(word.lower(), word)
                elif word.islower():
                    lower.add(word)
            _end_run(line[begin:end], count, runs)
        return Names({k: v for k, v in capitalised.items() if k not in lower}, runs)


_SENTENCE_START_ANY = re.compile(r"(?:\A|[.!?:][\"'”’)\]]*\s+)[\"'“‘(\[]*")
NO_NAMES = Names({}, {})


def _name_part(word: str, count: int) -> bool:
    """Is ``word``, joined by a hyphen to a run of ``count`` name words, the name's part? A
    capitalised one is ("Jean-Paul"); a lower-case one after a full name ("Kim Jong-un"), not
    after a single name, which it qualifies ("Trump-era", "Kremlin-backed"), nor a participle
    ("Vladimir Putin-led")."""
    return (count >= 1 and word[:1].isupper()) or (count >= 2 and not word.endswith("ed"))


def _end_run(name: str, words: int, runs: dict[str, str]) -> None:
    if words > 1:
        runs.setdefault(name.lower(), name)


def is_caseless(text: str) -> bool:
    """Whether ``text`` is written without case: almost no word starts with a capital, or
    almost every word is in capitals."""
    return _caseless_kind(text) is not None


def _caseless_kind(text: str) -> str | None:
    words = [w for w in _WORD.findall(text) if len(w) > 1 or w in "aI"]
    if len(words) < MIN_WORDS:
        return None
    if sum(w[0].isupper() for w in words) < CASELESS_SHARE * len(words):
        return "lower"
    return "upper" if sum(w.isupper() for w in words) >= ALL_CAPS_SHARE * len(words) else None


def reading_copy(text: str, names: Names = NO_NAMES) -> str:
    """``text`` itself when it has its case; else a copy of the same length with capitals
    restored (see the module's docstring). Capitals a lower-cased text has ("NASA") stay."""
    kind = _caseless_kind(text)
    if kind is None:
        return text
    lowered = _lower_same_length(text)
    chars = list(lowered if kind == "upper" else text)
    for match in _WORD.finditer(lowered):
        word = _POSSESSIVE.sub("", match.group())  # "russia’s": the name is "russia"
        if word in TITLES and lowered[match.end():match.end() + 1] == ".":
            word = word.capitalize()  # "mr. smith": the rules read a title by its capital
        _raise(chars, match.start(), _cased_word(word, names.words))
    for match in _INITIALISM.finditer(lowered):
        if match.group() not in _NOT_INITIALISMS:
            _raise(chars, match.start(), match.group().upper())
    for lower_run, cased in sorted(names.runs.items(), key=lambda kv: -len(kv[0])):
        if len(cased) == len(lower_run):
            # Its words joined by a space or a hyphen, as either text writes them.
            joined = "[ -]".join(map(re.escape, re.split("[ -]", lower_run)))
            for match in re.finditer(rf"(?<!\w){joined}(?!\w)", lowered):
                _raise(chars, match.start(), _spelled_apart(cased, match.group()))
    _raise_surnames(chars, lowered, names)
    for match in _SENTENCE_START.finditer(lowered):
        _raise(chars, match.end(), lowered[match.end()].upper())
    return "".join(chars)


def _spelled_apart(cased: str, written: str) -> str:
    """A name as ``written`` spells it, restored as a whole: a part the name joins with a
    hyphen ("Kim Jong-un") and the text writes apart ("kim jong un") is a word of the name, and
    a name's words take capitals ("Kim Jong Un")."""
    return "".join(char.upper() if at and written[at - 1] == " " and cased[at - 1] == "-"
                   else char for at, char in enumerate(cased))


def _raise_surnames(chars: list[str], lowered: str, names: Names) -> None:
    """A rare word right after a name ("john kirkpatrick", "sgt. marty earley") is that name's
    next word, and the same name wherever else the text uses it ("kirkpatrick said")."""
    lower_words, cased_words = _vocabulary()
    words = list(_WORD.finditer(lowered))
    found: set[str] = set()
    for before, match in pairwise(words):
        gap, name = lowered[before.end():match.start()], before.group()
        named = ((gap == " " and (name in found or name in cased_words or name in names.words))
                 or (gap in (" ", ". ") and name in TITLES))  # "sgt. marty earley"
        word = match.group()
        if named and _may_be_surname(word, lower_words):
            found.add(_POSSESSIVE.sub("", word))
    for match in words:
        if (word := _POSSESSIVE.sub("", match.group())) in found:
            _raise(chars, match.start(), word.capitalize())


def _may_be_surname(word: str, lower_words: frozenset[str]) -> bool:
    # An adverb ("john reportedly said") is no name; nor is any common lower-case word.
    return len(word) > 2 and word.isalpha() and not word.endswith("ly") and word not in lower_words


def _raise(chars: list[str], start: int, cased: str) -> None:
    """Write the capitals of ``cased`` over ``chars`` from ``start``; never lower a letter."""
    for at, char in enumerate(cased, start):
        if char.isupper() and len(char.lower()) == 1:
            chars[at] = char


def _lower_same_length(text: str) -> str:
    # "İ".lower() is two characters: such a letter keeps its case, so offsets stay the same.
    return "".join(c if len(low := c.lower()) != 1 else low for c in text)


def _cased_word(word: str, names: Mapping[str, str]) -> str:
    lower_words, cased_words = _vocabulary()
    if len(names.get(word, "")) == len(word) and word not in lower_words:
        return names[word]
    if word == "i" or word in _CALENDAR or word in cased_words:
        return word[0].upper() + word[1:]
    return word


@cache
def _vocabulary() -> tuple[frozenset[str], frozenset[str]]:
    """The whole words WordLlama's tokenizer holds in lower case (common words: "us", "times",
    "morning"), and the lower-case spellings of those it holds only capitalised (names: see
    the module's docstring), a plural whose singular it holds in lower case left out
    ("Kings")."""
    import wordllama

    config = Path(wordllama.__file__).parent / "tokenizers" / "l2_supercat_tokenizer_config.json"
    vocab = json.loads(config.read_text(encoding="utf-8"))["model"]["vocab"]
    words = {piece[1:] for piece in vocab if piece.startswith(_SPIECE)}
    words = {w for w in words if len(w) > 1 and w.isascii() and w.isalpha()}
    lower = frozenset(w for w in words if w.islower())
    cased = frozenset(
        low for w in words
        if len(w) > 2 and w[0].isupper() and w[1:].islower()
        and (low := w.lower()) not in lower and _PLURAL.sub("", low) not in lower
    )  # fmt: skip
    return lower, cased
