"""Words as the summarizer compares them: lower-cased alphanumeric runs, Porter-stemmed.

The tokenisation is the one ROUGE uses (runs of ``[a-z0-9]``), so that what the summarizer counts
as covering a concept is what a reader scoring the summary counts too.
"""

from __future__ import annotations

import re
from functools import cache

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

_TOKEN = re.compile(r"[a-z0-9]+")
_LETTERS = re.compile(r"[^\W_]+")
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | {"said", "says", "say", "told", "mr", "ms", "mrs"}


@cache
def _stemmer():  # type: ignore[no-untyped-def]
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer("ORIGINAL_ALGORITHM")


@cache
def stem_word(word: str) -> str:
    return _stemmer().stem(word) if len(word) > 3 else word


def tokenize(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def letter_words(text: str) -> list[str]:
    """Lower-cased runs of letters and digits of any alphabet, where ``tokenize`` keeps ROUGE's
    ASCII: "Piñera" is one word; "6: 00" and "6:00", "'locked down'" and "locked down" read
    alike."""
    return _LETTERS.findall(text.lower())


def is_content(token: str) -> bool:
    """A word that carries content: not a stop word, not a lone letter."""
    return len(token) > 1 and token not in STOP_WORDS


def stem_tokens(text: str) -> list[str]:
    """Stems of every token, stop words included (bigrams need their neighbours)."""
    return [stem_word(t) for t in tokenize(text)]


def count_words(text: str) -> int:
    """Words as a length budget counts them: white-space separated."""
    return len(text.split())
