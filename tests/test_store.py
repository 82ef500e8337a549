"""The SQLite store: migrations, idempotent processing, duplicates, and surviving kill -9."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from parley.pipeline import process_sources
from parley.store import SCHEMA_VERSION, Store
from parley.store.schema import MIGRATIONS

from .conftest import REPO

SAMPLE = REPO / "samples" / "wikinews_sample.jsonl"


def _sentences() -> list[str]:
    text = " ".join(json.loads(line)["text"] for line in SAMPLE.open())
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) > 6]


def write_articles(folder: Path, count: int, seed: int = 7) -> None:
    """`count` distinct articles made of shuffled real Wikinews sentences."""
    rng = random.Random(seed)
    pool = _sentences()
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        paragraphs = [" ".join(rng.sample(pool, 2)) for _ in range(4)]
        body = "\n\n".join(paragraphs)
        (folder / f"article_{n:04d}.txt").write_text(
            f"Report number {n} on world affairs\n\nPublished on May {n % 28 + 1}, 2020\n\n{body}\n")


def test_migrations_are_recorded_once(db_path: Path) -> None:
    store = Store.open(db_path)
    assert store.schema_version() == SCHEMA_VERSION
    store.close()
    store = Store.open(db_path)  # reopening applies nothing twice
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute("select count(*) from schema_migrations").fetchone()[0]
        mode = conn.execute("pragma journal_mode").fetchone()[0]
    assert rows == len(MIGRATIONS)
    assert mode == "wal"
    store.close()


def test_processing_twice_changes_nothing(tmp_path: Path, db_path: Path) -> None:
    write_articles(tmp_path / "in", 5)
    store = Store.open(db_path)
    first = process_sources([str(tmp_path / "in")], store)
    assert (first.stored, first.unchanged, first.errors) == (5, 0, [])
    before = list(store.iter_articles())
    second = process_sources([str(tmp_path / "in")], store)
    assert (second.stored, second.unchanged) == (0, 5)
    assert list(store.iter_articles()) == before
    store.close()


def test_exact_and_near_duplicates_marked(tmp_path: Path, db_path: Path) -> None:
    write_articles(tmp_path / "in", 3)
    original = (tmp_path / "in" / "article_0000.txt").read_text()
    (tmp_path / "copy.txt").write_text(original)
    near = original.replace("Report number 0", "Report 0 (updated)") + "\nReuters contributed.\n"
    (tmp_path / "near.txt").write_text(near)
    store = Store.open(db_path)
    report = process_sources([str(tmp_path / "in"), str(tmp_path / "copy.txt"),
                              str(tmp_path / "near.txt")], store)
    assert report.stored == 5 and report.duplicates == 2
    rows = {Path(r["source"]).name: r for r in store.iter_articles()}
    first_id = rows["article_0000.txt"]["id"]
    assert rows["copy.txt"]["duplicate_of"] == first_id
    assert rows["near.txt"]["duplicate_of"] == first_id
    assert rows["article_0001.txt"]["duplicate_of"] is None
    store.close()


def test_failed_inputs_are_recorded_once(tmp_path: Path, db_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02" * 100)
    store = Store.open(db_path)
    for _ in range(2):
        report = process_sources([str(tmp_path / "bad.txt")], store)
        assert len(report.errors) == 1
    assert store.count_errors() == 1 and store.count_articles() == 0
    store.close()


def test_kill_9_then_rerun_leaves_every_article_once(tmp_path: Path, db_path: Path) -> None:
    count = 80
    write_articles(tmp_path / "in", count)
    command = [sys.executable, "-m", "parley.cli", "process", str(tmp_path / "in"),
               "--db", str(db_path), "--quiet"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        stored = _count(db_path)
        if stored >= 10:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "process finished before it could be killed: make it longer"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _count(db_path)
    assert 10 <= partial < count
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        sources = [r[0] for r in conn.execute("select source from articles")]
    assert len(sources) == count and len(set(sources)) == count


def _count(db_path: Path) -> int:
    if not db_path.exists():
        return 0
    try:
        with sqlite3.connect(db_path, timeout=5) as conn:
            return int(conn.execute("select count(*) from articles").fetchone()[0])
    except sqlite3.OperationalError:
        return 0
