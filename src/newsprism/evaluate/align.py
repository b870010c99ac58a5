"""``newsprism eval align``: run the relation model on text pairs and score it against gold labels.

Input lines are ``{"id", "a", "b"}`` (for stance, ``a`` is the claim and ``b`` the other text);
output lines ``{"id", "label", "score"}``. Pairs go through ``RelationModel.same_fact`` and
``RelationModel.stance``, the calls the compare stage makes, in batches.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np

from newsprism.errors import InputError
from newsprism.relation.scores import same_fact_scores, stance_scores

Task = Literal["same", "stance"]
BATCH_SIZE = 256


@dataclass(frozen=True)
class Pair:
    id: str
    a: str
    b: str


@dataclass
class AlignReport:
    """What ``align_pairs`` did: lines written, one message per bad line, gold scores if any."""

    written: int = 0
    problems: list[str] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)
    scored: int = 0  # predictions that had a gold label


def read_jsonl(
    path: Path, fields: Sequence[str]
) -> Iterator[tuple[str, dict[str, Any] | InputError]]:
    """``(file:line, object)`` for each line of a JSONL file holding ``fields``; a bad line
    gives an ``InputError`` naming ``file:line`` instead, so the caller reports it and goes on."""
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                yield where, InputError(where, f"not JSON ({exc.msg})")
                continue
            if not isinstance(item, dict):
                yield where, InputError(where, "expected a JSON object")
                continue
            missing = [f for f in fields if f not in item]
            if missing:
                yield where, InputError(where, f"missing field {', '.join(map(repr, missing))}")
                continue
            yield where, item


def read_pairs(path: Path, report: AlignReport) -> list[Pair]:
    pairs = []
    for where, item in read_jsonl(path, ("id", "a", "b")):
        if isinstance(item, InputError):
            report.problems.append(str(item))
        elif not all(isinstance(item[k], str) and item[k].strip() for k in ("a", "b")):
            report.problems.append(f"{where}: 'a' and 'b' must be non-empty strings")
        else:
            pairs.append(Pair(str(item["id"]), item["a"], item["b"]))
    return pairs


def read_gold(path: Path, task: Task, report: AlignReport) -> dict[str, Any]:
    from newsprism.relation.model import STANCES

    gold: dict[str, Any] = {}
    for where, item in read_jsonl(path, ("id", "label")):
        if isinstance(item, InputError):
            report.problems.append(str(item))
            continue
        label = item["label"]
        if task == "same" and label in (True, False, 0, 1, "true", "false", "0", "1"):
            gold[str(item["id"])] = label in (True, 1, "true", "1")
        elif task == "stance" and label in STANCES:
            gold[str(item["id"])] = label
        else:
            report.problems.append(f"{where}: bad {task} label {label!r}")
    return gold


def predict_batch(pairs: Sequence[Pair], task: Task) -> list[dict[str, Any]]:
    """Labels and scores of one batch, from the same model calls the compare stage makes."""
    from newsprism.relation.model import STANCES, load_relation_model

    model = load_relation_model()
    a, b = [p.a for p in pairs], [p.b for p in pairs]
    if task == "same":
        probs = model.same_fact(a, b)
        return [{"id": p.id, "label": bool(s >= model.same_fact_threshold),
                 "score": round(float(s), 4)} for p, s in zip(pairs, probs, strict=True)]
    probs = model.stance(a, b)
    best = probs.argmax(axis=1)
    return [{"id": p.id, "label": STANCES[k], "score": round(float(row[k]), 4)}
            for p, k, row in zip(pairs, best, probs, strict=True)]


def align_pairs(pairs_path: Path, task: Task, out_path: Path, gold_path: Path | None = None,
                batch_size: int = BATCH_SIZE) -> AlignReport:
    """Predict every pair of ``pairs_path`` into ``out_path``; score against ``gold_path``."""
    from rich.progress import Progress

    if task not in ("same", "stance"):
        raise ValueError(f"unknown task {task!r}: use 'same' or 'stance'")
    report = AlignReport()
    pairs = read_pairs(pairs_path, report)
    predictions: dict[str, Any] = {}
    with out_path.open("w", encoding="utf-8") as out, Progress(transient=True) as progress:
        bar = progress.add_task(f"{task} pairs", total=len(pairs))
        for begin in range(0, len(pairs), batch_size):
            batch = pairs[begin : begin + batch_size]
            for line in predict_batch(batch, task):
                out.write(json.dumps(line) + "\n")
                predictions[line["id"]] = line["label"]
            report.written += len(batch)
            progress.advance(bar, len(batch))
    if gold_path is not None:
        gold = read_gold(gold_path, task, report)
        ids = [i for i in predictions if i in gold]
        report.scored = len(ids)
        if ids:
            truth, guess = [gold[i] for i in ids], [predictions[i] for i in ids]
            report.scores = (same_fact_scores(np.array(truth), np.array(guess)) if task == "same"
                             else stance_scores(truth, guess))
    return report
