"""`parley export`, `parley articles`, `parley article`, `parley stats`: what the store holds."""

from __future__ import annotations

import itertools
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, BinaryIO

import typer
from rich.console import Console
from rich.table import Table

from parley.article_view import ArticleLookupError, ArticleView, article_view
from parley.cli.common import (
    DbOption,
    app,
    err,
    open_store,
    output_stream,
    require_db,
)
from parley.exports import (
    COLUMNS,
    flat_records,
    gdelt_rows,
    write_csv,
    write_gdelt,
    write_graphml,
    write_parquet,
)
from parley.query import (
    EXPORT_KINDS,
    actor_network,
    entity_record,
    export_records,
    store_stats,
)
from parley.store import DEFAULT_DB, Store
from parley.timeline import date_label, party_label


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    gdelt = "gdelt"
    graphml = "graphml"


NETWORK = "network"


@app.command()
def export(
    kind: Annotated[str, typer.Argument(
        help=f"One of: {', '.join(EXPORT_KINDS)}, or {NETWORK} (the actor network).")],
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[ExportFormat, typer.Option(
        "--format", "-f", help="jsonl (nested, CONTRACT section 2), csv (flat columns), parquet "
                               "(flat typed columns), gdelt (events only: the GDELT 2.0 event "
                               "table, tab-separated), graphml (network only).")] = (
        ExportFormat.jsonl),
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write here instead of stdout (parquet needs a file).")] = None,
    min_confidence: Annotated[float, typer.Option(
        "--min-confidence", min=0.0, max=1.0,
        help="Events only: those at this calibrated confidence or above (the share of such "
             "records that are right, fitted on the dev articles).")] = 0.0,
) -> None:
    """Export stored records for other tools: JSONL, CSV, Parquet, GDELT, GraphML.

    CSV and Parquet have flat columns (source_name, source_country, source_sector, ...; lists
    joined with " | " in CSV, list columns in Parquet). `--format gdelt` writes the 61 columns
    of GDELT 2.0's event table, tab-separated with no header (names and types in the README).
    `export network --format graphml` writes the actor network (nodes = actors, edges = events
    by type with quad class and counts); `export network` alone prints it as JSON.

    Examples:  parley export events --format gdelt -o events.tsv
               parley export events --format parquet -o events.parquet
               parley export network --format graphml -o actors.graphml
    """
    if kind not in (*EXPORT_KINDS, NETWORK):
        err.print(f"error: unknown kind {kind!r}; choose from {', '.join(EXPORT_KINDS)}, {NETWORK}",
                  markup=False)
        raise typer.Exit(2)
    problem = _format_problem(kind, fmt, output)
    if problem:
        err.print(f"error: {problem}", markup=False)
        raise typer.Exit(2)
    require_db(db)
    store = open_store(db)
    try:
        _export(store, kind, fmt, output, min_confidence)
    finally:
        store.close()


def _format_problem(kind: str, fmt: ExportFormat, output: Path | None) -> str | None:
    if fmt is ExportFormat.gdelt and kind != "events":
        return "--format gdelt exports events only"
    if kind == NETWORK and fmt not in (ExportFormat.graphml, ExportFormat.jsonl):
        return "the network exports as graphml or jsonl"
    if kind != NETWORK and fmt is ExportFormat.graphml:
        return "--format graphml exports the network only: parley export network --format graphml"
    if fmt is ExportFormat.parquet and output is None:
        return "--format parquet writes a binary file: pass -o FILE.parquet"
    return None


def _export(store: Store, kind: str, fmt: ExportFormat, output: Path | None,
            min_confidence: float = 0.0) -> None:
    if kind == NETWORK:
        network = actor_network(store)
        if fmt is ExportFormat.graphml:
            with binary_output(output) as handle:
                write_graphml(network, handle)
        else:
            with output_stream(output) as out:
                out.write(json.dumps(network.as_dict(), ensure_ascii=False) + "\n")
        return
    if fmt is ExportFormat.parquet:
        with binary_output(output) as handle:
            write_parquet(flat_records(store, kind, min_confidence), COLUMNS[kind], handle)
        return
    with output_stream(output) as out:
        if fmt is ExportFormat.gdelt:
            write_gdelt(out, gdelt_rows(store, min_confidence))
        elif fmt is ExportFormat.csv:
            write_csv(out, kind, flat_records(store, kind, min_confidence))
        else:
            for record in export_records(store, kind, min_confidence):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")


