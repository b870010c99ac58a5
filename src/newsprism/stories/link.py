"""Does an article (or a story) belong with a story? Evidence, weighed.

Two profiles are compared family by family: the cosine of their lead embeddings, and TF-IDF
cosines of their content words, people, organisations, places, other names, dates and figures.
For every family but the embedding and the words, whether *both* sides have any keys is a feature
of its own: a missing name is no evidence, while two sets of places that do not meet are evidence
against (two earthquakes in two countries). A logistic model turns the features into the
probability that both are the same story, so the decision threshold is a probability (0.5), not a
distance tuned per corpus. The weights are learned from pairs built from a training stream with
``learn_link_weights`` (see bench/clusters.py, which prints them from ECB+'s train topics).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsprism.stories.features import FAMILIES, HASH_BUCKETS, Bag, Profile

EVIDENCE = FAMILIES[1:]  # the families whose presence on both sides is itself a feature
FEATURE_NAMES = (
    "embedding", "terms", *(f"{f}_cosine" for f in EVIDENCE), *(f"{f}_both" for f in EVIDENCE)
)


class DocumentFrequencies:
    """Running document frequencies over hashed keys: IDF for a stream, in bounded memory."""

    def __init__(self, counts: np.ndarray | None = None, documents: int = 0) -> None:
        self.counts = np.zeros(HASH_BUCKETS, dtype=np.int32) if counts is None else counts
        self.documents = documents

    def update(self, profile: Profile) -> None:
        for bag in profile.bags.values():
            self.counts[bag.keys] += 1
        self.documents += 1

    def idf(self, keys: np.ndarray) -> np.ndarray:
        return np.log((1.0 + self.documents) / (1.0 + self.counts[keys])) + 1.0


def _weights(bag: Bag, frequencies: DocumentFrequencies) -> np.ndarray:
    return (1.0 + np.log(bag.counts)) * frequencies.idf(bag.keys)


def bag_cosine(a: Bag, b: Bag, frequencies: DocumentFrequencies) -> float:
    """TF-IDF cosine with sublinear counts."""
    wa, wb = _weights(a, frequencies), _weights(b, frequencies)
    _, ia, ib = np.intersect1d(a.keys, b.keys, assume_unique=True, return_indices=True)
    if not len(ia):
        return 0.0
    return float(wa[ia] @ wb[ib] / (np.linalg.norm(wa) * np.linalg.norm(wb)))


def link_features(a: Profile, b: Profile, frequencies: DocumentFrequencies) -> np.ndarray:
    """The evidence that ``a`` and ``b`` tell the same story, in ``FEATURE_NAMES`` order."""
    ea, eb = a.embedding, b.embedding
    cosines, both = [], []
    for family in FAMILIES:
        bag_a, bag_b = a.bags.get(family), b.bags.get(family)
        present = bag_a is not None and bag_b is not None
        cosines.append(bag_cosine(bag_a, bag_b, frequencies) if present else 0.0)
        if family != "terms":
            both.append(float(present))
    embedding = float(ea @ eb / (np.linalg.norm(ea) * np.linalg.norm(eb) + 1e-12))
    return np.array([embedding, *cosines, *both], dtype=np.float64)


def link_probability(features: np.ndarray, weights: Sequence[float]) -> np.ndarray:
    """P(same story) from rows of ``link_features``; ``weights`` = intercept, then coefficients."""
    w = np.asarray(weights, dtype=np.float64)
    return 1.0 / (1.0 + np.exp(-(features @ w[1:] + w[0])))


def learn_link_weights(features: np.ndarray, same: np.ndarray) -> tuple[float, ...]:
    """Fit the logistic model on labelled pairs; returns (intercept, *coefficients)."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=1.0, max_iter=1000).fit(features, same)
    return (float(model.intercept_[0]), *map(float, model.coef_[0]))
