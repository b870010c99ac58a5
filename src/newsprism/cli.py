"""The ``newsprism`` command: a thin shell over the Python API; errors are translated here."""

from __future__ import annotations

import inspect
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.text import Text

from newsprism.errors import (
    EngineError,
    InputError,
    InputProblem,
    InputWarning,
    ModelError,
    NewsprismError,
    SettingsError,
    StoreError,
)
from newsprism.settings import DEFAULTS

if TYPE_CHECKING:
    from collections.abc import Sequence

    from newsprism.model import Analysis, Briefing
    from newsprism.settings import Resolved, Settings
    from newsprism.store import Store
    from newsprism.store.records import StoredStory

app = typer.Typer(
    name="newsprism",
    help="Read many news articles about one event; show what happened, who says what, "
    "where sources agree and differ, and what only one source reports.\n\n"
    "Exit status, every command: 0 all done (warnings are printed, and still 0); 1 some inputs "
    "failed (the rest were done); 2 a usage error, or a fatal one (the database, the engine).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)
BASELINE_NAMES = ("lead", "lexrank", "textrank", "centroid")  # newsprism.evaluate.summaries
eval_app = typer.Typer(help="Measure newsprism's stages on benchmark data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

errors = Console(stderr=True, highlight=False, soft_wrap=True)


def error(message: str) -> None:
    """One error line on standard error; ``message`` is shown as written, never read as markup
    (a "[/x]" in a quoted value would stop the command)."""
    errors.print(f"[bold red]error:[/] {escape(message)}", markup=True)


def warn(message: str) -> None:
    """One warning line on standard error (the exit status stays 0)."""
    errors.print(f"[yellow]warning:[/] {escape(message)}", markup=True)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print one error line and give the exit to raise."""
    error(message)
    return typer.Exit(code)


# Errors after which a command cannot go on at all (exit 2); any other error is an input, a file
# or an id, that failed (exit 1).
FATAL = (StoreError, EngineError, ModelError, SettingsError)


def fail_with(exc: Exception) -> typer.Exit:
    """The one translation of an error that ends a command into its line and exit code."""
    return fail(str(exc), code=2 if isinstance(exc, FATAL) else 1)


def report_problem(problem: InputProblem) -> None:
    """One line on standard error: an input that failed, or one read with a warning."""
    (warn if isinstance(problem, InputWarning) else error)(str(problem))


def option_date(param: typer.CallbackParam, value: str | None) -> str | None:
    """A date option read by the one date reader; a bad one is a usage error (exit 2)."""
    from newsprism.ingest.dates import read_date

    try:
        return read_date(value, param.opts[0])
    except NewsprismError as exc:
        raise fail(str(exc), code=2) from None


Config = Annotated[Path | None, typer.Option(
    "--config", help="Settings file (TOML), else $NEWSPRISM_CONFIG, else newsprism.toml in the "
    "user config folder; `newsprism config --help` tells the precedence.")]


def setting_help(text: str, dotted: str) -> str:
    """A flag's help: what it does, the setting it overrides and that setting's default."""
    table, key = dotted.split(".")
    default = getattr(getattr(DEFAULTS, table), key)
    shown = ("on" if default else "off") if isinstance(default, bool) else default
    if isinstance(shown, float) and shown.is_integer():  # 900 seconds, not 900.0
        shown = int(shown)
    return f"{text} (setting \\[{table}] {key}, default {shown})."


def resolved_for(config: Path | None, **flags: tuple[str, object]) -> Resolved:
    """The command's settings and their origins: defaults < ``config`` file < ``NEWSPRISM_*`` <
    ``flags`` (``table__key=(flag, value)``, None when not given); a bad one is a usage error
    (exit 2)."""
    from newsprism.settings import resolve_settings

    try:
        return resolve_settings(config, {k.replace("__", "."): v for k, v in flags.items()})
    except NewsprismError as exc:
        raise fail(str(exc), code=2) from None


def settings_for(config: Path | None, **flags: tuple[str, object]) -> Settings:
    """``resolved_for`` without the origins: what a command passes to the stages."""
    return resolved_for(config, **flags).settings


Format = Annotated[str, typer.Option("--format", "-f", help="terminal, markdown, html or json.")]
Output = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write here instead of the terminal.")
]


def check_format(format: str) -> None:
    from newsprism.render import FORMATS

    if format not in FORMATS:
        raise fail(f"unknown format {format!r}: choose one of {', '.join(FORMATS)}", code=2)


def show_briefing(briefing: Briefing, format: str, output: Path | None) -> None:
    """Print the briefing, or write it to ``output``, in ``format``."""
    from newsprism.render import print_briefing, write_briefing

    if output is not None:
        output.write_text(write_briefing(briefing, format), encoding="utf-8")  # type: ignore[arg-type]
        errors.print(f"wrote {output}")
    elif format == "terminal":
        print_briefing(briefing, Console())
    else:
        sys.stdout.write(write_briefing(briefing, format))  # type: ignore[arg-type]


@app.command()
def brief(
    sources: Annotated[
        list[str],
        typer.Argument(help="Article files (.txt .md .html .jsonl .json), folders, - for stdin, "
                       "web pages (http/https URLs)."),
    ],
    format: Format = "terminal",
    output: Output = None,
    items: Annotated[int | None, typer.Option(
        help=setting_help("Summary items, at most", "brief.items"), min=1, max=30)] = None,
    config: Config = None,
) -> None:
    """Brief articles about one event: what happened, where sources agree and differ.

    Every statement is a passage of a source and links to where it stands.

    Example: newsprism brief examples/harbour-strike --format html -o briefing.html

    Exit status: 0 when every input was read, 1 when some could not be (the rest are briefed).
    """
    from newsprism.fetch import read_inputs
    from newsprism.ingest.read import clash_with_inputs
    from newsprism.pipeline import build_briefing

    check_format(format)
    settings = settings_for(config, brief__items=("--items", items))
    if output is not None and (clash := clash_with_inputs(output, sources)):
        raise fail(f"--output {output}: {clash}; write the briefing elsewhere (nothing was "
                   "written)", code=2)
    status = Console(stderr=True)
    events: list[int] = []
    try:
        with status.status("reading articles") as spinner:
            read = read_inputs(sources, settings=settings.fetch)
            briefing = build_briefing(read.articles, problems=[str(p) for p in read.problems],
                                      settings=settings, progress=spinner.update,
                                      analysed=lambda analyses: events.extend(
                                          _events_if_mixed(analyses)))
        for problem in read.problems:
            report_problem(problem)
        if events:
            warn(f"these {sum(events)} articles read as {len(events)} separate events (the "
                 f"largest of {events[0]}), as ingest would group them; a briefing compares "
                 "the reports of one event: if they are not one, `newsprism ingest PATH...` "
                 "then `newsprism stories` lists the events to brief one by one")
        if not briefing.documents:
            raise fail("no article could be read, nothing to brief")
        show_briefing(briefing, format, output)
    except NewsprismError as exc:
        raise fail_with(exc) from None
    except OSError as exc:
        raise fail(f"{exc.filename or output}: {exc.strerror}") from None
    raise typer.Exit(1 if any(isinstance(p, InputError) for p in read.problems) else 0)


# Five articles or more in three events or more, none of them half the articles: an archive,
# not one event. Of the 35 judged tune clusters of 3 or more reports this warns on one, the ten
# MultiLing reports of the 2008 Olympics over two years (torch relay, opening, closing); from
# three articles on it also warned on three undated Multi-News clusters of 3-4 reports, two of
# one event each (e320a87f, a lunar eclipse; b614820b, a reservoir) and one holding a press
# release of another matter (bb2f3e69).
MIXED_ARTICLES = 5
MIXED_EVENTS = 3


def _events_if_mixed(analyses: Sequence[Analysis]) -> list[int]:
    """The sizes of the events the articles to brief fall into, as ingest groups them, when
    they read as an archive of several events rather than one: a briefing of them all sets
    one event's reports beside another's. Nothing otherwise (one event's reports may read as
    two, the clustering cautious)."""
    if len(analyses) < MIXED_ARTICLES:
        return []
    from newsprism.stories import event_sizes

    sizes = event_sizes(analyses)
    return sizes if len(sizes) >= MIXED_EVENTS and 2 * sizes[0] < len(analyses) else []


@eval_app.command("summarize")
def eval_summarize(
    data: Annotated[Path, typer.Argument(help="JSONL, one cluster a line, with references.")],
    out: Annotated[Path, typer.Option(help="Folder for the <cluster_id>.txt summaries.")],
    words: Annotated[int, typer.Option("--words", "-n", help="Budget in words.")] = 100,
    baselines: Annotated[str, typer.Option(help="Comma-separated.")] = ",".join(BASELINE_NAMES),
    systems: Annotated[Path | None, typer.Option(
        help="Folder of peer summaries, <system>/<cluster_id>, to score alongside.")] = None,
) -> None:
    """Summarise each cluster and print ROUGE for newsprism and the baselines side by side.

    Example: newsprism eval summarize clusters.jsonl --words 100 --out summaries/
    """
    from newsprism.evaluate.summaries import evaluate_summaries, print_report

    chosen = [b.strip() for b in baselines.split(",") if b.strip()]
    try:
        report = evaluate_summaries(data, words, out, chosen, systems=systems)
    except NewsprismError as exc:
        raise fail_with(exc) from None
    print_report(report, Console())


Db = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Corpus database: sqlite:///PATH or postgresql://USER:PASS@HOST/DB "
        "(setting \\[store] url: $NEWSPRISM_DB, else a file in the user data folder).",
    ),
]


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(
        help="Files, folders, JSONL, feeds; - is stdin; web pages (http/https URLs).")],
    db: Db = None,
    batch_size: Annotated[int | None, typer.Option(
        help=setting_help("Articles saved per transaction", "ingest.batch_size"), min=1)]
    = None,
    analyse: Annotated[bool | None, typer.Option(
        help=setting_help("Analyse articles: entities, quotes...", "ingest.analyse"))] = None,
    ray: Annotated[str | None, typer.Option(
        help="Analyse on a Ray cluster: 'local' starts one here, 'auto' joins this node's, "
             "ray://HOST:10001 a remote one. Give it a --batch-size of a few hundred per node "
             "(setting \\[ingest] ray).",
        metavar="ADDRESS")] = None,
    config: Config = None,
) -> None:
    """Add articles to the corpus: resumable, and nothing is stored twice.

    Example: newsprism ingest archive/ feeds/wire.rss dump.jsonl, then newsprism stories

    Exit status: 0 when every input was stored (or already was), 1 when some were not (the rest
    are stored), 2 when the database cannot be used.
    """
    from newsprism.corpus import analyser, ingest_paths
    from newsprism.fetch import read_inputs
    from newsprism.store import open_store
    from newsprism.stories.persist import StoryHook

    settings = settings_for(config, store__url=("--db", db), ingest__analyse=("--analyse", analyse),
                            ingest__batch_size=("--batch-size", batch_size),
                            ingest__ray=("--ray", ray))
    try:
        with open_store(settings.store.url) as store:
            stories = StoryHook(store, settings.stories)
            report = ingest_paths(paths, store, batch_size=settings.ingest.batch_size,
                                  progress=True, analyse=analyser(settings.ingest),
                                  on_batch=stories, on_end=stories.finish,
                                  read=partial(read_inputs, settings=settings.fetch))
    except NewsprismError as exc:
        raise fail_with(exc) from None
    for line in report.warnings:
        warn(line)
    for line in report.problems:
        error(line)
    errors.print(report.summary(), markup=False)
    raise typer.Exit(0 if report.ok else 1)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find, or a description (--semantic).")],
    db: Db = None,
    semantic: Annotated[bool, typer.Option(help="Search by meaning, not words.")] = False,
    articles: Annotated[bool, typer.Option(help="Rank articles, not sentences.")] = False,
    since: Annotated[str | None, typer.Option(help="Dated on or after YYYY-MM-DD.",
                                              callback=option_date)] = None,
    until: Annotated[str | None, typer.Option(help="Dated on or before YYYY-MM-DD.",
                                              callback=option_date)] = None,
    story: Annotated[str | None, typer.Option(help="Only articles of this story.")] = None,
    limit: Annotated[int, typer.Option(help="How many results.", min=1)] = 10,
    copies: Annotated[bool, typer.Option(help="Also show copies of wire stories.")] = False,
    config: Config = None,
) -> None:
    """Find sentences (or articles) in the corpus, each with where it comes from.

    Example: newsprism search "rare earth" --since 2025-01-01; --semantic finds by meaning
    """
    from newsprism.corpus import search_corpus, story_title
    from newsprism.store import SearchFilters, open_store

    out = Console(highlight=False)
    settings = settings_for(config, store__url=("--db", db))
    try:
        with open_store(settings.store.url) as store:
            level = "article" if articles else "sentence"
            wanted = SearchFilters(level, since, until, story, limit, copies)
            hits = search_corpus(store, query, wanted, semantic=semantic)
            untitled = [hit.article for hit in hits if articles and not hit.text]
            leads = {a.id: story_title(None, (), a.text)
                     for a in store.articles.get_many(untitled)} if untitled else {}
    except NewsprismError as exc:
        raise fail_with(exc) from None
    for hit in hits:
        span = f" [{hit.start}:{hit.end}]" if hit.start is not None else ""
        story_name = hit.story and f"story {hit.story}"
        source = " · ".join(x for x in (hit.outlet, hit.date, story_name) if x)
        out.print(f"[bold]{hit.score:.3f}[/] {hit.article}{span} {source}")
        # an untitled article shows its opening words, as `stories` lists it, never a blank
        out.print(f"    {hit.text or leads.get(hit.article) or ''}", markup=False)
    if not hits:
        out.print("no matches")


def option_level(value: str) -> str:
    """--level: event or storyline; anything else is a usage error (exit 2)."""
    if value not in ("event", "storyline"):
        raise fail(f"--level {value!r}: use event or storyline", code=2)
    return value


Grouping = Annotated[str, typer.Option(
    "--level", help="event (one incident: the default) or storyline (the events of one topic).",
    callback=option_level)]


@app.command()
def stories(
    db: Db = None,
    since: Annotated[str | None, typer.Option(help="With news on or after YYYY-MM-DD.",
                                              callback=option_date)] = None,
    query: Annotated[str | None, typer.Option(help="Whose articles match these words.")] = None,
    limit: Annotated[int, typer.Option(help="How many stories.", min=1)] = 20,
    level: Grouping = "event",
    config: Config = None,
) -> None:
    """List the corpus's stories (events) or storylines, latest news first, with their articles
    and sources.

    Example: newsprism stories --since 2025-03-01 --query strike, then newsprism story ID
    """
    from rich.table import Column, Table

    from newsprism.corpus import find_stories
    from newsprism.store import open_store

    if level == "storyline" and query:
        raise fail("--query lists events; drop it with --level storyline", code=2)
    settings = settings_for(config, store__url=("--db", db))
    try:
        with open_store(settings.store.url) as store:
            if level == "storyline":
                lines = store.storylines.list(since=since, limit=limit)
                found = [store.stories.get(line.event_ids[0]) for line in lines]
            else:
                found = find_stories(store, since=since, query=query, limit=limit)
            first_title = _story_titles(store, [s for s in found if s])
    except NewsprismError as exc:
        raise fail_with(exc) from None
    # Ids are what a reader copies into `newsprism story`: never cut short.
    width = max((len(x.id) for x in (lines if level == "storyline" else found) if x), default=5)
    key = Column(level if level == "storyline" else "story", no_wrap=True, min_width=width)
    # One line a story: a long headline (a first sentence, a URL) wrapped over three lines
    # made the list hard to scan; it is cut with "…" (the web list shows it whole). A cell's
    # Text cuts; a column set not to wrap squeezed the count columns out instead.
    dates = Column("dates", no_wrap=True)
    if level == "storyline":
        table = Table(key, "events", "articles", "sources", dates, "first headline", box=None)
        for line, event in zip(lines, found, strict=True):
            title = line.title or (first_title.get(event.id) if event else None)
            table.add_row(line.id, str(line.event_count), str(line.article_count),
                          str(line.source_count), _dates(line.first_date, line.last_date),
                          _one_line(title))
    else:
        table = Table(key, "articles", "sources", dates, "first headline", box=None)
        for story in found:
            table.add_row(story.id, str(story.article_count), str(story.source_count),
                          _dates(story.first_date, story.last_date),
                          _one_line(first_title[story.id]))
    Console().print(table if found else "no stories: `newsprism ingest` some articles first")


def _one_line(text: str | None) -> Text:
    """A table cell kept to one line, cut with "…" where it is too long."""
    return Text(text or "", no_wrap=True, overflow="ellipsis")


def _story_titles(store: Store, found: list[StoredStory]) -> dict[str, str | None]:
    """Each story's title as the web app lists it (``story_title``): an untitled report shows
    its opening words, never a blank."""
    from newsprism.corpus import story_title

    heads = {h.id: h for h in store.articles.heads([a for s in found for a in s.article_ids])}
    members = {s.id: [heads[a] for a in s.article_ids if a in heads] for s in found}
    untitled = [m[0].id for s in found if (m := members[s.id])
                and not s.title and not any(h.title for h in m)]  # fmt: skip
    leads = {a.id: a.text for a in store.articles.get_many(untitled)} if untitled else {}
    lead = {s.id: leads.get(m[0].id) if (m := members[s.id]) else None for s in found}
    return {s.id: story_title(s.title, members[s.id], lead[s.id]) for s in found}


def _dates(first: str | None, last: str | None) -> str:
    return " – ".join(dict.fromkeys(d for d in (first, last) if d))


@app.command()
def story(
    story_id: Annotated[str, typer.Argument(
        help="A story (event) or storyline id, as `newsprism stories` lists them.")],
    db: Db = None,
    format: Format = "terminal",
    output: Output = None,
    config: Config = None,
) -> None:
    """Brief one stored story: the `brief` briefing of its articles (copies left out). A
    storyline briefs as its events in time order, each with its own briefing.

    Example: newsprism story ID --format html -o story.html (ids as newsprism stories lists them)
    """
    from newsprism.corpus import brief_story, brief_storyline
    from newsprism.store import open_store

    check_format(format)
    settings = settings_for(config, store__url=("--db", db))
    try:
        with open_store(settings.store.url) as store, \
                Console(stderr=True).status("briefing the story"):
            if store.stories.resolve(story_id) is None and store.storylines.resolve(story_id):
                if format == "html":
                    raise fail("a storyline briefs as terminal, markdown or json; brief one "
                               "of its events (`newsprism story EVENT`) as html", code=2)
                show_storyline(story_id, brief_storyline(store, story_id, settings), format,
                               output)
                return
            briefing = brief_story(store, story_id, settings)
        show_briefing(briefing, format, output)
    except NewsprismError as exc:
        raise fail_with(exc) from None


def show_storyline(storyline_id: str, events: Sequence[tuple[StoredStory, Briefing]], format: str,
                   output: Path | None) -> None:
    """A storyline's events, each a heading and its briefing, in ``format`` (JSON: an object
    holding each event's briefing)."""
    import json

    from newsprism.corpus import plural
    from newsprism.render import print_briefing, write_briefing

    # An undated event's heading has no dates, not an empty one: "(, 1 articles, 1 sources)".
    headings = [f"Event {n} of {len(events)}: {event.id} ("
                + ", ".join(part for part in (
                    _dates(event.first_date, event.last_date),
                    f"{event.article_count} {plural(event.article_count, 'article')}",
                    f"{event.source_count} {plural(event.source_count, 'source')}") if part)
                + ")" for n, (event, _) in enumerate(events, 1)]
    if format == "terminal" and output is None:
        console = Console()
        console.print(f"[bold]Storyline {storyline_id}[/]: {len(events)} events")
        for heading, (_, briefing) in zip(headings, events, strict=True):
            console.rule(heading)
            print_briefing(briefing, console)
        return
    if format == "json":
        text = json.dumps({"storyline": storyline_id, "events": [
            {"id": event.id, "first_date": event.first_date, "last_date": event.last_date,
             "briefing": json.loads(write_briefing(briefing, "json"))}
            for event, briefing in events]}, indent=1) + "\n"
    else:
        text = f"# Storyline {storyline_id}\n\n" + "\n".join(
            f"## {heading}\n\n{write_briefing(briefing, format)}"  # type: ignore[arg-type]
            for heading, (_, briefing) in zip(headings, events, strict=True))
    if output is not None:
        output.write_text(text, encoding="utf-8")
        errors.print(f"wrote {output}")
    else:
        sys.stdout.write(text)


@app.command()
def serve(
    db: Db = None,
    host: Annotated[str | None, typer.Option(
        help=setting_help("Address to listen on, 0.0.0.0: every one", "serve.host"))]
    = None,
    port: Annotated[int | None, typer.Option(
        help=setting_help("Port to listen on", "serve.port"), min=1, max=65535)] = None,
    reads: Annotated[str | None, typer.Option(
        help=setting_help("open, or token: reads need the token", "serve.reads"))]
    = None,
    config: Config = None,
) -> None:
    """Run the web app and JSON API over the corpus (writes need $NEWSPRISM_TOKEN).

    Example: newsprism serve, then open http://127.0.0.1:8000/ (the API at /api/openapi.json)
    """
    import uvicorn

    from newsprism.store import open_store
    from newsprism.stories.persist import StoryHook
    from newsprism.web import create_app

    settings = settings_for(config, store__url=("--db", db), serve__host=("--host", host),
                            serve__port=("--port", port), serve__reads=("--reads", reads))
    serving = settings.serve
    if not serving.open_reads and not serving.token:
        raise fail("[serve] reads = 'token' needs a token: set $NEWSPRISM_TOKEN", code=2)
    try:
        with open_store(settings.store.url) as store:
            app = create_app(store, settings, stories=StoryHook(store, settings.stories))
            errors.print(f"newsprism: serving {store.url} on http://{serving.host}:{serving.port}/")
            uvicorn.run(app, host=serving.host, port=serving.port, log_level="warning")
    except NewsprismError as exc:
        raise fail(str(exc), code=2) from None


@eval_app.command("align")
def eval_align(
    pairs: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="JSONL {id, a, b}.")],
    task: Annotated[str, typer.Option(help="same (same fact?) or stance (b towards a).")],
    out: Annotated[Path, typer.Option(help="Write {id, label, score} lines here.")],
    gold: Annotated[Path | None, typer.Option(exists=True, dir_okay=False,
                                              help="JSONL of {id, label}: score against it.")]
    = None,
) -> None:
    """Judge text pairs with the relation model (the compare stage's) and score them.

    Example: newsprism eval align pairs.jsonl --task stance --out pred.jsonl --gold gold.jsonl
    (accuracy, macro F1 and the FNC-1 score)
    """
    from newsprism.evaluate.align import align_pairs

    if task not in ("same", "stance"):
        raise typer.BadParameter("use 'same' or 'stance'", param_hint="--task")
    report = align_pairs(pairs, task, out, gold)  # type: ignore[arg-type]
    for problem in report.problems:
        error(problem)
    typer.echo(f"wrote {report.written} predictions to {out}")
    if report.scores:
        typer.echo(f"scored {report.scored} pairs: "
                   + ", ".join(f"{k} {v:.2f}" for k, v in report.scores.items()))
    raise typer.Exit(1 if report.problems else 0)


