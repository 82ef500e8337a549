"""Shared fixtures. Data outside the repo (../shared) is found through PARLEY_SHARED."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

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

def _pg_bin_dir() -> Path | None:
    """The folder of the PostgreSQL server programs: PATH's initdb, else Debian's newest."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    versions = [p for p in Path("/usr/lib/postgresql").glob("*/bin") if (p / "initdb").exists()]
    versions.sort(key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)
    return versions[-1] if versions else None


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}, but CI=true: `make test` installs PostgreSQL")
    pytest.skip(reason)


def _run(command: list[str], log: Path | None = None) -> None:
    """Run a server command; on failure, fail with its output and the server log's tail."""
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        tail = log.read_text(errors="replace")[-2000:] if log and log.exists() else ""
        raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}{tail}")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[tuple[str, int]]:
    """A throw-away PostgreSQL cluster on a Unix socket: (socket folder, port)."""
    bin_dir = _pg_bin_dir()
    if bin_dir is None:
        _unavailable("PostgreSQL server programs (initdb, pg_ctl) are not installed")
    assert bin_dir is not None
    if importlib.util.find_spec("psycopg") is None:
        _unavailable("the psycopg driver is not installed")
    as_owner: list[str] = []
    if os.geteuid() == 0:  # the server refuses to run as root: run it as the postgres user
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            _unavailable("running as root and there is no postgres user to run the server as")
        as_owner = ["runuser", "-u", "postgres", "--"]
    # a short folder: a Unix socket path must stay under ~100 characters
    root = Path(tempfile.mkdtemp(prefix="parley-pg-", dir="/tmp"))
    data, log = root / "data", root / "server.log"
    pg_ctl = str(bin_dir / "pg_ctl")
    started = False
    try:
        if as_owner:
            shutil.chown(root, "postgres", "postgres")
        with socket.socket() as probe:  # a free port number names the socket file
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        _run([*as_owner, str(bin_dir / "initdb"), "-D", str(data), "-U", "parley", "--auth=trust",
              "-E", "UTF8", "--no-sync"])
        options = f"-c listen_addresses='' -k {root} -p {port} -c fsync=off"
        _run([*as_owner, pg_ctl, "-D", str(data), "-o", options, "-l", str(log), "-w", "start"], log)
        started = True
        yield str(root), port
    finally:
        if started:
            subprocess.run([*as_owner, pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop"],
                           check=False, capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: tuple[str, int], request: pytest.FixtureRequest) -> str:
    """A new empty database on the private server, as a SQLAlchemy URL."""
    import psycopg

    folder, port = postgres_server
    digest = hashlib.sha1(request.node.nodeid.encode()).hexdigest()[:10]
    name = "t_" + re.sub(r"[^a-z0-9_]", "_", request.node.name.lower())[:40] + "_" + digest
    with psycopg.connect(host=folder, port=port, user="parley", dbname="postgres",
                         autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')  # [a-z0-9_] only: safe to quote
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"postgresql://parley@/{name}?host={quote(folder, safe='/')}&port={port}"


# -- one store of the seeds, the bundled samples and invented articles, for the read side ------

@pytest.fixture(scope="session")
def analyst_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of the seed articles, samples/ and tests/fixtures/analyst_articles.jsonl
    (invented: one armed group under two names), processed once per test session."""
    from parley.pipeline import process_sources
    from parley.store import Store

    seeds = shared_path("seeds")
    db = tmp_path_factory.mktemp("analyst") / "parley.db"
    store = Store.open(db)
    report = process_sources([str(seeds), str(REPO / "samples"),
                              str(FIXTURES / "analyst_articles.jsonl")], store)
    store.close()
    assert not report.errors and report.stored == 3 + 13 + 2
    return db
