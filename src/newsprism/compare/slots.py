"""What a statement's main predicate is done to, and when: its object and its time.

Two statements of one topic that assert the same main predicate may still tell two facts: "he
completed his first 17 passes" / "he completed 29 of 34 passes", "a rocket struck an open area"
/ "the town was last struck by a rocket in 1970". What tells them apart is one slot of the
predicate, which word overlap and a sentence vector barely see; where the slots agree, the
judge's doubt is over the words around one fact, and ``compare.align`` links a pair it is unsure
of (``SLOT_FLOOR``). The object is the head of the predicate's direct object, or of a passive
verb's subject (what it is done to: "X was struck"), stemmed, with the numbers of its phrase; a
pronoun names nothing to compare. The time is a weekday, month, year or day word ("yesterday")
hanging from the predicate or its prepositions ("struck in 1970", "was arrested Monday").
Where one side names no object (an intransitive verb, a pronoun: "he was sentenced to life",
"Gigante died in prison"), what a preposition of the predicate governs tells the thing instead,
as a preposition and its head ("to life", "in prison"). Two statements whose doers differ in
grammatical number ("Kirkpatrick escaped" / "the other people escaped") tell of others.
Where neither names an object nor shares an oblique (a bare intransitive: "Gigante died" /
"Vincent Gigante died Monday"), only the subject tells the act: both must name one actor.
Only the statements' main predicates are read (``predicates.main_predicates``), from the parse
``compare.predicates`` reads what they assert from, and besides them the clause that tells what
happened next at a place or time the statement names ("was taken to hospital, where she died"):
a second proposition, with slots of its own (``Slots.narrated``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newsprism.ingest.dates import (
    CLOCK_MARKS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    TIMES_OF_DAY,
    WEEKDAYS,
    full_month,
)
from newsprism.summarize.words import stem_word

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.tokens import Doc, Token

# The relations by which a predicate's time hangs from it ("arrested Monday", "struck in 1970")
TIMED = frozenset({"npadvmod", "tmod", "prep", "pobj", "compound", "nummod", "nmod", "amod"})
DAY_WORDS = frozenset({"yesterday", "today", "tonight"})
DATING = frozenset({"month", "year"})  # the kinds of time that date an earlier event
# How a predicate hangs from the word whose subject is its doer ("were able to escape")
CARRYING = frozenset({"xcomp", "acomp", "attr", "conj", "pobj", "prep", "dobj"})
PRONOUN_NUMBER = {"i": "one", "he": "one", "she": "one", "it": "one",
                  "we": "many", "they": "many"}
# The relative adverbs of a clause that tells what happened next at the place or time its noun
# names: "was taken to hospital, where she died", "until 1997, when a jury convicted him"
NARRATING = frozenset({"where", "when"})
# The pronouns that stand for one person named before them in the same sentence
PERSONAL = frozenset({"he", "she", "him", "her"})
# Prepositions of place read as one ("died at the prison" / "died in prison")
LOCATIVE = {"at": "in"}
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_CLOCK = re.compile(r"\d{1,2}:\d\d")  # "at 5:30"; "with 14:05 left" is a game's clock


@dataclass(frozen=True)
class Slots:
    """The object heads and times of a statement's main predicates."""

    # (head, the numbers of its phrase): "completed 29 of 34 passes" -> ("pass", {"29", "34"})
    objects: frozenset[tuple[str, frozenset[str]]] = frozenset()
    times: frozenset[tuple[str, str]] = frozenset()  # (kind, word): ("year", "1970")
    # the keys of each main predicate word (``predicates.predicate_keys``)
    predicates: tuple[frozenset[str], ...] = ()
    # (preposition, head, the numbers of its phrase) of what the predicates' prepositions
    # govern: "was sentenced to life" -> ("to", "life", {}), "was killed by a stray bullet" ->
    # ("by", "bullet", {})
    obliques: frozenset[tuple[str, str, frozenset[str]]] = frozenset()
    # the grammatical number of who does each main predicate, where told ("one", "many")
    doers: frozenset[str] = frozenset()
    # the proper names (stemmed) the main predicates' subjects are: "Gigante died" -> "gigant"
    actors: frozenset[str] = frozenset()
    # the propositions of its narrating clauses ("where she died": ``NARRATING``), each with
    # slots of its own; a narrated clause narrates nothing further
    narrated: tuple[Slots, ...] = ()

    def agrees(self, other: Slots) -> bool:
        """Does one tell no act the other does not (``within``), done to one thing on both
        sides (``one_object``), or, where one names no object, to or in one thing
        (``one_oblique``), at no two times (``times_differ``) and no two counts
        (``counted_apart``)?"""
        return (self.within(other) or other.within(self)) and (
            self.one_object(other) or (self.one_oblique(other)
                                       and not (self.objects and other.objects))
            or self.one_actor_alone(other)
        ) and not self.times_differ(other) and not self.counted_apart(other) \
            and not self.other_doers(other)

    def one_actor_alone(self, other: Slots) -> bool:
        """Where neither names an object (a bare intransitive: "Gigante died in prison" /
        "Vincent Gigante died Monday"), do both subjects name one actor? "A climber died" /
        "A second climber died": a description names no one, two deaths as likely as one."""
        return not self.objects and not other.objects and bool(self.actors & other.actors)

    def tells_in_clause(self, other: Slots) -> bool:
        """Does a narrating clause of this statement tell the other's fact ("Melquan was taken
        to hospital, where he was pronounced dead" / "Melquan died"): its predicates, its named
        doer and its slots agreeing as two main predicates' must (``agrees``)?"""
        return any(clause.actors & other.actors and clause.agrees(other)
                   for clause in self.narrated)

    def within(self, other: Slots) -> bool:
        """Is each main predicate of this one a predicate of ``other``? "took her gun and
        shot the judge" / "took her gun and went to the chambers" share one act, and each
        tells another: two propositions."""
        heads = frozenset().union(*other.predicates)
        return bool(self.predicates) and all(keys & heads for keys in self.predicates)

    def one_object(self, other: Slots) -> bool:
        """Is an object head shared, counted alike where both count it ("completed his first
        17 passes" / "completed 29 of 34 passes": two facts)?"""
        return any(_counted_alike(*counts)
                   for counts in _shared_counts(self.objects, other.objects))

    def one_oblique(self, other: Slots) -> bool:
        """Does a preposition of both govern one head, counted alike where both count it
        ("was sentenced to life" / "was sentenced to life in prison", "died in prison" /
        "died at the federal prison"; "was sentenced to 10 years" / "to 15 years": two
        facts)?"""
        return any(_counted_alike(*counts)
                   for counts in _shared_counts(self.obliques, other.obliques))

    def counted_apart(self, other: Slots) -> bool:
        """Does a preposition of both govern one head counted apart ("the driver was sentenced
        to 10 years" / "to 15 years": two sentences, whatever the object)?"""
        return any(not _counted_alike(*counts)
                   for counts in _shared_counts(self.obliques, other.obliques))

    def other_doers(self, other: Slots) -> bool:
        """Is the one side's act done by one and the other's by many ("Kirkpatrick escaped
        without injury" / "the other people were able to escape without injury", "Smith met
        with the striker" / "We met with the striker")? Then the doers are others."""
        return bool(self.doers and other.doers and not self.doers & other.doers)

    def times_differ(self, other: Slots) -> bool:
        """Do both give a time of one kind, and no word of it in common ("on Monday" /
        "on Tuesday", "in 1970" / "in 2008"), or does one alone give a month or year? A
        weekday against a day word ("Friday" / "yesterday") is not known to differ."""
        kinds = {kind for kind, _ in self.times} & {kind for kind, _ in other.times}
        if any(not {w for k, w in self.times if k == kind} & {w for k, w in other.times
                                                              if k == kind}
               for kind in kinds):
            return True
        # a month or year on one side alone: news dates an earlier event so, and tells the
        # day's own with a weekday or none ("In January, five cables were cut" / "cables in the
        # Mediterranean have been cut")
        return any(kind in DATING for kind, _ in self.times ^ other.times
                   ) and not self.times & other.times


