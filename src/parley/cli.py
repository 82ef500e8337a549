"""The `parley` command line: a thin layer over pipeline and query (no SQL, no NLP here)."""

from __future__ import annotations

import csv
import itertools
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from parley import __version__
from parley.annotate import ANNOTATION_KINDS, annotate_lines
from parley.ingest.files import iter_files
from parley.ingest.web import is_url
from parley.models import Article, DocError
from parley.pipeline import process_sources
from parley.query import (
    EXPORT_KINDS,
    ActorProfile,
    actor_profile,
    entity_record,
    export_records,
    find_actors,
    store_stats,
)
from parley.store import DEFAULT_DB, Store, StoreError

app = typer.Typer(
    name="parley",
    help="Turn raw news into a sourced, queryable record of who did or said what to whom.\n\n"
    "Start with `parley process FILES...` to read articles into a store (./parley.db), then "
    "`parley stats` and `parley export articles`. `parley annotate` reads CONTRACT JSONL and "
    "writes annotations without a database.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[str, typer.Option(
    "--db", envvar="PARLEY_DB",
    help="Database: a SQLite file path or a SQLAlchemy URL (postgresql+psycopg://...).")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Print errors only.")]


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"parley {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                               help="Show the version and exit.")] = False) -> None:
    """parley: news in, sourced events out."""


def _open_store(db: str) -> Store:
    try:
        return Store.open(db)
    except (StoreError, OSError) as exc:
        err.print(f"error: cannot open database {db}: {exc}", markup=False)
        raise typer.Exit(2) from exc
    except Exception as exc:  # SQLAlchemy wraps driver errors: show them in one line
        err.print(f"error: cannot open database {db}: {str(exc).splitlines()[0]}", markup=False)
        raise typer.Exit(2) from exc


def _count_documents(targets: list[str]) -> int | None:
    """How many files the targets hold, when that is knowable up front (no URLs, no stdin)."""
    if any(t == "-" or is_url(t) for t in targets):
        return None
    try:
        return sum(1 for t in targets for _ in iter_files(t))
    except Exception:
        return None


@contextmanager
def _progress(total: int | None, quiet: bool) -> Iterator[Progress]:
    progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                        MofNCompleteColumn(), TimeElapsedColumn(), console=err,
                        disable=quiet or not err.is_terminal, transient=True)
    with progress:
        yield progress


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
) -> None:
    """Read news into the store: clean each article, find duplicates, save it.

    Every input that fails is named on one line of stderr, and the rest are still stored.
    Running it again on the same input changes nothing. Exit code: 0 if every input was
    read, 1 if some failed, 2 if the database could not be opened.

    Examples:  parley process seeds/   |   parley process https://example.org/rss.xml
    """
    store = _open_store(db)
    total = _count_documents(targets)
    with _progress(total, quiet) as progress:
        task = progress.add_task("processing", total=total)

        def on_result(result: Article | DocError) -> None:
            if isinstance(result, DocError):
                progress.console.print(f"error: {result.one_line()}", markup=False)
            progress.advance(task)

        report = process_sources(targets, store, raw=raw, on_result=on_result)
    store.close()
    if not quiet:
        err.print(f"{report.stored} stored ({report.duplicates} duplicates), "
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
    with _output(output) as out:
        for annotated in annotate_lines(lines, raw=raw, only=kinds, source=source):
            if annotated.unusable:
                unusable += 1
                err.print(f"error: {annotated.record['error']['message']}", markup=False)
            out.write(json.dumps(annotated.record, ensure_ascii=False) + "\n")
    raise typer.Exit(1 if unusable else 0)


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


@contextmanager
def _output(path: Path | None) -> Iterator[TextIO]:
    """stdout, or a file written beside its target and renamed into place when complete."""
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    partial = path.with_name(path.name + ".partial")
    with partial.open("w", encoding="utf-8") as handle:
        yield handle
    os.replace(partial, path)


@app.command()
def export(
    kind: Annotated[str, typer.Argument(help=f"One of: {', '.join(EXPORT_KINDS)}.")],
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="jsonl or csv.")] = (
        ExportFormat.jsonl),
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write here instead of stdout.")] = None,
) -> None:
    """Export stored records as JSONL or CSV (CONTRACT section 2).

    Example:  parley export articles --format csv -o articles.csv
    """
    if kind not in EXPORT_KINDS:
        err.print(f"error: unknown kind {kind!r}; choose from {', '.join(EXPORT_KINDS)}",
                  markup=False)
        raise typer.Exit(2)
    _require_db(db)
    store = _open_store(db)
    with _output(output) as out:
        records = export_records(store, kind)
        if fmt is ExportFormat.jsonl:
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            _write_csv(out, records)
    store.close()


def _write_csv(out: TextIO, records: Iterator[dict[str, Any]]) -> None:
    writer: csv.DictWriter[str] | None = None
    for record in records:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(record))
            writer.writeheader()
        writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict))
                         else v for k, v in record.items()})


