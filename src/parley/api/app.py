"""The application: `create_app(db, token=...)` wires the store, the guards, the JSON API,
the web UI and the local API docs together."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from parley import __version__
from parley.api import pages, routes, writes
from parley.api.guard import BodyLimit, Limits, RateLimiter, SecurityHeaders, bearer_guard, rate_limited
from parley.api.problems import (
    PROBLEM_TYPE,
    Problem,
    on_http_error,
    on_problem,
    on_unexpected,
    on_unknown_term,
    on_validation_error,
)
from parley.api.schemas import Problem as ProblemModel
from parley.query_terms import UnknownTermError
from parley.store import Store

STATIC = Path(__file__).parent / "static"
DESCRIPTION = """parley's record of international affairs: articles, merged events with the
evidence of every report, entities, quotes, stories, timelines and the actor network.

Reads are open unless the server runs with private reads; writes (`POST /articles`,
`POST /annotate`) need `Authorization: Bearer <PARLEY_TOKEN>` and are refused when the server
has no token. Errors are RFC 9457 problem documents (`application/problem+json`). Lists page
with `limit` and the opaque `next_cursor`; every JSON answer has an ETag (send `If-None-Match`)."""

DOCS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>parley API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/static/vendor/swagger-ui/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/static/vendor/swagger-ui/swagger-ui-bundle.js"></script>
<script src="/static/js/docs.js"></script></body></html>"""


def problem_typed_openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's OpenAPI document, with every error answer typed as problem JSON (RFC 9457)."""
    if app.openapi_schema is None:
        document = get_openapi(title=app.title, version=app.version, description=app.description,
                               routes=app.routes)
        for path in document.get("paths", {}).values():
            for operation in path.values():
                for status, answer in operation.get("responses", {}).items():
                    content = answer.get("content", {})
                    if status[:1] in "45" and "application/json" in content:
                        content[PROBLEM_TYPE] = content.pop("application/json")
        app.openapi_schema = document
    return app.openapi_schema


def create_app(db: str | Store, token: str | None = None, *, private: bool = False,
               limits: Limits | None = None) -> FastAPI:
    """The parley API and web UI over a store (a path, a SQLAlchemy URL, or an open Store).

    token: the bearer token of writes (None: writes are refused); private: reads need it too.
    """
    if private and not token:
        raise ValueError("private reads need a token (PARLEY_TOKEN)")
    limits = limits or Limits()
    store = db if isinstance(db, Store) else Store.open(db)
    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(title="parley", version=__version__, description=DESCRIPTION,
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json", lifespan=lifespan)
    app.state.store = store
    app.state.limits = limits
    read_guards = [Depends(rate_limited(RateLimiter(limits.reads_per_minute)))]
    if private:
        read_guards.append(Depends(bearer_guard(token, action="reads", session=True)))
    write_guards = [Depends(rate_limited(RateLimiter(limits.writes_per_minute))),
                    Depends(bearer_guard(token, action="writes"))]
    app.include_router(routes.router, dependencies=read_guards)
    app.include_router(writes.router, dependencies=write_guards,
                       responses={401: {"model": ProblemModel,
                                        "description": "No or wrong bearer token"},
                                  403: {"model": ProblemModel,
                                        "description": "Writes are disabled (no PARLEY_TOKEN)"},
                                  413: {"model": ProblemModel,
                                        "description": "Body over the size limit"},
                                  429: {"model": ProblemModel, "description": "Too many requests"}})
    app.include_router(pages.router, dependencies=read_guards, include_in_schema=False)
    app.include_router(pages.sign_in, include_in_schema=False,
                       dependencies=[Depends(rate_limited(RateLimiter(limits.writes_per_minute)))])
    app.state.token = token if private else None
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/ui/", status_code=307)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> RedirectResponse:
        return RedirectResponse("/static/favicon.svg", status_code=308)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(DOCS_PAGE)

    app.openapi = lambda: problem_typed_openapi(app)  # type: ignore[method-assign]
    app.add_exception_handler(Problem, on_problem)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(UnknownTermError, on_unknown_term)
    app.add_exception_handler(Exception, on_unexpected)
    app.add_middleware(GZipMiddleware, minimum_size=2048)
    app.add_middleware(BodyLimit, max_body=limits.max_body)
    app.add_middleware(SecurityHeaders)

    return app
