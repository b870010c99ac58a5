"""Grow a corpus: read → skip what is stored → find copies → analyse → save → cluster, per batch.

``ingest_paths`` is what ``newsprism ingest`` calls. Each batch of new articles is saved with its
duplicate links, analyses, search index and (through ``on_batch``) story assignments in ONE
transaction, so a process killed at any point leaves whole batches only; running the same
command again skips every stored article (by id and exact text) and finishes the rest. Inputs
are read one file at a time, so memory holds one file and one batch, whatever the corpus size.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from newsprism.dedup import DuplicateFinder, page_of
from newsprism.errors import InputError, InputProblem, InputWarning, NotFoundError
from newsprism.ingest.dates import read_date
from newsprism.ingest.read import ARTICLE_SUFFIXES, Ingested, read_articles
from newsprism.ingest.text import opening
from newsprism.model import Analysis, Article, Briefing, Sentence, source_key
from newsprism.settings import DEFAULTS, IngestSettings, Settings
from newsprism.store import (
    SaveResult,
    SearchFilters,
    SearchHit,
    Store,
    StoredStory,
    content_hash,
)
from newsprism.store.records import ArticleHead

if TYPE_CHECKING:
    import numpy as np

# An analyse function returns the analyses, or a function that waits for them: then ingest
# stores one batch while the next is analysed (``analyse_batch`` does so on the worker pool).
Pending = Callable[[], list[Analysis]]
Analyse = Callable[[list[Article]], list[Analysis] | Pending]
OnBatch = Callable[[Store, list[Article], list[Analysis] | None], None]
OnEnd = Callable[[Store], None]
BATCH_SIZE = DEFAULTS.ingest.batch_size
FUTURE_SLACK = timedelta(days=1)  # time zones: "tomorrow" may already be today somewhere


@dataclass
class IngestReport:
    """What an ingest did. Every article read is counted once: ``read == saved + unchanged +
    refused``; ``problems`` also names the inputs that gave no article at all."""

    read: int = 0  # articles read from the inputs
    saved: int = 0  # new articles stored now
    unchanged: int = 0  # already stored with the same text (by an earlier run, an earlier
    # input of this one or another process at the same time): skipped
    refused: int = 0  # read but not stored: their id is stored with other text
    copies: int = 0  # of the saved, how many are copies of an original (exact or near)
    problems: list[str] = field(default_factory=list)  # one line each: an input not stored
    warnings: list[str] = field(default_factory=list)  # one line each: stored, with a doubt
    stored: list[str] = field(default_factory=list)  # ids saved now or found stored with the
    # same text (saved and unchanged), each once: what a caller can ask for next

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def done(self) -> int:
        """Articles read and dealt with: stored, found stored, or refused."""
        return self.saved + self.unchanged + self.refused

    @property
    def unreadable(self) -> int:
        """Inputs (files, lines) that gave no article."""
        return len(self.problems) - self.refused

    def summary(self) -> str:
        """The one-line account ``newsprism ingest`` ends with."""
        line = (f"{self.read} read: {self.saved} new ({self.copies} "
                f"{plural(self.copies, 'copy', 'copies')} of an original), "
                f"{self.unchanged} already stored, {self.refused} refused")  # fmt: skip
        if self.unreadable:
            line += f"; {self.unreadable} {plural(self.unreadable, 'input')} could not be read"
        return line


def plural(count: int, word: str, plural: str | None = None) -> str:
    return word if count == 1 else plural or f"{word}s"


def ingest_paths(
    paths: Iterable[str | Path],
    store: Store,
    *,
    analyse: Analyse | None = None,
    on_batch: OnBatch | None = None,
    on_end: OnEnd | None = None,
    index: bool = True,
    batch_size: int = BATCH_SIZE,
    progress: bool = False,
    finder: DuplicateFinder | None = None,
    today: date | None = None,
    read: Callable[[list[str]], Ingested] = read_articles,
) -> IngestReport:
    """Ingest files, folders (recursive) and ``-`` (stdin) into ``store``; idempotent. ``read``
    reads each source (``newsprism.fetch.read_inputs`` fetches web pages too).

    ``analyse`` turns new articles into ``Analysis`` objects (stored, and their sentences
    indexed); without it sentences are split for the search index only. ``on_batch(store,
    articles, analyses)`` runs inside each batch's transaction: the clusterer assigns stories
    there, so stories never miss a stored article; ``on_end(store)`` runs once the last batch
    is saved (``StoryHook.finish``). ``index`` adds the semantic-search vectors.
    """
    sources = list(expand_sources(paths))
    with _progress(progress) as advance:
        return _ingest(
            (read([source]) for source in sources), store, analyse=analyse,
            on_batch=on_batch, on_end=on_end, index=index, batch_size=batch_size,
            finder=finder, today=today, advance=advance,
        )  # fmt: skip


def ingest_articles(
    articles: Iterable[Article],
    store: Store,
    *,
    problems: Iterable[InputProblem] = (),
    analyse: Analyse | None = None,
    on_batch: OnBatch | None = None,
    on_end: OnEnd | None = None,
    index: bool = True,
    batch_size: int = BATCH_SIZE,
    finder: DuplicateFinder | None = None,
    today: date | None = None,
) -> IngestReport:
    """Ingest articles already read (``newsprism.ingest.read_bytes``, ``read_record``...) into
    ``store`` as ``ingest_paths`` does files; ``problems`` met reading them join the report."""
    return _ingest(
        [Ingested(list(articles), list(problems))], store, analyse=analyse, on_batch=on_batch,
        on_end=on_end, index=index, batch_size=batch_size, finder=finder, today=today,
        advance=lambda report: None,
    )  # fmt: skip


def _ingest(
    inputs: Iterable[Ingested],
    store: Store,
    *,
    analyse: Analyse | None,
    on_batch: OnBatch | None,
    on_end: OnEnd | None,
    index: bool,
    batch_size: int,
    finder: DuplicateFinder | None,
    today: date | None,
    advance: Callable[[IngestReport], None],
) -> IngestReport:
    """The batch path behind both: skip what is stored, link copies, analyse, save, cluster.

    A batch's analysis starts before the previous batch is saved (``Analyse``), so the
    analysis workers and this process' storing, embedding and clustering overlap."""
    report = IngestReport()
    finder = finder or DuplicateFinder()
    latest = (today or datetime.now(UTC).date()) + FUTURE_SLACK
    pending: list[Article] = []
    started: list[tuple[list[Article], Pending | None]] = []  # batches whose analysis runs

    def flush(last: bool = False) -> None:
        if pending:
            started.append((list(pending), _start_analysis(pending, store, analyse)))
            pending.clear()
        while len(started) > (0 if last else 1):
            batch, analyses = started.pop(0)
            _save_batch(batch, store, report, analyses, on_batch, index, finder)
            advance(report)

    for ingested in inputs:
        for problem in ingested.problems:
            target = report.warnings if isinstance(problem, InputWarning) else report.problems
            target.append(str(problem))
        for article in ingested.articles:
            report.read += 1
            pending.append(_check_date(article, latest, report))
            if len(pending) >= batch_size:
                flush()
        advance(report)
    flush(last=True)
    if on_end is not None:
        on_end(store)
    advance(report)
    return report


