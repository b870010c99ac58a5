"""``create_app(store, settings, stories)``: the FastAPI app behind ``newsprism serve`` — the
JSON API under ``/api`` (OpenAPI at ``/api/openapi.json``) and the web pages, from one process.

Every response carries a Content-Security-Policy that lets a page load only this server's own
CSS and JS: article text is attacker-controlled, and nothing from it may run or fetch.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from markupsafe import escape
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsprism.errors import NewsprismError, NotFoundError, StoreError
from newsprism.settings import DEFAULTS, Settings, release
from newsprism.store import Store
from newsprism.web import api, pages
from newsprism.web.service import CorpusService, Merged

if TYPE_CHECKING:
    from newsprism.stories.persist import StoryHook

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def create_app(store: Store, settings: Settings = DEFAULTS,
               stories: StoryHook | None = None) -> FastAPI:
    """The web app over ``store``; the caller keeps ownership of the store (and closes it).
    ``stories`` places articles posted to the API in stories (as ``newsprism ingest`` does)."""
    service = CorpusService(store, settings, stories, render=pages.render_briefing)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        await service.stop_builds()
        service.close()

    app = FastAPI(
        title="newsprism",
        summary="Stories, briefings and sources of a news corpus, every statement traced to "
        "the passages that say it.",
        version=release(),
        openapi_url="/api/openapi.json",
        docs_url=None,  # the Swagger UI loads its script from a CDN; the server works offline
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.service = service
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount(
        "/static",
        StaticFiles(packages=[("newsprism.web", "static"), ("newsprism.render", "static")]),
        name="static",
    )
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StoreError, _store_error)
    app.add_exception_handler(NotFoundError, _not_found)
    app.add_exception_handler(Merged, _merged)
    app.add_exception_handler(NewsprismError, _newsprism_error)

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    return app


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api") and "text/html" in request.headers.get(
        "accept", ""
    )


def _error(request: Request, status: int, detail: object, headers: dict | None = None) -> Response:
    if _wants_html(request) and isinstance(detail, str):
        body = (
            '<!DOCTYPE html><meta charset="utf-8"><title>Error · newsprism</title>'
            f"<h1>{status}</h1><p>{escape(detail)}</p><p><a href=\"/\">All stories</a></p>"
        )
        return HTMLResponse(body, status_code=status, headers=headers)
    return JSONResponse({"detail": detail}, status_code=status, headers=headers)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException | HTTPException)
    return _error(request, exc.status_code, exc.detail, getattr(exc, "headers", None))


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = [{k: e[k] for k in ("loc", "msg", "type") if k in e} for e in exc.errors()]
    if _wants_html(request):
        return _error(request, 422, "; ".join(f"{e['loc'][-1]}: {e['msg']}" for e in errors))
    return _error(request, 422, errors)


async def _not_found(request: Request, exc: Exception) -> Response:
    return _error(request, 404, str(exc))


async def _merged(request: Request, exc: Exception) -> Response:
    """The same route, with the same query (``wait`` was dropped), at the id the requested one
    was merged into."""
    assert isinstance(exc, Merged)
    params = {k: exc.live if v == exc.old else v for k, v in request.path_params.items()}
    live = request.url_for(request.scope["route"].name, **params)
    return RedirectResponse(live.replace(query=request.url.query), 307)


async def _store_error(request: Request, exc: Exception) -> Response:
    return _error(request, 503, f"the corpus database failed: {exc}")


async def _newsprism_error(request: Request, exc: Exception) -> Response:
    return _error(request, 422, str(exc))