@eval_app.command("cluster")
def eval_cluster(
    docs: Annotated[Path, typer.Argument(help='JSONL, one {"id","title","text","outlet","date"}'
                                         " per line, in stream order.")],
    out: Annotated[Path, typer.Option("--out", help='Where to write {"id","story"} lines.')],
    gold: Annotated[Path | None, typer.Option("--gold", help='{"id","story"} lines to score.')]
    = None,
    level: Grouping = "event",
    config: Config = None,
) -> None:
    """Cluster documents into stories (events) or storylines as ingest does (its \\[stories]
    settings); with --gold print B-cubed, ARI, NMI.

    Example: newsprism eval cluster docs.jsonl --out pred.jsonl --gold gold.jsonl --level storyline
    """
    from newsprism.evaluate.clusters import evaluate_cluster_file

    settings = settings_for(config)
    try:
        run = evaluate_cluster_file(docs, out, gold, settings.stories, level)
    except (NewsprismError, OSError) as exc:
        raise fail_with(exc) from None
    for problem in run.problems:
        report_problem(problem)
    typer.echo(f"{len(run.ids)} documents, {len(set(run.stories))} stories -> {out}")
    if run.scores:
        typer.echo(" ".join(f"{k}={v:.4f}" if isinstance(v, float) else f"{k}={v}"
                            for k, v in run.scores.as_dict().items()))
    raise typer.Exit(1 if any(isinstance(p, InputError) for p in run.problems) else 0)


