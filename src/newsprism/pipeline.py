"""The one place that knows the order of the stages: ingest → analyse → compare → brief."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from newsprism.analyse import analyse_articles, resolve_and_name
from newsprism.analyse.recase import NO_NAMES, Names, is_caseless
from newsprism.briefing import explain_overlaps, summarize_claims
from newsprism.compare import compare_articles
from newsprism.compare.sources import fold_copies, independent_sources
from newsprism.ingest import read_articles
from newsprism.model import Analysis, Article, Briefing, Printed
from newsprism.settings import DEFAULTS, Settings

Progress = Callable[[str], None]


def load_models() -> None:
    """Load what briefing needs before its first article (spaCy, the sentence encoder, the date
    parser's language data, the hashing and stemming libraries), so that a server or a
    benchmark pays for it once, up front."""
    from newsprism.analyse.dates import normalise_date_expression
    from newsprism.analyse.nlp import load_nlp
    from newsprism.dedup import DuplicateFinder
    from newsprism.embed import load_encoder
    from newsprism.summarize.words import stem_word

    load_nlp("full")
    load_encoder().encode(["warm up"])
    normalise_date_expression("April 25, 2019", None)
    DuplicateFinder().fingerprint(Article("warm-up", "warm up"))
    stem_word("warming")


def brief(
    sources: Sequence[str | Path],
    *,
    settings: Settings = DEFAULTS,
    stdin: bytes | None = None,
    progress: Progress | None = None,
) -> Briefing:
    """Read articles from files, folders or ``-`` (stdin) and brief them.

    Inputs that cannot be read are listed in ``Briefing.problems``; the rest are briefed.
    """
    ingested = read_articles(sources, stdin=stdin)
    problems = [str(problem) for problem in ingested.problems]
    return build_briefing(ingested.articles, problems=problems, settings=settings,
                          progress=progress)


def build_briefing(
    articles: Sequence[Article],
    *,
    problems: Sequence[str] = (),
    settings: Settings = DEFAULTS,
    progress: Progress | None = None,
    analysed: Callable[[Sequence[Analysis]], None] | None = None,
) -> Briefing:
    """Analyse, compare and summarise articles that are already read; ``analysed`` is shown
    the analyses of the articles briefed (copies folded in) before they are compared."""
    return _brief(articles, problems, settings, progress, analysed)


def brief_analyses(
    analyses: Sequence[Analysis],
    *,
    problems: Sequence[str] = (),
    settings: Settings = DEFAULTS,
    progress: Progress | None = None,
    left_out: Mapping[str, Sequence[Printed]] | None = None,
) -> Briefing:
    """Compare and summarise articles already analysed (a stored story's, say); ``left_out``:
    copies of them not given, by the id of the article each copies (their sources list them
    among those that print their text)."""
    return _brief(analyses, problems, settings, progress, left_out=left_out)


def _brief(
    given: Sequence[Article] | Sequence[Analysis],
    problems: Sequence[str],
    settings: Settings,
    progress: Progress | None,
    analysed: Callable[[Sequence[Analysis]], None] | None = None,
    left_out: Mapping[str, Sequence[Printed]] | None = None,
) -> Briefing:
    """The one place a briefing folds copies in: each text is analysed and counted once."""
    report = progress or (lambda _: None)
    kept, folded, copies = fold_copies([getattr(item, "article", item) for item in given])
    printed: dict[str, list[Printed]] = {i: [*found] for i, found in copies.items()}
    for original, more in (left_out or {}).items():
        printed[original] = [*printed.get(original, ()), *more]
    notes = (folded,) if folded else ()
    wanted = {article.id for article in kept}
    members = [item for item in given if getattr(item, "article", item).id in wanted]
    if not members:
        return Briefing(problems=tuple(problems), notes=notes)
    fresh = [item for item in members if isinstance(item, Article)]
    if fresh:
        report(f"analysing {len(fresh)} article{'s' * (len(fresh) != 1)}")
    # A caseless text is read with the names cased as the briefing's other articles write them;
    # a briefing with none (nearly all) needs no names, so it does not gather them.
    texts = [getattr(item, "article", item).text for item in members]
    names = Names.from_texts(texts) if any(map(is_caseless, texts)) else NO_NAMES
    done = iter(analyse_articles(fresh, names=names) if fresh else ())
    analyses = [item if isinstance(item, Analysis) else next(done) for item in members]
    if analysed is not None:
        analysed(analyses)
    entities, quotes = resolve_and_name(analyses, names)
    report("comparing sources")
    figures = [f for a in analyses for f in a.figures]
    claims = explain_overlaps(
        compare_articles(analyses, quotes, entities=entities, settings=settings.compare), quotes,
        figures
    )
    report("summarising")
    summary = summarize_claims(analyses, claims, settings.brief)
    documents = tuple(a.article for a in analyses)
    return Briefing(
        documents=documents,
        entities=tuple(entities),
        quotes=tuple(quotes),
        figures=tuple(figures),
        dates=tuple(d for a in analyses for d in a.dates),
        citations=tuple(c for a in analyses for c in a.citations),
        claims=tuple(claims),
        summary=tuple(summary),
        problems=tuple(problems),
        sources=independent_sources(documents, printed),
        notes=notes,
    )


def brief_stored(stored: Sequence[Analysis] | Sequence[Article],
                 settings: Settings = DEFAULTS,
                 left_out: Mapping[str, Sequence[Printed]] | None = None) -> Briefing:
    """Brief articles read back from a corpus: from their stored analyses when every one has
    one, else (some were stored without analysis) analysed afresh; ``left_out`` as
    ``brief_analyses``'s."""
    analyses = [item for item in stored if isinstance(item, Analysis)]
    if len(analyses) == len(stored):
        return brief_analyses(analyses, settings=settings, left_out=left_out)
    articles = [getattr(item, "article", item) for item in stored]
    return _brief(articles, (), settings, None, left_out=left_out)
