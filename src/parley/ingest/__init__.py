"""Ingest: read every kind of source into RawDoc records. Reading only; no parsing here.

    read_sources(["seeds/", "feed.xml", "https://example.org/rss", "-"]) -> RawDoc | DocError

Each failure becomes a DocError naming the file, line or URL, and reading goes on.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from parley.errors import InputFormatError, ParleyError
from parley.faults import error_record
from parley.ingest.decoding import decode_bytes, gunzip_if_needed, looks_binary
from parley.ingest.feeds import FeedItem, parse_feed
from parley.ingest.files import MAX_DOCUMENT_BYTES, iter_files, open_lines, read_document_bytes
from parley.ingest.records import parse_record
from parley.ingest.sniff import Format, format_from_name, resolve_format
from parley.ingest.web import fetch, is_url
from parley.models import DocError, DocHints, RawDoc

# A feed item whose page cannot be fetched still yields a document if its own content is this long.
MIN_FEED_CONTENT_CHARS = 500

Item = RawDoc | DocError

__all__ = ["Item", "read_bytes", "read_feed_item", "read_jsonl_stream", "read_sources"]


def read_sources(targets: Iterable[str], *, raw: bool = False,
                 stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Every document from every target (paths, folders, URLs, `-` for stdin), in order."""
    for target in targets:
        try:
            if target == "-":
                yield from _read_stdin(stdin, raw=raw)
            elif is_url(target):
                yield from _read_url(target)
            else:
                for path in iter_files(target):
                    yield from _read_path(path, raw=raw)
        except ParleyError as exc:
            yield _error(exc)
        except Exception as exc:  # a reader's bug costs this target, not the run
            yield error_record(target, exc, "ingest")


def _error(exc: ParleyError) -> DocError:
    return DocError(source=exc.source, type=exc.kind, message=exc.message)




def _read_path(path: Path, *, raw: bool) -> Iterator[Item]:
    if format_from_name(path.name) == "jsonl":
        yield from read_jsonl_stream(open_lines(path), str(path), raw=raw)
        return
    try:
        data = read_document_bytes(path)
        yield from read_bytes(data, str(path), raw=raw)
    except ParleyError as exc:
        yield _error(exc)
    except Exception as exc:
        yield error_record(str(path), exc, "ingest")


def _read_stdin(stream: BinaryIO | None, *, raw: bool) -> Iterator[Item]:
    import sys

    data = (stream if stream is not None else sys.stdin.buffer).read()
    data = gunzip_if_needed(data, "-", MAX_DOCUMENT_BYTES * 100)
    yield from read_bytes(data, "-", raw=raw)


def read_bytes(data: bytes, source: str, *, raw: bool = False,
               hints: DocHints | None = None) -> Iterator[Item]:
    """Documents in one blob whose format is sniffed: JSONL lines, a feed, a page or a dump."""
    data = gunzip_if_needed(data, source, MAX_DOCUMENT_BYTES)
    if not data.strip():
        raise InputFormatError(source, "empty file")
    text = decode_bytes(data, source)
    fmt: Format = resolve_format(source, text)
    if fmt == "jsonl":
        yield from _jsonl_lines(text.splitlines(), source, raw=raw)
    elif fmt == "feed":
        yield from _read_feed_items(parse_feed(data, source))
    else:
        yield RawDoc(source=source, kind=fmt, body=text, hints=hints or DocHints(), raw=raw)


def read_jsonl_stream(handle: BinaryIO, source: str, *, raw: bool = False) -> Iterator[Item]:
    """Records of a JSONL stream, one per non-blank line; bad lines become errors."""
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                yield from _jsonl_line(line, f"{source}:{number}", raw=raw)
        except (OSError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
            yield DocError(source, "IngestError", f"read failed ({exc})")


def _jsonl_lines(lines: list[str], source: str, *, raw: bool) -> Iterator[Item]:
    for number, line in enumerate(lines, start=1):
        if line.strip():
            try:
                yield parse_record(line, f"{source}:{number}", raw=raw)
            except ParleyError as exc:
                yield _error(exc)
            except Exception as exc:
                yield error_record(f"{source}:{number}", exc, "ingest")


def _jsonl_line(line: bytes, source: str, *, raw: bool) -> Iterator[Item]:
    if not line.strip():
        return
    try:
        if looks_binary(line):
            raise InputFormatError(source, "binary data, not a JSON line")
        yield parse_record(decode_bytes(line, source), source, raw=raw)
    except ParleyError as exc:
        yield _error(exc)
    except Exception as exc:
        yield error_record(source, exc, "ingest")


def _read_url(url: str) -> Iterator[Item]:
    response = fetch(url)
    if not response.body.strip():
        raise InputFormatError(url, "empty response")
    text = decode_bytes(response.body, url)
    is_feed = resolve_format(url, text) == "feed" or any(
        kind in response.content_type for kind in ("rss", "atom"))
    if is_feed:
        yield from _read_feed_items(parse_feed(response.body, url))
        return
    is_text = resolve_format("page.html", text) == "text" and "html" not in response.content_type
    yield RawDoc(source=url, kind="text" if is_text else "html", body=text,
                 hints=DocHints(url=response.url))


def _read_feed_items(items: list[FeedItem]) -> Iterator[Item]:
    for item in items:
        yield read_feed_item(item)


def read_feed_item(item: FeedItem, *, delay: float | None = None) -> Item:
    """The page a feed entry links to (requests to its host `delay` s apart), else the entry's
    own content when it is long enough to be the article; else the fetch's DocError."""
    try:
        response = fetch(item.link, delay=delay)
        body = decode_bytes(response.body, item.link)
        return RawDoc(source=item.link, kind="html", body=body, hints=item.hints)
    except ParleyError as exc:
        if item.summary and len(item.summary) >= MIN_FEED_CONTENT_CHARS:
            return RawDoc(source=item.link, kind="html", body=item.summary, hints=item.hints)
        return _error(exc)
