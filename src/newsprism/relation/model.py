"""Load the shipped relation model and judge text pairs: same fact? stance? contradiction?

The artifact (``relation-v5.json.gz``, built by ``newsprism.relation.train``) is plain JSON:
the IDF table of the features, the learned gradient-boosted trees as arrays of split features,
thresholds, children and leaf values, and for same fact a logistic regression (scaling, weights)
whose probability is averaged with the trees'. Prediction is numpy, so the artifact loads under
any scikit-learn version, or none.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from newsprism.embed import TokenVectors
from newsprism.errors import ModelError
from newsprism.relation.features import (
    ALIGN_FEATURES,
    PAIR_FEATURES,
    STANCE_FEATURES,
    TOKEN_FEATURES,
    alignment_features,
    pair_features,
    split_text,
    stance_features,
    token_alignment_features,
)

STANCES = ("agree", "disagree", "discuss", "unrelated")
ARTIFACT = "relation-v5.json.gz"

Embedder = Callable[[Sequence[str]], np.ndarray]
TokenEmbedder = Callable[[Sequence[str]], list[TokenVectors]]


@dataclass(frozen=True)
class TreeEnsemble:
    """Additive trees with a softmax (several classes) or sigmoid (one raw score) on top.

    Node arrays are concatenated over all trees; ``roots[t]`` is tree ``t``'s first node and
    ``classes[t]`` the raw score it adds to. A sample goes left when ``x <= threshold`` (or when
    the value is missing and ``missing_left``), as scikit-learn's histogram boosting does.
    """

    baseline: np.ndarray  # (n_scores,)
    roots: np.ndarray
    classes: np.ndarray
    feature: np.ndarray
    threshold: np.ndarray
    missing_left: np.ndarray
    left: np.ndarray
    right: np.ndarray
    leaf: np.ndarray
    value: np.ndarray

    def raw_scores(self, X: np.ndarray) -> np.ndarray:
        n = X.shape[0]
        node = np.broadcast_to(self.roots, (n, len(self.roots))).copy()
        rows = np.arange(n)[:, None]
        while True:
            inner = np.logical_not(self.leaf[node])
            if not inner.any():
                break
            x = X[rows, self.feature[node]]
            go_left = (x <= self.threshold[node]) | (np.isnan(x) & self.missing_left[node])
            node = np.where(inner, np.where(go_left, self.left[node], self.right[node]), node)
        scores = np.tile(self.baseline, (n, 1))
        for k in range(len(self.baseline)):
            scores[:, k] += self.value[node[:, self.classes == k]].sum(axis=1)
        return scores

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """(n, classes) probabilities; for one raw score, two columns (negative, positive)."""
        scores = self.raw_scores(np.asarray(X, dtype=np.float64))
        if scores.shape[1] == 1:
            positive = 1.0 / (1.0 + np.exp(-scores[:, 0]))
            return np.column_stack([1.0 - positive, positive])
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name).tolist() for name in self.__dataclass_fields__}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TreeEnsemble:
        types = {"baseline": np.float64, "threshold": np.float64, "value": np.float64,
                 "missing_left": bool, "leaf": bool}
        return cls(**{name: np.asarray(data[name], dtype=types.get(name, np.int64))
                      for name in cls.__dataclass_fields__})


@dataclass(frozen=True)
class LinearModel:
    """A logistic regression over standardised features: P = sigmoid(((x - mean) / scale) . coef
    + intercept)."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    def predict_positive(self, X: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(((X - self.mean) / self.scale) @ self.coef + self.intercept)))

    def as_dict(self) -> dict[str, Any]:
        return {"mean": self.mean.tolist(), "scale": self.scale.tolist(),
                "coef": self.coef.tolist(), "intercept": self.intercept}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LinearModel:
        return cls(*(np.asarray(data[k], dtype=np.float64) for k in ("mean", "scale", "coef")),
                   float(data["intercept"]))


@dataclass(frozen=True)
class SameFactModel:
    """Boosted trees over the pair and in-context token-alignment features averaged with a
    logistic regression over those and the word-alignment features: the two err on different
    pairs (MRPC nested CV: +0.6 points)."""

    trees: TreeEnsemble
    linear: LinearModel

    def predict_positive(self, X: np.ndarray, X_align: np.ndarray,
                         X_tokens: np.ndarray) -> np.ndarray:
        linear = self.linear.predict_positive(np.hstack([X, X_align, X_tokens]))
        return (self.trees.predict_proba(np.hstack([X, X_tokens]))[:, 1] + linear) / 2


