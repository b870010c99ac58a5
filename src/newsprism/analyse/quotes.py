"""Direct quotes and quoted phrases, with the mention of their speaker.

A speaker is found, in order of trust:
1. "according to X" in the sentence;
2. the subject of the nearest verb that governs the quoted words ("Kim applauded a “...”",
   "“...,” Piet de Vries told reporters"), following a pronoun back to the person it stands for;
3. a source the sentence cites inline ("... “anticlimactic” (Asia Times, April 25)").
Otherwise the speaker is left unknown: a scare quote has no speaker.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsprism.model import Citation, Mention, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Pairs of opening and closing marks; the straight double quote is its own pair.
_QUOTED = re.compile(
    r"“(?P<a>[^“”\n]{1,2000})”|\"(?P<b>[^\"\n]{1,2000})\"|«(?P<c>[^«»\n]{1,2000})»"
)
_SPEAKER_TYPES = {"PERSON", "ORG", "GPE", "NORP"}
_PRONOUNS = {"he", "she", "they", "him", "her", "them"}
_NAME_JOINERS = {"and", "of", "the", "for", "&", "de", "on"}
PHRASE_WORDS = 4  # shorter quotes are phrases ("candid and meaningful"), not statements


def extract_quotes(
    doc: Doc,
    doc_id: str,
    mentions: tuple[Mention, ...],
    citations: tuple[Citation, ...] = (),
) -> tuple[Quote, ...]:
    quotes = []
    text = doc.text  # Doc.text is rebuilt from the tokens on every access
    for match in _QUOTED.finditer(text):
        group = next(g for g in ("a", "b", "c") if match[g] is not None)
        start, end = match.start(group), match.end(group)
        while end > start and text[end - 1] in ", ":  # “..., ” said X: the comma is the
            end -= 1  # reporter's punctuation, not the speaker's words
        words = text[start:end].split()
        if not any(ch.isalpha() for ch in text[start:end]) or _is_name(words):
            continue
        statement = len(words) >= PHRASE_WORDS or match[group].rstrip()[-1] in ".,!?…"
        speaker = _find_speaker(doc, start, end, mentions, citations)
        quotes.append(Quote(doc_id, start, end, text[start:end], None, speaker,
                            "quote" if statement else "phrase"))
    return tuple(quotes)


def _is_name(words: list[str]) -> bool:
    """“Belt and Road”: a short title-case phrase in quote marks is a name, not a quotation."""
    return len(words) <= 5 and all(w[:1].isupper() or w in _NAME_JOINERS for w in words)


def _find_speaker(
    doc: Doc,
    start: int,
    end: int,
    mentions: tuple[Mention, ...],
    citations: tuple[Citation, ...],
) -> Mention | None:
    inside = doc.char_span(start, end, alignment_mode="expand")
    if inside is None:
        return None
    sentence = inside.sent
    return (
        _according_to(sentence, mentions)
        or _subject_of_governing_verb(inside, mentions)
        or _cited_source(sentence, citations, mentions)
    )


def _according_to(sentence: Span, mentions: tuple[Mention, ...]) -> Mention | None:
    for token in sentence:
        if token.lower_ == "according" and token.i + 2 < sentence.end:
            to = token.doc[token.i + 1]
            if to.lower_ == "to":
                return _mention_at(token.doc[token.i + 2], mentions)
    return None


def _subject_of_governing_verb(inside: Span, mentions: tuple[Mention, ...]) -> Mention | None:
    quoted = set(range(inside.start, inside.end))
    for verb in _ancestors(inside.root):
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i not in quoted:
                if child.lower_ in _PRONOUNS:
                    return _antecedent(child, mentions)
                found = _mention_at(child, mentions)
                if found is not None:
                    return found
    return None


def _ancestors(token: Token) -> list[Token]:
    chain = [token]
    while chain[-1].head.i != chain[-1].i:  # spaCy makes a new Token object per access
        chain.append(chain[-1].head)
    return chain


def _mention_at(token: Token, mentions: tuple[Mention, ...]) -> Mention | None:
    """The speaker-type mention inside the phrase headed by ``token``."""
    left, right = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
    inside = [m for m in mentions if left <= m.start and m.end <= right and m.type in
              _SPEAKER_TYPES]
    if not inside:
        return None
    # "union leader Piet de Vries": the mention nearest the head word is the speaker.
    return min(inside, key=lambda m: min(abs(m.start - token.idx), abs(m.end - token.idx)))


def _antecedent(pronoun: Token, mentions: tuple[Mention, ...]) -> Mention | None:
    """The person a pronoun stands for: the latest person before it who was the subject of a
    clause ("Putin emerged ... In a poke at Trump he explained"), else the latest person."""
    people = [m for m in mentions if m.type == "PERSON" and m.end <= pronoun.idx]
    subjects = [m for m in people if _is_subject(pronoun.doc, m)]
    return (subjects or people or [None])[-1]


def _is_subject(doc: Doc, mention: Mention) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")


def _cited_source(
    sentence: Span, citations: tuple[Citation, ...], mentions: tuple[Mention, ...]
) -> Mention | None:
    for citation in citations:
        if sentence.start_char <= citation.start < sentence.end_char + 2:
            for mention in mentions:
                if citation.start <= mention.start and mention.end <= citation.end:
                    return mention
    return None
