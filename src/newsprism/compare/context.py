"""Statements whose subject is in their context: what they assert depends on the sentence
before, so two of them alike in words need not say one thing."""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

import numpy as np

from newsprism.compare.quotes import NEAR_VERBATIM, holds_quote_marks, remark_words

# A statement in the reporter's voice that opens on a word pointing back ("That resistance led
# indirectly to Nixon's resignation", "It ultimately ..."): its subject is what the article said
# just before.
_POINTS_BACK = re.compile(r"(?:that|this|these|those|it)\b", re.IGNORECASE)


def points_back(text: str) -> bool:
    """Does ``text`` open on a word pointing back to the sentence before, with no quotation in
    it (a quoted remark is the speaker's words, whatever they point to)?"""
    return bool(_POINTS_BACK.match(text.lstrip())) and not holds_quote_marks(text)


def pointing_back_apart(texts: Sequence[str]) -> np.ndarray:
    """True where both texts point back (``points_back``) and are not nearly word for word (a
    copy of one article's paragraph, its context copied too): "That resistance led indirectly
    to Nixon's resignation" and "That ultimately led to the resignation of President Richard M.
    Nixon" may say it of two things (28_ecb: two reports' "That" were two events)."""
    back = [i for i, text in enumerate(texts) if points_back(text)]
    words = {i: remark_words(texts[i]) for i in back}
    apart = np.zeros((len(texts), len(texts)), dtype=bool)
    for n, i in enumerate(back):
        for j in back[n + 1 :]:
            ratio = SequenceMatcher(None, words[i], words[j], autojunk=False).ratio()
            apart[i, j] = apart[j, i] = ratio < NEAR_VERBATIM
    return apart
