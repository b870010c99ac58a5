"""Does an article (or a story) belong with a story? Evidence, weighed.

Two profiles are compared family by family: the cosine of their lead embeddings, and for content
words, lead words, people, organisations, places, other names, dates and figures both the TF-IDF
cosine and the *cover*: the share of the article's (or smaller story's) weight that the other
side holds. The cosine shrinks as a story gathers keys; the cover does not, so a story that grows
broad is judged by whether it contains the article, not by how diluted it has become. For every
family but the embedding and the words, whether *both* sides have any keys is a feature of its
own: a missing name is no evidence, while two sets of places that do not meet are evidence
against (two earthquakes in two countries). A logistic model turns the features into the
probability that both are the same story. When no kind of name is present on both sides
(lower-cased feeds, keyword lists, name-free texts), a second model learned on the same pairs
with every name feature hidden decides instead: names are then no evidence either way, rather
than an absence the full model reads as a mismatch. Both are learned from ECB+ train by
``python -m newsprism.stories.train`` and shipped in ``link-v2.json`` with their thresholds.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsprism.stories.features import FAMILIES, HASH_BUCKETS, Bag, Profile

NAME_FAMILIES = ("person", "org", "place", "name")
EVIDENCE = FAMILIES[1:]  # the families whose presence on both sides is itself a feature
FEATURE_NAMES = (
    "embedding", "terms", "terms_cover",
    *(f"{f}_cosine" for f in EVIDENCE), *(f"{f}_cover" for f in EVIDENCE),
    *(f"{f}_both" for f in EVIDENCE),
)
NAME_BOTH = [FEATURE_NAMES.index(f"{f}_both") for f in NAME_FAMILIES]
NAME_COLUMNS = [i for i, name in enumerate(FEATURE_NAMES) if name.split("_")[0] in NAME_FAMILIES]


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


def bag_overlap(a: Bag, b: Bag, frequencies: DocumentFrequencies) -> tuple[float, float]:
    """TF-IDF cosine with sublinear counts, and how much of ``a``'s weight ``b`` covers. The
    cover does not shrink as ``b`` (a growing story) gathers more keys; the cosine does."""
    return _overlap(a, _weights(a, frequencies), b, _weights(b, frequencies))


def _overlap(a: Bag, wa: np.ndarray, b: Bag, wb: np.ndarray) -> tuple[float, float]:
    # Both key arrays are sorted: a binary search finds the shared keys.
    at = np.searchsorted(b.keys, a.keys)
    at[at == len(b.keys)] = 0
    shared = b.keys[at] == a.keys
    if not shared.any():
        return 0.0, 0.0
    mine = wa[shared]
    cosine = float(mine @ wb[at[shared]] / np.sqrt((wa @ wa) * (wb @ wb)))
    return cosine, float(mine.sum() / wa.sum())


def link_features(a: Profile, b: Profile, frequencies: DocumentFrequencies) -> np.ndarray:
    """The evidence that ``a`` (an article, or the smaller story) and ``b`` tell the same story,
    in ``FEATURE_NAMES`` order."""
    return candidate_features(a, [b], frequencies)[0]


def candidate_features(a: Profile, others: Sequence[Profile], frequencies: DocumentFrequencies
                       ) -> np.ndarray:
    """``link_features`` of ``a`` against each of ``others``, one row each; ``a``'s keys are
    weighed once for all of them."""
    mine = {family: (bag, _weights(bag, frequencies)) for family, bag in a.bags.items()}
    ea = a.embedding / (np.sqrt(a.embedding @ a.embedding) + 1e-12)
    rows = np.zeros((len(others), len(FEATURE_NAMES)), dtype=np.float64)
    for row, b in zip(rows, others, strict=True):
        cosines, covers, both = [], [], []
        for family in FAMILIES:
            theirs = b.bags.get(family)
            present = family in mine and theirs is not None
            cosine, cover = (_overlap(*mine[family], theirs, _weights(theirs, frequencies))
                             if present else (0.0, 0.0))
            cosines.append(cosine)
            covers.append(cover)
            if family != "terms":
                both.append(float(present))
        embedding = float(ea @ b.embedding / (np.sqrt(b.embedding @ b.embedding) + 1e-12))
        row[:] = [embedding, cosines[0], covers[0], *cosines[1:], *covers[1:], *both]
    return rows


def _logistic(features: np.ndarray, weights: Sequence[float]) -> np.ndarray:
    w = np.asarray(weights, dtype=np.float64)
    return 1.0 / (1.0 + np.exp(-(features @ w[1:] + w[0])))


def link_probability(features: np.ndarray, weights: Sequence[float],
                     text_weights: Sequence[float] | None = None) -> np.ndarray:
    """P(same story) from rows of ``link_features``; ``weights`` = intercept, then coefficients.
    Rows where no kind of name is present on both sides are judged by ``text_weights`` when
    given: the model learned with names hidden, i.e. names as *no* evidence either way."""
    probability = _logistic(features, weights)
    if text_weights is not None:
        nameless = ~features[:, NAME_BOTH].any(axis=1)
        probability[nameless] = _logistic(features[nameless], text_weights)
    return probability


def learn_link_weights(features: np.ndarray, same: np.ndarray) -> tuple[float, ...]:
    """Fit the logistic model on labelled pairs; returns (intercept, *coefficients)."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=1.0, max_iter=1000).fit(features, same)
    return (float(model.intercept_[0]), *map(float, model.coef_[0]))


def hide_names(features: np.ndarray) -> np.ndarray:
    """The rows as a text without recognised names would give them (lower-cased feeds,
    keyword lists): every name feature zero."""
    hidden = features.copy()
    hidden[:, NAME_COLUMNS] = 0.0
    return hidden
