"""Analyse a large batch on every core: the spaCy parse is most of ingest's cost and runs on
one core per process.

Worker processes are forked once per process, at the first large batch (before ingest starts
the encoders' thread pools; a fork server would re-run the caller's main module, which breaks
scripts without a ``__main__`` guard), and each loads the spaCy pipeline once. They send back
finished ``Analysis`` objects, plain data and far cheaper to pickle than spaCy ``Doc``s. A
small batch (a ``brief`` of a few articles) is analysed in this process: starting workers would
cost more than it saves. ``submit_parallel`` hands a batch to the workers and returns at once, so
that the caller stores the previous batch meanwhile.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor

from newsprism.model import Analysis, Article

MIN_PARALLEL = 32  # articles; below this a batch is analysed in this process
CHUNK = 8  # articles per task: small enough to keep every worker busy to the end
PR_SET_PDEATHSIG = 1  # prctl(2)


def analyse_parallel(articles: list[Article], processes: int | None = None) -> list[Analysis]:
    """``analyse_articles`` over ``processes`` worker processes (default: one per core), in
    the input order; the same analyses, only sooner."""
    return submit_parallel(articles, processes)()


def submit_parallel(
    articles: list[Article], processes: int | None = None
) -> Callable[[], list[Analysis]]:
    """Start ``analyse_parallel`` and return at once a function that waits for its analyses.
    A batch analysed in this process (see above) is analysed when that function is called."""
    from newsprism.analyse import analyse_articles

    processes = processes or os.cpu_count() or 1
    # Once the workers run, even a small batch (an ingest's last) goes to them: this process
    # then never loads spaCy at all.
    if processes < 2 or (len(articles) < MIN_PARALLEL and processes not in _POOLS):
        return lambda: list(analyse_articles(articles))
    chunks = [articles[i : i + CHUNK] for i in range(0, len(articles), CHUNK)]
    results = _pool(processes).map(analyse_chunk, chunks)  # submits every chunk now
    return lambda: [a for chunk in results for a in chunk]


_POOLS: dict[int, ProcessPoolExecutor] = {}


def _pool(processes: int) -> ProcessPoolExecutor:
    if processes not in _POOLS:
        context = multiprocessing.get_context("fork")
        _POOLS[processes] = ProcessPoolExecutor(
            processes, mp_context=context, initializer=_load_models
        )
    return _POOLS[processes]


def _load_models() -> None:
    from threadpoolctl import threadpool_limits

    from newsprism.analyse.nlp import load_nlp

    _exit_with_parent()
    threadpool_limits(1)  # one worker per core: BLAS threads would only fight each other
    load_nlp("full")


def _exit_with_parent() -> None:
    """A killed ingest must not leave its workers behind, each holding a spaCy pipeline: on
    Linux the kernel signals a worker when the process that forked it dies."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def analyse_chunk(articles: list[Article]) -> list[Analysis]:
    """One worker's task (here or on a Ray node): the chunk analysed as one spaCy batch; the
    worker keeps its pipeline loaded between tasks."""
    from newsprism.analyse import analyse_articles

    return list(analyse_articles(articles, batch_size=len(articles)))
