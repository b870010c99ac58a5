"""What a statement's main predicate is done to, and when: its object and its time.

Two statements of one topic that assert the same main predicate may still tell two facts: "two
people's prayers were answered" / "his prayers were answered", "a rocket struck an open area" /
"the town was last struck by a rocket in 1970". What tells them apart is one slot of the
predicate, which word overlap and a sentence vector barely see. The object is the head of the
predicate's direct object, or of a passive verb's subject (what it is done to: "X was struck"),
its lemma stemmed; a pronoun names nothing to compare. The time is a weekday, month, year or
day word ("yesterday") hanging from the predicate or its prepositions ("struck in 1970", "was
arrested Monday").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprism.ingest.dates import MONTHS, WEEKDAYS
from newsprism.summarize.words import stem_word

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# The relations by which a predicate's time hangs from it ("arrested Monday", "struck in 1970")
TIMED = frozenset({"npadvmod", "tmod", "prep", "pobj", "compound", "nummod", "nmod", "amod"})
DAY_WORDS = frozenset({"yesterday", "today", "tonight"})
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


@dataclass(frozen=True)
class Slots:
    """The object heads and times of a statement's main predicates."""

    objects: frozenset[str] = frozenset()
    times: frozenset[tuple[str, str]] = frozenset()  # (kind, word): ("year", "1970")

    def agrees(self, other: Slots) -> bool:
        """Is the predicate done to one thing on both sides (an object head shared), and at no
        two times (``times_differ``)?"""
        return bool(self.objects & other.objects) and not self.times_differ(other)

    def times_differ(self, other: Slots) -> bool:
        """Do both give a time of one kind, and no word of it in common ("on Monday" /
        "on Tuesday", "in 1970" / "in 2008")? A weekday against a date is not known to differ."""
        kinds = {kind for kind, _ in self.times} & {kind for kind, _ in other.times}
        return any(not {w for k, w in self.times if k == kind} & {w for k, w in other.times
                                                                 if k == kind}
                   for kind in kinds)


def statement_slots(doc: Doc) -> Slots:
    """The slots of the main predicates of the parsed statement ``doc``
    (``predicates.main_predicates``)."""
    from newsprism.compare.predicates import main_predicates

    return slots(main_predicates(doc))


def slots(words: Iterable[Token]) -> Slots:
    """The slots of the main predicate words ``words``."""
    words = list(words)
    return Slots(frozenset(o for word in words if (o := object_of(word))),
                 frozenset(t for word in words for t in times_of(word)))


def object_of(word: Token) -> str | None:
    """What ``word`` is done to: its direct object, or a passive verb's subject, as its lemma
    stemmed; None for a pronoun or none."""
    patient = next((c for c in word.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if patient is None or patient.pos_ == "PRON":
        return None
    return stem_word(patient.lower_)


def times_of(word: Token) -> set[tuple[str, str]]:
    """The times ``word`` is set at: day words, weekdays, months and years among its modifiers
    and their prepositions' nouns, never inside a clause of its own."""
    found: set[tuple[str, str]] = set()
    # a support verb's noun is the predicate, its time the verb's: "made an offer yesterday"
    setters = (word, word.head) if word.dep_ == "dobj" else (word,)
    todo = [c for setter in setters for c in setter.children if c.dep_ in TIMED]
    while todo:
        token = todo.pop()
        if (kind := time_kind(token.lower_)) is not None:
            found.add((kind, token.lower_))
        todo.extend(c for c in token.children if c.dep_ in TIMED)
    return found


def time_kind(word: str) -> str | None:
    """The kind of time ``word`` names: "weekday", "month", "year", "day", or None."""
    if word in WEEKDAYS:
        return "weekday"
    if word in MONTHS:
        return "month"
    if word in DAY_WORDS:
        return "day"
    return "year" if _YEAR.fullmatch(word) else None
