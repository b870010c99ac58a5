"""Statements: the units the compare stage aligns across sources.

A statement is a sentence of the article body, or a clause of it where the sentence joins
independent clauses ("the two spoke far longer than scheduled, and their conversation was
“candid and meaningful”"): one fact per unit aligns far better than a bundle of facts.
Every statement is a contiguous span of its article.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsprism.ingest.fields import COMPARED_CHARS
from newsprism.ingest.nonarticle import asks_for_an_account
from newsprism.ingest.text import after_wire_dateline, metadata_line_ranges
from newsprism.model import Article, Sentence, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as TokenSpan

MIN_WORDS = 5  # shorter units are headlines, captions, labels or fragments
_COORDINATORS = {"and", "but", "yet", "while", "whereas"}
_FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
# A sentence may end inside any closing quote mark: ." .'' ?” !’ .» (see analyse/quotemarks.py).
_FINAL = re.compile(r"(?:[.!?…”\")»]|[.!?…]['’“]+|'')\s*$")
_COORDINATOR = re.compile(r"(?:and|but|yet|while|whereas)\b[,\s]*", re.IGNORECASE)
# A credit in brackets, no sentence ended inside: "(David M Warren / Staff Photographer)",
# "(Reporting by Ana Ruiz; Editing by Tom Hale)". An aside that ends its sentence inside its
# brackets, "(The firm did not comment.)", is running text.
_CREDIT = re.compile(r"\([^()]*[^.!?…\"”’()\s]\s*\)")
# A credit or rights line of wire copy and reprints: who contributed, who owns the copy and
# what may not be done with it. It reports nothing of the event (its year is no date of it, its
# "AP" no source of a claim), though it reads as a sentence.
CREDIT_LINE = re.compile(
    r"contributed (?:to )?(?:this|the) (?:report|story)|contributed reporting|"
    r"^(?:Reporting|Writing|Editing|Additional reporting) by\b|"
    r"^(?:Copyright\s+(?:©\s*)?|©\s*)\d{4}\b|\ball rights reserved\b|"
    r"\bmay not be (?:re)?published,? (?:or )?(?:re)?(?:broadcast|written|distributed)",
    re.IGNORECASE,
)


def is_body_sentence(sentence: Sentence) -> bool:
    """A sentence of running text, not a headline, byline, caption, credit or metadata line,
    nor a sign-up box speaking to its reader (one a headline cut from its lede leaves alone:
    "Email address is invalid You already have an account.")."""
    text = sentence.text
    return len(text.split()) >= MIN_WORDS and _FINAL.search(text) is not None and not (
        "(Source:" in text or "(Photo" in text or _CREDIT.fullmatch(text)
        or CREDIT_LINE.search(text) or asks_for_an_account(text)
    )


def extract_statements(
    doc: Doc,
    article: Article,
    sentences: tuple[Sentence, ...],
    quoted: Sequence[tuple[int, int]] = (),
) -> tuple[Span, ...]:
    """Body sentences of one article, split into clauses; never inside the ``quoted`` spans
    (a speaker's words stay whole), and only of its first ``COMPARED_CHARS`` characters
    (compare's cost grows with the square of the statements). A header or time stamp line
    ("Published: Tuesday, Dec. 20 2005 12:00 a.m. MST") dates the copy and states no fact, even
    when it ends in a full stop as a sentence does; nor does a wire dateline ("PARIS (AFP) —")
    opening a lede, which is left out of its statement."""
    header = metadata_line_ranges(article.text)
    statements = []
    for sentence in sentences:
        if sentence.end > COMPARED_CHARS:
            break
        if (not is_body_sentence(sentence) or sentence.text == article.title
                or any(start <= sentence.start < end for start, end in header)):
            continue
        for number, (start, end) in enumerate(_clause_bounds(doc, sentence, quoted)):
            if number == 0:  # a lede's wire dateline is the copy's metadata, no fact of it
                start = after_wire_dateline(article.text, start)
            span = _tidy(article.text, sentence.doc, start, end, cut=number > 0)
            if span is not None:
                statements.append(span)
    return tuple(statements)


def _clause_bounds(
    doc: Doc, sentence: Sentence, quoted: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Cut at semicolons, and before ", and/but/yet/while ..." when what follows is a clause
    of its own (a finite verb and a subject). Read on the surface: the small model's parse of
    long coordinated sentences is unreliable."""
    span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    if span is None:
        return [(sentence.start, sentence.end)]
    cuts = [t.idx + 1 for t in span if t.text == ";" and not _in_quotation(quoted, t.idx)]
    for token in span[1:]:
        if _in_quotation(quoted, token.idx):
            continue
        if token.lower_ in _COORDINATORS and doc[token.i - 1].text == ",":
            right = doc[token.i + 1 : span.end]
            if (len(right) >= MIN_WORDS and token.i - span.start >= MIN_WORDS
                    and _is_clause(right) and not _opens_with_verb(right)):
                cuts.append(token.idx)
    bounds = [sentence.start, *sorted(c for c in cuts if sentence.start < c < sentence.end),
              sentence.end]
    return list(itertools.pairwise(bounds))


def _in_quotation(quoted: Sequence[tuple[int, int]], offset: int) -> bool:
    return any(start <= offset < end for start, end in quoted)


def _is_clause(tokens: TokenSpan) -> bool:
    has_verb = any(t.tag_ in _FINITE_TAGS for t in tokens)
    has_subject = any(t.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for t in tokens)
    return has_verb and has_subject


def _opens_with_verb(tokens: TokenSpan) -> bool:
    """"..., and are describing the searches as significant": a verb right after the
    coordinator shares the subject before it, so what follows is no statement of its own (it
    would read without its subject)."""
    first = next((t for t in tokens if not t.is_punct and not t.is_space), None)
    return first is not None and (first.tag_.startswith("VB") or first.tag_ == "MD")


def _tidy(text: str, doc_id: str, start: int, end: int, cut: bool) -> Span | None:
    """Trim white space, a trailing comma or semicolon, and the coordinator a cut left at the
    start of a clause ("and their conversation ..." -> "their conversation ...")."""
    while start < end and text[start].isspace():
        start += 1
    match = _COORDINATOR.match(text, start, end) if cut else None
    if match and match.end() < end:
        start = match.end()
    while end > start and text[end - 1] in " ,;":
        end -= 1
    if len(text[start:end].split()) < MIN_WORDS:
        return None
    return Span(doc_id, start, end, text[start:end])
