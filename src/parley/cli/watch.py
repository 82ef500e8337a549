"""`parley watch`: keep polling feeds and folders, and process what is new."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from parley.cli.common import DbOption, app, err, open_store
from parley.store import DEFAULT_DB
from parley.watch import DEFAULT_DELAY_S, DEFAULT_INTERVAL_S, Watcher


@app.command()
def watch(
    targets: Annotated[list[str], typer.Argument(
        metavar="FEED_OR_DIR...", help="RSS/Atom feed URLs, folders (read recursively) or files.",
        show_default=False)],
    db: DbOption = DEFAULT_DB,
    interval: Annotated[float, typer.Option(
        "--interval", min=1.0, help="Seconds between two polls of every source.")] = (
        DEFAULT_INTERVAL_S),
    once: Annotated[bool, typer.Option("--once", help="Poll every source once, then exit.")] = False,
    delay: Annotated[float, typer.Option(
        "--delay", min=0.0, help="Least seconds between two requests to one host "
                                 "(robots.txt's Crawl-delay wins when longer).")] = DEFAULT_DELAY_S,
) -> None:
    """Poll feeds and folders; put every new entry or new/changed file through `process`.

    Feeds are fetched with conditional GETs (ETag / Last-Modified), politely per host, where
    robots.txt allows. One line per item on stdout: time, what became of it (stored,
    duplicate, unchanged, skipped, failed, blocked), article id, source, title or reason. What
    was seen is kept in the store, so a restart (even after kill -9) loses and repeats nothing;
    `parley stats` shows it. Several watchers and `process` runs may share a store. Exit code
    with --once: 1 if an item or a source failed in that round, else 0.

    Examples:  parley watch https://example.org/rss.xml inbox/ --interval 600
               parley watch inbox/ --once
    """
    store = open_store(db)

    def log(line: str) -> None:
        print(line, flush=True)

    watcher = Watcher(store, targets, delay=delay, log=log)
    failed = False
    try:
        report = watcher.run(interval, once=once)
        failed = bool(report.process.errors or report.source_errors)
    except KeyboardInterrupt:
        err.print("watch stopped", markup=False)
    finally:
        store.close()
    sys.stdout.flush()
    raise typer.Exit(1 if failed else 0)
