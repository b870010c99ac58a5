"""Speed of the relation model against an embedding-cosine-only baseline, side by side.

    python bench/relation.py [--data ../shared/data/align_train] [--pairs 2000] [--stance-pairs 300]

Same fact: sentence pairs from MRPC train with their MiniLM vectors precomputed (as the compare
stage passes them): the baseline is the cosine of the two vectors, the model adds the
hand-built features and the boosted trees. Stance: FNC-1 headline/body pairs from raw text,
embedding included; the baseline embeds the sentences and takes the best cosine. Each figure is
reported with its ratio to the baseline; accuracy on these (training) pairs is shown for context.

Alignment (``--ecb``): the compare stage's statement alignment on ECB+ train/dev documents, each
subtopic (one real event, several outlets) as one briefing. A pair of annotated sentences from
two documents states the same fact when they mention one event of a cross-document chain. The
baseline is alignment without the relation model (mutual best matches with rare words, a figure
or very close meaning); compare adds the model's yes. Precision and recall are over each
annotated sentence's best match in every other document.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.compare.align import score_pairs
from newsprism.model import Span
from newsprism.relation import STANCES, load_relation_model
from newsprism.relation.features import profile_text, split_text
from newsprism.relation.train import read_fnc, read_mrpc

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "align_train"
ECB = DATA.parent / "ecbplus_traindev"


def timed(work: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter()
    result = work()
    return result, time.perf_counter() - started


def bench_same_fact(data: Path, n: int) -> None:
    model = load_relation_model()
    mrpc = read_mrpc(data)
    a, b, gold = mrpc.a[:n], mrpc.b[:n], mrpc.labels[:n].astype(bool)
    (emb_a, emb_b), embed_s = timed(lambda: (model.embed(a), model.embed(b)))
    cosine, base_s = timed(lambda: np.einsum("ij,ij->i", emb_a, emb_b))
    profile_text.cache_clear()  # the model's first call analyses every text
    probs, model_s = timed(lambda: model.same_fact(a, b, emb_a=emb_a, emb_b=emb_b))
    _, warm_s = timed(lambda: model.same_fact(a, b, emb_a=emb_a, emb_b=emb_b))
    relation, relate_s = timed(lambda: model.relate(a, b, emb_a=emb_a, emb_b=emb_b))
    base_acc = max(((cosine >= t) == gold).mean() for t in np.arange(0.3, 1.0, 0.01))
    model_acc = ((probs >= model.same_fact_threshold) == gold).mean()
    print(f"same fact, {n} MRPC train pairs, vectors precomputed "
          f"(embedding them took {embed_s:.1f} s, {2 * n / embed_s:.0f} sentences/s)")
    print(f"  baseline cosine only : {n / base_s:12,.0f} pairs/s  accuracy {base_acc:.3f} "
          "(best threshold on these pairs)")
    print(f"  same_fact, new texts   : {n / model_s:10,.0f} pairs/s  accuracy {model_acc:.3f}  "
          f"speed ratio {base_s / model_s:.4f}")
    print(f"  same_fact, texts seen  : {n / warm_s:10,.0f} pairs/s  "
          f"speed ratio {base_s / warm_s:.4f}  (the compare stage pairs each sentence many times)")
    print(f"  RelationModel.relate   : {n / relate_s:10,.0f} pairs/s  "
          f"speed ratio {base_s / relate_s:.4f}  "
          f"({int(relation.figure_conflict.sum())} figure conflicts)")


def bench_stance(data: Path, n: int) -> None:
    model = load_relation_model()
    fnc = read_fnc(data)
    rows = np.random.default_rng(0).choice(len(fnc.headlines), n, replace=False)
    claims = [fnc.headlines[i] for i in rows]
    texts = [" ".join(fnc.bodies[fnc.body_ids[i]]) for i in rows]
    gold = [STANCES[fnc.labels[i]] for i in rows]

    def baseline() -> np.ndarray:
        bodies = [split_text(t) for t in texts]
        vectors = dict(zip(*_unique_vectors(model, claims, bodies), strict=True))
        return np.array([max(float(vectors[c] @ vectors[s]) for s in body)
                         for c, body in zip(claims, bodies, strict=True)])

    best, base_s = timed(baseline)
    profile_text.cache_clear()
    probs, model_s = timed(lambda: model.stance(claims, texts))
    related = np.array([g != "unrelated" for g in gold])
    base_acc = max(((best >= t) == related).mean() for t in np.arange(0.1, 0.9, 0.01))
    model_acc = np.mean([STANCES[k] == g for k, g in zip(probs.argmax(axis=1), gold, strict=True)])
    print(f"stance, {n} FNC-1 train headline/body pairs, embedding included")
    print(f"  baseline best cosine : {n / base_s:8.1f} pairs/s  related-vs-unrelated accuracy "
          f"{base_acc:.3f} (best threshold on these pairs)")
    print(f"  RelationModel.stance : {n / model_s:8.1f} pairs/s  4-way accuracy {model_acc:.3f}  "
          f"speed ratio {base_s / model_s:.3f}")


def read_ecb_subtopics(ecb: Path) -> list[tuple[list[Span], list[bool], list[set[str]]]]:
    """Per subtopic: its sentences as statements, whether each is annotated, and the
    cross-document event chains each mentions."""
    chains: dict[tuple[str, int], set[str]] = defaultdict(set)
    for line in (ecb / "mentions.jsonl").open(encoding="utf-8"):
        m = json.loads(line)
        if m["type"] == "event" and not m["cluster_id"].startswith(("INTRA", "SINGLETON")):
            chains[(m["doc_id"], m["sentence_id"])].add(m["cluster_id"])
    subtopics: dict[str, list[dict]] = defaultdict(list)
    for line in (ecb / "documents.jsonl").open(encoding="utf-8"):
        doc = json.loads(line)
        subtopics[doc["subtopic"]].append(doc)
    result = []
    for docs in subtopics.values():
        rows = [(doc["doc_id"], sid, _detokenize(text), sid in doc["validated_sentence_ids"])
                for doc in docs for sid, text in zip(doc["sentence_ids"], doc["sentences"],
                                                     strict=True)]
        if len(docs) > 1:
            result.append(([Span(d, 0, len(t), t) for d, _, t, _ in rows],
                           [v for *_, v in rows], [chains[(d, sid)] for d, sid, *_ in rows]))
    return result


def _detokenize(text: str) -> str:
    text = re.sub(r"(?<=\w) - (?=\w)", "-", text)
    return re.sub(r" ([.,;:!?%)]|'s|n't)", r"\1", text).replace("`` ", "“").replace(" ''", "”")


def bench_alignment(ecb: Path) -> None:
    from dataclasses import replace

    model = load_relation_model()
    # per judge: linked and the same fact, linked, the same fact, pairs judged
    counts = {"baseline": np.zeros(4), "compare": np.zeros(4)}
    started = time.perf_counter()
    for statements, annotated, chains in read_ecb_subtopics(ecb):
        embeddings = model.embed([s.text for s in statements])
        n = len(statements)
        evidence = score_pairs(statements, embeddings, np.zeros((n, n), np.float32),
                               np.zeros((n, n), bool))
        without = replace(evidence, same_fact=np.zeros_like(evidence.same_fact))
        docs = np.array([s.doc for s in statements])
        best = evidence.best
        for (i, _), j in best.items():
            if not (annotated[i] and annotated[j]):
                continue
            mutual = best.get((j, docs[i])) == i
            same = bool(chains[i] & chains[j])
            for name, judged in (("baseline", without), ("compare", evidence)):
                linked = judged.linked(i, j, mutual)
                counts[name] += (linked and same, linked, same, 1)
    _, _, same, pairs = counts["compare"]
    print(f"alignment, ECB+ train/dev subtopics ({time.perf_counter() - started:.0f} s): "
          f"{int(same)} of {int(pairs)} annotated best matches state one event")
    for name, (hits, linked, same, _) in counts.items():
        print(f"  {name:8s}: precision {hits / linked:.3f}  recall {hits / same:.3f}  "
              f"(linked {int(linked)})")


def _unique_vectors(model: Any, claims: list[str], bodies: list[list[str]]) -> tuple[list, Any]:
    texts = list(dict.fromkeys([*claims, *(s for b in bodies for s in b)]))
    return texts, model.embed(texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--pairs", type=int, default=2000)
    parser.add_argument("--stance-pairs", type=int, default=300)
    parser.add_argument("--ecb", type=Path, default=ECB)
    args = parser.parse_args()
    if not args.data.is_dir():
        raise SystemExit(f"{args.data}: benchmark data not found (../shared beside the repository)")
    _, load_s = timed(load_relation_model)
    print(f"model load {load_s:.2f} s")
    bench_same_fact(args.data, args.pairs)
    bench_stance(args.data, args.stance_pairs)
    if args.ecb.is_dir():
        bench_alignment(args.ecb)


if __name__ == "__main__":
    main()
