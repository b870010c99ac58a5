"""The JSON API under ``/api``: stories, articles, search, entities, ingest.

Reads are open, or need the token when the server runs with ``NEWSPRISM_READS=token``; writes
always need ``Authorization: Bearer <NEWSPRISM_TOKEN>``. Errors answer ``{"detail": ...}``.
"""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import AsyncIterator
from dataclasses import asdict
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import AfterValidator, ValidationError
from starlette.datastructures import Headers, UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

from newsprism.errors import InputError
from newsprism.ingest import Ingested, read_bytes, read_record
from newsprism.ingest.dates import read_date
from newsprism.render import load_schema
from newsprism.store import SearchFilters
from newsprism.web.schemas import (
    ArticleHeadOut,
    ArticleIn,
    ArticleOut,
    BriefingStatusOut,
    EntityList,
    EntityOut,
    Health,
    IngestOut,
    Problem,
    SearchHitOut,
    SearchOut,
    StoredArticleOut,
    StoryDetail,
    StorylineDetail,
    StorylineList,
    StorylineOut,
    StoryList,
    StoryOut,
)
from newsprism.web.service import CorpusService, StorylineSummary, StorySummary

DATE = r"^\d{4}-\d{2}-\d{2}$"
EXCERPT_CHARS = 80  # of a bad input echoed in a 422
_UNSAFE_NAME = re.compile(r"[^\w.-]+")
bearer = HTTPBearer(auto_error=False, description="The server's NEWSPRISM_TOKEN.")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
ERRORS = {401: {"model": Problem}, 422: {"model": Problem}}
API_WAIT = 20.0  # seconds GET /api/stories/{id} waits for a briefing being built, by default
MAX_WAIT = 300.0
RETRY_AFTER = "2"  # seconds, in a 202's Retry-After


def _real_day(value: str | None) -> str | None:
    """A YYYY-MM-DD that is a real day; a 422 names the parameter (its ``loc``), the message
    is the one date reader's. Pydantic checks the parameter's ``pattern`` after this runs, on
    what it returns: a value of another shape is handed back for the pattern to refuse."""
    if value is None or not re.fullmatch(DATE, value):
        return value
    try:
        return read_date(value, "query")
    except InputError as exc:
        raise ValueError(exc.problem) from None


Day = Annotated[str | None, AfterValidator(_real_day)]  # give it Query(pattern=DATE, ...)


def service(request: Request) -> CorpusService:
    return request.app.state.service


Service = Annotated[CorpusService, Depends(service)]


def _check_token(service: CorpusService, credentials: HTTPAuthorizationCredentials | None) -> None:
    token = service.settings.serve.token
    given = credentials.credentials if credentials else ""
    if not token or not secrets.compare_digest(given.encode(), token.encode()):
        detail = (
            "this server takes no token: start it with NEWSPRISM_TOKEN set"
            if not token
            else "missing or wrong token: send Authorization: Bearer <NEWSPRISM_TOKEN>"
        )
        raise HTTPException(401, detail, headers={"WWW-Authenticate": "Bearer"})


def require_read(service: Service, credentials: Credentials) -> None:
    if not service.settings.serve.open_reads:
        _check_token(service, credentials)


def require_write(service: Service, credentials: Credentials) -> None:
    _check_token(service, credentials)


router = APIRouter(prefix="/api")
reads = APIRouter(dependencies=[Depends(require_read)], responses=ERRORS)


@router.get("/health", response_model=Health, tags=["server"])
async def health() -> Health:
    """Is the server up (no database work: the baseline of the load benchmark)."""
    return Health(status="ok")


@reads.get("/schema/briefing", tags=["server"])
async def briefing_schema() -> dict:
    """The JSON Schema of a story's ``briefing``."""
    return load_schema()


def _story_out(request: Request, story: StorySummary) -> StoryOut:
    return StoryOut(
        **asdict(story) | {"outlets": list(story.outlets)},
        url=str(request.url_for("get_story", story_id=story.id)),
        page=str(request.url_for("story_page", story_id=story.id)),
    )


