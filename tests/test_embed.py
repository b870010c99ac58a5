"""The sentence encoder: a text's vectors are its own, whatever it is encoded with, so compare
may reuse them (one pass of the model for a statement's vector and its word pieces)."""

from __future__ import annotations

import numpy as np

from newsprism.embed import (
    BATCH_PIECES,
    BATCH_SIZE,
    MAX_TOKENS,
    SentenceEncoder,
    _similar_lengths,
    load_encoder,
)

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


def test_a_text_given_twice_is_encoded_once_and_gets_its_own_vectors_in_both_places():
    encoder = load_encoder()
    vectors, pieces = encoder.encode_with_tokens([SHORT[0], SHORT[1], SHORT[0]])
    assert np.array_equal(vectors, np.vstack([encoder.encode([t]) for t in
                                              (SHORT[0], SHORT[1], SHORT[0])]))
    assert pieces[0].pieces == pieces[2].pieces and pieces[0].pieces != pieces[1].pieces


def test_batches_keep_short_texts_apart_from_long_ones_and_within_the_limits():
    lengths = [5] * 100 + [40, 42] + [200, 210]
    batches = list(_similar_lengths(lengths))
    assert sorted(i for batch in batches for i in batch) == list(range(len(lengths)))
    widths = [{lengths[i] for i in batch} for batch in batches]
    # the short texts fill two batches; no short text is padded to a long one's length
    assert widths == [{5}, {5}, {40, 42}, {200, 210}]
    assert all(len(b) <= BATCH_SIZE and len(b) * max(lengths[i] for i in b) <= BATCH_PIECES
               for b in batches)
