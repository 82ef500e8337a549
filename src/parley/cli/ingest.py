"""`parley process` and `parley annotate`: news in."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Annotated

import typer

from parley.annotate import ANNOTATION_KINDS, annotate_lines
from parley.cli.common import (
    DbOption,
    QuietOption,
    WorkersOption,
    app,
    count_documents,
    err,
    open_store,
    output_stream,
    progress_bar,
)
from parley.models import Article, DocError
from parley.pipeline import process_sources
from parley.store import DEFAULT_DB
from parley.workers import Runner, default_workers, open_runner


@app.command()
def process(
    targets: Annotated[list[str], typer.Argument(
        help="Files, folders (read recursively), .jsonl, .html, .txt, RSS/Atom feeds, "
             "http(s) URLs, .gz of any of them, or - for standard input.",
        show_default=False)],
    db: DbOption = DEFAULT_DB,
    raw: Annotated[bool, typer.Option(
        "--raw", help="JSONL `text` is already the clean article body: keep it as given.")] = False,
    quiet: QuietOption = False,
    workers: WorkersOption = None,
    dask: Annotated[str | None, typer.Option(
        "--dask", metavar="SCHEDULER",
        help="Analyse on a Dask cluster: a scheduler address (tcp://host:8786), or `local` "
             "for a local cluster of --workers processes. The store is written from here.")
    ] = None,
) -> None:
    """Read news into the store: clean each article, find duplicates, save it.

    Every input that fails is named on one line of stderr, with the stage that failed on it,
    and the rest are still stored. Articles not in English are stored with their metadata but
    not read. Running it again on the same input changes nothing. Exit code: 0 if every input was
    read, 1 if some failed, 2 if the database could not be opened.

    Examples:  parley process seeds/   |   parley process https://example.org/rss.xml
    """
    store = open_store(db)
    total = count_documents(targets)
    with progress_bar(total, quiet) as progress:
        task = progress.add_task("processing", total=total)

        def on_result(result: Article | DocError) -> None:
            if isinstance(result, DocError):
                progress.console.print(f"error: {result.one_line()}", markup=False)
            progress.advance(task)

        with _runner(workers, dask) as runner:
            report = process_sources(targets, store, raw=raw, on_result=on_result,
                                     runner=runner)
    store.close()
    if not quiet:
        unread = f", {report.skipped} not read (not English)" if report.skipped else ""
        err.print(f"{report.stored} stored ({report.duplicates} duplicates{unread}), "
                  f"{report.unchanged} already in the store, {len(report.errors)} failed "
                  f"-> {db}", markup=False)
    raise typer.Exit(1 if report.errors else 0)


@app.command()
def annotate(
    input_path: Annotated[str, typer.Argument(
        metavar="INPUT", help="CONTRACT JSONL input file (.gz allowed), or - for stdin.")] = "-",
    raw: Annotated[bool, typer.Option(
        "--raw", help="`text` is already the clean body: no boilerplate removal; offsets "
                      "index into it exactly as given.")] = False,
    only: Annotated[str, typer.Option(
        "--only", help=f"Comma list out of {','.join(ANNOTATION_KINDS)}.")] = ",".join(
        ANNOTATION_KINDS),
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write JSONL here instead of stdout.")] = None,
    workers: WorkersOption = None,
) -> None:
    """Annotate documents without a database (CONTRACT section 1).

    One output line per input line, in order. A document that cannot be processed gets an
    `error` object and the run goes on; the exit code is 1 if a line was not JSON, 2 if the
    input cannot be read.

    Example:  echo '{"id": "a1", "text": "..."}' | parley annotate --only article
    """
    kinds = tuple(k.strip() for k in only.split(",") if k.strip())
    unknown = [k for k in kinds if k not in ANNOTATION_KINDS]
    if unknown or not kinds:
        err.print(f"error: --only: unknown kind {', '.join(unknown) or '(none)'}; choose from "
                  f"{','.join(ANNOTATION_KINDS)}", markup=False)
        raise typer.Exit(2)
    lines, source = _input_lines(input_path)
    unusable = 0
    with output_stream(output) as out, _runner(workers, None) as runner:
        for annotated in annotate_lines(lines, raw=raw, only=kinds, source=source,
                                        runner=runner):
            if annotated.unusable:
                unusable += 1
                err.print(f"error: {annotated.record['error']['message']}", markup=False)
            out.write(json.dumps(annotated.record, ensure_ascii=False) + "\n")
    raise typer.Exit(1 if unusable else 0)


@contextmanager
def _runner(workers: int | None, dask: str | None) -> Iterator[Runner]:
    """Where the analysis runs; a Dask cluster that cannot be reached is a one-line error."""
    if workers is not None and workers < 1:
        err.print(f"error: --workers must be at least 1, not {workers}", markup=False)
        raise typer.Exit(2)
    with ExitStack() as stack:
        try:
            runner = stack.enter_context(open_runner(workers or default_workers(), dask))
        except Exception as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            err.print(f"error: cannot start the workers ({dask or workers}): {reason}",
                      markup=False)
            raise typer.Exit(2) from exc
        yield runner


def _input_lines(input_path: str) -> tuple[Iterator[str], str]:
    from parley.ingest.decoding import decode_bytes, gunzip_if_needed

    try:
        data = sys.stdin.buffer.read() if input_path == "-" else Path(input_path).read_bytes()
        data = gunzip_if_needed(data, input_path, 2_000_000_000)
        text = decode_bytes(data, input_path)
    except OSError as exc:
        err.print(f"error: {input_path}: cannot read ({exc.strerror or exc})", markup=False)
        raise typer.Exit(2) from exc
    except Exception as exc:
        err.print(f"error: {input_path}: {exc}", markup=False)
        raise typer.Exit(2) from exc
    return iter(text.splitlines()), input_path
