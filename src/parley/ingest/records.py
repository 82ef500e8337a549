"""CONTRACT input records: one JSON object per line, `text` or `html` plus optional metadata."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from parley.errors import InputFormatError
from parley.models import DocHints, RawDoc

# A single JSONL record larger than this is refused: no news article is that long.
MAX_RECORD_CHARS = 10_000_000
_STRING_FIELDS = ("id", "title", "outlet", "url")


def parse_record(line: str, source: str, *, raw: bool = False) -> RawDoc:
    """Parse one JSONL line into a RawDoc, or raise InputFormatError naming what is wrong."""
    if len(line) > MAX_RECORD_CHARS:
        raise InputFormatError(source, f"record too large ({len(line):,} characters)")
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputFormatError(source, f"not valid JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(obj, dict):
        raise InputFormatError(source, "a record must be a JSON object")
    return record_to_doc(obj, source, raw=raw)


def record_to_doc(obj: dict[str, Any], source: str, *, raw: bool = False) -> RawDoc:
    """Validate a decoded record and turn it into a RawDoc."""
    has_text, has_html = obj.get("text") is not None, obj.get("html") is not None
    if has_text == has_html:
        raise InputFormatError(source, "a record needs exactly one of 'text' or 'html'")
    body = obj["text"] if has_text else obj["html"]
    if not isinstance(body, str):
        raise InputFormatError(source, f"'{'text' if has_text else 'html'}' must be a string")
    for name in _STRING_FIELDS:
        if obj.get(name) is not None and not isinstance(obj[name], (str, int)):
            raise InputFormatError(source, f"'{name}' must be a string")
    hints = DocHints(
        id=_opt_str(obj.get("id")),
        title=_opt_str(obj.get("title")),
        published=normalize_published(obj.get("published"), source),
        outlet=_opt_str(obj.get("outlet")),
        url=_opt_str(obj.get("url")),
        authors=_authors(obj.get("authors"), source),
    )
    return RawDoc(source=source, kind="text" if has_text else "html", body=body,
                  hints=hints, raw=raw and has_text)


def normalize_published(value: Any, source: str) -> str | None:
    """An input date (YYYY-MM-DD or an ISO datetime) as YYYY-MM-DD."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputFormatError(source, "'published' must be a date string like 2025-08-04")
    text = value.strip()
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError as exc:
        raise InputFormatError(source, f"'published' is not an ISO date: {text[:40]!r}") from exc


def _opt_str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _authors(value: Any, source: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value.strip(),) if value.strip() else ()
    if isinstance(value, list) and all(isinstance(a, str) for a in value):
        return tuple(a.strip() for a in value if a.strip())
    raise InputFormatError(source, "'authors' must be a string or a list of strings")
