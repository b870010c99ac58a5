"""Ingest throughput and peak memory of the corpus store, from 1,000 to 20,000 articles.

    python bench/ingest.py [--sizes 1000,5000,10000,20000] [--db postgresql://...] [--index]
                           [--analyse] [--stories]

Each run is a fresh process ingesting N synthetic articles (sentences of the Multi-News sample in
../shared, recombined so every article is distinct; 10% are reprinted wire copies with light
edits and other boilerplate; each original names two people no other article names, so the
vocabulary grows as a real stream's does) from JSONL files of 500, into an empty database.
Measured side by side:

- ``ours``: ``ingest_paths`` — read, skip stored ids, duplicate and wire-copy detection (MinHash
  + LSH band lookups in the store), one transaction per batch of 64;
  with ``--index`` also the search index (sentences and WordLlama vectors), with
  ``--analyse`` also the analyse stage (``newsprism ingest`` runs both); with ``--stories`` also
  the story hook of ``newsprism ingest`` (events and storylines). Without ``--analyse``, stories
  are placed by analyses without NLP (each article's words, lead and date; no names, dates or
  figures found in the text), so the story stages run at sizes that the full analysis (~100
  CPU-ms per article) puts out of a bench run's reach;
- ``baseline``: the floor for storing at all: the same files read the same way, each article
  inserted into a one-table database with ``executemany`` in the same batches, no duplicate
  detection, no resume checks, no indexes.

Reports articles/s and peak RSS (with the analysis worker processes) per size, the ratio
ours/baseline, and how much peak memory grows from the smallest to the largest size (the target:
within 20%). Then where ``ours`` spends its CPU, per stage in CPU-ms per article: robust to other
load on the machine, unlike articles/s. Stages are timed exclusively (the story embedding is not
counted again in stories; ``storylines`` is placing the events in storylines, with its store
reads and writes, and is not counted again in stories); ``analysis (workers)`` is the CPU of
the worker processes, their model loading included; ``2 cores, idle`` is the rate that total
allows on two idle cores.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import random
import resource
import string
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import ParamSpec, TypeVar

from newsprism.model import Analysis, Article

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSPRISM_SHARED") or ROOT.parent / "shared")
FILE_SIZE = 500
BATCH = 64
Params = ParamSpec("Params")
Result = TypeVar("Result")


def make_corpus(folder: Path, total: int, seed: int = 0) -> None:
    """``total`` articles in JSONL files; deterministic for a given seed."""
    source = SHARED / "data/multinews200/multinews_longbench200.jsonl"
    docs = [d for line in source.open() for d in json.loads(line)["documents"]]
    sentences = [s.strip() + "." for d in docs for s in d.split(". ") if len(s.split()) > 6]
    rng = random.Random(seed)
    originals: list[str] = []
    records = []
    for i in range(total):
        if originals and rng.random() < 0.1:
            words = rng.choice(originals).split()
            edited = [w if rng.random() > 0.01 else "reportedly" for w in words]
            text = f"Reprinted from the wire. {' '.join(edited)} Subscribe for more."
        else:
            # Two people no other article names: the vocabulary stays open, as a real stream's.
            first, second = (f"{invent_word(rng)} {invent_word(rng)}" for _ in range(2))
            text = " ".join(rng.sample(sentences, 12)) + f" {first} and {second} declined comment."
            originals.append(text)
            originals = originals[-500:]
        day = 1 + i * 28 // total
        records.append({"id": f"a{i}", "title": text[:60], "text": text,
                        "outlet": f"Outlet {i % 40}", "date": f"2024-02-{day:02d}"})  # fmt: skip
    for start in range(0, total, FILE_SIZE):
        part = records[start : start + FILE_SIZE]
        (folder / f"part{start:06d}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in part))


def invent_word(rng: random.Random) -> str:
    return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(5, 9))).title()


class StageClock:
    """Exclusive CPU seconds of this process per stage: a stage called inside another is
    taken out of the outer one."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._inner: list[float] = []  # CPU of nested stages, per open stage
        self.first_batch: tuple[int, float] | None = None  # articles, workers' CPU after it

    def timed(self, stage: str, function: Callable[Params, Result]) -> Callable[Params, Result]:
        @functools.wraps(function)
        def run(*args: Params.args, **kwargs: Params.kwargs) -> Result:
            start = time.process_time()
            self._inner.append(0.0)
            try:
                return function(*args, **kwargs)
            finally:
                spent = time.process_time() - start
                own = spent - self._inner.pop()
                self.seconds[stage] = self.seconds.get(stage, 0.0) + own
                if self._inner:
                    self._inner[-1] += spent

        return run

    def patch(self, owner: object, name: str, stage: str) -> None:
        setattr(owner, name, self.timed(stage, getattr(owner, name)))


