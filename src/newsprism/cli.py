"""The ``newsprism`` command: a thin shell over the Python API; errors are translated here."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    name="newsprism",
    help="Read many news articles about one event; show what happened, who says what, "
    "where sources agree and differ, and what only one source reports.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
BASELINE_NAMES = ("lead", "lexrank", "textrank", "centroid")  # newsprism.evaluate.summaries
eval_app = typer.Typer(help="Measure newsprism's stages on benchmark data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


@eval_app.command("summarize")
def eval_summarize(
    data: Annotated[Path, typer.Argument(help="JSONL, one cluster a line, with references.")],
    out: Annotated[Path, typer.Option(help="Folder for the <cluster_id>.txt summaries.")],
    words: Annotated[int, typer.Option("--words", "-n", help="Budget in words.")] = 100,
    baselines: Annotated[str, typer.Option(help="Comma-separated.")] = ",".join(BASELINE_NAMES),
    systems: Annotated[Path | None, typer.Option(
        help="Folder of peer summaries, <system>/<cluster_id>, to score alongside.")] = None,
) -> None:
    """Summarise each cluster and print ROUGE for newsprism and the baselines side by side."""
    from rich.console import Console

    from newsprism.errors import NewsprismError
    from newsprism.evaluate.summaries import evaluate_summaries, print_report

    console = Console()
    chosen = [b.strip() for b in baselines.split(",") if b.strip()]
    try:
        report = evaluate_summaries(data, words, out, chosen, systems=systems)
    except NewsprismError as exc:
        console.print(f"[red]error:[/] {exc}")
        raise typer.Exit(1) from exc
    print_report(report, console)