def analyse_batch(articles: list[Article], workers: int | None = None) -> Pending:
    """The analyse stage over one batch, on ``workers`` processes (default: every core) when
    the batch is large: what ``newsprism ingest`` passes as ``analyse``. Returns at once; the
    result waits for the analyses."""
    from newsprism.analyse.parallel import submit_parallel

    return submit_parallel(articles, workers)


def analyser(settings: IngestSettings) -> Analyse | None:
    """The ``analyse`` the ingest settings ask for: none, the Ray engine, or the worker pool."""
    if not settings.analyse:
        return None
    if settings.ray:
        from newsprism.engine import RayEngine

        return RayEngine(settings.ray)
    return partial(analyse_batch, workers=settings.workers or None)


def expand_sources(paths: Iterable[str | Path]) -> Iterator[str]:
    """Files one by one (folders walked in sorted order), so each is read and freed in turn."""
    for path in map(str, paths):
        folder = Path(path)
        if path != "-" and folder.is_dir():
            files = sorted(
                p for p in folder.rglob("*")
                if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
                and not p.name.startswith(".")
            )  # fmt: skip
            yield from (map(str, files) if files else [path])  # an empty folder is reported
        else:
            yield path


def _check_date(article: Article, latest: date, report: IngestReport) -> Article:
    where = article.path or article.id
    try:
        day = read_date(article.date, where)
    except InputError as exc:
        problem = exc.problem
    else:
        if day is None or date.fromisoformat(day) <= latest:
            return article
        problem = f"date {article.date} is in the future"
    report.warnings.append(f"{where}: {problem}; stored without a date")
    return dataclasses.replace(article, date=None)


