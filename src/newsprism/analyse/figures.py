"""Figures: numbers with their unit and what they count ("40,000 guest workers",
"$34 million" of "bilateral trade", "1.2 percent" of "Pyongyang’s trade", "700 km")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsprism.analyse.nlp import noun_lemma
from newsprism.model import Figure

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

FIGURE_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "TIME"}
_QUALIFIERS = re.compile(
    r"^(?:just|only|a mere|mere|some|about|around|roughly|nearly|almost|approximately|over|"
    r"under|more than|fewer than|less than|at least|at most|up to|as many as|as much as|"
    r"an estimated|estimated|a|an|the)\s+",
    re.IGNORECASE,
)
_CURRENCIES = {
    "$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB",
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP",
    "yen": "JPY", "yuan": "CNY", "rubles": "RUB", "roubles": "RUB",
}  # fmt: skip
_SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9,
    "b": 1e9, "trillion": 1e12, "tn": 1e12, "hundred": 1e2, "dozen": 12,
}  # fmt: skip
_WORDS = {
    word: float(value)
    for value, word in enumerate(
        ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen", "twenty")
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
     "ninety": 90, "half": 0.5, "twice": 2}  # fmt: skip
_TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade"}
_LENGTH_UNITS = {"km", "kilometre", "kilometer", "mile", "metre", "meter", "m", "foot", "feet"}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_COUNTING_NOUNS = {"number", "share", "amount", "total", "proportion", "percentage", "majority"}


def extract_figures(doc: Doc, doc_id: str, skip: list[tuple[int, int]]) -> tuple[Figure, ...]:
    """Figures of one article; ``skip`` holds character ranges not to read (citations,
    metadata lines, dates)."""
    figures = []
    taken: list[tuple[int, int]] = list(skip)
    for ent in doc.ents:
        if ent.label_ in FIGURE_LABELS and not _inside(ent.start_char, ent.end_char, taken):
            figure = _figure(ent, doc_id)
            if figure is not None:
                figures.append(figure)
                taken.append((ent.start_char, ent.end_char))
    for token in doc:  # numbers the NER missed
        if token.like_num and _NUMBER.fullmatch(token.text) and not _inside(
            token.idx, token.idx + len(token), taken
        ):
            figure = _figure(doc[token.i : token.i + 1], doc_id)
            if figure is not None:
                figures.append(figure)
    return tuple(sorted(figures, key=lambda f: f.start))


def _inside(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in ranges)


def _figure(span: Span, doc_id: str) -> Figure | None:
    text = span.text
    value, unit = parse_amount(text)
    if value is None:
        return None
    counts = counted_thing(span)
    if unit is None and not any(ch.isdigit() for ch in text) and value < 10:
        return None  # "the two men", "one day": small spelled-out counts describe, not report
    if span.label_ == "TIME" and unit not in _TIME_UNITS:
        return None  # clock times are not figures
    return Figure(doc_id, span.start_char, span.end_char, text, value, unit, counts)


def parse_amount(text: str) -> tuple[float | None, str | None]:
    """("just $34 million") -> (34000000.0, "USD"); ("two hours") -> (2.0, "hour")."""
    rest = text.strip()
    while (stripped := _QUALIFIERS.sub("", rest, count=1)) != rest:
        rest = stripped
    unit = None
    for symbol in ("US$", "$", "€", "£", "¥", "₹", "₽"):
        if rest.startswith(symbol):
            unit, rest = _CURRENCIES[symbol], rest[len(symbol) :].strip()
    words = rest.replace("%", " % ").replace("-", " ").split()
    if not words:
        return None, None
    value = _number(words[0])
    if value is None:
        return None, None
    for word in words[1:]:
        low = word.lower().strip(".,")
        if low in _SCALES:
            value *= _SCALES[low]
        elif low in ("%", "percent", "per", "pct"):
            unit = "percent"
        elif low == "cent" and unit == "percent":
            continue
        elif unit is None and low in _CURRENCIES:
            unit = _CURRENCIES[low]
        elif unit is None and low.isalpha():
            unit = _singular(low)
            break
    return value, unit


def _number(word: str) -> float | None:
    word = word.lower()
    if _NUMBER.fullmatch(word):
        cleaned = word.replace(",", "")
        try:
            return float(cleaned)
        except ValueError:
            return None
    return float(_WORDS[word]) if word in _WORDS else None


def _singular(word: str) -> str:
    if word in ("feet",):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def counted_thing(span: Span) -> str | None:
    """What a figure counts, read off the parse around it."""
    root = span.root
    outside = [t for t in root.ancestors if not (span.start <= t.i < span.end)]
    head = outside[0] if outside else None
    if root.dep_ == "nummod" and head is not None and head.pos_ in ("NOUN", "PROPN"):
        return _noun_phrase(head, span)
    for child in root.children:  # "1.2 percent of Pyongyang’s trade"
        if child.dep_ == "prep" and child.lower_ == "of" and not span.start <= child.i < span.end:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return _noun_phrase(objects[0], span)
    if root.dep_ in ("attr", "acomp") and head is not None:  # "trade was just $34 million"
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return _noun_phrase(subjects[0], span)
    if root.dep_ == "appos" and head is not None and head.pos_ == "NOUN" and not head.like_num:
        return _noun_phrase(head, span)
    if root.dep_ == "pobj" and head is not None and head.head.pos_ == "VERB":
        objects = [c for c in head.head.children if c.dep_ == "dobj"]  # "decreased ... to 10,000
        if objects:  # the number of North Koreans"
            return _noun_phrase(objects[0], span)
    return None


def _noun_phrase(head: Token, figure: Span) -> str | None:
    """The head noun with the modifiers before it (and "of ..." after counting nouns), less
    leading determiners and the figure itself: "the North Korean border" -> "North Korean
    border", "Pyongyang’s trade", "the number of North Koreans working in the country"."""
    doc = head.doc
    left = [t for t in head.subtree if t.i <= head.i]
    start = head.i
    for token in reversed(left[:-1]):
        if token.i != start - 1 or figure.start <= token.i < figure.end or token.is_punct:
            break
        start = token.i
    while start < head.i and (doc[start].pos_ in ("DET", "ADP", "CCONJ") or doc[start].like_num):
        start += 1
    end = head.i
    if noun_lemma(head.text) in _COUNTING_NOUNS:
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                end = max(t.i for t in child.subtree)
    phrase = doc[start : end + 1]
    if any(figure.start <= t.i < figure.end for t in phrase) or not any(
        t.is_alpha for t in phrase
    ):
        return None
    return phrase.text.strip() or None
