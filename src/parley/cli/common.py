"""The typer app, shared options and helpers of every `parley` command."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, TextIO

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

from parley import __version__
from parley.ingest.files import iter_files
from parley.ingest.web import is_url
from parley.store import Store, StoreError

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
WorkersOption = Annotated[int | None, typer.Option(
    "--workers", "-j", metavar="N", show_default="the number of cores",
    help="Worker processes for the analysis, each loading the model once (1: this process). "
         "Output and store are the same whatever N.")]



def _version(value: bool) -> None:
    if value:
        typer.echo(f"parley {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                               help="Show the version and exit.")] = False) -> None:
    """parley: news in, sourced events out."""


def open_store(db: str) -> Store:
    try:
        return Store.open(db)
    except (StoreError, OSError) as exc:
        err.print(f"error: cannot open database {db}: {exc}", markup=False)
        raise typer.Exit(2) from exc
    except Exception as exc:  # SQLAlchemy wraps driver errors: show them in one line
        err.print(f"error: cannot open database {db}: {str(exc).splitlines()[0]}", markup=False)
        raise typer.Exit(2) from exc


def count_documents(targets: list[str]) -> int | None:
    """How many files the targets hold, when that is knowable up front (no URLs, no stdin)."""
    if any(t == "-" or is_url(t) for t in targets):
        return None
    try:
        return sum(1 for t in targets for _ in iter_files(t))
    except Exception:
        return None


@contextmanager
def progress_bar(total: int | None, quiet: bool) -> Iterator[Progress]:
    progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                        MofNCompleteColumn(), TimeElapsedColumn(), console=err,
                        disable=quiet or not err.is_terminal, transient=True)
    with progress:
        yield progress



@contextmanager
def output_stream(path: Path | None) -> Iterator[TextIO]:
    """stdout, or a file written beside its target and renamed into place when complete."""
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    partial = path.with_name(path.name + ".partial")
    with partial.open("w", encoding="utf-8") as handle:
        yield handle
    os.replace(partial, path)


def require_db(db: str) -> None:
    if "://" not in db and not Path(db).exists():
        err.print(f"error: no database at {db}; run `parley process` first or pass --db",
                  markup=False)
        raise typer.Exit(2)


def check_date(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    if not re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", value):
        err.print(f"error: {option} wants a date like 2026-01-31 (or 2026-01, 2026), not {value!r}",
                  markup=False)
        raise typer.Exit(2)
    return value