@contextmanager
def binary_output(path: Path | None) -> Iterator[BinaryIO]:
    """A binary file written beside its target and renamed into place, or stdout's buffer."""
    if path is None:
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    partial = path.with_name(path.name + ".partial")
    with partial.open("wb") as handle:
        yield handle
    os.replace(partial, path)


@app.command()
def articles(db: DbOption = DEFAULT_DB,
             limit: Annotated[int, typer.Option("--limit", "-n", help="Show at most N.")] = 50) -> None:
    """List stored articles: id, date, outlet, language, title, where it came from (URL or
    input file), and which ones repeat another. `parley article ID` shows one in full."""
    require_db(db)
    store = open_store(db)
    rows = list(itertools.islice(export_records(store, "articles"), limit))
    total = store.count_articles()
    store.close()
    table = Table(title=f"{min(limit, total)} of {total} articles in {db}")
    for column in ("id", "published", "outlet", "lang", "title", "from"):
        table.add_column(column, overflow="fold")
    for row in rows:
        title = row["title"] or "(untitled)"
        if row["duplicate_of"]:
            title += f"  [duplicate of {row['duplicate_of'][:8]}]"
        if row.get("skipped"):
            title += f"  [not read: {row['skipped']}]"
        table.add_row(row["id"][:8], row["published"] or "?", row["outlet"] or "?",
                      row["language"] or "?", title, row["url"] or row["source"])
    Console(highlight=False).print(table, markup=False)


@app.command()
def article(
    article_id: Annotated[str, typer.Argument(
        metavar="ID", help="An article id, or its first characters as `parley articles` shows.")],
    db: DbOption = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    text: Annotated[bool, typer.Option("--text", help="Also print the clean text.")] = False,
) -> None:
    """What parley extracted from one article: metadata, entities, quotes and events.

    Example:  parley article 3f2a9c01
    """
    require_db(db)
    store = open_store(db)
    try:
        view = article_view(store, article_id)
    except ArticleLookupError as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(1) from exc
    finally:
        store.close()
    if as_json:
        typer.echo(json.dumps(_view_record(view), ensure_ascii=False))
        return
    _print_view(view, text)


def _view_record(view: ArticleView) -> dict[str, Any]:
    return {"article": view.article,
            "entities": [{**entity_record(e, []), "mentions": n} for e, n in view.entities],
            "quotes": view.quotes, "events": [e.as_dict() for e in view.events]}


def _print_view(view: ArticleView, with_text: bool) -> None:
    console = Console(highlight=False)
    row = view.article
    console.print(row["title"] or "(untitled)", markup=False)
    origin = f" (from {row['published_from']})" if row["published_from"] else ""
    facts = [("id", row["id"]), ("published", f"{row['published'] or '?'}{origin}"),
             ("outlet", row["outlet"]), ("credited", row["credited_source"]),
             ("authors", ", ".join(row["authors"])), ("language", row["language"]),
             ("url", row["url"]), ("input", row["source"]), ("duplicate of", row["duplicate_of"]),
             ("not read", row["skipped"])]
    for name, value in facts:
        if value:
            console.print(f"{name + ':':14}{value}", markup=False)
    entities = Table(title=f"{len(view.entities)} entities", show_edge=False)
    for column in ("name", "type", "country", "sector", "role", "mentions"):
        entities.add_column(column, overflow="fold")
    for entity, mentions in view.entities:
        entities.add_row(entity.name, entity.type, entity.country or "", entity.sector or "",
                         entity.role or "", str(mentions))
    console.print(entities, markup=False)
    console.print(f"{len(view.quotes)} quotes", markup=False)
    for quote in view.quotes:
        who = quote["speaker"]["name"] if quote["speaker"] else "(unattributed)"
        said = f"“{quote['text']}”" if quote["kind"] == "direct" else f"[{quote['kind']}] {quote['text']}"
        console.print(f"  {who} ({quote['cue'] or quote['kind']}): {said}", markup=False)
    console.print(f"{len(view.events)} events", markup=False)
    for event in view.events:
        others = event.mentions - 1
        also = f"; also in {others} other article{'s' if others != 1 else ''}" if others else ""
        console.print(f"  {date_label(event):11} {party_label(event.source)} -> "
                      f"{party_label(event.target)}  {event.type}"
                      f"{'/' + event.mode if event.mode else ''} [{event.modality}]{also}",
                      markup=False)
        console.print(f"      “{event.evidence}”", markup=False)
    if with_text:
        console.print("", markup=False)
        console.print(row["text"], markup=False)


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
