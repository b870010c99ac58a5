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
# A storyline is judged by more: how much of an event's words fall on the storyline's core
# (its ``CORE_KEYS`` heaviest words and lead words by TF-IDF, the topic itself rather than
# everything its events ever said), and how many events it holds (log(1 + n)). A storyline's
# summed profile grows broad, so that any event finds its words somewhere in it (the cover);
# its core does not (docs/experiments.md, storylines: GoogleNews-TS chains "motorola moto",
# "bbm iphone", "google glass" through their shared phone words).
STORYLINE_FEATURE_NAMES = (*FEATURE_NAMES, "terms_core", "lead_core", "events")
CORE_FAMILIES = ("terms", "lead")
CORE_KEYS = 20
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


def link_features(a: Profile, b: Profile, frequencies: DocumentFrequencies) -> np.ndarray:
    """The evidence that ``a`` (an article, or the smaller story) and ``b`` tell the same story,
    in ``FEATURE_NAMES`` order."""
    return candidate_features(a, [b], frequencies)[0]


def candidate_features(a: Profile, others: Sequence[Profile], frequencies: DocumentFrequencies
                       ) -> np.ndarray:
    """``link_features`` of ``a`` against each of ``others``, one row each. Every family of
    every profile is weighed in one pass: a key is offset by its family's place in
    ``FAMILIES``, so one sorted array holds all of a profile's keys, and each shared key is
    summed into the (profile, family) cell it belongs to."""
    rows = np.zeros((len(others), len(FEATURE_NAMES)), dtype=np.float64)
    if not others:
        return rows
    embeddings = np.stack([b.embedding for b in others]).astype(np.float64)
    ea = a.embedding / (np.sqrt(a.embedding @ a.embedding) + 1e-12)
    rows[:, 0] = embeddings @ ea / (np.sqrt(np.einsum("ij,ij->i", embeddings, embeddings))
                                    + 1e-12)
    families = len(FAMILIES)
    keys, wa, family = _weighed_keys(a, frequencies)
    norm_a = np.bincount(family, wa * wa, minlength=families)
    total_a = np.bincount(family, wa, minlength=families)
    theirs = [_weighed_keys(b, frequencies) for b in others]
    keys_b = np.concatenate([k for k, _, _ in theirs])
    wb = np.concatenate([w for _, w, _ in theirs])
    cell = np.concatenate([f + n * families for n, (_, _, f) in enumerate(theirs)])
    cells = len(others) * families
    norm_b = np.bincount(cell, wb * wb, minlength=cells).reshape(len(others), families)
    at = np.minimum(np.searchsorted(keys, keys_b), max(len(keys) - 1, 0))
    shared = keys[at] == keys_b if len(keys) else np.zeros(len(keys_b), dtype=bool)
    mine, held_in = wa[at[shared]], cell[shared]
    dot = np.bincount(held_in, mine * wb[shared], minlength=cells).reshape(len(others), families)
    held = np.bincount(held_in, mine, minlength=cells).reshape(len(others), families)
    both = (norm_a > 0) & (norm_b > 0)  # a missing family is no evidence: all its features 0
    rows[:, _COSINE] = np.where(both, dot / np.where(both, np.sqrt(norm_a * norm_b), 1.0), 0.0)
    rows[:, _COVER] = held / np.where(total_a > 0, total_a, 1.0)
    rows[:, _BOTH] = both[:, 1:]
    return rows


def storyline_features(a: Profile, others: Sequence[Profile], frequencies: DocumentFrequencies
                       ) -> np.ndarray:
    """``candidate_features`` of ``a`` (an event, or the smaller storyline) against each of
    ``others`` (storylines), then the storyline's own: ``STORYLINE_FEATURE_NAMES`` order."""
    extra = np.zeros((len(others), len(CORE_FAMILIES) + 1))
    for n, b in enumerate(others):
        for column, family in enumerate(CORE_FAMILIES):
            extra[n, column] = _core_share(a.bags.get(family), b.bags.get(family), frequencies)
        extra[n, -1] = np.log1p(b.size)
    return np.hstack([candidate_features(a, others, frequencies), extra])


def _core_share(mine: Bag | None, theirs: Bag | None, frequencies: DocumentFrequencies
                ) -> float:
    """The share of ``mine``'s TF-IDF weight on the ``CORE_KEYS`` heaviest keys of ``theirs``."""
    if mine is None or theirs is None or not len(mine.keys) or not len(theirs.keys):
        return 0.0
    heavy = np.argsort(-_tfidf(theirs, frequencies), kind="stable")[:CORE_KEYS]
    weights = _tfidf(mine, frequencies)
    return float(weights[np.isin(mine.keys, theirs.keys[heavy])].sum() / weights.sum())


def _tfidf(bag: Bag, frequencies: DocumentFrequencies) -> np.ndarray:
    return (1.0 + np.log(bag.counts)) * frequencies.idf(bag.keys)


def _weighed_keys(profile: Profile, frequencies: DocumentFrequencies
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """All the profile's keys, each offset by its family (sorted, as each bag is), their TF-IDF
    weights with sublinear counts, and each key's family."""
    bags = [(n, profile.bags[f]) for n, f in enumerate(FAMILIES) if f in profile.bags]
    if not bags:
        return np.zeros(0, np.int64), np.zeros(0), np.zeros(0, np.int64)
    keys = np.concatenate([bag.keys for _, bag in bags])
    counts = np.concatenate([bag.counts for _, bag in bags])
    family = np.repeat([n for n, _ in bags], [len(bag.keys) for _, bag in bags])
    weights = _tfidf(Bag(keys, counts), frequencies)
    return keys + family * HASH_BUCKETS, weights, family


# Each family's columns in ``FEATURE_NAMES``, in ``FAMILIES`` order (words have no "both").
_COSINE = [FEATURE_NAMES.index(f if f == "terms" else f"{f}_cosine") for f in FAMILIES]
_COVER = [FEATURE_NAMES.index(f"{f}_cover") for f in FAMILIES]
_BOTH = [FEATURE_NAMES.index(f"{f}_both") for f in EVIDENCE]


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
