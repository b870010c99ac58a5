"""What the API and the pages read and write, over one store shared by every request.

The store's connection is used by one thread only, a thread of its own (``StoreThread``): a
database connection is not safe for concurrent use, and the event loop must never wait on
SQL. Briefings are built on a worker thread, one at a time (the models are loaded once and
are not safe for concurrent calls), and cached in the store under a key made of the story's
briefed members, so a story page runs the pipeline only when the story has grown.

A briefing not yet cached is built in the background, once for every request that asks for
it meanwhile: a request waits for it only as long as it says (``wait``), then answers
"building", so a first view never hangs on the pipeline.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from newsprism.analyse.resolve import name_tokens, resolve_entities
from newsprism.corpus import (
    IngestReport,
    analyser,
    briefing_inputs,
    briefing_members,
    copies_left_out,
    ingest_articles,
    search_corpus,
    stories_matching,
    story_title,
)
from newsprism.errors import NotFoundError
from newsprism.ingest import Ingested
from newsprism.model import Analysis, Article, Entity
from newsprism.render import briefing_to_json, validate_briefing_json
from newsprism.render.json import SCHEMA_VERSION
from newsprism.settings import DEFAULTS, Settings, release
from newsprism.store import (
    ArticleHead,
    SearchFilters,
    SearchHit,
    Store,
    StoredStory,
    StoredStoryline,
)
from newsprism.web import cache

if TYPE_CHECKING:
    from newsprism.stories.persist import StoryHook

T = TypeVar("T")
BriefingStatus = Literal["ready", "building", "failed"]
LeftOut = dict[str, list[ArticleHead]]  # a briefing's stored copies left out, by original id
ENTITY_ARTICLES = 60  # articles whose analyses an entity lookup resolves together


class Merged(Exception):  # not an error: the web layer answers it with a 307
    """A story or storyline id that was merged into another, the live one."""

    def __init__(self, old: str, live: str) -> None:
        super().__init__(f"{old!r} was merged into {live!r}")
        self.old, self.live = old, live


@dataclass(frozen=True)
class StorySummary:
    id: str
    title: str | None
    first_date: str | None
    last_date: str | None
    articles: int
    sources: int  # independent: one outlet, or copies of one text, count once
    outlets: tuple[str, ...]
    storyline: str | None = None  # the storyline this story (an event) belongs to


@dataclass(frozen=True)
class StorylineSummary:
    id: str
    title: str | None
    first_date: str | None
    last_date: str | None
    events: int
    articles: int
    sources: int  # independent sources across its events


@dataclass(frozen=True)
class StorylinePage:
    summary: StorylineSummary
    events: list[StorySummary]  # in time order
    outlets: tuple[str, ...]  # of all its events, in order of first appearance


@dataclass(frozen=True)
class StoryPage:
    summary: StorySummary
    articles: list[ArticleHead]
    briefed: list[str]  # the articles the briefing compares
    briefed_sources: int  # the independent sources among them, as the briefing counts them
    briefing: dict[str, Any] = field(default_factory=dict)  # schema ``newsprism.briefing``
    html: str | None = None  # what ``story_page(html=True)`` made of the briefing
    status: BriefingStatus = "ready"  # "building": briefing and html not there yet
    error: str | None = None  # why the build failed (one line), when ``status`` is "failed"


@dataclass(frozen=True)
class Built:
    """A story's briefing JSON and the page parts rendered from it (None: no renderer)."""

    briefing: str
    html: str | None


@dataclass(frozen=True)
class EntityMatch:
    entity: Entity
    articles: tuple[str, ...]
    stories: tuple[str, ...]


def summarise_story(
    story: StoredStory, heads: Sequence[ArticleHead], lead: str | None = None
) -> StorySummary:
    """The counts come from the story's row, which the store keeps in step with its members.
    The title is the story's, else its first titled article's, else the first words of
    ``lead``, its first article's text."""
    outlets = tuple(dict.fromkeys(h.outlet for h in heads if h.outlet))
    return StorySummary(
        story.id, story_title(story.title, heads, lead), story.first_date, story.last_date,
        story.article_count, story.source_count, outlets, story.storyline_id,
    )  # fmt: skip


