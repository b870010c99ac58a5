"""Which sentences may be extracted, and the candidate extracts (whole or trimmed) they give."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprism.model import Sentence
from newsprism.summarize.compress import trim_sentence
from newsprism.summarize.words import count_words

MIN_WORDS = 8  # shorter lines are headlines, bylines, captions or fragments, not facts
HEADLINE_WORDS = 15  # an article's first line, alone in its paragraph and shorter, is its title
_FINAL = re.compile(r"[.!?][\"”’')\]]*$")
_QUOTE = re.compile(r"[\"“”]")
# A sentence opening on a pronoun leans on the one before it and reads wrong alone.
_DANGLING = re.compile(r"(?:He|She|It|They|His|Her|Its|Their|Them)\b")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One possible extract: ``sentence`` (its position in the flattened cluster) cut to
    ``start:end`` of its article's text. ``rank`` counts the extractable sentences before it in
    its article: 0 is the first sentence of running text, after any headline and dateline."""

    sentence: int
    start: int
    end: int
    text: str
    words: int
    rank: int


def is_extractable(sentence: Sentence) -> bool:
    """A complete sentence of running text that stands alone: long enough, ends like a sentence,
    starts like one (not on a pronoun), and does not open or close a quotation it does not
    contain in full."""
    text = sentence.text
    return (
        count_words(text) >= MIN_WORDS
        and _FINAL.search(text) is not None
        and not text[0].islower()
        and not _DANGLING.match(text)
        and len(_QUOTE.findall(text)) % 2 == 0
    )


def is_headline(sentence: Sentence, following: Sentence | None) -> bool:
    """The first line of an article, short and set apart by a blank line (normalised text has
    single spaces, so a gap of two characters or more is a paragraph break)."""
    return (
        sentence.index == 0
        and following is not None
        and following.doc == sentence.doc
        and following.start - sentence.end >= 2
        and count_words(sentence.text) < HEADLINE_WORDS
    )


def make_candidates(sentences: list[Sentence]) -> list[Candidate]:
    """For each extractable sentence, the whole sentence and, if shorter, its trimmed form."""
    found: list[Candidate] = []
    ranks: dict[str, int] = {}
    for i, sentence in enumerate(sentences):
        following = sentences[i + 1] if i + 1 < len(sentences) else None
        if not is_extractable(sentence) or is_headline(sentence, following):
            continue
        rank = ranks[sentence.doc] = ranks.get(sentence.doc, -1) + 1
        spans = {(sentence.start, sentence.end), trim_sentence(sentence)}
        for start, end in sorted(spans):
            text = sentence.text[start - sentence.start : end - sentence.start]
            found.append(Candidate(i, start, end, text, count_words(text), rank))
    return found
