"""A long ingest keeps its memory flat: what the process holds per text it has seen stays
bounded (issue 20; docs/experiments.md, "Memory of a long ingest")."""

from __future__ import annotations

import ctypes
import ctypes.util
import random
import string

import pytest


def _malloc_in_use() -> int:
    """Bytes glibc's malloc has handed out and not had back: what native libraries (Rust
    tokenizers, SQLite) hold, which Python's tracemalloc does not see."""
    name = ctypes.util.find_library("c")
    libc = ctypes.CDLL(name) if name else None
    if libc is None or not hasattr(libc, "mallinfo2"):
        pytest.skip("needs glibc 2.33+ (mallinfo2)")

    class MallInfo2(ctypes.Structure):
        _fields_ = [(field, ctypes.c_size_t) for field in (
            "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
            "fordblks", "keepcost")]  # fmt: skip

    libc.mallinfo2.restype = MallInfo2
    return libc.mallinfo2().uordblks


def test_search_encoder_keeps_no_text_it_embedded() -> None:
    from newsprism.wordvectors import load_search_encoder

    encoder = load_search_encoder()
    rng = random.Random(0)

    def texts() -> list[str]:  # sentences of ~20 words never seen before, as a news stream's
        return [" ".join("".join(rng.choices(string.ascii_lowercase, k=rng.randint(3, 8)))
                         for _ in range(20)) for _ in range(100)]  # fmt: skip

    encoder.encode(texts())  # buffers every batch reuses
    before = _malloc_in_use()
    for _ in range(20):
        encoder.encode(texts())
    # Cached, these 2,000 texts held 11 MB (5.8 KB each) for good.
    assert _malloc_in_use() - before < 2 * 2**20


def test_search_encoder_embeds_long_texts_a_few_at_a_time() -> None:
    import tracemalloc

    from newsprism.wordvectors import load_search_encoder

    encoder = load_search_encoder()
    rng = random.Random(1)
    # An ingest batch's article heads: a title and the opening 2,000 characters.
    heads = [" ".join("".join(rng.choices(string.ascii_lowercase, k=rng.randint(3, 8)))
                      for _ in range(330)) for _ in range(64)]  # fmt: skip
    tracemalloc.start()
    try:
        encoder.encode(heads)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # All 64 at once, the token vectors and their pooling took 155 MB at the peak.
    assert peak < 60 * 2**20
