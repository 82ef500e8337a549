"""Errors as RFC 9457 problem details (`application/problem+json`)."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from parley.query_terms import UnknownTermError

PROBLEM_TYPE = "application/problem+json"
# Problem type URIs of parley's own problems; others are "about:blank" (RFC 9457 4.2).
TYPE_BASE = "tag:parley.invalid,2026:problem:"


class Problem(Exception):
    """An error the API answers with a problem document."""

    def __init__(self, status: int, detail: str, *, kind: str | None = None,
                 headers: dict[str, str] | None = None, **extra: Any) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.kind = kind
        self.headers = headers or {}
        self.extra = extra


def problem_response(status: int, detail: str, *, instance: str | None = None,
                     kind: str | None = None, headers: dict[str, str] | None = None,
                     **extra: Any) -> JSONResponse:
    body: dict[str, Any] = {
        "type": TYPE_BASE + kind if kind else "about:blank",
        "title": HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error",
        "status": status, "detail": detail}
    if instance:
        body["instance"] = instance
    body.update(extra)
    return JSONResponse(body, status_code=status, media_type=PROBLEM_TYPE, headers=headers)


async def on_problem(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Problem)
    if exc.status == 401 and request.url.path.startswith("/ui/") and request.method == "GET":
        # a reader of a private server's web UI signs in with the token first
        return RedirectResponse("/ui/login?" + urlencode({"next": request.url.path}),
                                status_code=303)
    return problem_response(exc.status, exc.detail, instance=request.url.path, kind=exc.kind,
                            headers=exc.headers, **exc.extra)


async def on_http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
    if exc.status_code == 404 and detail == "Not Found":
        detail = f"no such resource: {request.url.path}"
    if exc.status_code == 405:
        detail = f"{request.method} is not allowed on {request.url.path}"
    return problem_response(exc.status_code, detail, instance=request.url.path,
                            headers=dict(exc.headers or {}))


async def on_validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [{"where": ".".join(str(part) for part in e.get("loc", ())),
               "message": str(e.get("msg", ""))} for e in exc.errors()]
    summary = "; ".join(f"{e['where']}: {e['message']}" for e in errors[:3])
    return problem_response(422, f"invalid request: {summary}", instance=request.url.path,
                            kind="invalid-request", errors=errors)


async def on_unknown_term(request: Request, exc: Exception) -> JSONResponse:
    """A filter word parley does not know (a type, modality or actor): 422 with the nearest
    known ones, as the CLI says it."""
    assert isinstance(exc, UnknownTermError)
    return problem_response(422, str(exc), instance=request.url.path, kind="invalid-request",
                            suggestions=exc.suggestions)


async def on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    """A bug: a one-line problem, never a traceback (the server log has it)."""
    return problem_response(500, f"internal error ({type(exc).__name__}); see the server log",
                            instance=request.url.path)