def summarise_storyline(storyline: StoredStoryline, first: StorySummary | None) -> StorylineSummary:
    """The counts are the storyline row's; the title is its own, else its first event's."""
    return StorylineSummary(
        storyline.id, storyline.title or (first.title if first else None), storyline.first_date,
        storyline.last_date, len(storyline.event_ids), storyline.article_count,
        storyline.source_count,
    )  # fmt: skip


def briefing_key(article_ids: Sequence[str], settings: Settings) -> str:
    """Changes when the briefed articles change, newsprism's version does, or the settings
    that shape a briefing do."""
    shaping = [settings.brief.model_dump_json(), settings.compare.model_dump_json()]
    text = "\n".join([release(), str(SCHEMA_VERSION), *shaping, *sorted(article_ids)])
    return hashlib.sha256(text.encode()).hexdigest()


def entities_named(analyses: Sequence[Analysis], query: str, limit: int) -> list[Entity]:
    """The entities of these analyses, resolved across them, that ``query`` names."""
    entities = resolve_entities(m for a in analyses for m in a.mentions)
    return [e for e in entities if entity_matches(e, query)][:limit]


def entity_matches(entity: Entity, query: str) -> bool:
    """Every word of the query is a word of the entity's name or of one of its spellings."""
    wanted = set(name_tokens(query))
    return bool(wanted) and any(
        wanted <= set(name_tokens(name)) for name in (entity.name, *entity.aliases)
    )


