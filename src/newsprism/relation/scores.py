"""How the relation model is scored against gold labels: by ``newsprism eval align`` and by
its training (``relation/train.py``), one definition for both."""

from __future__ import annotations

from collections.abc import Sequence

RELATED = ("agree", "disagree", "discuss")


def same_fact_scores(gold: Sequence[bool], predicted: Sequence[bool]) -> dict[str, float]:
    """Accuracy and F1 of the positive class (the MRPC protocol), in percent."""
    from sklearn.metrics import accuracy_score, f1_score

    return {"accuracy": round(100 * accuracy_score(gold, predicted), 2),
            "f1": round(100 * f1_score(gold, predicted), 2)}


def fnc_score(gold: Sequence[str], predicted: Sequence[str],
              weights: Sequence[float] | None = None) -> float:
    """The FNC-1 weighted score in percent of the best possible: 0.25 for telling related from
    unrelated, 0.75 more for the exact stance of a related pair. ``weights``: how much each pair
    counts (1 each by default)."""
    score = best = 0.0
    for g, p, w in zip(gold, predicted, weights or [1.0] * len(gold), strict=True):
        best += w * (1.0 if g in RELATED else 0.25)
        if g == p:
            score += w * (0.25 + (0.5 if g in RELATED else 0.0))
        if g in RELATED and p in RELATED:
            score += w * 0.25
    return 100 * score / best if best else 0.0


def stance_scores(gold: Sequence[str], predicted: Sequence[str],
                  weights: Sequence[float] | None = None) -> dict[str, float]:
    """FNC-1 weighted score, accuracy and macro-F1 over the four stances, in percent; ``weights``:
    how much each pair counts."""
    from sklearn.metrics import accuracy_score, f1_score

    from newsprism.relation.model import STANCES

    return {"fnc_score": round(fnc_score(gold, predicted, weights), 2),
            "accuracy": round(100 * accuracy_score(gold, predicted, sample_weight=weights), 2),
            "macro_f1": round(100 * f1_score(gold, predicted, labels=STANCES, average="macro",
                                             sample_weight=weights, zero_division=0), 2)}
