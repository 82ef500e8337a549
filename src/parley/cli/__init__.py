"""The `parley` command line: a thin layer over pipeline and query (no SQL, no NLP here).

Commands live in one module per theme; importing them registers them on the typer app.
"""

from parley.cli import actors, events, ingest, records, serve, watch  # noqa: F401 (registers commands)
from parley.cli.common import app

__all__ = ["app"]

if __name__ == "__main__":
    app()