@dataclass(frozen=True)
class PairRelation:
    """What the compare stage needs about sentence pairs ``(a[i], b[i])``, all shape ``(n,)``.

    - ``same_fact``: P(the two state the same fact), learned on MRPC and STS-B news train;
      ``same_fact >= RelationModel.same_fact_threshold`` is the model's yes.
    - ``figure_conflict``: both give figures, share their topic words, and each has a figure the
      other lacks — flag "same quantity, different figure" when ``same_fact`` is high too.
    - ``contradiction``: P(one disagrees with the other), the stance model's ``disagree``
      probability averaged over both directions; meaningful on related pairs.
    - ``stance``: (n, 4) stance of ``b`` towards ``a`` (claim ``a``), in ``STANCES`` order.
    """

    same_fact: np.ndarray
    figure_conflict: np.ndarray
    contradiction: np.ndarray
    stance: np.ndarray


class RelationModel:
    """Same-fact and stance judgements over text pairs from the shipped artifact."""

    def __init__(self, artifact: Mapping[str, Any], embed: Embedder | None = None,
                 embed_tokens: TokenEmbedder | None = None) -> None:
        same = artifact["same_fact"]
        if (list(same["features"]) != list(PAIR_FEATURES)
                or list(same["align_features"]) != list(ALIGN_FEATURES)
                or list(same["token_features"]) != list(TOKEN_FEATURES)
                or list(artifact["stance"]["features"]) != list(STANCE_FEATURES)):
            raise ModelError("relation artifact was built for other features; retrain it with "
                             "`python -m newsprism.relation.train`")
        self.idf: dict[str, float] = dict(artifact["idf"])
        self.piece_idf: dict[str, float] = dict(same["piece_idf"])
        self.same_fact_model = SameFactModel(TreeEnsemble.from_dict(same["trees"]),
                                             LinearModel.from_dict(same["linear"]))
        self.same_fact_threshold = float(same["threshold"])
        self.stance_model = TreeEnsemble.from_dict(artifact["stance"]["trees"])
        self.metadata: dict[str, Any] = dict(artifact.get("metadata", {}))
        self._embed = embed
        self._embed_tokens = embed_tokens

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """MiniLM vectors of ``texts``, each distinct text embedded once."""
        if self._embed is None:
            from newsprism.embed import load_encoder

            self._embed = load_encoder().encode
        unique = list(dict.fromkeys(texts))
        vectors = self._embed(unique) if unique else np.zeros((0, 384), dtype=np.float32)
        index = {t: i for i, t in enumerate(unique)}
        return vectors[[index[t] for t in texts]] if texts else vectors

    def token_features(self, a: Sequence[str], b: Sequence[str],
                       known: Mapping[str, TokenVectors] | None = None) -> np.ndarray:
        """``TOKEN_FEATURES`` of pairs ``(a[i], b[i])``; ``known`` maps texts to their word
        pieces' vectors where known, each other distinct text is encoded once."""
        vectors = dict(known or {})
        unique = [t for t in dict.fromkeys([*a, *b]) if t not in vectors]
        if unique:
            if self._embed_tokens is None:
                from newsprism.embed import load_encoder

                self._embed_tokens = load_encoder().encode_tokens
            vectors.update(zip(unique, self._embed_tokens(unique), strict=True))
        return token_alignment_features([vectors[t] for t in a], [vectors[t] for t in b],
                                        self.piece_idf)

    def same_fact_features(self, a: Sequence[str], b: Sequence[str], emb_a: np.ndarray | None,
                           emb_b: np.ndarray | None) -> np.ndarray:
        if len(a) != len(b):
            raise ValueError(f"same_fact needs as many texts in a ({len(a)}) as in b ({len(b)})")
        emb_a, emb_b = self._embed_pairs(a, b, emb_a, emb_b)
        cosine = np.einsum("ij,ij->i", emb_a, emb_b) if len(a) else np.zeros(0)
        return pair_features(a, b, cosine, self.idf)

    def same_fact(self, a: Sequence[str], b: Sequence[str], *, emb_a: np.ndarray | None = None,
                  emb_b: np.ndarray | None = None,
                  tokens: Mapping[str, TokenVectors] | None = None) -> np.ndarray:
        """P(``a[i]`` and ``b[i]`` state the same fact), shape ``(n,)``. ``emb_a``/``emb_b``:
        optional precomputed MiniLM vectors of the texts (``newsprism.embed``); ``tokens``:
        the word pieces' vectors in context of the texts where known (the rest are computed
        here, each distinct text once)."""
        if not len(a):
            return np.zeros(0)
        return self._same_fact_probability(a, b, self.same_fact_features(a, b, emb_a, emb_b),
                                           tokens)

    def _same_fact_probability(self, a: Sequence[str], b: Sequence[str], X: np.ndarray,
                               tokens: Mapping[str, TokenVectors] | None = None) -> np.ndarray:
        """The same-fact model's P over pairs whose ``same_fact_features`` are ``X``."""
        return self.same_fact_model.predict_positive(X, alignment_features(a, b, self.idf),
                                                     self.token_features(a, b, tokens))

    def _embed_pairs(self, a: Sequence[str], b: Sequence[str], emb_a: np.ndarray | None,
                     emb_b: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
        """The MiniLM vectors of both sides: those given, the rest embedded in one call."""
        if emb_a is None or emb_b is None:
            both = self.embed([*a, *b])
            emb_a = both[: len(a)] if emb_a is None else emb_a
            emb_b = both[len(a) :] if emb_b is None else emb_b
        return emb_a, emb_b

    def stance(self, claims: Sequence[str], texts: Sequence[str]) -> np.ndarray:
        """Stance of ``texts[i]`` (a sentence or a whole article) towards ``claims[i]``:
        shape ``(n, 4)``, probabilities in ``STANCES`` order."""
        return self.stance_of_sentences(claims, [split_text(t) for t in texts])

    def stance_of_sentences(self, claims: Sequence[str], bodies: Sequence[Sequence[str]],
                            vectors: Mapping[str, np.ndarray] | None = None) -> np.ndarray:
        """``stance`` for texts already split into sentences; ``vectors`` maps texts to their
        MiniLM vectors where known (the rest are embedded here)."""
        if len(claims) != len(bodies):
            raise ValueError(
                f"stance needs as many claims ({len(claims)}) as texts ({len(bodies)})"
            )
        if not len(claims):
            return np.zeros((0, len(STANCES)))
        known = dict(vectors or {})
        missing = [t for t in dict.fromkeys([*claims, *(s for b in bodies for s in b)])
                   if t not in known]
        known.update(zip(missing, self.embed(missing), strict=True))
        X = stance_matrix(claims, bodies, known, self.idf)
        return self.stance_model.predict_proba(X)

    def relate(self, a: Sequence[str], b: Sequence[str], *, emb_a: np.ndarray | None = None,
               emb_b: np.ndarray | None = None) -> PairRelation:
        """Same fact, figure conflict, contradiction and stance of sentence pairs at once."""
        emb_a, emb_b = self._embed_pairs(a, b, emb_a, emb_b)
        X = self.same_fact_features(a, b, emb_a, emb_b)
        vectors = {**dict(zip(a, emb_a, strict=True)), **dict(zip(b, emb_b, strict=True))}
        forward = self.stance_of_sentences(a, [[t] for t in b], vectors)
        backward = self.stance_of_sentences(b, [[t] for t in a], vectors)
        disagree = STANCES.index("disagree")
        return PairRelation(
            same_fact=self._same_fact_probability(a, b, X) if len(a) else np.zeros(0),
            figure_conflict=X[:, PAIR_FEATURES.index("numbers_conflict")] > 0,
            contradiction=(forward[:, disagree] + backward[:, disagree]) / 2,
            stance=forward,
        )


def stance_matrix(claims: Sequence[str], bodies: Sequence[Sequence[str]],
                  vectors: Mapping[str, np.ndarray], idf: Mapping[str, float]) -> np.ndarray:
    """Stance features of claims against sentence lists, from the texts' MiniLM vectors."""
    cosines, body_cosines = [], np.zeros(len(claims))
    for i, (claim, sentences) in enumerate(zip(claims, bodies, strict=True)):
        matrix = np.stack([vectors[s] for s in sentences])
        sims = matrix @ vectors[claim]
        cosines.append(sims)
        mean = matrix.mean(axis=0)
        body_cosines[i] = float(mean @ vectors[claim]) / max(float(np.linalg.norm(mean)), 1e-12)
    return stance_features(claims, bodies, cosines, body_cosines, idf)


def read_artifact(name: str = ARTIFACT) -> dict[str, Any]:
    try:
        with resources.files("newsprism.relation").joinpath(name).open("rb") as raw, \
                gzip.open(raw, "rt", encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read the relation model {name} ({exc}); reinstall newsprism or "
                         "rebuild it with `python -m newsprism.relation.train`") from exc


@cache
def load_relation_model() -> RelationModel:
    """The process-wide relation model from the artifact shipped in the package (no network)."""
    return RelationModel(read_artifact())