def run_ours(folder: Path, db: str, args: argparse.Namespace, clock: StageClock) -> int:
    import newsprism.corpus
    from newsprism.corpus import analyse_batch, ingest_paths
    from newsprism.dedup import DuplicateFinder
    from newsprism.embed import SentenceEncoder
    from newsprism.store import open_store
    from newsprism.stories import persist
    from newsprism.stories.persist import StoryHook
    from newsprism.stories.storylines import StorylineClusterer

    clock.patch(DuplicateFinder, "run", "dedup")
    # Storylines, their store reads and writes included: what placing events in storylines adds.
    for name in ("record_storylines", "write_storyline_changes", "save_storylines_state",
                 "place_unplaced_stories"):
        clock.patch(persist, name, "storylines (clustering, store)")
    clock.patch(StorylineClusterer, "revisit", "storylines (clustering, store)")
    clock.patch(newsprism.corpus, "_vectors", "search vectors")
    clock.patch(SentenceEncoder, "encode", "story embedding (MiniLM)")
    with open_store(db) as store:
        for repository, verb in ((store.articles, "hashes"), (store.articles, "save"),
                                 (store.analyses, "save"), (store.search, "index_sentences"),
                                 (store.search, "save_vectors")):  # fmt: skip
            clock.patch(repository, verb, "store writes")

        def analyse(articles: list) -> object:
            pending = analyse_batch(articles) if args.analyse else bare_analyses(articles)

            def wait() -> list:
                analyses = pending()
                if clock.first_batch is None:  # the workers have loaded their models by now
                    clock.first_batch = (len(articles), workers_cpu_seconds())
                return analyses

            return clock.timed("analysis (main: hand-off)", wait)

        stories = StoryHook(store)
        on_batch = clock.timed("stories (profiles, clustering)", stories)
        on_end = clock.timed("stories (profiles, clustering)", stories.finish)
        report = ingest_paths([folder], store, index=args.index, batch_size=BATCH,
                              analyse=analyse if args.analyse or args.stories else None,
                              on_batch=on_batch if args.stories else None,
                              on_end=on_end if args.stories else None)  # fmt: skip
        assert not report.problems, report.problems[:3]
        return report.saved


def bare_analyses(articles: list[Article]) -> Callable[[], list[Analysis]]:
    """What the story stages see of articles that were not analysed: no sentences, names, dates
    or figures; profiles then hold the words, the lead and the publication date."""
    analyses = [Analysis(article) for article in articles]
    return lambda: analyses