def _start_analysis(batch: list[Article], store: Store, analyse: Analyse | None) -> Pending | None:
    """Start analysing the batch's articles not stored yet (a resumed ingest analyses only
    what it will store); ``_save_batch`` checks again once the previous batch is saved."""
    if analyse is None:
        return None
    stored = store.articles.hashes([a.id for a in batch])
    first: dict[str, Article] = {}  # an id met twice is stored as first read (_new_articles)
    for article in batch:
        if article.id not in stored:
            first.setdefault(article.id, article)
    result = analyse(list(first.values()))
    return result if callable(result) else lambda: result


def _save_batch(
    batch: list[Article],
    store: Store,
    report: IngestReport,
    pending: Pending | None,
    on_batch: OnBatch | None,
    index: bool,
    finder: DuplicateFinder,
) -> None:
    analysed = {a.article.id: a for a in pending()} if pending is not None else None
    new = _new_articles(batch, store, report)
    if not new:
        return
    prints, links = finder.run(new, store.copies)
    # An article of the previous batch repeated here was analysed twice; only one is stored.
    analyses = [analysed[a.id] for a in new] if analysed is not None else None
    if analyses is not None:
        sentences = [s for a in analyses for s in a.sentences]
    else:
        sentences = _split(new) if index else []
    vectors = _vectors(new, sentences) if index else None
    with store.transaction():  # the slow work is done: hold the write lock briefly
        result = store.articles.save(new, prints, links)
        if len(result.saved) < len(new):  # another process stored some since the check
            new, analyses, sentences, vectors = _only_saved(result, new, analyses, sentences,
                                                            vectors, report)
        if analyses is not None:
            store.analyses.save(analyses)
        else:
            store.search.index_sentences(sentences)
        if vectors is not None:
            store.search.save_vectors(*vectors)
        if on_batch is not None and new:
            on_batch(store, new, analyses)
    report.saved += len(result.saved)
    report.stored.extend(result.saved)
    report.copies += sum(link.article in result.saved for link in links)


def _new_articles(batch: list[Article], store: Store, report: IngestReport) -> list[Article]:
    """The batch's articles whose id is neither stored nor met earlier in the batch; an id
    met again with the same text is counted as already stored, with other text refused."""
    known = store.articles.hashes([a.id for a in batch])
    first: dict[str, Article] = {}  # id -> where this batch first read it
    new = []
    for article in batch:
        digest = content_hash(article.text)
        if article.id not in known:
            known[article.id] = digest
            first[article.id] = article
            new.append(article)
        elif known[article.id] == digest:
            report.unchanged += 1
            report.stored.append(article.id)
        else:
            earlier = first.get(article.id)
            held = f"read from {earlier.path or 'an earlier input'}" if earlier else "stored"
            _refuse(report, article, f"duplicate id: article id {article.id!r} is already {held} "
                    "with different text; kept that one, skipped this one (give it another id)")
    return new


def _refuse(report: IngestReport, article: Article, problem: str) -> None:
    report.refused += 1
    report.problems.append(f"{article.path or '<input>'}: {problem}")


