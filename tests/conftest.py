"""Shared fixtures. Data outside the repo (../shared) is found through PARLEY_SHARED."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


def shared_path(*parts: str) -> Path:
    """A path under PARLEY_SHARED; skip when it is unset, fail when CI=true."""
    root = os.environ.get("PARLEY_SHARED")
    in_ci = os.environ.get("CI", "").lower() == "true"
    if not root:
        if in_ci:
            pytest.fail("PARLEY_SHARED is not set, but CI=true: the gold data must be there")
        pytest.skip("PARLEY_SHARED is not set: the seeds and gold sets live outside the repo")
    path = Path(root, *parts)
    if not path.exists():
        if in_ci:
            pytest.fail(f"{path} is missing (PARLEY_SHARED={root})")
        pytest.skip(f"{path} is missing (PARLEY_SHARED={root})")
    return path


@pytest.fixture
def seeds_dir() -> Path:
    return shared_path("seeds")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "parley.db"


# -- a private PostgreSQL server for the store's PostgreSQL tests ------------------------------

def _pg_program(name: str) -> str | None:
    """A PostgreSQL server program on PATH or in Debian's versioned folder."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    return str(candidates[-1]) if candidates else None


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}, but CI=true: `make test` installs PostgreSQL")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[tuple[str, int]]:
    """A throw-away PostgreSQL cluster on a Unix socket: (socket folder, port)."""
    initdb, pg_ctl = _pg_program("initdb"), _pg_program("pg_ctl")
    if initdb is None or pg_ctl is None:
        _unavailable("PostgreSQL server programs (initdb, pg_ctl) are not installed")
    assert initdb is not None and pg_ctl is not None
    if importlib.util.find_spec("psycopg") is None:
        _unavailable("the psycopg driver is not installed")
    root = Path(tempfile.mkdtemp(prefix="parley-pg-"))
    as_owner: list[str] = []
    if os.geteuid() == 0:  # the server refuses to run as root: run it as the postgres user
        shutil.chown(root, "postgres", "postgres")
        as_owner = ["runuser", "-u", "postgres", "--"]
    data = root / "data"
    with socket.socket() as probe:  # a free port number names the socket file
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    subprocess.run([*as_owner, initdb, "-D", str(data), "-U", "parley", "--auth=trust", "-E", "UTF8",
                    "--no-sync"], check=True, capture_output=True)
    options = f"-c listen_addresses='' -k {root} -p {port} -c fsync=off"
    subprocess.run([*as_owner, pg_ctl, "-D", str(data), "-o", options, "-l", str(root / "log"), "-w",
                    "start"], check=True, capture_output=True)
    try:
        yield str(root), port
    finally:
        subprocess.run([*as_owner, pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop"],
                       check=False, capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: tuple[str, int], request: pytest.FixtureRequest) -> str:
    """A new empty database on the private server, as a SQLAlchemy URL."""
    import psycopg

    folder, port = postgres_server
    name = "t_" + re.sub(r"\W", "_", request.node.name.lower())[:50]
    with psycopg.connect(host=folder, port=port, user="parley", dbname="postgres",
                         autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')  # names come from test names only
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"postgresql://parley@/{name}?host={folder}&port={port}"
