"""The attribution frame of a statement: who reports what it reports ("THR is saying that ...",
"..., Inspector Gaskin said", "According to THR, ..."). The reporter of a fact is not one of
its participants, so two reports of one fact by two reporters name two actors that do not
make it two facts."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsprism.compare.predicates import REPORTING, parse
from newsprism.compare.quotes import holds_quote_marks

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_REPORTING_WORD = re.compile(rf"\b(?:{'|'.join(sorted(REPORTING))})\b", re.IGNORECASE)
# A complement whose subject is a pronoun may say it of the reporter ("Lionsgate said it is in
# talks", "Gaskin said he fell"): the frame's names stay actors there.
_PRONOUN_SUBJECTS = frozenset({"he", "she", "it", "they", "we", "i", "his", "her", "its",
                               "their", "our", "my"})


def frame_spans(texts: Sequence[str]) -> list[tuple[tuple[int, int], ...]]:
    """The character ranges of the words of each text's attribution frame: a reporting verb
    (``predicates.REPORTING``) and all it governs but the clause it reports, and the phrase
    "according to X"; () where there is none, where the text quotes a remark (the speaker of a
    quoted remark is its own fact) or where the reported clause's subject is a pronoun that may
    be the reporter."""
    chosen = [i for i, text in enumerate(texts)
              if _REPORTING_WORD.search(text) and not holds_quote_marks(text)]
    spans: list[tuple[tuple[int, int], ...]] = [() for _ in texts]
    for i, doc in zip(chosen, parse([texts[i] for i in chosen]), strict=True):
        spans[i] = tuple((doc[k].idx, doc[k].idx + len(doc[k])) for k in sorted(_frame_tokens(doc)))
    return spans


def _frame_tokens(doc: Doc) -> set[int]:
    """Indices of the tokens of ``doc``'s attribution frames (see ``frame_spans``)."""
    frame: set[int] = set()
    for word in doc:
        if word.lower_ == "according" and word.dep_ == "prep":
            frame |= {t.i for t in word.subtree}
        elif word.lower_ in REPORTING and word.pos_ in ("VERB", "AUX"):
            reported = [c for c in word.children if c.dep_ == "ccomp"]
            if not reported or any(_pronoun_subject(c) for c in reported):
                continue
            inside = {t.i for c in reported for t in c.subtree}
            frame |= {t.i for t in word.subtree if t.i not in inside}
    return {i for i in frame if not doc[i].is_punct}


def _pronoun_subject(clause: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _PRONOUN_SUBJECTS
               for c in clause.children)

