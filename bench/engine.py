"""The analyse stage on a Ray cluster against the same stage here, side by side.

    python bench/engine.py --articles 400            # a local Ray cluster on every core
    python bench/engine.py --ray auto --articles 20000   # on the cluster this node belongs to

Analyses the same invented articles (bench/ingest.py's corpus) three ways and reports articles
per second and the ratio to the baseline, one process in this one: ``analyse_articles`` here,
the forked worker pool of ``newsprism ingest`` (``analyse_parallel``), and ``RayEngine``. Each
way runs once untimed on a few chunks first, so model loading is left out. Checks that all three
give the same analyses.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from ingest import make_corpus
from newsprism.analyse import analyse_articles
from newsprism.analyse.parallel import analyse_parallel
from newsprism.engine import RayEngine
from newsprism.ingest import read_articles
from newsprism.model import Analysis, Article


def timed(
    name: str, analyse: Callable[[list[Article]], list[Analysis]], articles: list[Article]
) -> tuple[float, list[Analysis]]:
    analyse(articles[:64])  # warm up: models loaded in every worker
    start = time.perf_counter()
    analyses = analyse(articles)
    seconds = time.perf_counter() - start
    print(f"{name:<28} {len(articles) / seconds:8.1f} articles/s")
    return len(articles) / seconds, analyses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--ray", default="local", help="the Ray address (default: local)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        make_corpus(Path(folder), args.articles)
        articles = read_articles([folder]).articles
    engine = RayEngine(args.ray)
    base, expected = timed("here, one process", lambda a: list(analyse_articles(a)), articles)
    pool, by_pool = timed("worker pool (ingest)", analyse_parallel, articles)
    on_ray, by_ray = timed(f"Ray ({args.ray})", lambda a: engine(a)(), articles)
    print(f"ratio to one process: worker pool {pool / base:.2f}x, Ray {on_ray / base:.2f}x")
    same = by_pool == expected and by_ray == expected
    print("same analyses all three ways:", "yes" if same else "NO")


if __name__ == "__main__":
    main()