def _only_saved(
    result: SaveResult,
    new: list[Article],
    analyses: list[Analysis] | None,
    sentences: list[Sentence],
    vectors: tuple[str, list[tuple[str, int, np.ndarray]]] | None,
    report: IngestReport,
) -> tuple[list[Article], list[Analysis] | None, list[Sentence],
           tuple[str, list[tuple[str, int, np.ndarray]]] | None]:  # fmt: skip
    """What is left of a batch when another ingest stored some of its ids first (two ingests
    at once): those count as already stored, or refused when their text differs."""
    report.unchanged += len(result.unchanged)
    report.stored.extend(result.unchanged)
    for article in new:
        if article.id in result.conflicts:
            _refuse(report, article, f"duplicate id: article id {article.id!r} was stored with "
                    "different text by another ingest meanwhile; kept that one, skipped this one "
                    "(give it another id)")
    saved = set(result.saved)
    return (
        [a for a in new if a.id in saved],
        [a for a in analyses if a.article.id in saved] if analyses is not None else None,
        [s for s in sentences if s.doc in saved],
        (vectors[0], [row for row in vectors[1] if row[0] in saved]) if vectors else None,
    )


def _split(articles: list[Article]) -> list[Sentence]:
    from newsprism.analyse.sentences import split_sentences

    return [s for sentences in split_sentences(articles) for s in sentences]


def _vectors(
    articles: list[Article], sentences: list[Sentence]
) -> tuple[str, list[tuple[str, int, np.ndarray]]]:
    """Search vectors of every sentence and of each article (its title and opening)."""
    from newsprism.wordvectors import load_search_encoder

    encoder = load_search_encoder()
    vectors = encoder.encode([s.text for s in sentences])
    rows = [(s.doc, s.index, v) for s, v in zip(sentences, vectors, strict=True)]
    heads = encoder.encode([f"{a.title or ''}\n{a.text[:2000]}" for a in articles])
    rows += [(a.id, -1, v) for a, v in zip(articles, heads, strict=True)]
    return encoder.kind, rows


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[IngestReport], None]]:
    """A rich progress bar over the articles (or nothing): of those read so far, how many are
    dealt with, and the time taken. Analysis is most of an ingest's time, and the files are
    read long before it ends: a bar over the files stood near its end, its time left unknown,
    for most of the run."""
    if not enabled:
        yield lambda report: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("articles"), TimeElapsedColumn())
    with Progress(*columns) as bar:
        task = bar.add_task("ingest", total=None)

        def advance(report: IngestReport) -> None:
            bar.update(
                task, completed=report.done, total=report.read or None,
                description=f"ingest: {report.saved} new, {report.unchanged} already stored, "
                f"{report.copies} {plural(report.copies, 'copy', 'copies')}",
            )

        yield advance


def search_corpus(
    store: Store, query: str, filters: SearchFilters = SearchFilters(), *, semantic: bool = False
) -> list[SearchHit]:
    """Full-text (default) or semantic search over the corpus' sentences or articles."""
    if not semantic:
        return store.search.text(query, filters)
    from newsprism.wordvectors import load_search_encoder

    encoder = load_search_encoder()
    vector = encoder.encode([query])[0]
    return store.search.vectors(vector, encoder.kind, filters)


def find_stories(
    store: Store,
    *,
    since: str | None = None,
    until: str | None = None,
    query: str | None = None,
    limit: int = 20,
) -> list[StoredStory]:
    """Live stories, latest news first; with ``query``, those whose articles match it."""
    among = sorted(stories_matching(store, query)) if query else None
    return store.stories.latest(since, until, limit, among=among)


QUERY_ARTICLES = 500  # articles a story query looks at (best matches first)


def stories_matching(store: Store, query: str) -> set[str]:
    """The stories of the articles (copies included) that match ``query`` best, in full text."""
    hits = store.search.text(query, SearchFilters("article", limit=QUERY_ARTICLES, copies=True))
    return {hit.story for hit in hits if hit.story}


