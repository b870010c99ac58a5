"""Precision of the briefings' entities, timeline dates and figures against the reading
judgments of ``judgments.tsv`` (see README.md); items not judged yet are listed to be read.

    newsprism brief CLUSTER.jsonl --format json -o BRIEFINGS/CLUSTER.json   # for each cluster
    python bench/analysis_gold/score.py BRIEFINGS [CLUSTER ...]   # all judged clusters, or these
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

JUDGMENTS = Path(__file__).with_name("judgments.tsv")
TOP_ENTITIES = 15


def fields(kind: str, item: dict[str, Any]) -> str:
    if kind == "figures":
        return json.dumps([item["value"], item["unit"], item["counts"], item["role"]])
    if kind == "dates":
        return json.dumps([item["value"]])
    forms = {m["text"] for m in item["mentions"]}
    return json.dumps([item["type"], len(item["mentions"]), len(forms)])


def located(kind: str, item: dict[str, Any]) -> dict[str, Any]:
    """The item's place: an entity's first mention."""
    if kind == "entities":
        return min(item["mentions"], key=lambda m: (m["doc"], m["start"]))
    return item


def score(briefings: Path, only: Sequence[str] = ()) -> dict[str, list[int]]:
    with JUDGMENTS.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    verdicts = {(r["cluster"], r["kind"], r["doc"], int(r["start"]), int(r["end"]), r["fields"]):
                r["verdict"] for r in rows}
    totals: dict[str, list[int]] = {}
    for cluster in sorted(set(only) or {r["cluster"] for r in rows}):
        briefing = json.loads((briefings / f"{cluster}.json").read_text(encoding="utf-8"))
        order = {d["id"]: n for n, d in enumerate(briefing["documents"])}
        for kind in ("entities", "dates", "figures"):
            judged = [r for r in rows if r["cluster"] == cluster and r["kind"] == kind]
            if not judged:
                continue  # a cluster judged for its figures only (branch figures4)
            last = max((order[r["doc"]], int(r["start"])) for r in judged)
            items = briefing[kind][:TOP_ENTITIES] if kind == "entities" else [
                x for x in briefing[kind] if (order[x["doc"]], x["start"]) <= last]
            right = 0
            for item in items:
                at = located(kind, item)
                verdict = verdicts.get((cluster, kind, at["doc"], at["start"], at["end"],
                                        fields(kind, item)))
                right += verdict == "right"
                if verdict is None:
                    print("to judge:", cluster, kind, at["doc"], at["start"], at["end"],
                          fields(kind, item))
            total = totals.setdefault(kind, [0, 0])
            total[0] += right
            total[1] += len(items)
    return totals


if __name__ == "__main__":
    for kind, (right, n) in score(Path(sys.argv[1]), sys.argv[2:]).items():
        print(f"{kind}: {right}/{n} = {100 * right / max(n, 1):.1f}%")
