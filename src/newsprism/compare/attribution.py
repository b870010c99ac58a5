"""The attribution frame of a statement: who reports what it reports ("THR is saying that ...",
"..., Inspector Gaskin said", "According to THR, ..."). The reporter of a fact is not one of
its participants, so two reports of one fact by two reporters name two actors that do not
make it two facts."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprism.compare.predicates import REPORTING, parse
from newsprism.compare.quotes import marked_passages
from newsprism.model import Mention, Span
from newsprism.summarize.words import stem_word

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Verbs that report a clause, in any form ("is reporting that", "claimed that", "wrote that")
_REPORTING_STEMS = frozenset(map(stem_word, REPORTING | {"claim", "announce", "write", "wrote"}))
_REPORTING_WORD = re.compile(rf"\b(?:{'|'.join(sorted(_REPORTING_STEMS))})", re.IGNORECASE)
# The kinds of name a pronoun may stand for: a reported clause whose subject is one of these
# may say it of its reporter ("Lionsgate said it is in talks", "Gaskin said he fell", "police
# said they found"), though not "THR is reporting that he is in talks".
_PRONOUN_KINDS = {
    **dict.fromkeys(("he", "she", "his", "her", "i", "my"), frozenset({"PERSON"})),
    **dict.fromkeys(("it", "its"), frozenset({"ORG"})),
    **dict.fromkeys(("they", "their", "we", "our"), frozenset({"PERSON", "ORG"})),
}


@dataclass(frozen=True)
class Frame:
    """One attribution frame: the character ranges of its words in the statement, and the kinds
    of name (PERSON, ORG) the reported clause's pronoun subject may stand for (none: its
    subject is no pronoun). A frame naming one of those kinds may be the fact's actor too."""

    ranges: tuple[tuple[int, int], ...]
    pronoun_kinds: frozenset[str] = frozenset()

    def holds(self, at: int) -> bool:
        """Is the character ``at`` (into the statement) one of the frame's words?"""
        return any(start <= at < end for start, end in self.ranges)


def frames(texts: Sequence[str]) -> list[tuple[Frame, ...]]:
    """Each text's attribution frames: a reporting verb (``_REPORTING_STEMS``) that governs a
    clause, with who reports it, to whom, when and where (``_FRAME_DEPS``), and the phrase
    "according to X" up to its punctuation; none where the text
    quotes a remark (``quotes.marked_passages``: the speaker of a quoted remark is part of what
    is reported), though a title or term in quote marks ("the "Games" sequel") is none."""
    chosen = [i for i, text in enumerate(texts)
              if _REPORTING_WORD.search(text) and marked_passages(text) is None]
    found: list[tuple[Frame, ...]] = [() for _ in texts]
    for i, doc in zip(chosen, parse([texts[i] for i in chosen]), strict=True):
        found[i] = tuple(_frames(doc))
    return found


# What a reporting verb's frame holds beside the verb: who reports, to whom, when and where
# ("Police spokesman X told reporters on Monday that ..."); never another clause of it ("said
# the man fell and was taken to hospital", "said ... after Smith was charged").
_FRAME_DEPS = frozenset({"nsubj", "aux", "neg", "advmod", "npadvmod", "dobj", "dative", "prep"})


def _frames(doc: Doc) -> list[Frame]:
    found = []
    for word in doc:
        if word.lower_ == "according" and word.dep_ == "prep":
            # "according to the report" up to its comma, not ", including Demerol, ...";
            # the full stop of a title the parse keeps in the name ("according to OSP Lt.
            # Gregg Hastings") is no end.
            source = [t for t in word.subtree if t.i >= word.i]
            end = next((t.i for t in source if t.is_punct and t.dep_ == "punct"),
                       source[-1].i + 1)
            found.append(_frame(doc, set(range(word.i, end)), frozenset()))
        elif stem_word(word.lower_) in _REPORTING_STEMS and word.pos_ in ("VERB", "AUX"):
            reported = [c for c in word.children if c.dep_ == "ccomp"]
            if reported:
                kinds = frozenset().union(*map(_pronoun_kinds, reported))
                held = {t.i for c in word.children if c.dep_ in _FRAME_DEPS for t in c.subtree}
                found.append(_frame(doc, held | {word.i}, kinds))
    return found


def _frame(doc: Doc, tokens: set[int], pronoun_kinds: frozenset[str]) -> Frame:
    return Frame(tuple((doc[k].idx, doc[k].idx + len(doc[k])) for k in sorted(tokens)
                       if not doc[k].is_punct), pronoun_kinds)


def _pronoun_kinds(clause: Token) -> frozenset[str]:
    return frozenset().union(*(_PRONOUN_KINDS.get(c.lower_, frozenset())
                               for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")))


def reporters(statement: Span, found: Sequence[Frame], inside: Sequence[Mention]) -> set[int]:
    """The positions in ``inside`` (the mentions inside ``statement``) of the names its frames
    (``frames``) hold, but for a frame whose reported clause's pronoun subject may be one of its
    names ("Lionsgate said it is in talks": Lionsgate is in talks)."""
    out: set[int] = set()
    for frame in found:
        held = [n for n, m in enumerate(inside) if frame.holds(m.start - statement.start)]
        if not any(inside[n].type in frame.pronoun_kinds for n in held):
            out.update(held)
    return out
