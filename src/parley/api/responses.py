"""JSON responses with ETags, and opaque cursors for paging."""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

from fastapi import Request, Response

from parley.api.problems import Problem


def json_response(request: Request, payload: Any, *, status: int = 200,
                  headers: dict[str, str] | None = None) -> Response:
    """The payload as JSON with a strong ETag of its bytes; 304 when the client has it."""
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    common = {"ETag": etag, "Cache-Control": "no-cache", **(headers or {})}
    wanted = request.headers.get("if-none-match", "")
    if status == 200 and wanted and (wanted.strip() == "*" or etag in
                                     [t.strip().removeprefix("W/") for t in wanted.split(",")]):
        return Response(status_code=304, headers=common)
    return Response(body, status_code=status, media_type="application/json", headers=common)


def encode_cursor(value: Any) -> str:
    raw = json.dumps(value, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None, shape: type) -> Any:
    """The value of a cursor this server made; 400 for anything else."""
    if cursor is None:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        value = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, UnicodeError) as exc:
        raise Problem(400, "the cursor is not one this server gave out; pass `next_cursor` "
                           "from the previous page unchanged", kind="invalid-cursor") from exc
    if shape is int and isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    if shape is list and isinstance(value, list) and len(value) == 2 and all(
            isinstance(v, str) for v in value):
        return tuple(value)
    raise Problem(400, "the cursor is not one this server gave out; pass `next_cursor` from the "
                       "previous page unchanged", kind="invalid-cursor")


def page(items: list[Any], next_key: Any) -> dict[str, Any]:
    return {"items": items, "count": len(items),
            "next_cursor": encode_cursor(next_key) if next_key is not None else None}