class OneThread:
    """A thread of its own for some work, started on first use and again after ``close``
    (an app may be started and stopped several times, as tests do)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._pool: ThreadPoolExecutor | None = None

    async def run(self, call: Callable[..., T], *args: Any) -> T:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(1, thread_name_prefix=self.name)
        return await asyncio.get_running_loop().run_in_executor(self._pool, call, *args)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None


class StoreThread(OneThread):
    """Runs store calls, one at a time, on the thread that owns the connection."""

    def __init__(self, store: Store) -> None:
        super().__init__("newsprism-store")
        self.store = store

    async def __call__(self, call: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        return await self.run(partial(call, self.store, *args, **kwargs))


class CorpusService:
    """The verbs behind the API and the pages; every method is a coroutine."""

    def __init__(
        self,
        store: Store,
        settings: Settings,
        stories: StoryHook | None,
        render: Callable[[dict[str, Any]], str] | None = None,
    ) -> None:
        """``render`` makes a story page's parts from its briefing JSON, beside each build."""
        self.settings = settings
        self.stories = stories
        self.run = StoreThread(store)
        self._render = render
        self._briefing_lock = asyncio.Lock()
        self._brief_thread = OneThread("newsprism-brief")
        # Builds under way (or failed and not yet reported), by story and member-set key; the
        # dict holds the tasks so they run to the end when the request that began them is gone.
        self._builds: dict[tuple[str, str], asyncio.Task[Built]] = {}

    async def stop_builds(self) -> None:
        """Cancel the builds under way (the server is stopping)."""
        builds, self._builds = list(self._builds.values()), {}
        for task in builds:
            task.cancel()
        await asyncio.gather(*builds, return_exceptions=True)

    def close(self) -> None:
        """Stop the service's threads; it starts again on its next call, maybe under another
        event loop (an app started again), so the lock is made anew: an ``asyncio.Lock`` is
        bound to the loop it was first waited on in."""
        self.run.close()
        self._brief_thread.close()
        self._briefing_lock = asyncio.Lock()

    # --- stories ------------------------------------------------------------------------------

    async def list_stories(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        query: str | None = None,
        entity: str | None = None,
        outlet: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> tuple[list[StorySummary], int | None]:
        """A page of live stories (latest news first) and the offset of the next page, if any."""
        among: set[str] | None = None
        if query:
            among = await self.run(stories_matching, query)
        if entity:
            named = {s for match in await self.find_entities(entity) for s in match.stories}
            among = named if among is None else among & named
        stories = await self.run(lambda store: store.stories.latest(
            since, until, limit + 1, offset=offset,
            among=sorted(among) if among is not None else None, outlet=outlet,
        ))  # fmt: skip
        more = len(stories) > limit
        stories = stories[:limit]
        heads = await self.run(
            lambda store: store.articles.heads([a for s in stories for a in s.article_ids])
        )
        return await self._summaries(stories, heads), offset + limit if more else None

    async def _summaries(
        self, stories: Sequence[StoredStory], heads: Sequence[ArticleHead]
    ) -> list[StorySummary]:
        """``summarise_story`` for each story, reading the leads of those with no title."""
        by_id = {h.id: h for h in heads}
        members = [[by_id[a] for a in s.article_ids if a in by_id] for s in stories]
        untitled = [m[0].id for s, m in zip(stories, members, strict=True)
                    if m and not s.title and not any(h.title for h in m)]  # fmt: skip
        found = await self.run(lambda store: store.articles.get_many(untitled)) if untitled else []
        leads = {a.id: a.text for a in found}
        return [summarise_story(s, m, leads.get(m[0].id) if m else None)
                for s, m in zip(stories, members, strict=True)]  # fmt: skip

    async def resolve_story(self, story_id: str) -> None:
        """Nothing if ``story_id`` is live; ``Merged`` if it was merged into another story."""
        live = await self.run(lambda store: store.stories.resolve(story_id))
        if live is None:
            raise NotFoundError(f"no story {story_id!r}")
        if live != story_id:
            raise Merged(story_id, live)

    async def story_page(
        self, story_id: str, *, html: bool = False, wait: float | None = None
    ) -> StoryPage:
        """A live story with its articles and its briefing (built once per member set), or with
        the page parts rendered from it (``html``: made off the event loop once per briefing and
        cached beside it in the store).

        A briefing not cached yet is waited for ``wait`` seconds (None: until it is built);
        past that the page comes back with ``status`` "building", and the build goes on."""
        story, heads, briefed, left_out, key = await self._members(story_id)
        (summary,) = await self._summaries([story], heads)
        # Counted as the story's row counts its sources (reprints found as briefings find them).
        sources = await self.run(lambda store: len(set(store.copies.source_keys(briefed).values())))
        cached = await self.run(cache.page if html else cache.briefing, story.id, key)
        if cached is None:
            status, built, error = await self._build(story.id, key, briefed, left_out, wait)
            if built is None:
                return StoryPage(summary, heads, briefed, sources, status=status, error=error)
            cached = built.html if html else built.briefing
        if html:
            return StoryPage(summary, heads, briefed, sources, html=cached)
        return StoryPage(summary, heads, briefed, sources, json.loads(cached))

    async def briefing_status(
        self, story_id: str, wait: float | None = 0
    ) -> tuple[BriefingStatus, str | None]:
        """Whether the story's briefing (and page) is built, waiting up to ``wait`` seconds
        for it, and why its build failed if it did; starts the build if none is under way."""
        story, _, briefed, left_out, key = await self._members(story_id)
        if await self.run(cache.page if self._render else cache.briefing, story.id, key):
            return "ready", None
        status, _, error = await self._build(story.id, key, briefed, left_out, wait)
        return status, error

    async def _members(
        self, story_id: str
    ) -> tuple[StoredStory, list[ArticleHead], list[str], LeftOut, str]:
        """The story, its articles, those its briefing compares, the copies of them it leaves
        out (``copies_left_out``), and its briefing's cache key."""
        story = await self.run(lambda store: store.stories.get(story_id))
        if story is None:  # merged or gone since it was resolved
            raise NotFoundError(f"no story {story_id!r}")
        heads = await self.run(lambda store: store.articles.heads(list(story.article_ids)))
        sources = await self.run(lambda store: store.copies.source_keys(story.article_ids))
        briefed = briefing_members(heads, self.settings.brief.story_articles, sources)
        left_out = copies_left_out(heads, briefed)
        copies = [copy.id for found in left_out.values() for copy in found]
        return story, heads, briefed, left_out, briefing_key([*briefed, *copies], self.settings)

    async def _build(
        self, story_id: str, key: str, briefed: list[str], left_out: LeftOut, wait: float | None
    ) -> tuple[BriefingStatus, Built | None, str | None]:
        """The story's build (started if none is under way), waited for ``wait`` seconds.

        A failed build is reported once, then forgotten: the next request builds again."""
        task = self._builds.get((story_id, key))
        if task is None or task.get_loop() is not asyncio.get_running_loop():  # a past server's
            task = asyncio.create_task(self._built(story_id, key, briefed, left_out))
            self._builds[(story_id, key)] = task
        # asyncio.wait, unlike wait_for, never cancels the task when the time is up.
        await asyncio.wait({task}, timeout=wait)
        if not task.done():
            return "building", None, None
        if self._builds.get((story_id, key)) is task:
            del self._builds[(story_id, key)]
        if task.cancelled():
            return "failed", None, "the server stopped while building the briefing"
        failure = task.exception()
        if failure is not None:
            first_line = (str(failure).strip() or type(failure).__name__).splitlines()[0]
            return "failed", None, first_line[:300]
        return "ready", task.result(), None

    async def _built(self, story_id: str, key: str, briefed: list[str], left_out: LeftOut
                     ) -> Built:
        """The story's briefing and its page parts, from the cache or made (and cached)."""
        data = await self._briefing(story_id, key, briefed, left_out)
        if self._render is None:
            return Built(data, None)
        html = await self.run(cache.page, story_id, key)
        if html is None:
            html = await asyncio.to_thread(self._render, json.loads(data))
            await self.run(cache.save_page, story_id, key, html)
        return Built(data, html)

    async def _briefing(self, story_id: str, key: str, briefed: list[str], left_out: LeftOut
                        ) -> str:
        """The story's briefing JSON from the store's cache, made and cached if missing."""
        cached = await self.run(cache.briefing, story_id, key)
        if cached is None:
            async with self._briefing_lock:  # one pipeline run at a time; others then hit cache
                cached = await self.run(cache.briefing, story_id, key)
                if cached is None:
                    stored = await self.run(briefing_inputs, briefed)
                    cached = await self._brief_thread.run(brief_json, stored, self.settings,
                                                          left_out)
                    await self.run(cache.save_briefing, story_id, key, cached)
        return cached

    # --- storylines: the events (stories) of one ongoing topic ---------------------------------

    async def list_storylines(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> tuple[list[StorylineSummary], int | None]:
        """A page of live storylines (latest news first) and the offset of the next page."""
        found = await self.run(lambda store: store.storylines.list(since, until, limit + 1, offset))
        more = len(found) > limit
        return await self._storyline_summaries(found[:limit]), offset + limit if more else None

    async def storylines(self, storyline_ids: Sequence[str]) -> dict[str, StorylineSummary]:
        """The storylines of these ids (merged ones followed), keyed by the id asked."""

        def read(store: Store) -> dict[str, StoredStoryline]:
            found = {i: store.storylines.get(i) for i in dict.fromkeys(storyline_ids)}
            return {i: storyline for i, storyline in found.items() if storyline is not None}

        found = await self.run(read)
        summaries = await self._storyline_summaries(list(found.values()))
        return dict(zip(found, summaries, strict=True))

    async def _storyline_summaries(
        self, storylines: Sequence[StoredStoryline]
    ) -> list[StorylineSummary]:
        """``summarise_storyline`` for each, reading the first event of those with no title."""
        firsts = [s.event_ids[0] for s in storylines if s.event_ids and not s.title]
        by_id: dict[str, StorySummary] = {}
        if firsts:
            events = await self.run(lambda store: store.stories.latest(among=firsts))
            heads = await self.run(
                lambda store: store.articles.heads([a for e in events for a in e.article_ids]))
            by_id = {e.id: e for e in await self._summaries(events, heads)}
        return [summarise_storyline(s, by_id.get(s.event_ids[0]) if s.event_ids else None)
                for s in storylines]  # fmt: skip

    async def resolve_storyline(self, storyline_id: str) -> None:
        """Nothing if ``storyline_id`` is live; ``Merged`` if it was merged into another."""
        live = await self.run(lambda store: store.storylines.resolve(storyline_id))
        if live is None:
            raise NotFoundError(f"no storyline {storyline_id!r}")
        if live != storyline_id:
            raise Merged(storyline_id, live)

    async def storyline_page(self, storyline_id: str) -> StorylinePage:
        """A storyline with its events in time order, each with its counts and outlets."""
        storyline = await self.run(lambda store: store.storylines.get(storyline_id))
        if storyline is None:
            raise NotFoundError(f"no storyline {storyline_id!r}")
        order = {event: index for index, event in enumerate(storyline.event_ids)}
        stored = await self.run(lambda store: store.stories.latest(among=list(order)))
        stored.sort(key=lambda story: order[story.id])
        heads = await self.run(
            lambda store: store.articles.heads([a for s in stored for a in s.article_ids]))
        events = await self._summaries(stored, heads)
        outlets = tuple(dict.fromkeys(outlet for event in events for outlet in event.outlets))
        summary = summarise_storyline(storyline, events[0] if events else None)
        return StorylinePage(summary, events, outlets)

    # --- articles, search, entities -----------------------------------------------------------

    async def article(self, article_id: str) -> dict[str, Any] | None:
        def read(store: Store) -> dict[str, Any] | None:
            found = store.articles.get(article_id)
            if found is None:
                return None
            analysis = store.analyses.get(article_id)
            link = store.copies.link(article_id)
            return {
                "article": found.as_dict(),
                "analysis": _analysis_fields(analysis) if analysis else None,
                "story": store.stories.of([article_id]).get(article_id),
                "copy_of": link.original if link else None,
                "copy_kind": link.kind if link else None,
            }

        return await self.run(read)

    async def search(
        self, query: str, filters: SearchFilters = SearchFilters(), *, semantic: bool = False
    ) -> list[SearchHit]:
        return await self.run(search_corpus, query, filters, semantic=semantic)

    async def find_entities(self, name: str, limit: int = 20) -> list[EntityMatch]:
        """Entities called ``name`` (or a spelling of it), resolved across the articles that
        name it, each with the articles and stories it appears in. The resolving runs off the
        store's thread: every other request waits for that thread."""

        def read(store: Store) -> list[Analysis]:
            wanted = SearchFilters("article", limit=ENTITY_ARTICLES, copies=True)
            ids = [h.article for h in store.search.text(name, wanted)]
            stored = store.analyses.get_many(ids)  # one query, not one per article
            return [stored[i] for i in ids if i in stored]

        analyses = await self.run(read)
        matches = await asyncio.to_thread(entities_named, analyses, name, limit)
        docs = sorted({m.doc for e in matches for m in e.mentions})
        story_of = await self.run(lambda store: store.stories.of(docs))
        return [
            EntityMatch(
                e,
                tuple(dict.fromkeys(m.doc for m in e.mentions)),
                tuple(dict.fromkeys(story_of[m.doc] for m in e.mentions if m.doc in story_of)),
            )
            for e in matches
        ]

    # --- writes -------------------------------------------------------------------------------

    async def ingest(self, ingested: Ingested) -> IngestReport:
        """Ingest articles read from a request (an uploaded file through ``read_bytes``, a JSON
        article through ``read_record``) as ``newsprism ingest`` does files."""
        analyse = analyser(self.settings.ingest)
        stories = self.stories
        return await self.run(
            lambda store: ingest_articles(
                ingested.articles, store, problems=ingested.problems, analyse=analyse,
                on_batch=stories, on_end=stories.finish if stories else None,
            )
        )  # fmt: skip


def brief_json(stored: Sequence[Analysis] | Sequence[Article],
               settings: Settings = DEFAULTS, left_out: LeftOut | None = None) -> str:
    """The briefing of stored articles as schema-checked JSON text (``left_out``: their stored
    copies, named among those that print their text)."""
    from newsprism.pipeline import brief_stored

    data = briefing_to_json(brief_stored(stored, settings, left_out))
    validate_briefing_json(data)
    return json.dumps(data, ensure_ascii=False)


def _analysis_fields(analysis: Analysis) -> dict[str, Any]:
    data = analysis.as_dict()
    data.pop("article")
    return data
