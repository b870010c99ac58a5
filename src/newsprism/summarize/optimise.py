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

The selection must not depend on how busy the machine is, so the solver's work is bounded, never
its wall time: HiGHS explores at most ``NODE_LIMIT`` branch-and-bound nodes (its root work is a
deterministic function of the instance). A time limit made two runs of one cluster choose
different extracts on a loaded host, and on big instances returned a near-empty summary. When
the node limit stops the search, the better of HiGHS's best solution and a greedy one is kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix

# Real clusters (MultiLing 2011, Multi-News, 100 and 250 words: up to 301 candidates) need at
# most 32 nodes to prove the optimum; the limit only bounds pathological instances.
NODE_LIMIT = 1000


@dataclass(frozen=True)
class Selection:
    """One selection problem. ``words[j]`` is candidate j's length, ``groups[j]`` its sentence,
    ``concepts[j]`` the concept indices it covers, ``bonus[j]`` its own value; ``weights[i]`` is
    concept i's; ``conflicts`` are pairs of sentences that may not both appear."""

    words: Sequence[int]
    groups: Sequence[int]
    concepts: Sequence[Sequence[int]]
    weights: np.ndarray
    bonus: np.ndarray
    conflicts: Sequence[tuple[int, int]]
    budget: int

    def value(self, chosen: Sequence[int]) -> float:
        """The objective of a selection: its bonuses and each concept it covers, once."""
        covered = {i for j in chosen for i in self.concepts[j]}
        return float(sum(self.bonus[j] for j in chosen) + sum(self.weights[i] for i in covered))


def select_extracts(problem: Selection, node_limit: int = NODE_LIMIT) -> list[int]:
    """Indices of the chosen candidates; ``node_limit`` bounds the branch-and-bound search."""
    words, groups, concepts = problem.words, problem.groups, problem.concepts
    weights, bonus, budget = problem.weights, problem.bonus, problem.budget
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
    for s, t in problem.conflicts:
        add_row([(j, 1.0) for j in members.get(s, []) + members.get(t, [])], 1.0)

    matrix = coo_matrix((vals, (rows, cols)), shape=(len(lower), n + m)).tocsr()
    result = milp(
        c=-np.concatenate([bonus, weights]),
        constraints=LinearConstraint(matrix, lower, upper),
        integrality=np.concatenate([np.ones(n), np.zeros(m)]),  # concepts are integral at optimum
        bounds=Bounds(0, 1),
        options={"node_limit": node_limit},
    )
    chosen = [] if result.x is None else [j for j in range(n) if result.x[j] > 0.5]
    while sum(words[j] for j in chosen) > budget:  # guard against solver tolerances: exact
        chosen.remove(min(chosen, key=lambda j: result.x[j]))
    if result.status == 0:  # proven optimal
        return chosen
    return max(chosen, greedy_extracts(problem), key=problem.value)


def greedy_extracts(problem: Selection) -> list[int]:
    """The same constraints, filled greedily by gain per word (ties to the earlier candidate),
    or the best single candidate if that is worth more: the budgeted maximum coverage greedy
    (Khuller et al. 1999), O(n²) work, used when the solver stops before proving its optimum."""
    words, groups, concepts = problem.words, problem.groups, problem.concepts
    rivals: dict[int, set[int]] = {}
    for s, t in problem.conflicts:
        rivals.setdefault(s, set()).add(t)
        rivals.setdefault(t, set()).add(s)
    chosen: list[int] = []
    covered: set[int] = set()
    used_groups: set[int] = set()
    left = problem.budget

    def gain(j: int) -> float:
        fresh = set(concepts[j]) - covered
        return float(problem.bonus[j] + sum(problem.weights[i] for i in fresh))

    while True:
        open_ = [j for j in range(len(words))
                 if 0 < words[j] <= left and groups[j] not in used_groups
                 and not rivals.get(groups[j], set()) & used_groups and gain(j) > 0]
        if not open_:
            break
        best = max(open_, key=lambda j: (gain(j) / words[j], -j))
        chosen.append(best)
        covered.update(concepts[best])
        used_groups.add(groups[best])
        left -= words[best]
    singles = [[j] for j in range(len(words)) if 0 < words[j] <= problem.budget]
    return max([chosen, *singles], key=problem.value)