@eval_app.command("compare")
def eval_compare(
    clusters: Annotated[Path, typer.Argument(
        exists=True, dir_okay=False,
        help='JSONL, one {"cluster","corpus","half","articles":[...]} per line.')],
    gold: Annotated[Path, typer.Option(exists=True, help="Gold JSONL, or a folder of them.")],
    half: Annotated[str, typer.Option(help="tune, heldout or all.")] = "all",
    out: Annotated[Path | None, typer.Option(help="Write per-claim verdicts here.")] = None,
    config: Config = None,
) -> None:
    """Brief real clusters (with the \\[brief] and \\[compare] settings) and score compare's
    claims and quotes against judged pairs.

    Example: newsprism eval compare clusters.jsonl --gold bench/compare_gold/judgments --half tune
    (clusters.jsonl written by python -m newsprism.evaluate.compare export --data ../shared/data
    --out clusters.jsonl)
    """
    from newsprism.evaluate.compare import HALVES, evaluate_compare, print_report

    if half not in HALVES:
        raise typer.BadParameter("use tune, heldout or all", param_hint="--half")
    settings = settings_for(config)
    try:
        run = evaluate_compare(clusters, gold, half, out, settings)
    except (NewsprismError, OSError) as exc:
        raise fail_with(exc) from None
    for problem in run.problems:
        error(problem)
    print_report(run, Console())
    if out is not None:
        errors.print(f"wrote {out}")
    raise typer.Exit(1 if run.problems else 0)


