"""Where same-fact recall is lost: every gold ``same`` pair of the tune half, by the stage of
compare that lost it.

    PYTHONPATH=src OMP_NUM_THREADS=1 nice -n 10 python bench/recall_stages.py \
        /tmp/clusters.jsonl --gold bench/compare_gold/judgments [--cache /tmp/judge-cv] \
        [--pairs /tmp/missed.jsonl]

``/tmp/clusters.jsonl``: the gold set's clusters exported as ``bench/judge_cv.py`` says.

Each tune cluster is briefed with the shipped judge (analyses cached as ``bench/judge_cv.py``
caches them) and each gold ``same`` pair of two outlets is followed through compare: no statement
holds a span; never proposed (neither statement is the other's best match in its article); proposed
but never judgeable (too far apart, sharing only names, actors that clash, blocked: other figures,
remarks, times, days, or the parse's denial or swapped roles); pruned before the relation model
(``align.could_link``); judged below the predicate band; in the band with predicates differing; one
hedged and the other not; linked but split by grouping; or joined into a claim that is not
corroborated; "taken" are linked pairs split because one side's claim already holds another
statement of the other's article. A pair is "summing" when one side is gold ``same`` with two or
more statements of the other's article (a lead that sums up several of its facts); a second table
gives those pairs' stages, and a third why the "not proposed" ones were not (``unproposed``: what
each side's best match in the other's article is by the gold) and where they would stop if proposed
(``refused_at``). Printed per cluster, per corpus and per cohort (the first selection's clusters,
judged pair by pair as the held-out half was, against the audits' clusters, whose ``same`` pairs
are mostly claims a system made). Only the tune half is read. ``--pairs`` writes the missed pairs'
texts and evidence for reading (with each pair's rank among the first's matches and how far it
falls short of either side's best match).
"""

from __future__ import annotations

import argparse
import json
import pickle
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from judge_cv import COHORTS, CachedAssertions, CachedEncoder, CachedRelation, analysed
from newsprism.compare import align, pair_evidence
from newsprism.evaluate.compare import (
    load_gold,
    loc,
    one_outlet,
    overlaps,
    read_clusters,
    shown_by,
)

STAGES = ("shown", "no statement", "not proposed", "too far", "names only", "actors clash",
          "blocked", "roles/negation", "pruned", "below band", "predicates differ", "hedged",
          "split", "taken", "not corroborated")


def cohort(cluster: str) -> str:
    return next((name for name, members in COHORTS.items() if cluster in members), "audits")


def stage_of(i: int | None, j: int | None, evidence: align.PairEvidence,
             groups: list[list[int]], shown: bool) -> str:
    """The stage of compare that lost the pair of statements ``i``, ``j`` (or "shown")."""
    if shown:
        return "shown"
    if i is None or j is None or evidence.docs[i] == evidence.docs[j]:
        return "no statement"
    if any(i in g and j in g for g in groups):
        return "not corroborated"
    if evidence.linked(i, j, evidence.mutual(i, j)):
        return "taken" if taken(i, j, evidence, groups) else "split"
    if evidence.best.get((i, evidence.docs[j])) != j and \
            evidence.best.get((j, evidence.docs[i])) != i:
        return "not proposed"
    return refused_at(i, j, evidence)


def refused_at(i: int, j: int, evidence: align.PairEvidence) -> str:
    """The stage at which a proposed pair that does not link is refused."""
    if not evidence.candidate(i, j):
        return "too far"
    if evidence.lexical[i, j] < align.CORE_WORDS and not evidence.nearest_both(i, j):
        return "names only"
    if evidence.names.clash(i, j):
        return "actors clash"
    if evidence.blocked[i, j]:
        parsed = i in evidence.asserted and j in evidence.asserted
        return "roles/negation" if parsed and evidence.verdict[i, j] >= evidence.band \
            else "blocked"
    if not evidence.same_fact[i, j] and not evidence.verdict[i, j]:
        return "pruned"
    if not evidence.as_firmly(i, j) and evidence.verdict[i, j] >= evidence.band:
        return "hedged"
    if evidence.verdict[i, j] < evidence.band:
        return "below band"
    return "predicates differ"


