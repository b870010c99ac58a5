"""What a statement asserts is done: its main predicate.

Two statements of one topic share names, places and most content words, yet assert different
facts when their main predicates differ: "a former employee opened fire at the party" and "a
former employee who opened fire at the party has been charged" (charged), "X is in his 19th
season with the team" and "X has been involved in every aspect of the team". The main predicate
is the verb the parse makes the root of the statement and the verbs joined to it ("pulled him
over and used a Taser"), or, under a verb of reporting ("police said", "Fanning told
reporters"), the verb of what is reported; a verb of reporting whose complement the parse did
not find asserts nothing we can read. Words are compared stemmed, so "opened" and "opens"
agree; a statement the parse splits in two has the predicates of both.
A predicate asserted and one only expected or hedged do not agree either ("LaSalle faces
charges" / "LaSalle is expected to face charges": a development, not one fact), as the rubric
reads a hedged report as the same fact only at the same strength.

Only the statements of pairs the in-cluster judge finds likely but not sure are parsed
(``compare.align``): the parse of one short statement alone, without the named-entity model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprism.compare.outcomes import hedges
from newsprism.summarize.words import stem_word

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs whose complement is what a statement asserts: "police said he fled" asserts "fled".
REPORTING = frozenset({
    "say", "said", "says", "saying", "tell", "told", "tells", "report", "reported", "reports",
    "state", "stated", "states", "add", "added", "adds", "confirm", "confirmed", "confirms",
    "believe", "believed", "believes", "allege", "alleged", "alleges", "according",
})  # fmt: skip


@dataclass(frozen=True)
class Assertion:
    """What a statement asserts is done, and how firmly."""

    heads: frozenset[str]  # the stemmed main predicate(s)
    hedged: bool  # looks ahead or hedges: "is expected to", "could", "if"

    def agrees(self, other: Assertion) -> bool:
        return bool(self.heads & other.heads) and self.hedged == other.hedged


def assertions(texts: Sequence[str]) -> list[Assertion]:
    """What each text asserts, row-aligned with ``texts``."""
    from newsprism.analyse.nlp import load_nlp

    nlp = load_nlp("full")
    found = []
    for doc in nlp.pipe(texts, disable=["ner"]):
        heads = set()
        for root in (token for token in doc if token.dep_ == "ROOT"):
            for verb in (root, *_joined(root)):
                if verb.lower_ in REPORTING:
                    reported = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
                    if not reported:
                        continue
                    verb = reported[0]
                heads |= {stem_word(v.lower_) for v in (verb, *_joined(verb))}
        found.append(Assertion(frozenset(heads), hedges(doc.text)))
    return found


def _joined(verb: Token) -> list[Token]:
    """The verbs coordinated with ``verb``: "pulled him over and [used] a Taser"."""
    return [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