@app.command()
def watch(
    sources: Annotated[list[str] | None, typer.Argument(
        help="Feed, sitemap or home page URLs, OPML files, text files of URLs (one a line). "
             "None: go on watching what the database watches.")] = None,
    db: Db = None,
    every: Annotated[str | None, typer.Option(
        help=setting_help("How often to poll a new source (30s, 15m, 2h, or seconds); it adapts "
                          "to how busy it is", "watch.every"))] = None,
    once: Annotated[bool, typer.Option(
        help="Poll every source once, fetch what is new, and stop.")] = False,
    delay: Annotated[float | None, typer.Option(
        help=setting_help("Seconds between two requests to one site, robots.txt may ask for more",
                          "fetch.delay"), min=0.0)] = None,
    analyse: Annotated[bool | None, typer.Option(
        help=setting_help("Analyse articles: entities, quotes...", "ingest.analyse"))] = None,
    batch_size: Annotated[int | None, typer.Option(
        help=setting_help("Pages fetched and stored together, a killed watch fetches at most "
                          "these again", "watch.batch_size"), min=1)] = None,
    config: Config = None,
) -> None:
    """Follow feeds, sitemaps and sites: poll them, fetch new articles politely, ingest them.

    Stop it at any time (Ctrl-C, SIGTERM or even SIGKILL): a restart goes on where it was, with
    nothing fetched twice.

    Example: newsprism watch feeds.opml https://harbour.example/ --db sqlite:///news.db --once,
    then newsprism sources --db sqlite:///news.db
    """
    import signal
    import threading

    from newsprism.corpus import analyser
    from newsprism.fetch.watch import Watch
    from newsprism.store import open_store
    from newsprism.stories.persist import StoryHook

    settings = settings_for(config, store__url=("--db", db), watch__every=("--every", every),
                            fetch__delay=("--delay", delay), ingest__analyse=("--analyse", analyse),
                            watch__batch_size=("--batch-size", batch_size))
    analyse_with = analyser(settings.ingest)
    stop = threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())  # a service's stop

    def say(line: str) -> None:
        errors.print(line, markup=False)

    problems: list[str] = []
    report = None
    try:
        with open_store(settings.store.url) as store, \
                Console(stderr=True).status("watching") as spinner:
            hook = StoryHook(store, settings.stories) if analyse_with else None
            watcher = Watch(store, settings, analyse=analyse_with, on_batch=hook, on_line=say,
                            on_status=spinner.update)
            try:
                problems = watcher.add_sources(sources or [])
                for line in problems:
                    error(line)
                if not store.watch.sources():
                    raise fail("nothing to watch: give feed, sitemap or site URLs, or OPML files")
                report = watcher.run(once=once, stop=stop)
            except KeyboardInterrupt:
                pass  # Ctrl-C: the batch being stored was rolled back; a restart redoes it
            finally:
                watcher.close()
                if hook is not None:
                    hook.finish(store)
    except NewsprismError as exc:
        raise fail_with(exc) from None
    finally:
        signal.signal(signal.SIGTERM, previous)
    raise typer.Exit(1 if problems or (once and report is not None and report.failed) else 0)


