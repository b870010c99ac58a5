"""The sentence encoder: a text's vectors are its own, whatever it is encoded with, so compare
may reuse them (one pass of the model for a statement's vector and its word pieces)."""

from __future__ import annotations

import numpy as np

from newsprism.embed import MAX_TOKENS, SentenceEncoder, load_encoder

SHORT = ["Dockworkers walked out on Monday.", "The union called the strike a last resort.",
         "Talks resume on Friday."]
LONG = " ".join(["The harbour authority said ships were waiting at anchor outside the port"] * 30)


def test_a_texts_vectors_do_not_depend_on_the_texts_encoded_with_it():
    encoder = load_encoder()
    alone = np.vstack([encoder.encode([text]) for text in SHORT])
    # one text cut at the model's limit batched with short ones: padding changes nothing
    together = encoder.encode([*SHORT, LONG])
    assert np.array_equal(together[: len(SHORT)], alone)
    assert len(encoder.word_pieces([LONG])[0]) == MAX_TOKENS - 2  # cut: [CLS] and [SEP] kept


def test_one_pass_gives_the_vectors_and_the_word_pieces_of_two():
    encoder = load_encoder()
    vectors, pieces = encoder.encode_with_tokens([*SHORT, LONG])
    assert np.array_equal(vectors, encoder.encode([*SHORT, LONG]))
    separate = encoder.encode_tokens([LONG, *SHORT])
    for mine, theirs in zip(pieces, [*separate[1:], separate[0]], strict=True):
        assert mine.pieces == theirs.pieces
        assert np.array_equal(mine.vectors, theirs.vectors)


def test_the_vectors_do_not_depend_on_how_many_threads_run_the_model():
    texts = [*SHORT, LONG]
    assert np.array_equal(SentenceEncoder(threads=1).encode(texts),
                          SentenceEncoder(threads=2).encode(texts))
