"""Sentence compression by trimming: a contiguous sub-span that says the same thing in fewer
words. Only three safe cuts are made, each leaving a verbatim slice of the source:

- a leading list bullet or dateline (``WASHINGTON (AP) _``, ``Saturday, March 26, 2005``, even
  when a page's layout left no space after it, or a byline run into it), which is not part of
  the sentence;
- a leading discourse connective (``But``, ``However,``) when what follows starts a sentence;
- a trailing attribution clause (``, the union said.``, ``, according to police.``) when the
  sentence holds no quotation, so what remains is still the reported fact.

``strip_dateline`` makes the first cut alone; the summarizer always makes it, and the other two
only when its budget is tight.

Cutting inside a sentence (asides, relative clauses) would need a parse to stay grammatical and
would still not give one contiguous slice, so it is not done.
"""

from __future__ import annotations

import re

from newsprism.model import Sentence

_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DATELINE = re.compile(
    r"^(?:[*•·▪]\s+)?(?:" + _WEEKDAY + r",\s[A-Z][a-z]+\.?\s\d{1,2},\s\d{4}\s*(?=[A-Z\"“])|"
    # a byline or wire service credit run into the dateline, where copy has no line breaks
    r"(?:(?:By\s[^()_\n]{3,80}?\s|c\.\d{4}\s[^()_\n]{0,40}?)(?:Writers?|Correspondents?|News\sService)\s+)?"
    r"[A-Z][A-Z.'\- ]{2,40}(?:,\s[A-Z][\w. ]{1,30})?\s*(?:\([A-Za-z .&-]{1,30}\)\s*)?"
    r"(?:_|--|—|–|-)\s+(?=[A-Z\"“'‘`0-9]))?"
)
_CONNECTIVE = re.compile(  # used with match(text, pos): anchored at pos
    r"(?:But|And|So|Yet|Also|However|Meanwhile|Moreover|Furthermore|Still|Nevertheless|"
    r"In addition|Additionally|Besides|Instead|Indeed|Then|Now|Separately)\b,?\s+(?=[A-Z0-9])"
)
_DAY = (
    r"(?:(?:on|late|early)\s)?(?:" + _WEEKDAY + r"|today|yesterday|last\sweek|this\sweek)"
    r"(?:\s(?:night|morning|afternoon|evening))?"
)
_ATTRIBUTION = re.compile(
    r",\s+(?:according\sto\s[^,;:]{2,60}"
    # "the union said", "police told reporters"; not "a figure never before reported"
    r"|(?!(?:a|an|which|that|who|as|than|and|but)\s)(?:[^,;:]{1,50}?\s)?(?:said|says|told\s[^,;:]{1,40}|reported|reports|added|announced"
    r"|stated|noted|confirmed)(?:\s" + _DAY + r")?(?:\s(?:in|at)\s(?:a|an|the)\s[\w\s-]{1,30})?)"
    r"\s*\.$"
)
_QUOTES = re.compile(r"[\"“”«»]|(?:^|\s)['‘]|['’](?:\s|$)")
MAX_TRIM_WORDS = 9  # a longer "clause" is probably content, not attribution
MIN_KEPT_WORDS = 6


def strip_dateline(sentence: Sentence) -> tuple[int, int]:
    """Offsets of ``sentence`` without its leading bullet or dateline, if any."""
    match = _DATELINE.match(sentence.text)
    return sentence.start + (match.end() if match else 0), sentence.end


def trim_sentence(sentence: Sentence) -> tuple[int, int]:
    """Offsets (into the article text) of the shortest safe sub-span of ``sentence``."""
    text = sentence.text
    begin, end = 0, len(text)
    if match := _DATELINE.match(text):
        begin = match.end()
    if match := _CONNECTIVE.match(text, begin):
        begin = match.end()
    if not _QUOTES.search(text) and (match := _ATTRIBUTION.search(text, begin)):
        cut, kept = text[match.start() : end], text[begin : match.start()]
        if len(cut.split()) <= MAX_TRIM_WORDS and len(kept.split()) >= MIN_KEPT_WORDS:
            end = match.start()
    return sentence.start + begin, sentence.start + end
