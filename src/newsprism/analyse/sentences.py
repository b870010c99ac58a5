"""Sentences with exact character offsets into the article text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from newsprism.model import Article, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc

_LINE = re.compile(r"[^\n]+")
# A dash ends a dateline ("BEIJING, Nov. 3 (Xinhua) --", "WASHINGTON _"), never a sentence.
_DASH_END = re.compile(r"\s(?:_|-|--|—|–)\s*$")


def sentences_from_doc(doc: Doc, article_id: str) -> tuple[Sentence, ...]:
    """spaCy's sentences, cut again at line breaks: a headline or caption never runs into the
    paragraph below it, and offsets exclude surrounding white space. A sentence spaCy ends on a
    dash goes on into the next one: the dash closes a dateline, which belongs to its sentence."""
    text = doc.text
    found: list[Sentence] = []
    bounds = [(sent.start_char, sent.end_char) for sent in doc.sents]
    for k in range(len(bounds) - 1, 0, -1):
        if _DASH_END.search(text, bounds[k - 1][0], bounds[k - 1][1]):
            bounds[k - 1 : k + 1] = [(bounds[k - 1][0], bounds[k][1])]
    for first, last in bounds:
        for line in _LINE.finditer(text, first, last):
            start, end = line.start(), line.end()
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                found.append(Sentence(article_id, len(found), start, end, text[start:end]))
    return tuple(found)


def split_sentences(articles: Iterable[Article]) -> list[tuple[Sentence, ...]]:
    """Sentences of many articles with the fast sentence-only pipeline (no NER or parse)."""
    from newsprism.analyse.nlp import load_nlp

    articles = list(articles)
    docs = load_nlp("sentences").pipe(a.text for a in articles)
    return [sentences_from_doc(doc, a.id) for doc, a in zip(docs, articles, strict=True)]
