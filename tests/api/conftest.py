"""A store of the seeds and the bundled samples, built once per session, and `parley serve`
running over it in a subprocess on a free loopback port (the real server, not a test client)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO, shared_path

TOKEN = "test-token-7f3a"  # a throw-away token of the test servers
HOSTILE_TITLE = "<script>alert('title')</script> Robert'); DROP TABLE articles;--"
HOSTILE_TEXT = (
    "Pakistan and Iran agreed on Tuesday to expand border trade, officials in Islamabad said. "
    "<script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\"> "
    "\"Robert'); DROP TABLE articles;--\" was written on a placard at the crossing. "
    "An Iranian official said: \"\u0645\u0631\u062d\u0628\u0627 \u202egnp.exe\u202c welcome.\"")


@dataclass(frozen=True)
class Server:
    url: str
    db: Path
    process: subprocess.Popen[bytes]
    log: Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(db: Path, log: Path, *args: str, token: str | None = TOKEN) -> Server:
    """`parley serve` in a subprocess; waits until /health answers (the UI or API may need
    the bearer token for it when the server is private)."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(REPO / "src"), str(REPO / "bench"), os.environ.get("PYTHONPATH", "")])}
    env.pop("PARLEY_TOKEN", None)
    if token:
        env["PARLEY_TOKEN"] = token
    handle = log.open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "parley.cli", "serve", "--db", str(db), "--port", str(port), *args],
        stdout=handle, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"parley serve exited {process.returncode}: {log.read_text()}")
        request = urllib.request.Request(url + "/health",
                                         headers={"Authorization": f"Bearer {token}"})
        try:
            with urllib.request.urlopen(request, timeout=2):
                return Server(url, db, process, log)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    process.kill()
    raise RuntimeError(f"parley serve did not answer within 90 s: {log.read_text()}")


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.process.kill()


@pytest.fixture(scope="session")
def served_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds (PARLEY_SHARED) and the bundled samples, processed into one store."""
    from parley.pipeline import process_sources
    from parley.store import Store

    seeds = shared_path("seeds")
    db = tmp_path_factory.mktemp("served") / "parley.db"
    store = Store.open(db)
    report = process_sources([str(seeds), str(REPO / "samples")], store)
    store.close()
    assert report.stored >= 10, report
    return db


@pytest.fixture(scope="session")
def server(served_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The main server: writes with the token, no rate limits (schemathesis sends many)."""
    log = tmp_path_factory.mktemp("logs") / "serve.log"
    running = start_server(served_db, log, "--write-rate", "0", "--read-rate", "0")
    yield running
    stop_server(running)


@pytest.fixture(scope="session")
def hostile_article(server: Server) -> str:
    """An article full of markup, SQL and bidirectional text, posted through the API."""
    body = json.dumps({"text": HOSTILE_TEXT, "title": HOSTILE_TITLE, "published": "2025-08-05",
                       "outlet": "<b>Wire</b>", "url": "javascript:alert(1)"}).encode()
    request = urllib.request.Request(
        server.url + "/articles?raw=true", data=body, method="POST",
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        assert response.status in (200, 201)
        return str(json.loads(response.read())["id"])


def artifacts_dir() -> Path:
    """Where the UI tests leave their screenshots (gitignored)."""
    folder = Path(os.environ.get("PARLEY_TEST_ARTIFACTS", REPO / "test-artifacts"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


SECOND_REPORT = (
    "US Secretary of State Marco Rubio and Pakistan's Foreign Minister Ishaq Dar discussed "
    "bilateral relations by telephone on Monday, Pakistan's Foreign Ministry said. The two "
    "diplomats agreed to remain in contact.")


@pytest.fixture(scope="session")
def second_report(server: Server) -> str:
    """An invented second outlet's report of a call a seed article reports, posted through the
    API: the store then holds an event with evidence from two outlets."""
    request = urllib.request.Request(
        server.url + "/articles?raw=true&title=Rubio+and+Dar+speak&outlet=Second+Wire"
        "&published=2025-08-05", data=SECOND_REPORT.encode(), method="POST",
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"})
    with urllib.request.urlopen(request, timeout=120) as response:
        assert response.status in (200, 201)
        return str(json.loads(response.read())["id"])
