"""The in-cluster judge: do two candidate statements of one cluster assert one proposition?

The relation model learned "same fact" on curated pairs (MRPC, STS-B) where near misses are rare.
Inside a cluster nearly every pair is a near miss on one topic, with the same names, places and
units, and its probability alone corroborates "walked off the job" with "returned to work". The
judge weighs it together with the pair's evidence in its cluster (``JUDGE_FEATURES``): how much
of what each statement says beyond its names the other says too, whether they share an actor or
a figure, how alike their lengths are. It is a logistic regression (or a model of the kinds in
``MODELS``) learned on the tune half of the judged gold set (``python -m
newsprism.compare.train``), with its threshold set for
precision: a false corroboration is worse than a missed one. Thresholds are compared on claims
out of fold (``bench/judge_cv.py``), never on pairs: claims group pairs. The held-out half is
never seen.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from newsprism.errors import ModelError
from newsprism.relation.model import LinearModel, TreeEnsemble

ARTIFACT = "judge-v3.json"  # learned weights, threshold and band (``compare.train``)
# Every feature the judge may weigh (``PairEvidence.features``); a judge names those it uses.
JUDGE_FEATURES = (
    "same_fact",  # the relation model's P(same fact)
    "cosine",  # MiniLM sentence cosine
    "shared_words",  # IDF-weighted Dice of the content words beyond names
    "covered_least",  # the smaller share of one side's rare words the other states too
    "covered_most",  # the larger share
    "shared_figure",  # both state one value in one unit
    "shared_actor",  # both name one person or organisation
    "length_ratio",  # shorter / longer, in words
    "mutual",  # each is the other's best match in the other's article
    "negation_differs",  # one has a word of negation ("not", "never", "no") the other lacks
    "same_predicate",  # both assert one main predicate as firmly (``compare.predicates``)
    "denies",  # one denies a predicate the other asserts
    # the lesser of the two statements' ranks of the other by cosine among the statements of
    # the other articles, in [0, 1] (``PairEvidence.cosine_rank``): a cosine's scale moves with
    # a cluster's style, its rank does not
    "cosine_rank",
    # the best cosine of one statement with the other or with one of the other's clauses
    # (``PairEvidence.contained``): one holds the other's fact among more
    "contained",
    # the relation model's P(same fact), or that of one statement and the other's closest main
    # clause where higher (``PairEvidence.clause_same_fact``)
    "clause_same_fact",
)
FIRST_FEATURES = JUDGE_FEATURES[:9]  # those of the first judge and of every shipped one
# The judge's probability from which a pair whose main predicates agree links (below the
# judge's own threshold), for a judge that names none: on the gold set's tune half, judged pairs
# in [0.5, 0.93) of the first judge whose predicates agree (read through "had to", copulas and
# support verbs) were the same fact 67 times in 69, in [0.5, 0.6) 11 in 11 (in [0.4, 0.5): 14 in
# 17, too loose). Above the judge's threshold differing predicates were the same fact 6 times in
# 6 (the parse misses a predicate more often than the judge errs).
PREDICATE_BAND = 0.5
# Features read from the parse of both statements (``compare.predicates.assertions``)
PARSED = frozenset({"same_predicate", "denies"})
# Features known only once a pair is judged (the relation model's P, the parse's, the clauses'),
# each in [0, 1]
JUDGED = PARSED | {"same_fact", "contained", "clause_same_fact"}


def pairwise(X: np.ndarray) -> np.ndarray:
    """The columns of ``X`` and the product of each two of them: a linear model over these
    weighs one feature by another (a high cosine means less when one statement is much
    longer)."""
    products = [X[:, i] * X[:, j] for i, j in itertools.combinations(range(X.shape[1]), 2)]
    return np.column_stack([X, *products]) if products else X


@dataclass(frozen=True)
class Pairwise:
    """A logistic regression over the judge's features and their pairwise products
    (``pairwise``)."""

    linear: LinearModel

    def predict_positive(self, X: np.ndarray) -> np.ndarray:
        return self.linear.predict_positive(pairwise(X))

    def as_dict(self) -> dict[str, Any]:
        return self.linear.as_dict()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Pairwise:
        return cls(LinearModel.from_dict(data))


@dataclass(frozen=True)
class Boosted:
    """Gradient-boosted trees over the judge's features (one raw score, a sigmoid on top),
    monotonic in each feature of ``JUDGED`` (``compare.train.DIRECTIONS``)."""

    trees: TreeEnsemble

    def predict_positive(self, X: np.ndarray) -> np.ndarray:
        return self.trees.predict_proba(X)[:, 1]

    def as_dict(self) -> dict[str, Any]:
        return self.trees.as_dict()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Boosted:
        return cls(TreeEnsemble.from_dict(data))


# The kinds of model a judge may be, by the key of its stored form
MODELS = {"linear": LinearModel, "pairwise": Pairwise, "trees": Boosted}
Model = LinearModel | Pairwise | Boosted


@dataclass(frozen=True)
class Judge:
    model: Model
    threshold: float
    metadata: dict[str, Any]
    features: tuple[str, ...] = FIRST_FEATURES
    # the probability from which a pair whose main predicates agree links, below ``threshold``
    band: float = PREDICATE_BAND

    def probability(self, features: np.ndarray) -> np.ndarray:
        """P(one proposition) of pairs whose ``self.features`` are the rows of ``features``."""
        return self.model.predict_positive(features)

    def best_case(self, known: np.ndarray) -> np.ndarray:
        """The highest P(one proposition) pairs could get however they are judged: ``known``
        holds their features but those of ``JUDGED``, in ``self.features`` order; those are
        set to each corner of their ranges [0, 1] and the highest verdict taken. Every kind of
        judge is monotonic (trees) or linear (pairwise products: linear in each one alone) in
        each of them, so no value inside gives more."""
        judged = [k for k, name in enumerate(self.features) if name in JUDGED]
        known_columns = [k for k in range(len(self.features)) if k not in judged]
        best = np.zeros(len(known))
        for corner in itertools.product((0.0, 1.0), repeat=len(judged)):
            rows = np.empty((len(known), len(self.features)))
            rows[:, known_columns] = known
            rows[:, judged] = corner
            best = np.maximum(best, self.probability(rows))
        return best

    @property
    def parsed(self) -> bool:
        """Does the judge read the parse of the statements it judges?"""
        return bool(PARSED & set(self.features))

    def as_dict(self) -> dict[str, Any]:
        kind = next(key for key, kind in MODELS.items() if isinstance(self.model, kind))
        return {"features": list(self.features), kind: self.model.as_dict(),
                "threshold": self.threshold, "band": self.band, "metadata": self.metadata}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Judge:
        unknown = set(data["features"]) - set(JUDGE_FEATURES)
        if unknown:
            raise ModelError(f"the in-cluster judge weighs features newsprism does not know "
                             f"({', '.join(sorted(unknown))}); relearn it with "
                             "`python -m newsprism.compare.train`")
        kind = next(key for key in MODELS if key in data)
        return cls(MODELS[kind].from_dict(data[kind]), float(data["threshold"]),
                   dict(data.get("metadata", {})), tuple(data["features"]),
                   float(data.get("band", PREDICATE_BAND)))


@cache
def load_judge() -> Judge | None:
    """The shipped judge, or None before one has been learned (the relation model decides)."""
    path = resources.files("newsprism.compare").joinpath(ARTIFACT)
    if not path.is_file():
        return None
    return Judge.from_dict(json.loads(path.read_text(encoding="utf-8")))
