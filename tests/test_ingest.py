"""Reading every kind of local input, and the bad ones, each failing on its own line."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from parley.clean import clean_document
from parley.ingest import read_sources
from parley.ingest.decoding import decode_bytes
from parley.ingest.files import MAX_DOCUMENT_BYTES
from parley.models import DocError, RawDoc

ARTICLE = (
    "Ministers meet in Geneva\n\nPublished on March 2, 2024\n\n"
    "Foreign ministers from France and Germany met in Geneva on Monday to discuss the crisis.\n\n"
    "The talks, which lasted four hours, ended without a joint statement, officials said.\n"
)


def _docs(*targets: str) -> list[RawDoc | DocError]:
    return list(read_sources(targets))


def test_text_dump_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    [doc] = _docs(str(path))
    assert isinstance(doc, RawDoc) and doc.kind == "text" and doc.source == str(path)
    article = clean_document(doc)
    assert article.title == "Ministers meet in Geneva"
    assert article.published == "2024-03-02"


def test_folder_is_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b" / "c" / "d.txt").write_text(ARTICLE)
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    sources = [d.source for d in _docs(str(tmp_path))]
    assert sources == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "c" / "d.txt")]


def test_gzip_is_transparent(tmp_path: Path) -> None:
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress(ARTICLE.encode()))
    [doc] = _docs(str(path))
    assert isinstance(doc, RawDoc) and "Geneva" in doc.body


def test_gzipped_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl.gz"
    lines = [json.dumps({"id": str(i), "text": ARTICLE}) for i in range(3)]
    path.write_bytes(gzip.compress("\n".join(lines).encode()))
    docs = _docs(str(path))
    assert [d.hints.id for d in docs if isinstance(d, RawDoc)] == ["0", "1", "2"]


def test_html_file_by_content(tmp_path: Path) -> None:
    path = tmp_path / "page"
    path.write_text("<!DOCTYPE html><html><body><p>Hello there, this is a page.</p></body></html>")
    [doc] = _docs(str(path))
    assert isinstance(doc, RawDoc) and doc.kind == "html"


def test_stdin_jsonl() -> None:
    data = json.dumps({"id": "x", "text": ARTICLE, "published": "2024-03-01"}).encode()
    [doc] = list(read_sources(["-"], stdin=io.BytesIO(data)))
    assert isinstance(doc, RawDoc) and doc.hints.published == "2024-03-01" and doc.source == "-:1"


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_encodings(tmp_path: Path, encoding: str) -> None:
    text = "Café owners in Zürich said the déjà vu was “striking”." if encoding == "cp1252" \
        else "Café owners in Zürich said the déjà vu was striking."
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    [doc] = _docs(str(path))
    assert isinstance(doc, RawDoc) and doc.body == text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig"])
def test_byte_order_marks(tmp_path: Path, encoding: str) -> None:
    text = "Ministers in Ankara said talks would resume. — Reuters"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    [doc] = _docs(str(path))
    assert isinstance(doc, RawDoc) and doc.body.lstrip("\ufeff") == text


def test_mixed_utf8_and_cp1252_in_one_file() -> None:
    data = "Zürich “talks” ".encode() + "café déjà".encode("cp1252")
    assert decode_bytes(data, "x") == "Zürich “talks” café déjà"


def test_binary_file_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 20)
    [error] = _docs(str(path))
    assert isinstance(error, DocError) and error.source == str(path)
    assert "binary" in error.message and "\n" not in error.one_line()


def test_empty_file_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_bytes(b"  \n")
    [error] = _docs(str(path))
    assert isinstance(error, DocError) and "empty" in error.message


def test_huge_file_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50_000_000)  # a 50 MB file (sparse: no 50 MB written)
    assert path.stat().st_size > MAX_DOCUMENT_BYTES
    [error] = _docs(str(path))
    assert isinstance(error, DocError) and "too large" in error.message and "50.0 MB" in error.message


def test_missing_path_is_one_error_and_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    docs = _docs(str(tmp_path / "nope.txt"), str(good))
    assert isinstance(docs[0], DocError) and "no such file" in docs[0].message
    assert isinstance(docs[1], RawDoc)


def test_invalid_jsonl_line_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "1", "text": ARTICLE}),
        '{"id": "2", "text": "unterminated',
        json.dumps({"id": "3", "html": "<p>x</p>", "text": "both"}),
        json.dumps({"id": "4", "text": ARTICLE, "published": "yesterday"}),
        "[1, 2]",
        json.dumps({"id": "6", "text": ARTICLE}),
    ]))
    docs = _docs(str(path))
    assert [type(d).__name__ for d in docs] == [
        "RawDoc", "DocError", "DocError", "DocError", "DocError", "RawDoc"]
    errors = [d for d in docs if isinstance(d, DocError)]
    assert [e.source for e in errors] == [f"{path}:{n}" for n in (2, 3, 4, 5)]
    assert "not valid JSON" in errors[0].message
    assert "exactly one of" in errors[1].message
    assert "published" in errors[2].message


def test_truncated_html_still_yields_text(tmp_path: Path) -> None:
    body = "".join(f"<p>Paragraph {i} says the delegations met again in Vienna on Tuesday "
                   f"to discuss the nuclear file and sanctions relief.</p>" for i in range(8))
    page = f"<html><head><title>Talks resume</title></head><body><article>{body}"
    path = tmp_path / "cut.html"
    path.write_text(page[: len(page) - 40])
    [doc] = _docs(str(path))
    assert isinstance(doc, RawDoc)
    article = clean_document(doc)
    assert "Vienna" in article.text
