"""The write endpoints: POST /articles (ingest one article) and POST /annotate (CONTRACT
section 1, nothing stored). Both run the library's pipeline; neither holds NLP or SQL."""

from __future__ import annotations

import hashlib
import json
import threading
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from parley.annotate import ANNOTATION_KINDS, annotate_lines
from parley.api.problems import Problem
from parley.api.responses import json_response
from parley.api.schemas import Problem as ProblemModel
from parley.api.schemas import Stored
from parley.errors import ParleyError
from parley.ingest import Item, read_bytes
from parley.ingest.records import normalize_published, record_to_doc
from parley.models import Article, DocError, DocHints
from parley.pipeline import process_items
from parley.store import Store

router = APIRouter()
# One article through the pipeline at a time: the writer's duplicate index and story
# clusterer are loaded from the store and must see the previous article's writes.
_WRITE_LOCK = threading.Lock()

RECORD_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "A CONTRACT input record: exactly one of `text` or `html`.",
    "properties": {name: {"type": "string"} for name in (
        "id", "text", "html", "title", "published", "outlet", "url")} | {
        "authors": {"type": "array", "items": {"type": "string"}}}}
ARTICLE_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        "application/json": {"schema": RECORD_SCHEMA},
        "text/plain": {"schema": {"type": "string"}},
        "text/html": {"schema": {"type": "string"}},
    },
}
ANNOTATE_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        "application/json": {"schema": RECORD_SCHEMA},
        "application/x-ndjson": {"schema": {"type": "string",
                                            "description": "CONTRACT input records, one a line."}},
    },
}


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


def _decode_json(body: bytes) -> Any:
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise Problem(400, f"the body is not valid UTF-8 JSON ({exc})", kind="invalid-document") from exc


def _document(request: Request, body: bytes, raw: bool, hints: DocHints) -> Item:
    """The one document a POST /articles body holds."""
    kind = _media_type(request)
    source = "api:" + hashlib.sha256(body).hexdigest()[:16]
    try:
        if kind == "application/json":
            record = _decode_json(body)
            if not isinstance(record, dict):
                raise Problem(400, "the JSON body must be one object (a CONTRACT input record)",
                              kind="invalid-document")
            return record_to_doc(record, source, raw=raw)
        if kind in ("text/plain", "text/html"):
            name = source + (".html" if kind == "text/html" else ".txt")
            items = list(read_bytes(body, name, raw=raw, hints=hints))
            if len(items) != 1:
                raise Problem(400, f"the body holds {len(items)} documents; post one at a time",
                              kind="invalid-document")
            return items[0]
    except ParleyError as exc:
        raise Problem(422, exc.message, kind="invalid-document") from exc
    raise Problem(415, f"unsupported content type {kind or '(none)'!r}: send application/json "
                       "(a CONTRACT record), text/plain or text/html", kind="unsupported-media-type")


@router.post("/articles", tags=["writes"], status_code=201,
             summary="Ingest one article: clean, analyse and store it (bearer token)",
             openapi_extra={"requestBody": ARTICLE_BODY},
             responses={200: {"model": Stored, "description": "Already stored: nothing changed"},
                        201: {"model": Stored, "description": "Stored"},
                        400: {"model": ProblemModel, "description": "Not a document"},
                        415: {"model": ProblemModel, "description": "Unsupported content type"},
                        422: {"model": ProblemModel,
                              "description": "The document cannot be read or processed"}})
async def post_article(
        request: Request, raw: Annotated[bool, Query(description=(
            "The text is already the clean article body (CONTRACT --raw)."))] = False,
        title: Annotated[str | None, Query(max_length=500)] = None,
        published: Annotated[str | None, Query(max_length=40)] = None,
        outlet: Annotated[str | None, Query(max_length=200)] = None,
        url: Annotated[str | None, Query(max_length=2000)] = None) -> Response:
    body = await request.body()
    try:
        hints = DocHints(title=title, published=normalize_published(published, "query"),
                         outlet=outlet, url=url)
    except ParleyError as exc:
        raise Problem(422, exc.message, kind="invalid-document") from exc
    doc = _document(request, body, raw, hints)
    store: Store = request.app.state.store
    results, report = await run_in_threadpool(_ingest, store, doc)
    failed = [r for r in results if isinstance(r, DocError)]
    if failed:
        raise Problem(422, failed[0].one_line(), kind="invalid-document", stage=failed[0].stage)
    article = next(r for r in results if isinstance(r, Article))
    stored = report.stored > 0
    payload = {"id": article.id, "stored": stored, "duplicate_of": article.duplicate_of,
               "skipped": article.skipped, "title": article.title, "published": article.published,
               "href": f"/articles/{article.id}"}
    return json_response(request, payload, status=201 if stored else 200,
                         headers={"Location": f"/articles/{article.id}"})


def _ingest(store: Store, doc: Item) -> tuple[list[Article | DocError], Any]:
    results: list[Article | DocError] = []
    with _WRITE_LOCK:
        report = process_items([doc], store, on_result=results.append)
    return results, report


@router.post("/annotate", tags=["writes"],
             summary="CONTRACT annotate: one record (JSON) or many (NDJSON); nothing stored",
             openapi_extra={"requestBody": ANNOTATE_BODY},
             responses={200: {"description": "CONTRACT annotate output: one JSON object, or "
                                             "NDJSON lines for NDJSON input",
                              "content": {"application/json": {"schema": {"type": "object"}},
                                          "application/x-ndjson": {"schema": {"type": "string"}}}},
                        400: {"model": ProblemModel, "description": "Not a document"},
                        415: {"model": ProblemModel, "description": "Unsupported content type"},
                        422: {"model": ProblemModel, "description": "An invalid parameter"}})
async def post_annotate(
        request: Request, raw: bool = False,
        only: Annotated[str | None, Query(max_length=100, description=(
            "Comma list out of article,entities,timexes,quotes,events (default: all)."))] = None
        ) -> Response:
    kinds = tuple(k.strip() for k in (only or ",".join(ANNOTATION_KINDS)).split(",") if k.strip())
    unknown = [k for k in kinds if k not in ANNOTATION_KINDS]
    if unknown or not kinds:
        raise Problem(422, f"unknown kind(s) in only: {', '.join(unknown) or '(none)'}; choose "
                           f"from {', '.join(ANNOTATION_KINDS)}", kind="invalid-request")
    body = await request.body()
    kind = _media_type(request)
    if kind == "application/json":
        record = _decode_json(body)
        if not isinstance(record, dict):
            raise Problem(400, "the JSON body must be one object (a CONTRACT input record)",
                          kind="invalid-document")
        lines = [json.dumps(record, ensure_ascii=False)]
    elif kind == "application/x-ndjson":
        try:
            lines = [line for line in body.decode("utf-8").splitlines() if line.strip()]
        except UnicodeDecodeError as exc:
            raise Problem(400, "the body is not UTF-8", kind="invalid-document") from exc
        if not lines:
            raise Problem(400, "the body holds no records", kind="invalid-document")
    else:
        raise Problem(415, f"unsupported content type {kind or '(none)'!r}: send "
                           "application/json or application/x-ndjson",
                      kind="unsupported-media-type")
    records = await run_in_threadpool(
        lambda: [a.record for a in annotate_lines(lines, raw=raw, only=kinds, source="api")])
    if kind == "application/json":
        return json_response(request, records[0])
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    return Response(text, media_type="application/x-ndjson")
