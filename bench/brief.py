"""Wall time and peak memory of `newsprism brief`, split into model load and per-article work.

Cases: the Vladivostok pair (../shared/examples) and a 20-article set (two MultiLing 2011 clusters
of ten WikiNews articles, read in place). Each case runs in a fresh process so that model load and
peak memory are its own. The baseline, run in the same process on the same texts, is the bare
spaCy parse that analysis starts from: the ratio says what newsprism adds on top of it. A warm
brief has the models loaded but reads its texts as new: the caches of texts' readings are
emptied before each one (``forget_texts``), so a second brief of the same texts is not flattered.

    .venv/bin/python bench/brief.py

With ``--against SRC`` (another version's ``src`` folder, e.g. main's, exported with ``git
archive``) each case runs in turn under this version and under SRC, alternating, ``--rounds``
times (5), so that the load of a shared machine falls on both alike: it reports each one's
median warm brief, in wall time and in CPU time (all the process's threads: less moved by other
processes' load), the spread (min-max) of the rounds, and the ratios of the medians.

    .venv/bin/python bench/brief.py --against /tmp/main/src --rounds 5
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def load_case(name: str) -> list:
    from newsprism.ingest import read_articles
    from newsprism.model import Article

    if name == "reference":
        return read_articles([SHARED / "examples" / "vladivostok-2019"]).articles
    lines = (SHARED / "data" / "multiling2011_en" / "multiling2011_english.jsonl").read_text()
    clusters = [json.loads(line) for line in lines.splitlines()[:2]]
    return [Article(d["doc_id"], d["text"]) for c in clusters for d in c["documents"]]


def forget_texts() -> None:
    """Empty newsprism's bounded caches (``functools.lru_cache`` with a ``maxsize``: of texts,
    phrases, words, dates), so that each timed brief reads its articles as news it has not
    seen; a brief of the texts just briefed would find their readings all there. The unbounded
    ones (``functools.cache``: the models, the stemmer's words) stay warm."""
    for name, module in list(sys.modules.items()):
        if name.startswith("newsprism"):
            for value in vars(module).values():
                if hasattr(value, "cache_info") and (value.cache_info().maxsize or 0) > 1:
                    value.cache_clear()


def run_case(name: str) -> dict:
    """Runs inside the child process."""
    started = time.perf_counter()
    from newsprism.analyse.nlp import load_nlp
    from newsprism.pipeline import build_briefing, load_models

    load_models()
    model_load = time.perf_counter() - started
    articles = load_case(name)
    words = sum(len(a.text.split()) for a in articles)
    timings, cpu = [], []
    for _ in range(3):
        forget_texts()
        begin, begin_cpu = time.perf_counter(), time.process_time()
        build_briefing(articles)
        timings.append(time.perf_counter() - begin)
        cpu.append(time.process_time() - begin_cpu)
    begin = time.perf_counter()
    list(load_nlp("full").pipe(a.text for a in articles))
    parse = time.perf_counter() - begin
    return {
        "case": name, "articles": len(articles), "words": words, "model_load_s": model_load,
        "first_brief_s": timings[0], "brief_s": min(timings[1:]),
        "brief_cpu_s": min(cpu[1:]), "parse_only_s": parse,
        "peak_rss_mb": peak_rss_mb(),
    }  # fmt: skip


def run_child(name: str, src: Path | None = None) -> dict:
    """``run_case(name)`` in a fresh process, under the package of ``src`` if given."""
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(src), env.get("PYTHONPATH")]))
    done = subprocess.run([sys.executable, __file__, "--case", name], capture_output=True,
                          text=True, check=True, env=env)
    return json.loads(done.stdout.strip().splitlines()[-1])


def side_by_side(against: Path, rounds: int) -> None:
    """Warm briefs of this version and of ``against``, alternating, as medians and ratios."""
    print(f"{'case':<12} {'time':<5} {'this s':>7} {'spread':>11} {'other s':>8} {'spread':>11} "
          f"{'this/other':>10}")
    for name in ("reference", "20-articles"):
        runs: dict[str, list[dict]] = {"this": [], "other": []}
        for round_ in range(rounds):
            # alternate which runs first, so neither always meets the machine's same moment
            order = [("this", ROOT / "src"), ("other", against)][:: 1 if round_ % 2 == 0 else -1]
            for label, src in order:
                runs[label].append(run_child(name, src))
        for clock, key in (("wall", "brief_s"), ("cpu", "brief_cpu_s")):
            times = {label: [r[key] for r in found] for label, found in runs.items()}
            this, other = (statistics.median(times[k]) for k in ("this", "other"))
            spread = {k: f"{min(v):.2f}-{max(v):.2f}" for k, v in times.items()}
            print(f"{name:<12} {clock:<5} {this:>7.2f} {spread['this']:>11} {other:>8.2f} "
                  f"{spread['other']:>11} {this / other:>10.2f}")


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--case":
        print(json.dumps(run_case(sys.argv[2])))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", type=Path, help="another version's src folder")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if args.against:
        side_by_side(args.against.resolve(), args.rounds)
        return
    print(f"{'case':<10} {'articles':>8} {'words':>6} {'load s':>7} {'first s':>8} "
          f"{'brief s':>8} {'s/article':>9} {'parse s':>8} {'brief/parse':>11} {'peak MB':>8}")
    for name in ("reference", "20-articles"):
        r = run_child(name)
        print(f"{r['case']:<10} {r['articles']:>8} {r['words']:>6} {r['model_load_s']:>7.2f} "
              f"{r['first_brief_s']:>8.2f} {r['brief_s']:>8.2f} "
              f"{r['brief_s'] / r['articles']:>9.2f} {r['parse_only_s']:>8.2f} "
              f"{r['brief_s'] / r['parse_only_s']:>11.1f} {r['peak_rss_mb']:>8.0f}")


if __name__ == "__main__":
    main()
