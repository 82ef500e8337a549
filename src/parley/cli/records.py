"""`parley export`, `parley articles`, `parley stats`: what the store holds."""

from __future__ import annotations

import csv
import itertools
import json
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich.console import Console
from rich.table import Table

from parley.cli.common import (
    DbOption,
    app,
    err,
    open_store,
    output_stream,
    require_db,
)
from parley.query import (
    EXPORT_KINDS,
    export_records,
    store_stats,
)
from parley.store import DEFAULT_DB


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"



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
    require_db(db)
    store = open_store(db)
    with output_stream(output) as out:
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


@app.command()
def articles(db: DbOption = DEFAULT_DB,
             limit: Annotated[int, typer.Option("--limit", "-n", help="Show at most N.")] = 50) -> None:
    """List stored articles: date, outlet, language, title, and which ones repeat another."""
    require_db(db)
    store = open_store(db)
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
        if row.get("skipped"):
            title += f"  [not read: {row['skipped']}]"
        table.add_row(row["id"][:8], row["published"] or "?", row["outlet"] or "?",
                      row["language"] or "?", title)
    Console(highlight=False).print(table, markup=False)


@app.command()
def stats(db: DbOption = DEFAULT_DB,
          as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Summarise the store: articles, duplicates, failures, dates, languages, outlets."""
    require_db(db)
    store = open_store(db)
    summary = store_stats(store)
    store.close()
    if as_json:
        typer.echo(json.dumps(summary.__dict__, ensure_ascii=False))
        return
    console = Console(highlight=False)
    table = Table(title=f"parley store {db} (schema v{summary.schema_version})", show_header=False)
    table.add_row("articles", str(summary.articles))
    table.add_row("duplicates", str(summary.duplicates))
    table.add_row("failed inputs", str(summary.errors) + (
        f" (by stage: {_top(summary.error_stages, unknown='input')})" if summary.errors else ""))
    if summary.skipped:
        table.add_row("not read", _top(summary.skipped))
    table.add_row("published", f"{summary.first_published or '?'} .. {summary.last_published or '?'}")
    table.add_row("languages", _top(summary.languages))
    table.add_row("outlets", _top(summary.outlets))
    table.add_row("date from", _top(summary.date_origins))
    for source in summary.watched:
        items = ", ".join(f"{status} {n}" for status, n in source["items"].items()) or "none yet"
        table.add_row(f"watched {source['kind']}", f"{source['target']}: {items}; last poll "
                      f"{source['checked_at']}: {source['status']}")
    console.print(table)


def _top(pairs: list[tuple[str | None, int]], limit: int = 6, unknown: str = "unknown") -> str:
    return ", ".join(f"{value or unknown} {count}" for value, count in pairs[:limit])


if __name__ == "__main__":
    app()
