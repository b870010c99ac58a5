"""The ``newsprism`` command: a thin shell over the Python API; errors are translated here."""

from __future__ import annotations

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
