"""The extract selection: the same choice however busy the machine, bounded work, and a greedy
fallback that keeps the constraints."""

from __future__ import annotations

import multiprocessing
import os

import numpy as np

from newsprism.summarize.optimise import Selection, greedy_extracts, select_extracts


def random_instance(candidates: int, concepts: int, seed: int, budget: int) -> Selection:
    """Random concepts per candidate make a far harder ILP than real clusters (which HiGHS
    solves at the root): this one needs branching, and about 0.5 s of one core."""
    rng = np.random.default_rng(seed)
    return Selection(
        words=rng.integers(10, 40, candidates).tolist(),
        groups=list(range(candidates)),
        concepts=[sorted(set(rng.integers(0, concepts, 12).tolist())) for _ in range(candidates)],
        weights=rng.random(concepts) * 3,
        bonus=rng.random(candidates),
        conflicts=[tuple(sorted(rng.choice(candidates, 2, replace=False).tolist()))
                   for _ in range(candidates // 4)],
        budget=budget,
    )


HARD = random_instance(40, 80, seed=0, budget=100)


def assert_feasible(chosen: list[int], problem: Selection) -> None:
    assert sum(problem.words[j] for j in chosen) <= problem.budget
    groups = [problem.groups[j] for j in chosen]
    assert len(groups) == len(set(groups))
    for s, t in problem.conflicts:
        assert not (s in groups and t in groups)


def _burn() -> None:
    while True:
        pass


def test_the_selection_is_the_same_when_the_machine_is_busy() -> None:
    idle = select_extracts(HARD)
    burners = [multiprocessing.Process(target=_burn, daemon=True)
               for _ in range(os.cpu_count() or 1)]
    for burner in burners:
        burner.start()
    try:
        busy = select_extracts(HARD)
    finally:
        for burner in burners:
            burner.terminate()
            burner.join()
    assert busy == idle


def test_the_node_limit_bounds_the_search_and_keeps_a_feasible_selection() -> None:
    exact = select_extracts(HARD)
    stopped = select_extracts(HARD, node_limit=1)
    assert_feasible(stopped, HARD)
    scored = [HARD.value(c) for c in (exact, stopped, greedy_extracts(HARD))]
    assert scored[0] >= scored[1] >= scored[2] > 0
    assert select_extracts(HARD, node_limit=1) == stopped


def test_greedy_keeps_budget_sentences_and_conflicts() -> None:
    chosen = greedy_extracts(HARD)
    assert chosen
    assert_feasible(chosen, HARD)


def test_greedy_takes_one_rich_candidate_over_cheap_crumbs() -> None:
    # Two cheap candidates have the better ratio, but leave no room for the one worth most.
    problem = Selection(words=[10, 10, 100], groups=[0, 1, 2], concepts=[[0], [1], [2]],
                    weights=np.array([1.0, 1.0, 50.0]), bonus=np.zeros(3), conflicts=[],
                    budget=100)
    assert greedy_extracts(problem) == [2]
    assert select_extracts(problem) == [2]


def test_a_concept_counts_once_and_conflicting_sentences_are_not_both_taken() -> None:
    problem = Selection(words=[10, 10, 10], groups=[0, 0, 1], concepts=[[0, 1], [0], [0]],
                    weights=np.array([5.0, 1.0]), bonus=np.zeros(3), conflicts=[(0, 1)],
                    budget=100)
    assert greedy_extracts(problem) == [0]
    assert select_extracts(problem) == [0]
