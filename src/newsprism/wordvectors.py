"""WordLlama: the fast encoder behind semantic search (fast enough to embed every sentence at
ingest), story leads and the relation model's word vectors.

MiniLM (``newsprism.embed``) is finer but embeds ~100 sentences/s on 2 cores, which alone would
cap ingest at a few articles per second; WordLlama embeds thousands per second from weights
inside its wheel. Vectors are stored under ``KIND`` so another encoder can be indexed alongside.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

KIND = "wordllama-256"
# Texts embedded at once. WordLlama pads a batch to its longest text and holds a 256-float
# vector per token: 64 article heads (a title and 2,000 characters) took ~150 MB at the peak,
# 16 take a quarter, at the same CPU (1.5-1.6 CPU-ms per head either way).
EMBED_BATCH = 16


@cache
def load_wordllama() -> Any:
    """WordLlama at 256 dimensions, from the weights inside its wheel (never the network):
    loaded once for search, story leads and the relation model's word vectors."""
    # Its tokenizer would spread each batch over threads of its own; ingest already keeps every
    # core busy with analysis workers, and the threads' hand-offs cost a third more CPU
    # (search vectors of the bench/ingest.py articles: 7.1 -> 4.7 CPU-ms each). Unless the user
    # chose otherwise.
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    import wordllama

    model = wordllama.WordLlama.load(
        cache_dir=Path(wordllama.__file__).parent, disable_download=True, dim=256
    )
    # Its BPE tokenizer has no pre-tokenizer, so it caches each whole text under 256 bytes (a
    # sentence, a story lead) as one "word", 3-6 KB each, up to 10,000: an ingest's memory grew
    # by ~50 MB of texts that never recur. Uncached, tokenizing costs the same.
    model.tokenizer.model._resize_cache(0)
    return model


class SearchEncoder:
    """Texts to L2-normalised float32 vectors (256 dimensions)."""

    kind = KIND

    def __init__(self) -> None:
        self._model = load_wordllama()

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 256), dtype=np.float32)
        vectors = self._model.embed(texts, norm=True, batch_size=EMBED_BATCH)
        return np.asarray(vectors, dtype=np.float32)


@cache
def load_search_encoder() -> SearchEncoder:
    return SearchEncoder()
