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


@eval_app.command("align")
def eval_align(
    pairs: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="JSONL {id, a, b}.")],
    task: Annotated[str, typer.Option(help="same (same fact?) or stance (b towards a).")],
    out: Annotated[Path, typer.Option(help="Write {id, label, score} lines here.")],
    gold: Annotated[Path | None, typer.Option(exists=True, dir_okay=False,
                                              help="JSONL of {id, label}: score against it.")]
    = None,
) -> None:
    """Judge text pairs with the relation model (the compare stage's) and score them."""
    from newsprism.evaluate.align import align_pairs

    if task not in ("same", "stance"):
        raise typer.BadParameter("use 'same' or 'stance'", param_hint="--task")
    report = align_pairs(pairs, task, out, gold)  # type: ignore[arg-type]
    for problem in report.problems:
        typer.echo(f"error: {problem}", err=True)
    typer.echo(f"wrote {report.written} predictions to {out}")
    if report.scores:
        typer.echo(f"scored {report.scored} pairs: "
                   + ", ".join(f"{k} {v:.2f}" for k, v in report.scores.items()))
    raise typer.Exit(1 if report.problems else 0)
