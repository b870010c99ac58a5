"""How a clustering is scored against gold stories: by ``newsprism eval cluster`` and by the
link model's training (``stories/train.py``), one definition for both."""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import numpy as np


def bcubed(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (Bagga & Baldwin 1998), averaged over items."""
    from sklearn.metrics.cluster import contingency_matrix

    if len(gold) != len(predicted) or not gold:
        raise ValueError("gold and predicted must be non-empty and of the same length")
    table = contingency_matrix(gold, predicted, sparse=True).tocoo()
    gold_sizes = np.bincount(table.row, weights=table.data)
    pred_sizes = np.bincount(table.col, weights=table.data)
    # Each of the n_ij items in cell (i, j) has precision n_ij/|pred_j| and recall n_ij/|gold_i|.
    squares = table.data.astype(np.float64) ** 2
    precision = float((squares / pred_sizes[table.col]).sum() / len(gold))
    recall = float((squares / gold_sizes[table.row]).sum() / len(gold))
    f1 = 2 * precision * recall / (precision + recall)
    return precision, recall, f1