@app.command("config")
def show_config(
    config: Config = None,
    docs: Annotated[bool, typer.Option(
        help="Print the reference of every setting (docs/settings.md) instead.")] = False,
) -> None:
    """Print the effective settings, as a TOML file, each with where it came from.

    Each setting takes the last of, in order of precedence:

    1. the package's default;

    2. a TOML file: --config PATH, else $NEWSPRISM_CONFIG,
    else newsprism.toml in the user config folder;

    3. an environment variable, NEWSPRISM_<TABLE>_<KEY>:
    NEWSPRISM_BRIEF_ITEMS=5 (\\[store] url is $NEWSPRISM_DB);

    4. a command-line flag: --items, --db...

    Settings sit in one TOML table per stage: \\[brief] \\[compare]
    \\[stories] \\[ingest] \\[fetch] \\[watch] \\[serve] \\[store]. Save this output as
    newsprism.toml to start a settings file; docs/settings.md says
    what each setting does (newsprism config --docs prints it).

    Example: newsprism config > ~/.config/newsprism/newsprism.toml
    """
    from newsprism.settings import describe, reference

    sys.stdout.write(reference() if docs else describe(resolved_for(config)))


@app.command("sources")
def list_sources(db: Db = None, config: Config = None) -> None:
    """The sources `newsprism watch` follows and their health: last fetch, status, new
    articles per day, errors.

    Example: newsprism sources --db sqlite:///news.db
    """
    import time
    from datetime import datetime

    from rich.table import Column, Table

    from newsprism.store import open_store

    settings = settings_for(config, store__url=("--db", db))
    try:
        with open_store(settings.store.url) as store:
            health = store.watch.health(time.time())
    except NewsprismError as exc:
        raise fail_with(exc) from None

    def when(at: float | None) -> str:
        return datetime.fromtimestamp(at).strftime("%Y-%m-%d %H:%M") if at else "never"

    # A URL is folded onto the next line, never cut: two feeds of one site were both
    # "http://127.0.0.1:8765/fe…" in a terminal of 130 columns.
    table = Table(Column("source", overflow="fold"), "kind", "last fetch", "status", "new/day",
                  "errors 24 h", "next poll", Column("last error", overflow="fold"), box=None)
    for item in health:
        source = item.source
        table.add_row(source.url, source.kind, when(source.last_fetch_at),
                      str(source.last_status or "-"), f"{item.per_day:.1f}", str(item.errors),
                      when(source.next_at), item.last_error or "")  # fmt: skip
    Console().print(table if health else "no sources: `newsprism watch URL...` adds some")


def _unwrap_help(*apps: typer.Typer) -> None:
    """A command's help as its docstring says it, each paragraph on one line for the terminal to
    wrap: `newsprism --help` lists the first paragraph, and a command's --help printed its other
    paragraphs with the docstring's own breaks at 100 columns, mid-sentence ("(the rest" / "are
    stored)")."""
    for typer_app in apps:
        for command in typer_app.registered_commands:
            doc = command.help or inspect.getdoc(command.callback) or ""
            paragraphs = [" ".join(part.split()) for part in doc.split("\n\n")]
            command.help = "\n\n".join(paragraphs)
            command.short_help = command.short_help or paragraphs[0]


_unwrap_help(app, eval_app)
