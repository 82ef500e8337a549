"""`parley serve`: the REST API and web UI over a store (FastAPI + uvicorn)."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from parley.cli.common import DbOption, app, err, open_store, require_db
from parley.store import DEFAULT_DB

TOKEN_ENV = "PARLEY_TOKEN"
LOOPBACK = ("127.0.0.1", "::1", "localhost")


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option("--host", help="Address to bind (loopback by default).")] = (
        "127.0.0.1"),
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    private: Annotated[bool, typer.Option(
        "--private", envvar="PARLEY_PRIVATE",
        help="Reads (API and UI) need the bearer token too, not only writes.")] = False,
    max_body: Annotated[int, typer.Option(
        "--max-body", min=1024, help="Largest request body accepted, in bytes.")] = 2 * 1024 * 1024,
    writes_per_minute: Annotated[int, typer.Option(
        "--write-rate", min=0, help="Writes a client may make per minute (0: no limit).")] = 30,
    reads_per_minute: Annotated[int, typer.Option(
        "--read-rate", min=0, help="Reads a client may make per minute (0: no limit).")] = 1200,
    access_log: Annotated[bool, typer.Option(
        "--access-log", help="Print one line per request (method, path, status).")] = False,
) -> None:
    """Serve the REST API (OpenAPI at /openapi.json, docs at /docs) and the web UI (/ui/).

    Writes (POST /articles, POST /annotate) need `Authorization: Bearer $PARLEY_TOKEN`; with
    PARLEY_TOKEN unset they are refused. The token is read from the environment only.

    Example:  PARLEY_TOKEN=$(openssl rand -hex 16) parley serve --db parley.db
    """
    import uvicorn

    from parley.api import Limits, create_app

    token = os.environ.get(TOKEN_ENV) or None
    if private and not token:
        err.print(f"error: --private needs {TOKEN_ENV} set (the token readers must send)",
                  markup=False)
        raise typer.Exit(2)
    require_db(db)
    store = open_store(db)
    limits = Limits(max_body=max_body, writes_per_minute=writes_per_minute,
                    reads_per_minute=reads_per_minute)
    application = create_app(store, token, private=private, limits=limits)
    shown = f"[{host}]" if ":" in host else host
    err.print(f"parley serving {db} on http://{shown}:{port}/ (UI /ui/, API docs /docs); "
              f"writes {'need the bearer token' if token else f'disabled ({TOKEN_ENV} unset)'}"
              f"{'; reads need it too' if private else ''}", markup=False)
    if host not in LOOPBACK:
        err.print(f"warning: listening on {host}, beyond this machine; parley speaks plain HTTP "
                  "(put a TLS proxy in front)", markup=False)
    uvicorn.run(application, host=host, port=port, log_level="info" if access_log else "warning",
                access_log=access_log, server_header=False)
