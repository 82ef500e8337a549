"""Local inputs: files, folders (recursive), stdin, gzip transparently."""

from __future__ import annotations

import gzip
import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from parley.errors import IngestError

# A single document (page, text dump) larger than this is refused with an error, not read:
# the longest news articles are well under 1 MB, so 10 MB is a scrape gone wrong.
MAX_DOCUMENT_BYTES = 10_000_000


# Files a folder walk reads: document formats, their .gz, and files with no extension
# (scrapers often write those). A named file is always read, whatever its extension.
FOLDER_SUFFIXES = frozenset({".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson",
                             ".xml", ".rss", ".atom", ""})


def is_document_name(name: str) -> bool:
    """True if a folder walk should read a file of this name."""
    path = Path(name[:-3] if name.lower().endswith(".gz") else name)
    return path.suffix.lower() in FOLDER_SUFFIXES


def iter_files(target: str) -> Iterator[Path]:
    """The files named by a target: the file itself, or every visible document under a folder."""
    path = Path(target)
    if not path.exists():
        raise IngestError(target, "no such file or folder")
    if path.is_file():
        yield path
        return
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and is_document_name(name):
                yield Path(root) / name


def read_document_bytes(path: Path) -> bytes:
    """The bytes of one document file, refusing files over the size limit."""
    try:
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            raise IngestError(str(path), f"file too large for one document "
                                         f"({size / 1e6:.1f} MB > {MAX_DOCUMENT_BYTES // 1_000_000} MB)")
        with path.open("rb") as handle:
            return handle.read()
    except OSError as exc:
        raise IngestError(str(path), f"cannot read ({exc.strerror or exc})") from exc


def open_lines(path: Path) -> BinaryIO:
    """A binary handle on a (possibly gzipped) line-oriented file."""
    try:
        handle = path.open("rb")
        magic = handle.read(2)
        handle.seek(0)
    except OSError as exc:
        raise IngestError(str(path), f"cannot read ({exc.strerror or exc})") from exc
    if magic == b"\x1f\x8b":
        return gzip.GzipFile(fileobj=handle)  # type: ignore[return-value]
    return handle


def stdin_bytes(stream: BinaryIO | None = None) -> BinaryIO:
    """Standard input as a seekable binary stream (it is read once, buffered)."""
    import sys

    source = stream if stream is not None else sys.stdin.buffer
    return io.BytesIO(source.read())
