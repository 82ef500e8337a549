"""`parley annotate`: CONTRACT section 1, documents in and annotations out, no database.

One output record per non-blank input line, in input order; a document that cannot be
processed gets an `error` object and the run goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from parley.errors import ParleyError
from parley.ingest.records import parse_record
from parley.models import Article, DocError, Entity, Event, Quote, RawDoc, Timex
from parley.pipeline import Analysis, analyze_batch, clean_item
from parley.workers import InlineRunner, Runner, run_ordered

# Lines annotated (and parsed by spaCy) together: at most BATCH_SIZE lines and, after the first,
# at most BATCH_CHARS characters. No store is read, so the batch changes nothing in the output;
# a batch is the unit of work of a worker, so batches of similar cost keep workers equally busy
# to the end (a batch of 16 long articles took a quarter of a 183-article run: the other worker
# ran dry; bench/PROFILE.md, "Memory and workers").
BATCH_SIZE = 16
BATCH_CHARS = 60_000

ANNOTATION_KINDS = ("article", "entities", "timexes", "quotes", "events")
# Kinds that need the spaCy parse; `--only article` skips it.
_NLP_KINDS = {"entities", "timexes", "quotes", "events"}


@dataclass(frozen=True)
class AnnotatedLine:
    """One output line of `parley annotate` and whether its input line was unusable."""

    record: dict[str, Any]
    unusable: bool


@dataclass(frozen=True)
class _Pending:
    line: str
    doc: RawDoc | DocError
    result: Article | DocError


@dataclass(frozen=True)
class AnnotateTask:
    """A batch of numbered input lines and how to annotate them (picklable, for a worker)."""

    lines: tuple[tuple[int, str], ...]
    raw: bool = False
    only: tuple[str, ...] = ANNOTATION_KINDS
    source: str = "-"


def annotate_lines(lines: Iterable[str], *, raw: bool = False,
                   only: tuple[str, ...] = ANNOTATION_KINDS,
                   source: str = "-", runner: Runner | None = None) -> Iterator[AnnotatedLine]:
    """Annotate every non-blank JSONL line, in batches, preserving order; `runner`
    (`parley.workers.open_runner`) annotates the batches elsewhere, with the same output."""
    numbered = ((number, line) for number, line in enumerate(lines, start=1) if line.strip())
    tasks = (AnnotateTask(batch, raw, only, source) for batch in _batches(numbered))
    for task, value in run_ordered(runner or InlineRunner(), annotate_batch, tasks):
        if isinstance(value, Exception):  # the worker died: this batch's lines fail
            yield from (_lost_line(line, value, only) for _, line in task.lines)
        else:
            yield from value


def _batches(numbered: Iterable[tuple[int, str]]) -> Iterator[tuple[tuple[int, str], ...]]:
    """The numbered lines in order, in batches of at most BATCH_SIZE lines and BATCH_CHARS
    characters (a longer line alone)."""
    batch: list[tuple[int, str]] = []
    chars = 0
    for item in numbered:
        if batch and (len(batch) >= BATCH_SIZE or chars + len(item[1]) > BATCH_CHARS):
            yield tuple(batch)
            batch, chars = [], 0
        batch.append(item)
        chars += len(item[1])
    if batch:
        yield tuple(batch)


def annotate_batch(task: AnnotateTask) -> list[AnnotatedLine]:
    """One batch of lines annotated, in order."""
    batch = [_prepare(line, f"{task.source}:{number}", task.raw) for number, line in task.lines]
    analyses = _analyze_batch(batch, task.only)
    annotated = []
    for item in batch:
        result = analyses.get(id(item.result), Analysis())
        if isinstance(result, DocError):  # a stage failed on this document only
            item = replace(item, result=result)
            result = Analysis()
        annotated.append(AnnotatedLine(_record(item, result, task.only),
                                       unusable=_is_unusable(item.doc)))
    return annotated


def _lost_line(line: str, exc: Exception, only: tuple[str, ...]) -> AnnotatedLine:
    record: dict[str, Any] = {"id": _input_id(line)}
    record.update({kind: None if kind == "article" else [] for kind in only})
    record["error"] = {"type": type(exc).__name__, "message": str(exc), "stage": "worker"}
    return AnnotatedLine(record, unusable=False)


def _prepare(line: str, where: str, raw: bool) -> _Pending:
    try:
        doc: RawDoc | DocError = parse_record(line, where, raw=raw)
    except ParleyError as exc:
        doc = DocError(source=where, type=exc.kind, message=exc.message)
    return _Pending(line, doc, clean_item(doc))


def _analyze_batch(batch: list[_Pending], only: tuple[str, ...]) -> dict[int, Analysis | DocError]:
    if not _NLP_KINDS & set(only):
        return {}
    articles = [item.result for item in batch if isinstance(item.result, Article)]
    return {id(a): result for a, result in zip(articles, analyze_batch(articles, stages=only),
                                               strict=True)}


def _is_unusable(doc: RawDoc | DocError) -> bool:
    return isinstance(doc, DocError) and doc.message.startswith("not valid JSON")


def _record(item: _Pending, analysis: Analysis, only: tuple[str, ...]) -> dict[str, Any]:
    record: dict[str, Any] = {"id": _input_id(item.line)}
    result = item.result
    if isinstance(result, DocError):
        if "article" in only:
            record["article"] = None
        record.update({kind: [] for kind in only if kind != "article"})
        record["error"] = {"type": result.type, "message": result.one_line(),
                           "stage": result.stage}
        return record
    if "article" in only:
        record["article"] = result.contract_dict()
    if result.skipped:  # said even when the article object is not asked for
        record["skipped"] = result.skipped
    lists: dict[str, tuple[Entity | Timex | Quote | Event, ...]] = {
        "entities": analysis.entities, "timexes": analysis.timexes, "quotes": analysis.quotes,
        "events": analysis.events}
    for kind in only:
        if kind != "article":
            record[kind] = [item.as_dict() for item in lists.get(kind, ())]
    record["error"] = None
    return record


def _input_id(line: str) -> Any:
    """The input's own `id` value, echoed unchanged (also for a record that failed)."""
    try:
        obj = json.loads(line)
    except ValueError:
        return None
    return obj.get("id") if isinstance(obj, dict) else None
