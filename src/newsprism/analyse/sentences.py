"""Sentences with exact character offsets into the article text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from newsprism.analyse.headlines import headline_end
from newsprism.model import Article, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc

_LINE = re.compile(r"[^\n]+")
# A longer "sentence" is a run-on (text without full stops: a 10,000-word one became one
# 13,762-character statement that corroborated an unrelated claim). It is cut into pieces of at
# most this many characters, at the last clause break (else space) before the limit; a piece
# ends in no full stop, so it is no body sentence and never a statement (say less).
MAX_SENTENCE_CHARS = 800
_BREAKS = (re.compile(r"[,;:]\s"), re.compile(r"\s[—–-]+\s"), re.compile(r"\s"))
# A dash ends a dateline ("BEIJING, Nov. 3 (Xinhua) --", "WASHINGTON _"), never a sentence;
# nor does a semicolon ("Two died at the scene on Tuesday; a third died in hospital", whose
# first half, no sentence alone, was lost).
_DASH_END = re.compile(r"(?:\s(?:_|-|--|—|–)|;)\s*$")
# Nor does a dash open one: a lower-cased dateline ends on an abbreviation ("riverton, ore. —
# a fire tore through ..."), where the parser ends a sentence.
_DASH_START = re.compile(r"\s*(?:--|—|–)\s")


def sentences_from_doc(doc: Doc, article_id: str) -> tuple[Sentence, ...]:
    """spaCy's sentences, cut again at line breaks: a headline or caption never runs into the
    paragraph below it, and offsets exclude surrounding white space. A sentence spaCy ends on a
    dash or a semicolon, or the next begins with a dash, goes on into the next one: the dash
    closes a dateline, which belongs to its sentence. The first sentence is cut where a headline
    glued to the lede ends (``headlines.headline_end``)."""
    text = doc.text
    found: list[Sentence] = []
    bounds = [(sent.start_char, sent.end_char) for sent in doc.sents]
    for k in range(len(bounds) - 1, 0, -1):
        if (_DASH_END.search(text, bounds[k - 1][0], bounds[k - 1][1])
                or _DASH_START.match(text, bounds[k][0])):
            bounds[k - 1 : k + 1] = [(bounds[k - 1][0], bounds[k][1])]
    lede = headline_end(text)
    if bounds and lede is not None and bounds[0][0] < lede < bounds[0][1]:
        bounds[:1] = [(bounds[0][0], lede), (lede, bounds[0][1])]
    for first, last in bounds:
        for line in _LINE.finditer(text, first, last):
            start, end = line.start(), line.end()
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            for first_char, last_char in cut_run_on(text, start, end):
                found.append(Sentence(article_id, len(found), first_char, last_char,
                                      text[first_char:last_char]))
    return tuple(found)


def cut_run_on(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` (trimmed) as pieces of at most ``MAX_SENTENCE_CHARS``: itself when
    it is that short, else cut after the last clause break (else space) before the limit."""
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = next((found[-1].start() + 1 for pattern in _BREAKS
                    if (found := list(pattern.finditer(text, start + 1, limit)))), limit)
        pieces.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        pieces.append((start, end))
    return [(a, b) for a, b in _trimmed(text, pieces) if b > a]


def _trimmed(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for start, end in pieces:
        while end > start and text[end - 1].isspace():
            end -= 1
        out.append((start, end))
    return out


def split_sentences(articles: Iterable[Article]) -> list[tuple[Sentence, ...]]:
    """Sentences of many articles with the fast sentence-only pipeline (no NER or parse)."""
    from newsprism.analyse.nlp import load_nlp, parse_texts

    articles = list(articles)
    docs = parse_texts(load_nlp("sentences"), [a.text for a in articles])
    return [sentences_from_doc(doc, a.id) for doc, a in zip(docs, articles, strict=True)]
