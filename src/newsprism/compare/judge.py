"""The in-cluster judge: do two candidate statements of one cluster assert one proposition?

The relation model learned "same fact" on curated pairs (MRPC, STS-B) where near misses are rare.
Inside a cluster nearly every pair is a near miss on one topic, with the same names, places and
units, and its probability alone corroborates "walked off the job" with "returned to work". The
judge weighs it together with the pair's evidence in its cluster (``JUDGE_FEATURES``): how much
of what each statement says beyond its names the other says too, whether they share an actor or
a figure, how alike their lengths are. It is a logistic regression learned on the tune half of
the judged gold set (``python -m newsprism.compare.train``), with its threshold set for
precision: a false corroboration is worse than a missed one. Thresholds are compared on claims
out of fold (``bench/judge_cv.py``), never on pairs: claims group pairs. The held-out half is
never seen.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from newsprism.errors import ModelError
from newsprism.relation.model import LinearModel

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


@dataclass(frozen=True)
class Judge:
    linear: LinearModel
    threshold: float
    metadata: dict[str, Any]
    features: tuple[str, ...] = FIRST_FEATURES
    # the probability from which a pair whose main predicates agree links, below ``threshold``
    band: float = PREDICATE_BAND

    def probability(self, features: np.ndarray) -> np.ndarray:
        """P(one proposition) of pairs whose ``self.features`` are the rows of ``features``."""
        return self.linear.predict_positive(features)

    def best_case(self, known: np.ndarray) -> np.ndarray:
        """The highest P(one proposition) pairs could get however they are judged: ``known``
        holds their features but those of ``JUDGED``, in ``self.features`` order; each of those
        is set to the end of its range [0, 1] the judge weighs up (a linear judge gives no more
        for any other value)."""
        columns, rows = iter(known.T), len(known)
        extreme = [np.full(rows, float(self.linear.coef[k] > 0)) if name in JUDGED
                   else next(columns) for k, name in enumerate(self.features)]
        return self.probability(np.column_stack(extreme))

    @property
    def parsed(self) -> bool:
        """Does the judge read the parse of the statements it judges?"""
        return bool(PARSED & set(self.features))

    def as_dict(self) -> dict[str, Any]:
        return {"features": list(self.features), "linear": self.linear.as_dict(),
                "threshold": self.threshold, "band": self.band, "metadata": self.metadata}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Judge:
        unknown = set(data["features"]) - set(JUDGE_FEATURES)
        if unknown:
            raise ModelError(f"the in-cluster judge weighs features newsprism does not know "
                             f"({', '.join(sorted(unknown))}); relearn it with "
                             "`python -m newsprism.compare.train`")
        return cls(LinearModel.from_dict(data["linear"]), float(data["threshold"]),
                   dict(data.get("metadata", {})), tuple(data["features"]),
                   float(data.get("band", PREDICATE_BAND)))


@cache
def load_judge() -> Judge | None:
    """The shipped judge, or None before one has been learned (the relation model decides)."""
    path = resources.files("newsprism.compare").joinpath(ARTIFACT)
    if not path.is_file():
        return None
    return Judge.from_dict(json.loads(path.read_text(encoding="utf-8")))
