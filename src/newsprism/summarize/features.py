"""Which sentences may be extracted, and the candidate extracts (whole or trimmed) they give."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprism.analyse.statements import CREDIT_LINE
from newsprism.ingest.dates import MONTH_NAME, WEEKDAYS
from newsprism.ingest.text import MEDIA_LABEL
from newsprism.model import Sentence
from newsprism.summarize.compress import strip_dateline, trim_sentence
from newsprism.summarize.words import count_words

# Shorter lines are headlines, bylines, captions or fragments, not facts; 10 is ICSISumm's floor.
MIN_WORDS = 10
HEADLINE_WORDS = 15  # an article's first line, alone in its paragraph and shorter, is its title
_FINAL = re.compile(r"(?<!\.\.)[.!?][\"”’')\]]*$")  # not "..." : a cut-off caption or teaser
_QUOTE = re.compile(r"[\"“”]|``|''")  # wire copy opens a quote with `` and closes it with ''
# Credit lines, photo captions and their credits: page furniture, not the story.
_FURNITURE = re.compile(
    rf"{CREDIT_LINE.pattern}|{MEDIA_LABEL.pattern}|"
    r"\b(?:is|are) (?:seen|pictured|shown) (?:in|at|on|during|before|after|as)\b|"
    r"\b(?:photo|image|picture)\b[^.]{0,80}\bshows\b|\bFILE -|"
    r"\((?:AP|Reuters|AFP|Getty)?[^()]{0,40}(?:Photo|Photographer|Images?)\b[^()]{0,40}\)",
    re.IGNORECASE,
)
# A wire photo's caption, flattened into the page's text: it ends on the day the picture was
# taken, weekday and year included ("Civilians cheer as soldiers drive past in Bamako, Mali
# Wednesday March 21, 2012."), perhaps before a credit; running text names a day more briefly.
_PHOTO_DAY = re.compile(
    rf"\b(?:{'|'.join(WEEKDAYS)}),?\s+{MONTH_NAME}\.?\s+\d{{1,2}},\s*\d{{4}}[.!]?"
    r"(?:\s*\([^()]*\))?\s*$", re.IGNORECASE)
# A sentence that ends on a title before a name ("... the former warden, Maj.") was split there
# by mistake: it is a fragment.
_TITLE_AT_END = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Maj|Col|Lt|Capt|Cpt|Cmdr|Sgt|Cpl|Spc|Pfc|Pvt|Adm|Gov|Sen|Rep|Rev|Det|Insp|Supt)\.$"
)
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


def is_extractable(sentence: Sentence, lower_cased: bool = False) -> bool:
    """A complete sentence of running text that stands alone: long enough, ends like a sentence,
    starts like one (not on a pronoun), and does not open or close a quotation it does not
    contain in full; nor page furniture. It is judged without its dateline, which is not part of
    it, but a caption's ``FILE -``, which looks like one, still marks it as furniture. Of a
    ``lower_cased`` article (a feed that lower-cases everything) a sentence is judged as if its
    first letter were a capital: there, a lower-case start marks no fragment."""
    text = sentence.text[strip_dateline(sentence)[0] - sentence.start :]
    if lower_cased:
        text = text[:1].upper() + text[1:]
    return (
        not _FURNITURE.search(sentence.text)
        and not _PHOTO_DAY.search(sentence.text)
        and count_words(text) >= MIN_WORDS
        and _FINAL.search(text) is not None
        and not _TITLE_AT_END.search(text)
        and not text[0].islower()
        and not _DANGLING.match(text)
        and len(_QUOTE.findall(text)) % 2 == 0
    )


def is_headline(sentence: Sentence, following: Sentence | None) -> bool:
    """The first line of an article, short and set apart by a blank line (normalised text has
    single spaces, so a gap of two characters or more is a paragraph break)."""
    return (
        following is not None
        and following.doc == sentence.doc
        and sentence.index == 0
        and following.start - sentence.end >= 2
        and count_words(sentence.text) < HEADLINE_WORDS
    )


def is_headline_or_caption(sentence: Sentence, following: Sentence | None) -> bool:
    """A headline (see ``is_headline``), or a sentence whose next one is a photo credit."""
    if following is None or following.doc != sentence.doc:
        return False
    if _FURNITURE.search(following.text) and following.text.startswith("("):
        return True
    return is_headline(sentence, following)


def find_headlines(sentences: list[Sentence]) -> frozenset[int]:
    """Positions in ``sentences`` of the articles' headlines."""
    return frozenset(
        i for i, sentence in enumerate(sentences[:-1]) if is_headline(sentence, sentences[i + 1])
    )


def make_candidates(sentences: list[Sentence], trim: bool = True) -> list[Candidate]:
    """For each extractable sentence, the sentence without any dateline (which is not part of
    it) and, with ``trim``, its trimmed form too, when that still holds ``MIN_WORDS`` words."""
    found: list[Candidate] = []
    ranks: dict[str, int] = {}
    cased = {s.doc for s in sentences if s.text != s.text.lower()}
    for i, sentence in enumerate(sentences):
        following = sentences[i + 1] if i + 1 < len(sentences) else None
        if (not is_extractable(sentence, lower_cased=sentence.doc not in cased)
                or is_headline_or_caption(sentence, following)):
            continue
        rank = ranks[sentence.doc] = ranks.get(sentence.doc, -1) + 1
        spans = {strip_dateline(sentence)} | ({trim_sentence(sentence)} if trim else set())
        for start, end in sorted(spans):
            text = sentence.text[start - sentence.start : end - sentence.start]
            if count_words(text) >= MIN_WORDS:
                found.append(Candidate(i, start, end, text, count_words(text), rank))
    return found