def taken(i: int, j: int, evidence: align.PairEvidence, groups: list[list[int]]) -> bool:
    """Does the claim of ``i`` already hold another statement of ``j``'s article, or the other
    way round?"""
    group_of = {k: g for g in groups for k in g}
    return any(evidence.docs[k] == evidence.docs[other] and k != other
               for one, other in ((i, j), (j, i)) for k in group_of.get(one, ()))


def summing(pairs: list[tuple[int | None, int | None]], docs: tuple[str, ...]
            ) -> list[bool]:
    """For each gold same pair of statements: is one side gold same with two or more
    statements of the other's article?"""
    held: dict[tuple[int, str], set[int]] = {}
    for i, j in pairs:
        if i is not None and j is not None:
            held.setdefault((i, docs[j]), set()).add(j)
            held.setdefault((j, docs[i]), set()).add(i)
    return [i is not None and j is not None and (len(held[(i, docs[j])]) > 1
                                                 or len(held[(j, docs[i])]) > 1)
            for i, j in pairs]


def unproposed(i: int, j: int, evidence: align.PairEvidence,
               labels: dict[tuple[int, int], str]) -> str:
    """Why a gold same pair that neither side proposes was not: each side's best match in the
    other's article is gold ``same`` with it too (the article tells the fact twice, or a lead
    sums it up), gold ``different`` (a near miss ranked first), or neither by the gold."""
    found = {labels.get((min(a, b), max(a, b))) for a, b in
             ((i, evidence.best[(i, evidence.docs[j])]), (j, evidence.best[(j, evidence.docs[i])]))}
    if "same" in found:
        return "best told the fact too"
    return "best a near miss" if "different" in found else "bests neither same nor different"


def cluster_stages(item: dict[str, Any], analyses: list[Any], gold_path: Path,
                   missed: list[dict[str, Any]], why: Counter[str]
                   ) -> tuple[Counter[str], Counter[str]]:
    from newsprism.analyse import resolve_entities
    from newsprism.analyse.resolve import name_speakers
    from newsprism.compare import compare_articles
    from newsprism.embed import load_encoder

    entities = resolve_entities(m for a in analyses for m in a.mentions)
    quotes = name_speakers((q for a in analyses for q in a.quotes), entities)
    statements = [s for a in analyses for s in a.statements]
    encoder = load_encoder()
    embeddings = encoder.encode([s.text for s in statements])
    claims = compare_articles(analyses, quotes, embeddings, entities)
    evidence = pair_evidence(analyses, quotes, entities, embeddings,
                             encoder.encode([q.text for q in quotes]))
    groups = align.group_statements(statements, evidence, embeddings)
    articles = {a.article.id: a.article for a in analyses}
    gold = load_gold(gold_path, articles)
    where = [loc(s) for s in statements]
    corroborated = [c for c in claims if c.status == "corroborated"]

    def statement_at(at: tuple[str, int, int]) -> int | None:
        fit, index = max(((overlaps(at, w), n) for n, w in enumerate(where)), default=(0, None))
        return index if fit >= 0.5 else None

    stages: Counter[str] = Counter()
    sums: Counter[str] = Counter()
    outlets = {name: article.outlet for name, article in articles.items()}
    same = [pair for pair in gold.pairs
            if pair.label == "same" and not one_outlet(pair, outlets)]
    at = [(statement_at(pair.a), statement_at(pair.b)) for pair in same]
    labels = {}  # every gold pair of two outlets, by its statements
    for pair in gold.pairs:
        ends = sorted(k for k in (statement_at(pair.a), statement_at(pair.b)) if k is not None)
        if len(ends) == 2 and not one_outlet(pair, outlets):
            labels[(ends[0], ends[1])] = pair.label
    for pair, (i, j), sums_up in zip(same, at, summing(at, evidence.docs), strict=True):
        stage = stage_of(i, j, evidence, groups, shown_by(pair, corroborated))
        stages[stage] += 1
        sums[stage] += sums_up
        if stage != "shown" and i is not None and j is not None:
            if stage in ("pruned", "not proposed"):  # what the judge would have said
                align.judge(statements, embeddings, evidence, {(min(i, j), max(i, j))},
                            prune=False)
            if stage == "not proposed":
                proposed = "links" if evidence.linked(i, j, False) else refused_at(i, j, evidence)
                why[f"{unproposed(i, j, evidence, labels)}; if proposed: {proposed}"] += 1
            missed.append({"cluster": item["cluster"], "stage": stage, "summing": sums_up,
                           "a": statements[i].text, "b": statements[j].text,
                           "cosine": round(float(evidence.cosine[i, j]), 3),
                           "words": round(float(evidence.lexical[i, j]), 3),
                           "verdict": round(float(evidence.verdict[i, j]), 3),
                           "rank": rank_in(evidence, i, j), "gap": gap_in(evidence, i, j)})
    return stages, +sums