def _require_db(db: str) -> None:
    if "://" not in db and not Path(db).exists():
        err.print(f"error: no database at {db}; run `parley process` first or pass --db",
                  markup=False)
        raise typer.Exit(2)


@app.command()
def articles(db: DbOption = DEFAULT_DB,
             limit: Annotated[int, typer.Option("--limit", "-n", help="Show at most N.")] = 50) -> None:
    """List stored articles: date, outlet, language, title, and which ones repeat another."""
    _require_db(db)
    store = _open_store(db)
    rows = list(itertools.islice(export_records(store, "articles"), limit))
    total = store.count_articles()
    store.close()
    table = Table(title=f"{min(limit, total)} of {total} articles in {db}")
    for column in ("id", "published", "outlet", "lang", "title"):
        table.add_column(column, overflow="fold")
    for row in rows:
        title = row["title"] or "(untitled)"
        if row["duplicate_of"]:
            title += f"  [duplicate of {row['duplicate_of'][:8]}]"
        table.add_row(row["id"][:8], row["published"] or "?", row["outlet"] or "?",
                      row["language"] or "?", title)
    Console(highlight=False).print(table, markup=False)


@app.command()
def actor(name: Annotated[str, typer.Argument(help="A name, alias or surname: \"Araghchi\".")],
          db: DbOption = DEFAULT_DB,
          as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Profile of an actor: roles over time, the articles that mention it, who appears with it.

    Example:  parley actor Araghchi
    """
    _require_db(db)
    store = _open_store(db)
    matches = find_actors(store, name)
    if not matches:
        store.close()
        err.print(f"no actor matching {name!r} in {db}", markup=False)
        raise typer.Exit(1)
    profile = actor_profile(store, matches[0])
    store.close()
    if as_json:
        typer.echo(json.dumps({
            **entity_record(profile.entity, [a["id"] for a in profile.articles]),
            "articles": profile.articles,
            "co_actors": [{"name": e.name, "type": e.type, "country": e.country, "articles": n}
                          for e, n in profile.co_actors]}, ensure_ascii=False))
        return
    _print_profile(profile, others=[m.name for m in matches[1:4]])


def _print_profile(profile: ActorProfile, others: list[str]) -> None:
    console = Console(highlight=False)
    entity = profile.entity
    console.print(f"{entity.name}  ({entity.type}, {entity.country or '?'}"
                  f"{'/' + entity.sector if entity.sector else ''})", markup=False)
    if entity.role:
        console.print(f"current role: {entity.role}", markup=False)
    if entity.aliases:
        console.print(f"also written: {', '.join(entity.aliases)}", markup=False)
    roles = Table(title="roles stated", show_edge=False)
    for column in ("since", "role", "country", "sector", "article"):
        roles.add_column(column)
    for fact in sorted(entity.roles, key=lambda r: r.since or ""):
        roles.add_row(fact.since or "?", fact.role or "", fact.country or "", fact.sector or "",
                      fact.article_id[:8])
    console.print(roles)
    articles = Table(title=f"{len(profile.articles)} articles", show_edge=False)
    for column in ("published", "outlet", "title", "mentions"):
        articles.add_column(column, overflow="fold")
    for row in profile.articles:
        articles.add_row(row["published"] or "?", row["outlet"] or "?", row["title"] or "",
                         str(row["mentions"]))
    console.print(articles, markup=False)
    if profile.co_actors:
        console.print("appears with: " + ", ".join(f"{e.name} ({n})" for e, n in profile.co_actors),
                      markup=False)
    if others:
        console.print("other matches: " + ", ".join(others), markup=False)


@app.command()
def stats(db: DbOption = DEFAULT_DB,
          as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Summarise the store: articles, duplicates, failures, dates, languages, outlets."""
    _require_db(db)
    store = _open_store(db)
    summary = store_stats(store)
    store.close()
    if as_json:
        typer.echo(json.dumps(summary.__dict__, ensure_ascii=False))
        return
    console = Console(highlight=False)
    table = Table(title=f"parley store {db} (schema v{summary.schema_version})", show_header=False)
    table.add_row("articles", str(summary.articles))
    table.add_row("duplicates", str(summary.duplicates))
    table.add_row("failed inputs", str(summary.errors))
    table.add_row("published", f"{summary.first_published or '?'} .. {summary.last_published or '?'}")
    table.add_row("languages", _top(summary.languages))
    table.add_row("outlets", _top(summary.outlets))
    table.add_row("date from", _top(summary.date_origins))
    console.print(table)


def _top(pairs: list[tuple[str | None, int]], limit: int = 6) -> str:
    return ", ".join(f"{value or 'unknown'} {count}" for value, count in pairs[:limit])


if __name__ == "__main__":
    app()
