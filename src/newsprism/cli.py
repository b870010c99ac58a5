"""The ``newsprism`` command: a thin shell over the Python API; errors are translated here."""

from __future__ import annotations

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

Db = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Corpus database: sqlite:///PATH or postgresql://USER:PASS@HOST/DB "
        "(default: $NEWSPRISM_DB, else a file in the user data folder).",
    ),
]


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, JSONL, feeds; - is stdin.")],
    db: Db = None,
    batch_size: Annotated[int, typer.Option(help="Articles saved per transaction.")] = 64,
) -> None:
    """Add articles to the corpus: resumable, and nothing is stored twice."""
    from rich.console import Console

    from newsprism.corpus import ingest_paths
    from newsprism.errors import NewsprismError
    from newsprism.store import open_store

    err = Console(stderr=True, highlight=False, soft_wrap=True)
    try:
        with open_store(db) as store:
            report = ingest_paths(paths, store, batch_size=batch_size, progress=True)
    except NewsprismError as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(2) from None
    for line in report.warnings:
        err.print(f"warning: {line}", markup=False)
    for line in report.problems:
        err.print(f"error: {line}", markup=False)
    err.print(f"{report.read} read, {report.saved} new ({report.copies} copies of an original), "
              f"{report.unchanged} already stored, {len(report.problems)} not stored")  # fmt: skip
    raise typer.Exit(0 if report.ok else 1)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find, or a description (--semantic).")],
    db: Db = None,
    semantic: Annotated[bool, typer.Option(help="Search by meaning, not words.")] = False,
    articles: Annotated[bool, typer.Option(help="Rank articles, not sentences.")] = False,
    since: Annotated[str | None, typer.Option(help="Dated on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Dated on or before YYYY-MM-DD.")] = None,
    story: Annotated[str | None, typer.Option(help="Only articles of this story.")] = None,
    limit: Annotated[int, typer.Option(help="How many results.")] = 10,
    copies: Annotated[bool, typer.Option(help="Also show copies of wire stories.")] = False,
) -> None:
    """Find sentences (or articles) in the corpus, each with where it comes from."""
    from rich.console import Console

    from newsprism.corpus import search_corpus
    from newsprism.errors import NewsprismError
    from newsprism.store import open_store

    out = Console(highlight=False)
    try:
        with open_store(db) as store:
            hits = search_corpus(store, query, semantic=semantic, since=since, until=until,
                                 level="article" if articles else "sentence", story=story,
                                 limit=limit, copies=copies)  # fmt: skip
    except NewsprismError as exc:
        Console(stderr=True, soft_wrap=True).print(f"error: {exc}", markup=False)
        raise typer.Exit(2) from None
    for hit in hits:
        span = f" [{hit.start}:{hit.end}]" if hit.start is not None else ""
        story_name = hit.story and f"story {hit.story}"
        source = " · ".join(x for x in (hit.outlet, hit.date, story_name) if x)
        out.print(f"[bold]{hit.score:.3f}[/] {hit.article}{span} {source}")
        out.print(f"    {hit.text or ''}", markup=False)
    if not hits:
        out.print("no matches")