def rank_in(evidence: align.PairEvidence, i: int, j: int) -> int:
    """Where ``j`` stands among ``i``'s candidates in ``j``'s article by strength (0: best)."""
    docs = np.array(evidence.docs)
    members = np.flatnonzero(docs == docs[j])
    order = members[np.argsort(-evidence.strength[i, members])]
    return int(np.flatnonzero(order == j)[0])


def gap_in(evidence: align.PairEvidence, i: int, j: int) -> float:
    """How far the pair falls short in strength of the best match of either side in the
    other's article (0: one is the other's best)."""
    return round(min(float(evidence.strength[a, evidence.best[(a, evidence.docs[b])]]
                           - evidence.strength[a, b]) for a, b in ((i, j), (j, i))), 3)


def row(name: str, stages: Counter[str]) -> str:
    total = sum(stages.values())
    cells = " ".join(f"{stages.get(s, 0):>5}" for s in STAGES)
    return f"{name:<22} {total:>5} {100 * stages['shown'] / max(total, 1):5.1f}% {cells}"


def print_table(by_cluster: dict[tuple[str, str], Counter[str]]) -> None:
    short = [s[:5] for s in STAGES]
    print(f"{'cluster':<22} {'gold':>5} {'R':>6} " + " ".join(f"{s:>5}" for s in short))
    for (_, cluster), stages in sorted(by_cluster.items()):
        print(row(f"{cluster} ({cohort(cluster)})", stages))
    for label, key in (("corpus", lambda c: c[0]), ("cohort", lambda c: cohort(c[1]))):
        totals: dict[str, Counter[str]] = {}
        for name, stages in by_cluster.items():
            totals.setdefault(key(name), Counter()).update(stages)
        for name, stages in sorted(totals.items()):
            print(row(f"{label} {name}", stages))
    print(row("all", sum(by_cluster.values(), Counter())))


def main(argv: Sequence[str] | None = None) -> None:
    from newsprism import embed
    from newsprism.compare import predicates
    from newsprism.relation import load_relation_model

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("clusters", type=Path)
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/judge-cv"))
    parser.add_argument("--pairs", type=Path, help="write the missed pairs here (JSONL)")
    args = parser.parse_args(argv)
    args.cache.mkdir(parents=True, exist_ok=True)
    relation, encoder = CachedRelation(load_relation_model()), CachedEncoder(embed.load_encoder())
    align.load_relation_model, embed.load_encoder = (lambda: relation), (lambda: encoder)
    parsed = CachedAssertions(predicates.assertions)
    align.assertions = parsed
    state = args.cache / "rows.pkl"  # model outputs remembered by bench/judge_cv.py
    if state.is_file():
        _, _, relation.memo, parsed.memo = pickle.loads(state.read_bytes())

    missed: list[dict[str, Any]] = []
    by_cluster: dict[tuple[str, str], Counter[str]] = {}
    summing_by_cluster: dict[tuple[str, str], Counter[str]] = {}
    why: Counter[str] = Counter()
    for item, articles in read_clusters(args.clusters, "tune"):
        key = (item["corpus"], item["cluster"])
        by_cluster[key], summing_by_cluster[key] = cluster_stages(
            item, analysed(item, articles, args.cache), args.gold, missed, why)
    print_table(by_cluster)
    print("\nof which summing (one side gold same with several of the other's statements):")
    print_table(summing_by_cluster)
    print("\nnot proposed, by what each side's best match in the other's article is:")
    for reason, count in why.most_common():
        print(f"  {reason:<70} {count:>5}")
    print("stages:", ", ".join(f"{s[:5]}={s}" for s in STAGES))
    if args.pairs:
        args.pairs.write_text("".join(json.dumps(m) + "\n" for m in missed), encoding="utf-8")


if __name__ == "__main__":
    main()