@reads.get("/stories", response_model=StoryList, tags=["stories"])
async def list_stories(
    request: Request,
    service: Service,
    date: Annotated[Day, Query(pattern=DATE, description="Stories with news that day.")] = None,
    since: Annotated[Day, Query(pattern=DATE, description="With news on or after.")] = None,
    until: Annotated[Day, Query(pattern=DATE, description="With news on or before.")] = None,
    query: Annotated[
        str | None, Query(max_length=300, description="Words in its articles (full text).")
    ] = None,
    entity: Annotated[
        str | None, Query(max_length=200, description="Names this entity (any spelling).")
    ] = None,
    outlet: Annotated[
        str | None, Query(max_length=200, description="Has an article from this outlet.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> StoryList:
    """Live stories, latest news first, with counts of articles and independent sources."""
    stories, next_offset = await service.list_stories(
        since=since or date, until=until or date, query=query, entity=entity, outlet=outlet,
        limit=limit, offset=offset,
    )  # fmt: skip
    return StoryList(
        stories=[_story_out(request, s) for s in stories],
        limit=limit,
        offset=offset,
        next_offset=next_offset,
        next=_next_url(request, next_offset),
    )


def _next_url(request: Request, next_offset: int | None) -> str | None:
    """This request's URL at the next page's offset."""
    if next_offset is None:
        return None
    return str(request.url.include_query_params(offset=next_offset))


@reads.get(
    "/stories/{story_id}",
    response_model=StoryDetail,
    tags=["stories"],
    responses={
        202: {"model": StoryDetail, "description": "The briefing is being built: null until "
              "then; ask again after Retry-After seconds, or poll the Location (status_url)."},
        404: {"model": Problem},
        307: {"description": "A merged story: its new id."},
        500: {"model": Problem, "description": "Building the briefing failed (one line)."},
    },
)  # fmt: skip
async def get_story(
    request: Request,
    service: Service,
    story_id: str,
    wait: Annotated[float, Query(ge=0, le=MAX_WAIT, description=(
        "Seconds to wait for a briefing not built yet (a first request builds it, once, in "
        "the background) before answering 202 without it."))] = API_WAIT,
) -> JSONResponse:
    """One story with its articles and its briefing (JSON of schema ``newsprism.briefing``)."""
    await service.resolve_story(story_id)  # NotFoundError: a 404; Merged: a 307
    page = await service.story_page(story_id, wait=wait)
    if page.status == "failed":
        raise HTTPException(500, f"building the briefing failed: {page.error}")
    briefed = set(page.briefed)
    status_url = str(request.url_for("get_briefing_status", story_id=story_id))
    detail = StoryDetail(
        **_story_out(request, page.summary).model_dump(),
        article_list=[
            ArticleHeadOut(
                **{k: v for k, v in asdict(h).items() if k != "original"},
                copy_of=h.original if h.original != h.id else None,
                briefed=h.id in briefed,
            )
            for h in page.articles
        ],
        briefing=page.briefing if page.status == "ready" else None,
        briefing_status=page.status,
        status_url=status_url,
    )
    if page.status == "building":
        headers = {"Retry-After": RETRY_AFTER, "Location": status_url}
        return JSONResponse(detail.model_dump(mode="json"), 202, headers)
    return JSONResponse(detail.model_dump(mode="json"))


@reads.get(
    "/stories/{story_id}/status",
    response_model=BriefingStatusOut,
    tags=["stories"],
    responses={404: {"model": Problem}, 307: {"description": "A merged story: its new id."}},
)
async def get_briefing_status(
    request: Request,
    service: Service,
    story_id: str,
    wait: Annotated[float, Query(ge=0, le=MAX_WAIT, description=(
        "Seconds to wait for the build to end before answering \"building\"."))] = 0,
) -> BriefingStatusOut:
    """Whether the story's briefing is built (its build starts if none is under way)."""
    await service.resolve_story(story_id)  # NotFoundError: a 404; Merged: a 307
    status, error = await service.briefing_status(story_id, wait)
    story = str(request.url_for("get_story", story_id=story_id))
    return BriefingStatusOut(status=status, error=error, story=story)


def _storyline_out(request: Request, storyline: StorylineSummary) -> StorylineOut:
    return StorylineOut(
        **asdict(storyline),
        url=str(request.url_for("get_storyline", storyline_id=storyline.id)),
        page=str(request.url_for("storyline_page", storyline_id=storyline.id)),
    )


@reads.get("/storylines", response_model=StorylineList, tags=["storylines"])
async def list_storylines(
    request: Request,
    service: Service,
    since: Annotated[Day, Query(pattern=DATE, description="With news on or after.")] = None,
    until: Annotated[Day, Query(pattern=DATE, description="With news on or before.")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> StorylineList:
    """Live storylines, latest news first: each an ongoing topic made of events, every event a
    story, with counts of events, articles and independent sources."""
    storylines, next_offset = await service.list_storylines(
        since=since, until=until, limit=limit, offset=offset
    )
    return StorylineList(
        storylines=[_storyline_out(request, s) for s in storylines],
        limit=limit,
        offset=offset,
        next_offset=next_offset,
        next=_next_url(request, next_offset),
    )


@reads.get(
    "/storylines/{storyline_id}",
    response_model=StorylineDetail,
    tags=["storylines"],
    responses={404: {"model": Problem}, 307: {"description": "A merged storyline: its new id."}},
)
async def get_storyline(request: Request, service: Service, storyline_id: str) -> StorylineDetail:
    """One storyline with its events (stories) in time order, each with its outlets."""
    await service.resolve_storyline(storyline_id)  # NotFoundError: a 404; Merged: a 307
    page = await service.storyline_page(storyline_id)
    return StorylineDetail(
        **_storyline_out(request, page.summary).model_dump(),
        outlets=list(page.outlets),
        event_list=[_story_out(request, event) for event in page.events],
    )


@reads.get(
    "/articles/{article_id}",
    response_model=ArticleOut,
    tags=["articles"],
    responses={404: {"model": Problem}},
)
async def get_article(service: Service, article_id: str) -> ArticleOut:
    """One stored article with its analysis, its story and what it copies."""
    found = await service.article(article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return ArticleOut(**found)


@reads.get("/search", response_model=SearchOut, tags=["search"])
async def search(
    service: Service,
    q: Annotated[str, Query(min_length=1, max_length=500, description="Words, or a meaning.")],
    mode: Literal["text", "semantic"] = "text",
    level: Literal["sentence", "article"] = "sentence",
    since: Annotated[Day, Query(pattern=DATE)] = None,
    until: Annotated[Day, Query(pattern=DATE)] = None,
    story: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    copies: bool = False,
) -> SearchOut:
    """Full-text (``mode=text``) or semantic search over sentences or whole articles."""
    wanted = SearchFilters(level, since, until, story, limit, copies)
    hits = await service.search(q, wanted, semantic=mode == "semantic")
    return SearchOut(
        query=q, mode=mode, level=level, hits=[SearchHitOut(**asdict(h)) for h in hits]
    )


@reads.get("/entities", response_model=EntityList, tags=["entities"])
async def entities(
    service: Service,
    q: Annotated[str, Query(min_length=1, max_length=200, description="A name, any spelling.")],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> EntityList:
    """People, organisations and places called ``q``, each with its articles and stories."""
    matches = await service.find_entities(q, limit=limit)
    return EntityList(
        query=q,
        entities=[
            EntityOut(
                name=m.entity.name,
                type=m.entity.type,
                aliases=list(m.entity.aliases),
                mentions=len(m.entity.mentions),
                articles=list(m.articles),
                stories=list(m.stories),
            )
            for m in matches
        ],
    )


_UPLOAD_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": ArticleIn.model_json_schema()},
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["file"],
                "properties": {
                    "file": {
                        "type": "string",
                        "format": "binary",
                        "description": "Articles in any format newsprism ingest reads "
                        "(.txt .md .html .jsonl .json .rss .atom .xml).",
                    }
                },
            }
        },
    },
}


@router.post(
    "/articles",
    response_model=IngestOut,
    status_code=201,
    tags=["articles"],
    dependencies=[Depends(require_write)],
    openapi_extra={"requestBody": _UPLOAD_BODY},
    responses={
        200: {"model": IngestOut, "description": "Nothing new: every article already stored."},
        401: {"model": Problem},
        413: {"model": Problem},
        415: {"model": Problem},
        422: {"model": Problem, "description": "Nothing could be stored."},
    },
)
async def post_articles(request: Request, service: Service) -> JSONResponse:
    """Ingest a JSON article, or an uploaded file (multipart field ``file``), as
    ``newsprism ingest`` would: copies linked, analysed, indexed, idempotent."""
    limit = service.settings.serve.max_upload_bytes
    body = await read_body(request, limit)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json":
        ingested = _json_article(body)
    elif kind == "multipart/form-data":
        name, data = await _uploaded_file(request.headers, body)
        ingested = read_bytes(data, name)
    else:
        raise HTTPException(415, "send application/json (one article) or multipart/form-data "
                            "with the articles in the field 'file'")  # fmt: skip
    report = await service.ingest(ingested)
    ids = list(dict.fromkeys(report.stored))
    stories = await service.run(lambda store: store.stories.of(ids)) if ids else {}
    counts = {k: getattr(report, k) for k in IngestOut.model_fields if k != "articles"}
    out = IngestOut(**counts, articles=[StoredArticleOut(id=i, story=stories.get(i))
                                        for i in ids])
    status = 201 if report.saved else 200 if report.unchanged else 422
    return JSONResponse(out.model_dump(), status_code=status)


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it is known to be over ``limit`` bytes."""
    too_large = HTTPException(413, f"request body over the {limit:,} byte upload limit")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)


def _json_article(body: bytes) -> Ingested:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise HTTPException(422, f"the body is not UTF-8 (byte 0x{body[exc.start]:02x} at offset "
                            f"{exc.start}); send the article as UTF-8 JSON") from None
    try:
        article = ArticleIn.model_validate_json(text)
    except ValidationError as exc:
        problems = exc.errors(include_url=False, include_context=False, include_input=False)
        inputs = exc.errors(include_url=False, include_context=False)
        raise HTTPException(422, [problem | _excerpt(given.get("input"))
                                  for problem, given in zip(problems, inputs, strict=True)]
                            ) from None  # fmt: skip
    if not (article.text or "").strip() and not (article.html or "").strip():
        raise HTTPException(422, "the article needs a non-empty 'text' or 'html'")
    return read_record(article.model_dump(exclude_none=True), "the posted article")


def _excerpt(given: object) -> dict[str, object]:
    """What a 422 echoes of the input at fault: a short excerpt (an invalid JSON body is all
    input, up to the upload limit)."""
    if isinstance(given, bool | int | float) or given is None:
        return {} if given is None else {"input": given}
    shown = given if isinstance(given, str) else json.dumps(given, ensure_ascii=False, default=str)
    return {"input": shown if len(shown) <= EXCERPT_CHARS else shown[:EXCERPT_CHARS] + "…"}


async def _uploaded_file(headers: Headers, body: bytes) -> tuple[str, bytes]:
    async def stream() -> AsyncIterator[bytes]:
        yield body

    try:
        form = await MultiPartParser(headers, stream(), max_files=1, max_fields=10).parse()
    except MultiPartException as exc:
        raise HTTPException(422, f"malformed multipart body: {exc.message}") from None
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        raise HTTPException(422, "no file in the multipart field 'file'")
    name = _UNSAFE_NAME.sub("-", (upload.filename or "upload.txt").rsplit("/", 1)[-1])
    name = name.strip(".-") or "upload.txt"
    return name[-120:], await upload.read()


router.include_router(reads)