def statement_slots(doc: Doc) -> Slots:
    """The slots of the main predicates of the parsed statement ``doc``
    (``predicates.main_predicates``)."""
    from newsprism.compare.predicates import main_predicates

    words = main_predicates(doc)
    actors = frozenset(a for word in words if (a := actor_name(subject_of(word))))
    main = slots_of(words, actors)
    # "he" or "she" of a clause is the one actor only where the statement names no other
    # it could be: "Lopez drove Garcia to a clinic, where he died" may tell of either
    alone = actors if len(actors) == 1 and {head for head, _ in main.objects} <= actors \
        else frozenset()
    return replace(main, narrated=tuple(narrated_slots(clause, alone)
                                        for clause in narrating(words)))


def slots_of(words: list[Token], actors: frozenset[str]) -> Slots:
    """The slots of the predicate words ``words``, whose subjects name ``actors``."""
    from newsprism.compare.predicates import predicate_keys

    return Slots(frozenset(o for word in words if (o := object_of(word))),
                 frozenset(t for word in words for t in times_of(word)),
                 tuple(predicate_keys(word) for word in words),
                 frozenset(o for word in words for o in obliques_of(word)),
                 frozenset(n for word in words if (n := doer_number(word))), actors)


def narrating(words: list[Token]) -> list[Token]:
    """The verbs of the relative clauses of place or time (``NARRATING``) on the nouns the
    main predicates ``words`` govern: "was taken to hospital, where she died" -> "died". A
    clause denied or hedged ("where he could not be revived") tells no fact as done."""
    within = {token.i: token for word in words for token in word.subtree}
    return [token for _, token in sorted(within.items())
            if token.dep_ == "relcl" and token.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "advmod" and c.lower_ in NARRATING for c in token.children)
            and not any(c.dep_ == "neg" or c.tag_ == "MD" for c in token.children)]


