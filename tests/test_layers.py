"""The package's layering, read from the source: no import cycle, stage code does not reach
the store, training code does not reach the evaluation harness.

Every ``import``/``from ... import`` of ``newsprism.*`` counts, wherever it stands: at the top,
inside a function (the lazy imports that keep start-up fast) or under ``TYPE_CHECKING``. A lazy
import only delays a dependency; a cycle through one is still two modules that each need the
other. The parent packages Python imports on the way to a module are not counted (that is how
packages work, not a choice of the importing module): ``from newsprism.store import Store`` is
an edge to ``newsprism.store``, ``from newsprism.store.database import now_iso`` one to
``newsprism.store.database`` only.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"

# Stage code: what a briefing is made of, run on articles whether or not a corpus exists.
STAGES = ("newsprism.dedup", "newsprism.compare", "newsprism.stories")
STORE_HOOKS = {"newsprism.stories.persist"}  # the stories stage's hook into the store
# A training module that still reads the evaluation harness, and why. Each entry must still be
# true (the test fails on a stale one), so the list only shrinks.
TRAINING_READS_EVALUATE = {
    # The judged gold set's reader (load_gold with its span matching, read_clusters through
    # compare_clusters' ingest) is the harness's own format; moving it is a change of its own.
    ("newsprism.compare.train", "newsprism.evaluate.compare"),
}


def module_files(src: Path = SRC) -> dict[str, Path]:
    """Module name -> file, for every module of the ``newsprism`` package."""
    modules = {}
    for path in sorted((src / "newsprism").rglob("*.py")):
        parts = list(path.relative_to(src).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def imported_modules(name: str, path: Path, known: Mapping[str, Path]) -> set[str]:
    """The ``newsprism`` modules that ``name`` imports anywhere in its file."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the package, up level - 1
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*up, base] if base else up)
            # ``from pkg import sub`` imports the module ``pkg.sub``; else a name of ``pkg``.
            found.update(f"{base}.{a.name}" if f"{base}.{a.name}" in known else base
                         for a in node.names)
    return {m for m in found if m in known and m != name}


def import_graph(src: Path = SRC) -> dict[str, set[str]]:
    modules = module_files(src)
    return {name: imported_modules(name, path, modules) for name, path in modules.items()}


def find_cycles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """One cycle (``[a, b, ..., a]``) per strongly connected group of modules (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1 or node in graph.get(node, ()):
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return [_cycle_in(set(group), graph) for group in groups]


def _cycle_in(group: set[str], graph: Mapping[str, set[str]]) -> list[str]:
    """A path from the group's first module back to itself, inside the group (breadth first,
    so the shortest)."""
    start = min(group)
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        node = frontier.pop(0)
        for nxt in sorted(graph[node] & group):
            if nxt == start:
                return [*paths[node], start]
            if nxt not in paths:
                paths[nxt] = [*paths[node], nxt]
                frontier.append(nxt)
    raise AssertionError(f"no cycle in the group {sorted(group)}")  # Tarjan's groups have one


def _under(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def edges(graph: Mapping[str, set[str]]) -> Iterator[tuple[str, str]]:
    for source, targets in graph.items():
        for target in targets:
            yield source, target


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    return import_graph()


def test_the_walk_sees_top_level_lazy_and_relative_imports(tmp_path: Path) -> None:
    package = tmp_path / "newsprism"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from newsprism.sub import b\n")
    (package / "sub" / "__init__.py").write_text("from . import b\n")
    (package / "sub" / "b.py").write_text("def f():\n    from newsprism import a\n")
    found = import_graph(tmp_path)
    assert found == {"newsprism": set(), "newsprism.a": {"newsprism.sub.b"},
                     "newsprism.sub": {"newsprism.sub.b"}, "newsprism.sub.b": {"newsprism.a"}}
    assert find_cycles(found) == [["newsprism.a", "newsprism.sub.b", "newsprism.a"]]


def test_the_cycle_finder_names_each_cycle_once_and_passes_a_tree() -> None:
    looped = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"e"}}
    assert find_cycles(looped) == [["a", "b", "c", "a"], ["e", "e"]]
    assert find_cycles({"a": {"b", "c"}, "b": {"c"}, "c": set()}) == []


def test_no_module_imports_itself_back(graph: dict[str, set[str]]) -> None:
    cycles = find_cycles(graph)
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)


def test_stage_code_does_not_import_the_store(graph: dict[str, set[str]]) -> None:
    reach = sorted(
        f"{source} -> {target}" for source, target in edges(graph)
        if _under(source, STAGES) and source not in STORE_HOOKS
        and _under(target, ("newsprism.store",))
    )
    assert not reach, "stage code importing the store: " + "; ".join(reach)


def test_training_code_does_not_import_the_evaluation_harness(
    graph: dict[str, set[str]],
) -> None:
    reads = {
        (source, target) for source, target in edges(graph)
        if source.endswith(".train") and _under(target, ("newsprism.evaluate",))
    }
    assert not reads - TRAINING_READS_EVALUATE, f"training importing evaluate: {sorted(reads)}"
    assert not TRAINING_READS_EVALUATE - reads, "an exception no longer needed: remove it"
