"""The web app's HTML pages: story list (stories grouped under their storylines), story
(briefing beside its sources), storyline (its events on a timeline), search, the sources
``newsprism watch`` follows.

Every string from an article goes through Jinja2 autoescaping; the pages load only the app's
own CSS and JS (``/static``), and the Content-Security-Policy set in ``app.py`` forbids any
other script, inline or fetched, so a missed escape still could not run.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from newsprism.errors import NotFoundError
from newsprism.model import Briefing
from newsprism.render import render_panes
from newsprism.render.view import STATUS_LABELS, build_view
from newsprism.store import SearchFilters
from newsprism.web.api import DATE, MAX_WAIT, Day, Service, require_read
from newsprism.web.graph import layout_entity_graph
from newsprism.web.service import StorylineSummary, StorySummary
from newsprism.web.timeline import layout_timeline

PAGE_SIZE = 25
BRIEFING_PARTS = ("pills", "graph", "panes")  # what ``render_briefing`` makes of a briefing
_WORD = re.compile(r"\w+")

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_read)])


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("newsprism.web", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["mark_words"] = mark_words
    environment.filters["web_link"] = web_link
    environment.filters["utc_time"] = utc_time
    return environment


def render(request: Request, template: str, **context: object) -> HTMLResponse:
    html = _environment().get_template(template).render(request=request, **context)
    return HTMLResponse(html)


def mark_words(text: str | None, query: str) -> Markup:
    """``text`` escaped, with the words of ``query`` wrapped in ``<b>``."""
    words = {w.casefold() for w in _WORD.findall(query)}
    parts = [
        Markup("<b>{}</b>").format(piece) if piece.casefold() in words else escape(piece)
        for piece in re.split(r"(\w+)", text or "")
    ]
    return Markup("").join(parts)


def utc_time(at: float | None) -> str:
    """Unix seconds as ``YYYY-MM-DD HH:MM`` in UTC, or "never"."""
    return datetime.fromtimestamp(at, UTC).strftime("%Y-%m-%d %H:%M") if at else "never"


def web_link(url: str | None) -> str | None:
    """Only http(s) addresses become links: never ``javascript:`` or ``data:``."""
    return url if url and re.match(r"https?://", url, re.IGNORECASE) else None


@router.get("/", response_class=HTMLResponse, name="story_list")
async def story_list(
    request: Request,
    service: Service,
    query: Annotated[str | None, Query(max_length=300)] = None,
    entity: Annotated[str | None, Query(max_length=200)] = None,
    outlet: Annotated[str | None, Query(max_length=200)] = None,
    date: Annotated[Day, Query(pattern=DATE)] = None,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> HTMLResponse:
    stories, next_offset = await service.list_stories(
        query=query or None, entity=entity or None, outlet=outlet or None,
        since=date or None, until=date or None, limit=PAGE_SIZE, offset=offset,
    )  # fmt: skip
    storylines = await service.storylines([s.storyline for s in stories if s.storyline])
    return render(
        request, "stories.html.j2", groups=group_by_storyline(stories, storylines),
        next_offset=next_offset,
        previous_offset=max(0, offset - PAGE_SIZE) if offset else None, offset=offset,
        filters={"query": query or "", "entity": entity or "", "outlet": outlet or "",
                 "date": date or ""},
    )  # fmt: skip


@dataclass(frozen=True)
class StoryGroup:
    """Stories of one page under their storyline; ``storyline`` is None for a story alone in
    its storyline (or in none): one event is no saga to group."""

    storyline: StorylineSummary | None
    stories: list[StorySummary] = field(default_factory=list)


def group_by_storyline(
    stories: Sequence[StorySummary], storylines: Mapping[str, StorylineSummary]
) -> list[StoryGroup]:
    """The page's stories under their storylines, each group where its latest story stands
    (the list stays latest news first), its stories in the page's order."""
    groups: dict[tuple[str, str], StoryGroup] = {}
    for story in stories:
        storyline = storylines.get(story.storyline or "")
        if storyline is not None and storyline.events > 1:
            groups.setdefault(("storyline", storyline.id), StoryGroup(storyline))
            groups[("storyline", storyline.id)].stories.append(story)
        else:
            groups[("story", story.id)] = StoryGroup(None, [story])
    return list(groups.values())


@router.get("/stories", include_in_schema=False)
async def stories_path(request: Request) -> RedirectResponse:
    """/stories, as a user types it after seeing /stories/ID: the story list, at /."""
    return RedirectResponse(request.url_for("story_list"), 308)


