"""Summary quality and speed: newsprism beside the baselines and the published systems.

    python bench/summaries.py [--data ../shared/data]   # MultiLing, Multi-News at 250 and 100
    python bench/summaries.py DATA.jsonl --words 100 [--systems DIR] [--trim on|off]

For each set it prints ROUGE-1/2/L recall and F1 (rouge-score, Porter stemming, summaries cut to
the budget, averaged over references) for newsprism, the baselines and, where given, the peer
summaries; then the time newsprism's summarizer takes per cluster against each baseline's (the
ratio), and per 10 articles, sentence splitting reported apart.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from rich.console import Console

from newsprism.evaluate.summaries import BASELINES, NEWSPRISM, evaluate_summaries, print_report
from newsprism.summarize import Summarizer

DATA = Path(__file__).parents[1].parent / "shared" / "data"


def default_runs(data: Path) -> list[tuple[Path, int, Path | None]]:
    multiling = data / "multiling2011_en"
    multinews = data / "multinews200" / "multinews_longbench200.jsonl"
    return [
        (multiling / "multiling2011_english.jsonl", words, multiling / "system_outputs")
        for words in (250, 100)
    ] + [(multinews, words, None) for words in (250, 100)]


def bench(
    data: Path, words: int, systems: Path | None, console: Console, trim: bool | None = None
) -> None:
    console.rule(f"{data.name} at {words} words")
    with tempfile.TemporaryDirectory() as out:
        report = evaluate_summaries(data, words, Path(out), list(BASELINES), systems=systems,
                                    summarizer=Summarizer(words, trim=trim))
    print_report(report, console)
    timing = {s.system: s.seconds for s in report.systems if s.seconds}
    ours = timing[NEWSPRISM]
    per_ten = 10 / report.articles_per_cluster
    console.print(
        f"newsprism: {ours:.3f} s per cluster = {ours * per_ten:.3f} s per 10 articles "
        f"(+ {report.split_seconds * per_ten:.3f} s sentence splitting); time ratio vs "
        + ", ".join(f"{name} {ours / t:.2f}x" for name, t in timing.items() if name != NEWSPRISM)
    )
    scores = {s.system: s.recall["rouge2"] for s in report.systems if s.clusters}
    console.print("R-2 recall ratio newsprism / other: " + ", ".join(
        f"{name} {scores[NEWSPRISM] / max(r, 1e-9):.3f}" for name, r in scores.items()
        if name != NEWSPRISM))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, metavar="DATA.jsonl")
    parser.add_argument("--words", type=int, default=100)
    parser.add_argument("--systems", type=Path)
    parser.add_argument("--data", type=Path, default=DATA,
                        help="the shared data folder, for the default runs")
    parser.add_argument("--trim", choices=["on", "off"],
                        help="force clause trimming on or off (default: by budget)")
    args = parser.parse_args()
    console = Console(width=120)
    runs = [(args.file, args.words, args.systems)] if args.file else default_runs(args.data)
    for data, words, systems in runs:
        if data.exists():
            bench(data, words, systems, console, None if args.trim is None else args.trim == "on")
        else:
            console.print(f"[yellow]skipped[/] {data}: not found")


if __name__ == "__main__":
    main()
