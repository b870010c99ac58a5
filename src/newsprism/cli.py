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
eval_app = typer.Typer(help="Measure newsprism's stages on benchmark data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


@eval_app.command("cluster")
def eval_cluster(
    docs: Annotated[Path, typer.Argument(help='JSONL, one {"id","title","text","outlet","date"}'
                                         " per line, in stream order.")],
    out: Annotated[Path, typer.Option("--out", help='Where to write {"id","story"} lines.')],
    gold: Annotated[Path | None, typer.Option("--gold", help='{"id","story"} lines to score.')]
    = None,
) -> None:
    """Cluster documents into stories as ingest does; with --gold print B-cubed, ARI, NMI."""
    from rich.console import Console

    from newsprism.errors import NewsprismError
    from newsprism.evaluate.clusters import evaluate_cluster_file

    errors = Console(stderr=True)
    try:
        run = evaluate_cluster_file(docs, out, gold)
    except (NewsprismError, OSError) as exc:
        errors.print(f"error: {exc}", markup=False)
        raise typer.Exit(1) from None
    for problem in run.problems:
        errors.print(f"skipped {problem}", markup=False)
    print(f"{len(run.ids)} documents, {len(set(run.stories))} stories -> {out}")
    if run.scores:
        print(" ".join(f"{k}={v:.4f}" if isinstance(v, float) else f"{k}={v}"
                       for k, v in run.scores.as_dict().items()))
    raise typer.Exit(1 if run.problems else 0)