def briefing_members(heads: Sequence[ArticleHead],
                     limit: int = DEFAULTS.brief.story_articles,
                     sources: Mapping[str, str] | None = None) -> list[str]:
    """The articles a story's briefing compares: copies left out (their original speaks for
    them), one article per source before a second one from any, at most ``limit``; the
    source of each as ``sources`` counts it (``store.copies.source_keys``: a reprint is its
    original's), else its outlet or original's. Of a live page's versions only the newest
    (the last of ``heads``, which a story lists in ingestion order) is briefed, a near copy of
    its older text or not; the older ones stay stored."""
    newest = {page_of(h.id): h for h in heads}
    ids = {h.id for h in heads}
    originals = [h for h in heads if newest[page_of(h.id)] is h and (
        h.original == h.id or h.original not in ids or page_of(h.original) == page_of(h.id))]
    first: dict[str, str] = {}
    for head in originals:
        counted = (sources or {}).get(head.id) or source_key(head.outlet, head.original)
        first.setdefault(counted, head.id)
    chosen = list(first.values())
    chosen += [h.id for h in originals if h.id not in chosen]
    return chosen[:limit]


def brief_storyline(store: Store, storyline_id: str, settings: Settings = DEFAULTS
                    ) -> list[tuple[StoredStory, Briefing]]:
    """A stored storyline's events in time order, each with its own briefing."""
    line = store.storylines.get(storyline_id)
    if line is None:
        raise NotFoundError(f"no storyline {storyline_id!r} in {store.url}; "
                            "`newsprism stories --level storyline` lists them")
    events = [store.stories.get(event) for event in line.event_ids]
    return [(event, brief_story(store, event.id, settings)) for event in events if event]


def brief_story(store: Store, story_id: str, settings: Settings = DEFAULTS) -> Briefing:
    """The briefing of a stored story (of its ``briefing_members``)."""
    from newsprism.pipeline import brief_stored

    story = store.stories.get(story_id)
    if story is None:
        raise NotFoundError(f"no story or storyline {story_id!r} in {store.url}; `newsprism "
                            "stories [--level storyline]` lists them")
    heads = store.articles.heads(list(story.article_ids))
    ids = briefing_members(heads, settings.brief.story_articles,
                           store.copies.source_keys(story.article_ids))
    return brief_stored(briefing_inputs(store, ids), settings, copies_left_out(heads, ids))


def copies_left_out(heads: Sequence[ArticleHead], briefed: Sequence[str]
                    ) -> dict[str, list[ArticleHead]]:
    """The stored copies of the ``briefed`` articles that a briefing leaves out (their
    original speaks for them), by the id of the article each copies: the briefing's sources
    name them among those that print their text."""
    chosen = set(briefed)
    copies: dict[str, list[ArticleHead]] = {}
    for head in heads:
        if head.original != head.id and head.original in chosen and head.id not in chosen:
            copies.setdefault(head.original, []).append(head)
    return copies


def briefing_inputs(store: Store, ids: Sequence[str]) -> Sequence[Analysis] | Sequence[Article]:
    """What ``brief_stored`` reads of these articles: their stored analyses when every one has
    one (no spaCy run), else the articles themselves."""
    analyses = store.analyses.get_many(ids)
    if len(analyses) == len(ids):
        return [analyses[a] for a in ids]
    return store.articles.get_many(ids)


TITLE_WORDS = 10  # an untitled story is titled by this many words of its first article's lead
_DANGLING = {"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by",
             "with", "from", "as", "that"}  # fmt: skip


def story_title(own: str | None, heads: Sequence[ArticleHead], lead: str | None) -> str | None:
    """What a list shows a story as: its own title, else its first titled article's, else the
    first words of ``lead``, its first article's text (an untitled report is never blank),
    after its byline or dateline ("By Fred Kiva A game ranger's..." named no story)."""
    title = own or next((h.title for h in heads if h.title), None)
    return excerpt_words(opening(lead)) if title is None and lead else title


def excerpt_words(text: str, words: int = TITLE_WORDS) -> str:
    """The first ``words`` words of ``text`` on one line, with "…" where the text goes on (cut
    before a trailing "in", "the"...: a title does not end on one)."""
    found = text.split(maxsplit=words)
    if len(found) <= words:
        return " ".join(found)
    kept = found[:words]
    while len(kept) > 1 and kept[-1].casefold() in _DANGLING:
        kept.pop()
    return " ".join(kept).rstrip(" ,;:—-") + "…"