def run_baseline(folder: Path, db: str) -> int:
    import sqlite3

    from newsprism.corpus import expand_sources
    from newsprism.ingest import read_articles

    conn = sqlite3.connect(db.removeprefix("sqlite://"), isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE articles (id TEXT PRIMARY KEY, text TEXT, title TEXT, "
                 "outlet TEXT, author TEXT, date TEXT, url TEXT, path TEXT)")  # fmt: skip
    saved = 0
    for source in expand_sources([folder]):
        articles = read_articles([source]).articles
        for start in range(0, len(articles), BATCH):
            rows = [tuple(a.as_dict().values()) for a in articles[start : start + BATCH]]
            conn.execute("BEGIN")
            conn.executemany("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
            conn.execute("COMMIT")
            saved += len(rows)
    conn.close()
    return saved


def worker(args: argparse.Namespace) -> None:
    folder = Path(args.folder)
    clock = StageClock()
    start, cpu = time.perf_counter(), time.process_time()
    if args.mode == "ours":
        saved = run_ours(folder, args.db, args, clock)
    else:
        saved = run_baseline(folder, args.db)
    seconds = time.perf_counter() - start
    stages = dict(clock.seconds)
    stages["other (read, commit, ...)"] = time.process_time() - cpu - sum(stages.values())
    stages.update(split_worker_cpu(workers_cpu_seconds(), clock.first_batch, saved))
    print(json.dumps({"saved": saved, "seconds": seconds, "peak_mb": peak_rss_mb(),
                      "cpu": stages}))  # fmt: skip


def split_worker_cpu(
    total: float, first_batch: tuple[int, float] | None, articles: int
) -> dict[str, float]:
    """The workers' CPU as steady analysis (the rate after the first batch, times all articles)
    and start-up (imports and model loading: what the first batch cost beyond that rate).
    Approximate, as the workers may have begun the second batch when the first is collected;
    the sum is exact."""
    if not total or first_batch is None or first_batch[0] >= articles:
        return {"analysis (workers)": total} if total else {}
    count, cpu = first_batch
    steady = (total - cpu) / (articles - count)
    return {"analysis (workers)": steady * articles,
            "analysis start-up (model load)": cpu - steady * count}  # fmt: skip


def workers_cpu_seconds() -> float:
    """User + system CPU of this process' live worker processes (Linux; else 0)."""
    import multiprocessing

    total = 0
    for child in multiprocessing.active_children():
        stat = Path(f"/proc/{child.pid}/stat")
        if stat.exists():  # fields 14 and 15, after the parenthesised command name
            total += sum(map(int, stat.read_text().rsplit(")", 1)[1].split()[11:13]))
    return total / os.sysconf("SC_CLK_TCK") if total else 0.0


def peak_rss_mb() -> float:
    """Peak resident memory of this process plus that of its live worker processes (the
    analysis pool). Not ru_maxrss: Linux carries that over from the parent through fork and
    exec, so a child would report the bench driver's own peak."""
    import multiprocessing

    pids = ["self", *(str(child.pid) for child in multiprocessing.active_children())]
    if not Path("/proc/self/status").exists():  # not Linux
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return sum(_vm_hwm_mb(pid) for pid in pids)


def _vm_hwm_mb(pid: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def measure(mode: str, folder: Path, db: str, args: argparse.Namespace) -> dict:
    flags = [flag for flag in ("--index", "--analyse", "--stories") if getattr(args, flag[2:])]
    command = [sys.executable, __file__, "--worker", "--mode", mode, "--folder", str(folder),
               "--db", db, *flags]  # fmt: skip
    out = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def fresh_db(base: str | None, work: Path, name: str) -> str:
    if base is None:
        return f"sqlite:///{work / name}.db"
    import psycopg  # a fresh schema per run on the given server

    schema = f"bench_{name}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        conn.execute(f"CREATE SCHEMA {schema}")
    return f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,5000,10000,20000")
    parser.add_argument("--db", default=None, help="PostgreSQL URL (default: SQLite files)")
    parser.add_argument("--index", action="store_true", help="also build the search index")
    parser.add_argument("--analyse", action="store_true", help="also analyse (with --index: "
                        "the whole ingest path but clustering)")  # fmt: skip
    parser.add_argument("--stories", action="store_true", help="also place events and "
                        "storylines (with --index --analyse: the whole `newsprism ingest` "
                        "path; without --analyse: by analyses without NLP)")  # fmt: skip
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--mode", choices=["ours", "baseline"], help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args)
        return
    if not SHARED.exists():
        sys.exit(f"{SHARED}: not found; the benchmark reads Multi-News sentences from it")
    sizes = [int(s) for s in args.sizes.split(",")]
    backend = "postgresql" if args.db else "sqlite"
    extra = " + search index" * args.index + " + analysis" * args.analyse
    extra += " + stories" * args.stories + " (analyses without NLP)" * (args.stories > args.analyse)
    print(f"store+dedup{extra} ingest on {backend}")
    if args.analyse:
        from newsprism.analyse.nlp import spacy_has_profiling_hooks

        if spacy_has_profiling_hooks():
            print("note: spaCy is PyPI's wheel with profiling hooks (install.sh rebuilds it "
                  "without them): analysis costs about 1.5 times the CPU")
    print(f"{'articles':>8} {'ours/s':>8} {'base/s':>8} {'ratio':>6} {'ours MB':>8} {'base MB':>8}")
    peaks, stages = [], {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for size in sizes:
            folder = work / f"in{size}"
            folder.mkdir()
            make_corpus(folder, size)
            ours = measure("ours", folder, fresh_db(args.db, work, f"ours{size}"), args)
            base = measure("baseline", folder, f"sqlite:///{work / f'base{size}'}.db", args)
            assert ours["saved"] == base["saved"] == size
            rate, base_rate = size / ours["seconds"], size / base["seconds"]
            peaks.append(ours["peak_mb"])
            stages[size] = {stage: 1000 * cpu / size for stage, cpu in ours["cpu"].items()}
            print(f"{size:>8} {rate:>8.1f} {base_rate:>8.0f} {rate / base_rate:>6.3f} "
                  f"{ours['peak_mb']:>8.0f} {base['peak_mb']:>8.0f}", flush=True)  # fmt: skip
    print(f"peak memory, largest vs smallest size: {peaks[-1] / peaks[0]:.2f}x (target <= 1.20)")
    print_stages(stages)


def print_stages(stages: dict[int, dict[str, float]]) -> None:
    """CPU-ms per article of each stage of ``ours``, one column per size."""
    names = sorted({name for row in stages.values() for name in row},
                   key=lambda name: -max(row.get(name, 0.0) for row in stages.values()))
    print(f"\n{'CPU-ms per article':<34}" + "".join(f"{size:>9}" for size in stages))
    for name in names:
        print(f"{name:<34}" + "".join(f"{row.get(name, 0.0):>9.1f}" for row in stages.values()))
    totals = [sum(row.values()) for row in stages.values()]
    print(f"{'total':<34}" + "".join(f"{total:>9.1f}" for total in totals))
    print(f"{'2 cores, idle: articles/s':<34}" + "".join(f"{2000 / t:>9.1f}" for t in totals))


if __name__ == "__main__":
    main()
