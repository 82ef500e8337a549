"""Composes the stages: sources -> ingest -> clean -> (later stages) -> store.

    report = process_sources(["seeds/"], store)          # into the store
    for line in annotate_lines(lines): ...                # CONTRACT section 1, no store
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from parley.clean import clean_document
from parley.duplicates import (
    DuplicateIndex,
    article_signature,
    signature_bytes,
    signature_from_bytes,
)
from parley.errors import ParleyError
from parley.ingest import Item, read_sources
from parley.ingest.records import parse_record
from parley.models import Article, DocError, RawDoc
from parley.store import Store

ANNOTATION_KINDS = ("article", "entities", "timexes", "quotes", "events")


@dataclass
class ProcessReport:
    """What one `process` run did."""

    stored: int = 0
    unchanged: int = 0
    duplicates: int = 0
    errors: list[DocError] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return self.stored + self.unchanged + len(self.errors)


def clean_item(item: Item) -> Article | DocError:
    """Clean one ingested item; any failure becomes a DocError naming its source."""
    if isinstance(item, DocError):
        return item
    try:
        return clean_document(item)
    except ParleyError as exc:
        return DocError(source=exc.source, type=exc.kind, message=exc.message)
    except Exception as exc:  # a bug in one document must not stop the batch
        return DocError(source=item.source, type=type(exc).__name__, message=str(exc)[:200])


def load_duplicate_index(store: Store) -> DuplicateIndex:
    index = DuplicateIndex()
    for article_id, digest, blob in store.iter_signatures():
        if blob:
            index.add(article_id, digest, signature_from_bytes(blob))
    return index


def process_sources(targets: Iterable[str], store: Store, *, raw: bool = False,
                    on_result: Callable[[Article | DocError], None] | None = None) -> ProcessReport:
    """Read, clean and store every document of the targets; failures are reported, not raised."""
    report = ProcessReport()
    index = load_duplicate_index(store)
    for item in read_sources(targets, raw=raw):
        result = clean_item(item)
        if isinstance(result, DocError):
            report.errors.append(result)
            store.add_error(result)
        else:
            result = _store_article(result, store, index, report)
        if on_result:
            on_result(result)
    return report


def _store_article(article: Article, store: Store, index: DuplicateIndex,
                   report: ProcessReport) -> Article:
    if store.has_article(article.id):
        report.unchanged += 1
        return article
    signature = article_signature(article.text)
    article = replace(article, duplicate_of=index.find(article.content_hash, signature))
    if store.add_article(article, signature_bytes(signature)):
        report.stored += 1
        report.duplicates += article.duplicate_of is not None
        index.add(article.id, article.content_hash, signature)
    else:
        report.unchanged += 1
    return article


@dataclass(frozen=True)
class AnnotatedLine:
    """One output line of `parley annotate` and whether its input line was unusable."""

    record: dict[str, Any]
    unusable: bool


def annotate_lines(lines: Iterable[str], *, raw: bool = False,
                   only: tuple[str, ...] = ANNOTATION_KINDS,
                   source: str = "-") -> Iterator[AnnotatedLine]:
    """CONTRACT section 1: one output record per non-blank input line, in input order."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            doc: RawDoc | DocError = parse_record(line, where, raw=raw)
        except ParleyError as exc:
            doc = DocError(source=where, type=exc.kind, message=exc.message)
        yield AnnotatedLine(_annotation(doc, clean_item(doc), only, line),
                            unusable=_is_unusable(doc))


def _is_unusable(doc: RawDoc | DocError) -> bool:
    return isinstance(doc, DocError) and doc.message.startswith("not valid JSON")


def _annotation(doc: RawDoc | DocError, result: Article | DocError,
                only: tuple[str, ...], line: str) -> dict[str, Any]:
    record: dict[str, Any] = {"id": _input_id(doc, line)}
    if isinstance(result, DocError):
        record.update({kind: [] for kind in only if kind != "article"})
        if "article" in only:
            record["article"] = None
        record["error"] = {"type": result.type, "message": result.one_line()}
        return record
    if "article" in only:
        record["article"] = result.contract_dict()
    record.update({kind: [] for kind in only if kind != "article"})
    record["error"] = None
    return record


def _input_id(doc: RawDoc | DocError, line: str) -> Any:
    """The input's own `id` value, echoed unchanged (also for a record that failed)."""
    try:
        obj = json.loads(line)
    except ValueError:
        return None
    return obj.get("id") if isinstance(obj, dict) else None
