"""Story clustering: newsprism against a TF-IDF baseline, side by side, on the same streams.

    python bench/clusters.py ecbplus      # ECB+ train and dev topics, documents by subtopic
    python bench/clusters.py googlenews   # GoogleNews-TS, 11,109 short texts in 152 stories

ECB+ documents carry no order, titles or dates; the stream is the documents shuffled with a fixed
seed (the same stream for both systems). newsprism runs with its shipped defaults: no knowledge of
the number of stories, link weights learned on ECB+ train (re-learned and printed here so they can
be checked against ``LINK_WEIGHTS``). The baseline is TF-IDF (sublinear, English stop words) with
average-linkage agglomerative clustering on cosine distance, fitted on the whole set at once;
its distance threshold is swept and the best F1 on the evaluated set itself is reported (an
oracle, in the baseline's favour), next to the threshold chosen on train for dev.
Also measured: clustering throughput given analysed articles, and memory over the long stream.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np
from rich.progress import track

from newsprism.analyse import analyse_articles
from newsprism.evaluate.clusters import ClusterScores, score_clusters
from newsprism.ingest import read_articles
from newsprism.model import Article
from newsprism.stories.cluster import LINK_WEIGHTS, StoryClusterer, training_pairs
from newsprism.stories.features import extract_profiles
from newsprism.stories.link import FEATURE_NAMES, learn_link_weights

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
ECB_DEV_TOPICS = {2, 5, 12, 18, 21, 23, 34, 35}
THRESHOLDS = np.round(np.arange(0.05, 1.0, 0.025), 3)
CHECKPOINT = 1000
MEMORY_HOT_STORIES = 500  # small enough that eviction runs on an 11k-article stream


def ecbplus_streams(data: Path) -> dict[str, tuple[list[Article], list[str]]]:
    """Train and dev streams: (articles, gold subtopics). One sentence per line of text."""
    docs = [json.loads(line) for line in (data / "ecbplus_traindev" / "documents.jsonl").open()]
    random.Random(0).shuffle(docs)
    streams: dict[str, tuple[list[Article], list[str]]] = {"train": ([], []), "dev": ([], [])}
    for doc in docs:
        split = "dev" if doc["topic"] in ECB_DEV_TOPICS else "train"
        streams[split][0].append(Article(id=doc["doc_id"], text="\n".join(doc["sentences"])))
        streams[split][1].append(doc["subtopic"])
    return streams


def googlenews_stream(data: Path) -> tuple[list[Article], list[str]]:
    path = data / "googlenews_ts" / "GoogleNews-TS.jsonl"
    records = [json.loads(line) for line in path.open()]
    return ([Article(id=str(n), text=r["text"]) for n, r in enumerate(records)],
            [str(r["cluster"]) for r in records])


def write_eval_files(folder: Path, name: str, articles: list[Article], gold: list[str]
                     ) -> list[Article]:
    """DOCS/GOLD files for `newsprism eval cluster`; the stream is read back through ingest, as
    the command reads it, so both measure the same articles."""
    with (folder / f"{name}.docs.jsonl").open("w") as docs, \
            (folder / f"{name}.gold.jsonl").open("w") as labels:
        for article, story in zip(articles, gold, strict=True):
            docs.write(json.dumps({"id": article.id, "title": article.title,
                                   "text": article.text}) + "\n")
            labels.write(json.dumps({"id": article.id, "story": story}) + "\n")
    ingested = read_articles([folder / f"{name}.docs.jsonl"])
    if [a.id for a in ingested.articles] != [a.id for a in articles]:
        sys.exit(f"{name}: ingest did not read back every document: {ingested.problems[:3]}")
    return ingested.articles


def profile_stream(articles: list[Article]) -> tuple[list, dict[str, float]]:
    started = time.perf_counter()
    analyses = []
    for begin in track(range(0, len(articles), 200), description="analysing"):
        analyses += analyse_articles(articles[begin:begin + 200])
    analysed = time.perf_counter()
    profiles = extract_profiles(analyses)
    embedded = time.perf_counter()
    items = [(a.id, p) for a, p in zip(articles, profiles, strict=True)]
    return items, {"analysis_s": analysed - started, "profiles_s": embedded - analysed}


def run_newsprism(items: list, trace: bool = False, **params: object
                  ) -> tuple[list[str], dict[str, object]]:
    """Cluster like ingest does (batches of 100, changes drained as a store would). With
    ``trace``, record traced memory and hot stories every ``CHECKPOINT`` articles (tracing slows
    Python down, so throughput is measured on a run without it)."""
    clusterer = StoryClusterer(**params)  # type: ignore[arg-type]
    placed: list[str] = []
    merged: dict[str, str] = {}
    curve = []
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    for begin in range(0, len(items), 100):
        placed += clusterer.partial_fit(items[begin:begin + 100])
        merged.update(clusterer.pop_changes().merged)
        if trace and ((begin + 100) % CHECKPOINT == 0 or begin + 100 >= len(items)):
            curve.append((min(begin + 100, len(items)),
                          round(tracemalloc.get_traced_memory()[0] / 1e6, 1),
                          len(clusterer.stories_)))
    elapsed = time.perf_counter() - started
    if trace:
        tracemalloc.stop()
    final = []
    for story in placed:
        while story in merged:
            story = merged[story]
        final.append(story)
    return final, {"articles_per_s": len(items) / elapsed, "memory": curve}


def tfidf_linkage(articles: list[Article]) -> np.ndarray:
    from scipy.cluster.hierarchy import linkage
    from scipy.spatial.distance import squareform
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(
        [a.text for a in articles])
    distance = 1.0 - (matrix @ matrix.T).toarray().astype(np.float32)
    np.fill_diagonal(distance, 0.0)
    return linkage(squareform(np.clip(distance, 0.0, None), checks=False), method="average")


def tfidf_scores(tree: np.ndarray, gold: list[str]) -> dict[float, ClusterScores]:
    from scipy.cluster.hierarchy import fcluster

    return {float(t): score_clusters(gold, fcluster(tree, t, criterion="distance").tolist())
            for t in THRESHOLDS}


def show(name: str, system: str, scores: ClusterScores, note: str = "") -> None:
    print(f"{name:10s} {system:34s} P={scores.bcubed_precision:.3f} R={scores.bcubed_recall:.3f} "
          f"F1={scores.bcubed_f1:.3f} ARI={scores.ari:.3f} NMI={scores.nmi:.3f} "
          f"stories={scores.stories}/{scores.gold_stories} {note}")


def compare(name: str, items: list, gold: list[str], articles: list[Article],
            train_threshold: float | None = None) -> float:
    """Both systems on one stream; returns the baseline's best threshold."""
    predicted, speed = run_newsprism(items)
    ours = score_clusters(gold, predicted)
    by_threshold = tfidf_scores(tfidf_linkage(articles), gold)
    best = max(by_threshold, key=lambda t: by_threshold[t].bcubed_f1)
    show(name, "newsprism (defaults)", ours)
    show(name, "TF-IDF average-link (best, oracle)", by_threshold[best], f"threshold={best}")
    if train_threshold is not None:
        show(name, "TF-IDF average-link (train thr.)", by_threshold[train_threshold],
             f"threshold={train_threshold}")
    print(f"{name:10s} F1 ratio newsprism / best baseline: "
          f"{ours.bcubed_f1 / by_threshold[best].bcubed_f1:.3f}")
    print(f"{name:10s} clustering {speed['articles_per_s']:.0f} articles/s, given analysed "
          f"articles")
    if len(items) >= 2 * CHECKPOINT:
        _, traced = run_newsprism(items, trace=True, max_stories=MEMORY_HOT_STORIES)
        print(f"{name:10s} with at most {MEMORY_HOT_STORIES} hot stories, traced MB and hot "
              f"stories after n articles: {traced['memory']}")
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dataset", choices=["ecbplus", "googlenews"])
    parser.add_argument("--keep", type=Path, help="write DOCS/GOLD JSONL files here")
    parser.add_argument("--data", type=Path, default=DATA, help=f"default: {DATA}")
    args = parser.parse_args()
    if not args.data.exists():
        sys.exit(f"{args.data}: benchmark data not found; pass --data")
    folder = args.keep or Path(tempfile.mkdtemp())
    if args.dataset == "ecbplus":
        streams = ecbplus_streams(args.data)
        profiled = {}
        for split, (articles, gold) in streams.items():
            articles = write_eval_files(folder, f"ecbplus_{split}", articles, gold)
            streams[split] = (articles, gold)
            profiled[split], cost = profile_stream(articles)
            print(f"ecb+ {split}: {len(articles)} documents, analysis {cost['analysis_s']:.1f} s, "
                  f"embedding+profiles {cost['profiles_s']:.1f} s")
        rows, labels = training_pairs(profiled["train"], streams["train"][1])
        learned = learn_link_weights(rows, labels)
        print("link weights learned on train now vs shipped:")
        for feature, now, shipped in zip(("intercept", *FEATURE_NAMES), learned, LINK_WEIGHTS,
                                         strict=True):
            print(f"  {feature:16s} {now:+.3f} {shipped:+.3f}")
        threshold = compare("ecb+ train", profiled["train"], streams["train"][1],
                            streams["train"][0])
        compare("ecb+ dev", profiled["dev"], streams["dev"][1], streams["dev"][0], threshold)
    else:
        articles, gold = googlenews_stream(args.data)
        articles = write_eval_files(folder, "googlenews", articles, gold)
        items, cost = profile_stream(articles)
        print(f"googlenews: {len(articles)} documents, analysis {cost['analysis_s']:.1f} s, "
              f"embedding+profiles {cost['profiles_s']:.1f} s")
        compare("googlenews", items, gold, articles)
    print(f"DOCS/GOLD files for `newsprism eval cluster`: {folder}")


if __name__ == "__main__":
    main()
