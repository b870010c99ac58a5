"""Load benchmark of ``newsprism serve``: requests/s and p50/p99 latency of the story list, a
story page and the storylines over a corpus of 10,000 stored articles, against baselines served
by the same server.

    python bench/serve.py [--articles 10000] [--requests 300] [--concurrency 4] [--seconds 30]
                          [--before PATH/TO/OTHER/src]

The corpus: ``--articles`` synthetic articles (sentences of the Multi-News sample in ../shared,
read in place and recombined so every article is distinct; 40 outlets; dates over four weeks)
stored with ``store.articles.save``, grouped 10 to a story with ``store.stories.save``/
``assign``, the
stories 5 to a storyline (``store.storylines``);
plus the project's three example articles (examples/harbour-strike), stored with their analyses
as ``newsprism ingest`` stores them, as story ``harbour``, whose page shows a real briefing (built
on its first request, then read from the store's cache). The cold first briefings are timed on
their own: ``harbour`` (stored analyses) and ``s00042`` (synthetic articles stored without
analysis, so they are analysed then).

The server is a second process (``newsprism serve`` on 127.0.0.1, a free port); this process
sends a bounded number of requests per endpoint from ``--concurrency`` threads (keep-alive
connections) and stops an endpoint early after ``--seconds``. Baselines, in the same run:
``/api/health`` (the framework alone, no database) and ``/static/app.css`` (a static file).

``--before`` serves the same corpus (a copy of it, caches cold) from another checkout's ``src``
too, e.g. the main branch, and measures both servers endpoint by endpoint, side by side.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSPRISM_SHARED") or ROOT.parent / "shared")
PER_STORY = 10
PER_STORYLINE = 5  # stories
ENDPOINTS = [
    ("baseline: /api/health", "/api/health"),
    ("baseline: static file", "/static/app.css"),
    ("story list (API, 20)", "/api/stories?limit=20"),
    ("story list (API, filtered by outlet)", "/api/stories?limit=20&outlet=Outlet%207"),
    ("story list (page)", "/"),
    ("story (API, briefing JSON)", "/api/stories/harbour"),
    ("story page (HTML)", "/stories/harbour"),
    ("story (API, 10 synthetic articles)", "/api/stories/s00042"),
    ("storyline list (API, 20)", "/api/storylines?limit=20"),
    ("storyline list (page)", "/storylines"),
    ("storyline (API, 5 events)", "/api/storylines/l00008"),
    ("storyline page (HTML, 5 events)", "/storylines/l00008"),
]


def build_corpus(path: Path, total: int, seed: int = 0) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from newsprism.analyse import analyse_articles
    from newsprism.ingest import read_articles
    from newsprism.model import Article
    from newsprism.store import open_store

    source = SHARED / "data/multinews200/multinews_longbench200.jsonl"
    docs = [d for line in source.open() for d in json.loads(line)["documents"]]
    sentences = [s.strip() + "." for d in docs for s in d.split(". ") if len(s.split()) > 6]
    rng = random.Random(seed)
    articles = [
        Article(f"a{i:05d}", " ".join(rng.sample(sentences, 12)), f"Report {i}",
                f"Outlet {i % 40}", date=f"2024-02-{1 + i * 28 // total:02d}")
        for i in range(total)
    ]  # fmt: skip
    with open_store(f"sqlite:///{path}") as store, store.transaction():
        store.articles.save(articles)
        for start in range(0, total, PER_STORY):
            story = f"s{start // PER_STORY:05d}"
            store.stories.save(story, title=articles[start].text[:80])
            for article in articles[start : start + PER_STORY]:
                store.stories.assign(article.id, story)
        stories = [f"s{i:05d}" for i in range(total // PER_STORY)]
        for start in range(0, len(stories), PER_STORYLINE):
            storyline = f"l{start // PER_STORYLINE:05d}"
            store.storylines.save(storyline)
            events = stories[start : start + PER_STORYLINE]
            store.storylines.assign([(story, storyline) for story in events])
        harbour = read_articles([ROOT / "examples" / "harbour-strike"]).articles
        store.articles.save(harbour)
        store.analyses.save(list(analyse_articles(harbour)))
        store.stories.save("harbour")
        for article in harbour:
            store.stories.assign(article.id, "harbour")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(db: Path, port: int, src: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(src), "OMP_NUM_THREADS": "1"}
    command = [sys.executable, "-m", "newsprism", "serve", "--db", f"sqlite:///{db}",
               "--host", "127.0.0.1", "--port", str(port)]  # fmt: skip
    server = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start within 60 s")


def measure(base: str, path: str, requests: int, threads: int, seconds: float) -> dict:
    stop = time.monotonic() + seconds
    per_thread = requests // threads

    def worker(_: int) -> list[float]:
        times = []
        with httpx.Client(base_url=base, timeout=60) as client:
            for _ in range(per_thread):
                if time.monotonic() > stop:
                    break
                began = time.perf_counter()
                response = client.get(path)
                times.append(time.perf_counter() - began)
                if response.status_code != 200:
                    raise SystemExit(f"{path}: HTTP {response.status_code}")
        return times

    began = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        latencies = sorted(t for times in pool.map(worker, range(threads)) for t in times)
    wall = time.perf_counter() - began
    return {
        "requests": len(latencies),
        "rps": len(latencies) / wall,
        "p50_ms": 1000 * statistics.median(latencies),
        "p99_ms": 1000 * latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))],
    }


def serves(base: str, path: str) -> bool:
    """False where that checkout has no such route (a 404): an endpoint newer than it."""
    return httpx.get(f"{base}{path}", timeout=300).status_code != 404


def time_cold_briefings(base: str) -> list[float]:
    """Seconds of each story's first request: its briefing is built then (models load)."""
    seconds = []
    for story in ("harbour", "s00042"):
        began = time.perf_counter()
        httpx.get(f"{base}/api/stories/{story}", timeout=300).raise_for_status()
        seconds.append(time.perf_counter() - began)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=300, help="per endpoint")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=30, help="per endpoint, at most")
    parser.add_argument("--before", type=Path, help="another checkout's src, measured alongside")
    args = parser.parse_args()
    sources = {"after": ROOT / "src"} | ({"before": args.before.resolve()} if args.before else {})
    with tempfile.TemporaryDirectory(prefix="newsprism-bench-") as folder:
        db = Path(folder) / "corpus.db"
        began = time.perf_counter()
        build_corpus(db, args.articles)
        print(f"corpus: {args.articles:,} articles + 3 in {args.articles // PER_STORY + 1:,} "
              f"stories, stored in {time.perf_counter() - began:.1f} s")  # fmt: skip
        servers, bases = [], {}
        try:
            for name, src in sources.items():
                copy = Path(folder) / f"{name}.db"
                shutil.copy(db, copy)
                port = free_port()
                servers.append(start_server(copy, port, src))
                bases[name] = f"http://127.0.0.1:{port}"
            for name, base in reversed(bases.items()):
                harbour, synthetic = time_cold_briefings(base)
                print(f"{name}: cold first briefing {harbour:.1f} s (harbour, 3 articles with "
                      f"stored analyses), then {synthetic:.1f} s (s00042, 10 without)")  # fmt: skip
            rows = [
                (label, {name: measure(base, path, args.requests, args.concurrency, args.seconds)
                         for name, base in reversed(bases.items()) if serves(base, path)})
                for label, path in ENDPOINTS
            ]  # fmt: skip
        finally:
            for server in servers:
                server.terminate()
                server.wait(timeout=10)
    print(f"\n{args.concurrency} concurrent clients, up to {args.requests} requests each endpoint")
    print_table(rows, list(reversed(bases)))


def print_table(rows: list[tuple[str, dict[str, dict]]], names: list[str]) -> None:
    """req/s, p50 and p99 per server; each req/s also as a ratio to /api/health on that server,
    and the last server's req/s as a ratio to the first's."""
    header = f"{'endpoint':38}" + "".join(
        f" {name + ' req/s':>13} {'p50 ms':>7} {'p99 ms':>7} {'/health':>7}" for name in names
    )
    print(header + (f" {'speed-up':>8}" if len(names) > 1 else ""))
    health = rows[0][1]
    for label, by_name in rows:
        line = f"{label:38}" + "".join(
            f" {by_name[n]['rps']:13.1f} {by_name[n]['p50_ms']:7.1f} {by_name[n]['p99_ms']:7.1f} "
            f"{by_name[n]['rps'] / health[n]['rps']:6.2f}x"
            if n in by_name
            else f" {'not served':>13} {'':7} {'':7} {'':7}"
            for n in names
        )
        if len(names) > 1 and names[0] in by_name and names[-1] in by_name:
            line += f" {by_name[names[-1]]['rps'] / by_name[names[0]]['rps']:7.2f}x"
        print(line)


if __name__ == "__main__":
    main()