@router.get("/stories/{story_id}", response_class=HTMLResponse, name="story_page")
async def story_page(
    request: Request,
    service: Service,
    story_id: str,
    wait: Annotated[float, Query(ge=0, le=MAX_WAIT)] = 0,
) -> Response:
    """The story beside its briefing; a briefing not built yet is built in the background,
    and the page says so at once (its script, or a refresh, shows the briefing when ready)."""
    try:
        await service.resolve_story(story_id)  # NotFoundError: a 404; Merged: a 307
    except NotFoundError as missing:
        # A storyline's id, as `newsprism stories --level storyline` lists it and `newsprism
        # story` briefs it, opens its page rather than a 404.
        try:
            await service.resolve_storyline(story_id)
        except NotFoundError:
            raise missing from None
        return RedirectResponse(request.url_for("storyline_page", storyline_id=story_id), 307)
    page = await service.story_page(story_id, html=True, wait=wait)
    parts = dict.fromkeys(BRIEFING_PARTS, Markup(""))  # empty while the briefing is built
    parts |= {name: Markup(html) for name, html in json.loads(page.html or "{}").items()}
    line = page.summary.storyline
    storyline = (await service.storylines([line])).get(line) if line else None
    return render(
        request, "story.html.j2", story=page.summary, articles=page.articles,
        briefed=set(page.briefed), briefed_sources=page.briefed_sources, parts=parts,
        storyline=storyline if storyline and storyline.events > 1 else None,
        status=page.status, error=page.error,
        status_url=request.url_for("get_briefing_status", story_id=page.summary.id),
    )  # fmt: skip


@router.get("/storylines", response_class=HTMLResponse, name="storyline_list")
async def storyline_list(
    request: Request,
    service: Service,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> HTMLResponse:
    """Storylines, latest news first, with their counts of events, articles and sources."""
    storylines, next_offset = await service.list_storylines(limit=PAGE_SIZE, offset=offset)
    return render(
        request, "storylines.html.j2", storylines=storylines, next_offset=next_offset,
        previous_offset=max(0, offset - PAGE_SIZE) if offset else None,
    )  # fmt: skip


@router.get("/storylines/{storyline_id}", response_class=HTMLResponse, name="storyline_page")
async def storyline_page(request: Request, service: Service, storyline_id: str) -> HTMLResponse:
    """A storyline's events on a timeline, each with its outlets and a link to its story."""
    await service.resolve_storyline(storyline_id)  # NotFoundError: a 404; Merged: a 307
    page = await service.storyline_page(storyline_id)
    return render(
        request, "storyline.html.j2", storyline=page.summary, events=page.events,
        outlets=page.outlets, timeline=layout_timeline(page.events),
    )  # fmt: skip


def render_briefing(data: dict[str, Any]) -> str:
    """The parts of a story page made from its briefing JSON alone (status counts, entity graph,
    briefing and sources), as JSON of HTML strings: the service caches it beside the briefing,
    so a story page renders only its header on each request."""
    briefing = Briefing.from_dict(data)
    view = build_view(briefing)
    macros = _environment().get_template("story_briefing.html.j2").module
    parts = {
        "pills": macros.pills(view, STATUS_LABELS),
        "graph": macros.graph(layout_entity_graph(view)),
        "panes": render_panes(briefing),
    }
    return json.dumps({name: str(html) for name, html in parts.items()}, ensure_ascii=False)


@router.get("/search", response_class=HTMLResponse, name="search_page")
async def search_page(
    request: Request,
    service: Service,
    q: Annotated[str, Query(max_length=500)] = "",
    mode: Literal["text", "semantic"] = "text",
) -> HTMLResponse:
    q = q.strip()
    semantic = mode == "semantic"
    hits = await service.search(q, SearchFilters(limit=30), semantic=semantic) if q else []
    entities = await service.find_entities(q, limit=8) if q else []
    return render(request, "search.html.j2", q=q, mode=mode, hits=hits, entities=entities)


@router.get("/sources", response_class=HTMLResponse, name="sources_page")
async def sources_page(request: Request, service: Service) -> HTMLResponse:
    """Each watched source's health: last fetch, status, new articles per day, errors."""
    now = time.time()
    health = await service.run(lambda store: store.watch.health(now))
    return render(request, "sources.html.j2", health=health)
