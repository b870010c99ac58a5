"""The in-cluster judge: do two candidate statements of one cluster assert one proposition?

The relation model learned "same fact" on curated pairs (MRPC, STS-B) where near misses are rare.
Inside a cluster nearly every pair is a near miss on one topic, with the same names, places and
units, and its probability alone corroborates "walked off the job" with "returned to work". The
judge weighs it together with the pair's evidence in its cluster (``JUDGE_FEATURES``): how much
of what each statement says beyond its names the other says too, whether they share an actor or
a figure, how alike their lengths are. It is a logistic regression learned on the tune half of
the judged gold set (``python -m newsprism.compare.train``), with its threshold set for
precision: a false corroboration is worse than a missed one. The held-out half is never seen.
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

ARTIFACT = "judge-v1.json"  # learned weights and threshold (``compare.train``)
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
)


@dataclass(frozen=True)
class Judge:
    linear: LinearModel
    threshold: float
    metadata: dict[str, Any]

    def probability(self, features: np.ndarray) -> np.ndarray:
        return self.linear.predict_positive(features)

    def as_dict(self) -> dict[str, Any]:
        return {"features": list(JUDGE_FEATURES), "linear": self.linear.as_dict(),
                "threshold": self.threshold, "metadata": self.metadata}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Judge:
        if list(data["features"]) != list(JUDGE_FEATURES):
            raise ModelError("the in-cluster judge was learned on other features; relearn it "
                             "with `python -m newsprism.compare.train`")
        return cls(LinearModel.from_dict(data["linear"]), float(data["threshold"]),
                   dict(data.get("metadata", {})))


@cache
def load_judge() -> Judge | None:
    """The shipped judge, or None before one has been learned (the relation model decides)."""
    path = resources.files("newsprism.compare").joinpath(ARTIFACT)
    if not path.is_file():
        return None
    return Judge.from_dict(json.loads(path.read_text(encoding="utf-8")))