def narrated_slots(clause: Token, alone: frozenset[str]) -> Slots:
    """The slots of a narrating clause's proposition. Its doer is its own subject's name, or,
    for "he" or "she", the one actor the statement names (``alone``: "Melquan was taken to
    hospital, where he was pronounced dead" tells of Melquan)."""
    from newsprism.compare.predicates import predicates_of

    subject = subject_of(clause)
    if subject is not None and subject.lower_ in PERSONAL:
        own = alone
    else:
        own = frozenset(a for a in (actor_name(subject),) if a)
    return slots_of(predicates_of(clause), own)


def object_of(word: Token) -> tuple[str, frozenset[str]] | None:
    """What ``word`` is done to: its direct object, or a passive verb's subject, as its head
    stemmed and the numbers of its phrase; None for a pronoun or none."""
    patient = next((c for c in word.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if patient is None or patient.pos_ == "PRON":
        return None
    numbers = frozenset(t.lower_ for t in patient.subtree if t.pos_ == "NUM")
    return stem_word(patient.lower_), numbers


def obliques_of(word: Token) -> set[tuple[str, str, frozenset[str]]]:
    """What the prepositions of ``word`` govern: (preposition, head stemmed, the numbers of its
    phrase), a passive's agent under "by"; "at" is "in" ("died at the federal prison" / "died
    in prison"). A pronoun names nothing, a date is a time (``times_of``), and a time of day
    ("on Monday morning", "at dawn", "at 5 p.m.") tells when, never what was done to what."""
    # a support verb's noun is the predicate, its prepositions the verb's: "filed charges
    # against the man"
    setters = (word, word.head) if word.dep_ == "dobj" else (word,)
    return {(LOCATIVE.get(prep.lower_, prep.lower_), stem_word(noun.lower_),
             frozenset(t.lower_ for t in noun.subtree if t.pos_ == "NUM"))
            for setter in setters for prep in setter.children if prep.dep_ in ("prep", "agent")
            for noun in prep.children if noun.dep_ == "pobj" and noun.pos_ != "PRON"
            and time_kind(noun.lower_) is None and _month_abbreviated(noun) is None
            and not time_of_day(noun)}


def time_of_day(noun: Token) -> bool:
    """Does ``noun`` name a time of day: a part of one ("morning", "noon", "dawn") or a clock
    ("5 p.m.", "10 am", "at 5:30"; never a game's, "with 14:05 left", which tells two
    baskets apart)?"""
    if noun.lower_ in TIMES_OF_DAY or (_CLOCK.fullmatch(noun.text) and noun.head.lower_ == "at"):
        return True
    return noun.lower_ in CLOCK_MARKS and any(c.pos_ == "NUM" for c in noun.children)


def doer_number(word: Token) -> str | None:
    """The grammatical number of who does what ``word`` says ("one", "many"): of its active
    subject (``subject_of``); None where the parse names none (a passive: who is done to is
    its object) or the subject tells no number."""
    subject = subject_of(word)
    # a passive's subject is done to, not doing
    return grammatical_number(subject) if subject is not None and subject.dep_ == "nsubj" \
        else None


def subject_of(word: Token) -> Token | None:
    """The subject, active or passive, of ``word`` or of the verb that carries it ("were able
    to escape", "pulled him over and used a Taser", "was in the crosswalk")."""
    node = word
    for _ in range(5):  # a few carrying words up at most
        subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
        if node.dep_ not in CARRYING or node.head is node:
            return None
        node = node.head
    return None


def actor_name(subject: Token | None) -> str | None:
    """The proper name a subject is, as its head stemmed ("Vincent Gigante", "Gigante" ->
    "gigant"), or the name set beside a description ("The city's mayor, Ana Lopez," ->
    "lopez"); None for a description or a pronoun alone, which may name one of several."""
    if subject is None:
        return None
    named = subject if subject.pos_ == "PROPN" else next(
        (c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    return stem_word(named.lower_) if named is not None else None


def grammatical_number(noun: Token) -> str | None:
    """"many" for a plural noun or pronoun or nouns joined ("the other people", "they",
    "one Australian and one English climber"), "one" for a singular one, else None."""
    if any(c.dep_ == "conj" for c in noun.children):
        return "many"
    if noun.pos_ == "PRON":
        return PRONOUN_NUMBER.get(noun.lower_)
    if noun.tag_ in ("NNS", "NNPS"):
        return "many"
    return "one" if noun.tag_ in ("NN", "NNP") else None


def _shared_counts(slots: frozenset[tuple], other: frozenset[tuple]
                   ) -> Iterator[tuple[frozenset[str], frozenset[str]]]:
    """The numbers each side gives of every slot both fill with one head (an object; a
    preposition and what it governs), the numbers being a slot's last part."""
    return ((slot[-1], other_slot[-1]) for slot in slots for other_slot in other
            if slot[:-1] == other_slot[:-1])


def _counted_alike(numbers: frozenset[str], other: frozenset[str]) -> bool:
    """Do two phrases count alike: a number in common, or no count on one side?"""
    return not numbers or not other or bool(numbers & other)


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
        elif (month := _month_abbreviated(token)) is not None:
            found.add(("month", month))  # "Aug. 17" is "August 17"
        todo.extend(c for c in token.children if c.dep_ in TIMED)
    return found


def _month_abbreviated(token: Token) -> str | None:
    """The month (in full) an abbreviation beside its day or year names ("Aug. 17", "Dec.
    2012", "17 Sept"); a bare "Jan" or "Mar" alone may be a name or a verb."""
    if token.lower_.rstrip(".") not in MONTH_ABBREVIATIONS:
        return None
    beside = token.doc[max(token.i - 1, 0):token.i + 2]
    return full_month(token.lower_) if any(t.like_num for t in beside if t.i != token.i) else None


def time_kind(word: str) -> str | None:
    """The kind of time ``word`` names: "weekday", "month", "year", "day", or None."""
    if word in WEEKDAYS:
        return "weekday"
    if word in MONTHS:
        return "month"
    if word in DAY_WORDS:
        return "day"
    return "year" if _YEAR.fullmatch(word) else None
