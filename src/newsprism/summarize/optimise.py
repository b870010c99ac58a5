"""Choose the extracts: maximum weighted concept coverage within a word budget, as an integer
linear program (Gillick & Favre 2009) solved exactly by HiGHS through scipy.

    maximise    sum_i w_i c_i + sum_j b_j x_j
    subject to  sum_j words_j x_j <= budget
                c_i <= sum_{j covers i} x_j            a concept counts once, if some extract has it
                sum_{j of sentence s} x_j <= 1         one form (whole or trimmed) per sentence
                x_s + x_t <= 1                         for sentences s, t that say the same thing

Counting each concept once is what keeps redundancy out of the objective; the pair constraints
catch paraphrases whose bigrams differ. ``b_j`` carries the small position prior and the
corroboration signal.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix

# The summary must take at most 1 s for ten articles; on the largest clusters the exact optimum
# can take longer, and HiGHS then returns its best solution so far.
TIME_LIMIT = 0.5  # seconds


def select_extracts(
    words: Sequence[int],
    groups: Sequence[int],
    concepts: Sequence[Sequence[int]],
    weights: np.ndarray,
    bonus: np.ndarray,
    conflicts: Sequence[tuple[int, int]],
    budget: int,
) -> list[int]:
    """Indices of the chosen candidates. ``groups[j]`` is candidate j's sentence, ``concepts[j]``
    the concept indices it covers, ``conflicts`` pairs of sentences that may not both appear."""
    n, m = len(words), len(weights)
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    lower: list[float] = []
    upper: list[float] = []

    def add_row(entries: list[tuple[int, float]], high: float, low: float = -np.inf) -> None:
        row = len(lower)
        for col, val in entries:
            rows.append(row)
            cols.append(col)
            vals.append(val)
        lower.append(low)
        upper.append(high)

    add_row([(j, float(w)) for j, w in enumerate(words)], budget)
    covering: list[list[tuple[int, float]]] = [[(n + i, 1.0)] for i in range(m)]
    for j, found in enumerate(concepts):
        for i in found:
            covering[i].append((j, -1.0))
    for entries in covering:
        add_row(entries, 0.0)
    members: dict[int, list[int]] = {}
    for j, group in enumerate(groups):
        members.setdefault(group, []).append(j)
    for js in members.values():
        if len(js) > 1:
            add_row([(j, 1.0) for j in js], 1.0)
    for s, t in conflicts:
        add_row([(j, 1.0) for j in members.get(s, []) + members.get(t, [])], 1.0)

    matrix = coo_matrix((vals, (rows, cols)), shape=(len(lower), n + m)).tocsr()
    result = milp(
        c=-np.concatenate([bonus, weights]),
        constraints=LinearConstraint(matrix, lower, upper),
        integrality=np.concatenate([np.ones(n), np.zeros(m)]),  # concepts are integral at optimum
        bounds=Bounds(0, 1),
        options={"time_limit": TIME_LIMIT},
    )
    if result.x is None:
        return []
    chosen = [j for j in range(n) if result.x[j] > 0.5]
    while sum(words[j] for j in chosen) > budget:  # guard against solver tolerances: exact
        chosen.remove(min(chosen, key=lambda j: result.x[j]))
    return chosen
