"""Several writers on one store: two `parley process` runs at once on overlapping inputs leave
the same records as one run over all of them, on PostgreSQL (the private cluster of conftest)
and on one SQLite file; processes opening a fresh store at once migrate it once.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from parley.store import Store
from parley.store.schema import (
    MIGRATIONS,
    articles,
    entities,
    entity_mentions,
    errors,
    event_mentions,
    events,
    quotes,
    schema_migrations,
    story_articles,
)

from .conftest import REPO

SAMPLES = REPO / "samples" / "wikinews_sample.jsonl"


def _inputs(folder: Path, seeds: Path) -> list[Path]:
    """One file per document: the seeds, each sample record, and a copy of the first record
    under another name (a repeat: whichever run stores its copy second marks it a duplicate)."""
    folder.mkdir()
    files = []
    for seed in sorted(seeds.glob("*.txt")):
        target = folder / seed.name
        target.write_bytes(seed.read_bytes())
        files.append(target)
    for number, line in enumerate(SAMPLES.read_text().splitlines(), start=1):
        target = folder / f"wikinews_{number:02d}.jsonl"
        target.write_text(line + "\n")
        files.append(target)
    copy = folder / "zz_repeat_of_first_record.jsonl"
    record = json.loads(SAMPLES.read_text().splitlines()[0])
    record.pop("url", None)  # its own place, so its own article id
    copy.write_text(json.dumps({**record, "id": "a-repeat"}) + "\n")
    return [*files, copy]


def _process(files: list[Path], db: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "parley.cli", "process", *map(str, files),
                             "--db", db, "--quiet"], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env=os.environ.copy())


def _finish(proc: subprocess.Popen[str]) -> None:
    output, _ = proc.communicate(timeout=600)
    assert proc.returncode == 0, output


def _contents(db: str) -> dict[str, Any]:
    """What must not depend on how the writes interleaved. Records found in an article are
    keyed by its content, not its id: which of two copies is the original (analysed) and which
    the duplicate depends on which run stored its copy first."""
    store = Store.open(db)
    with store.engine.connect() as conn:
        def count(table: Any) -> int:
            return int(conn.scalar(select(func.count()).select_from(table)) or 0)

        def column(col: Any) -> list[str]:
            return sorted(str(v) for v in conn.scalars(select(col)))

        def by_content(table: Any, *columns: Any) -> list[str]:
            query = select(articles.c.content_hash, *columns).join(
                articles, articles.c.id == table.c.article_id)
            return sorted(" ".join(map(str, row)) for row in conn.execute(query))

        originals = list(conn.scalars(select(articles.c.content_hash)
                                      .where(articles.c.duplicate_of.is_(None))))
        found = {
            "articles": column(articles.c.id),
            "duplicates": count(articles) - len(originals),
            "repeated originals": len(originals) - len(set(originals)),
            "seq unique": count(articles) == len(set(column(articles.c.seq))),
            "quotes": by_content(quotes, quotes.c.start, quotes.c.end, quotes.c.text),
            "entities": column(entities.c.name),
            "entity mentions": by_content(entity_mentions, entity_mentions.c.start),
            # (what a report says of its parties can differ: people are looked up in what the
            # store knew when the article was analysed, which depends on the order)
            "event reports": by_content(event_mentions, event_mentions.c.start,
                                        event_mentions.c.end),
            "event keys": sorted(set(column(events.c.merge_key))),
            "events": count(events),
            "articles in stories": count(story_articles),
            "errors": count(errors),
        }
    store.close()
    return found


def _concurrent_equals_sequential(files: list[Path], together: str, alone: str) -> None:
    first, second = files[: len(files) * 2 // 3], files[len(files) // 3:]  # a third overlaps
    assert set(first) & set(second) and set(first) | set(second) == set(files)
    runs = [_process(first, together), _process(second, together)]
    for run in runs:
        _finish(run)
    _finish(_process(files, alone))
    concurrent, sequential = _contents(together), _contents(alone)
    assert len(sequential["articles"]) == len(files) and sequential["duplicates"] == 1
    assert sequential["events"] > 0 and sequential["quotes"]
    assert concurrent["repeated originals"] == 0 and concurrent["seq unique"]
    differ = {key: sorted(set(concurrent[key]) ^ set(sequential[key]))[:6]
              if isinstance(sequential[key], list) else (concurrent[key], sequential[key])
              for key in sequential if concurrent[key] != sequential[key]}
    assert not differ, json.dumps(differ, indent=1)[:3000]


def test_two_process_runs_at_once_on_postgres(tmp_path: Path, seeds_dir: Path,
                                              postgres_url: str) -> None:
    files = _inputs(tmp_path / "in", seeds_dir)
    alone = postgres_url.replace("?", "_alone?", 1)
    _create_database(alone)
    _concurrent_equals_sequential(files, postgres_url, alone)


def test_two_process_runs_at_once_on_one_sqlite_file(tmp_path: Path, seeds_dir: Path) -> None:
    files = _inputs(tmp_path / "in", seeds_dir)
    _concurrent_equals_sequential(files, str(tmp_path / "together.db"), str(tmp_path / "alone.db"))
    check = Store.open(tmp_path / "together.db")
    with check.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    check.close()


def _open_at_once(target: str, processes: int = 4) -> None:
    code = ("import sys; from parley.store import Store; "
            "s = Store.open(sys.argv[1]); print(s.schema_version()); s.close()")
    runs = [subprocess.Popen([sys.executable, "-c", code, target], stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True) for _ in range(processes)]
    outputs = [run.communicate(timeout=300)[0] for run in runs]
    assert all(run.returncode == 0 for run in runs), outputs
    assert {out.strip() for out in outputs} == {str(MIGRATIONS[-1][0])}
    store = Store.open(target)
    with store.engine.connect() as conn:
        versions = list(conn.scalars(select(schema_migrations.c.version)))
    store.close()
    assert sorted(versions) == [version for version, _, _ in MIGRATIONS]


def test_processes_migrating_a_fresh_postgres_store_at_once(postgres_url: str) -> None:
    _open_at_once(postgres_url)


def test_processes_migrating_a_fresh_sqlite_file_at_once(tmp_path: Path) -> None:
    _open_at_once(str(tmp_path / "fresh.db"))


def test_a_retried_write_is_not_lost(db_path: Path) -> None:
    """A transaction aborted by another writer ('database is locked', a deadlock) runs again."""
    from sqlalchemy.exc import OperationalError

    from parley.store.concurrency import with_retries

    calls: list[int] = []

    def flaky() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise OperationalError("INSERT ...", {}, Exception("database is locked"))
        return "written"

    assert with_retries(flaky) == "written" and len(calls) == 3
    with pytest.raises(OperationalError):  # anything else is raised at once
        with_retries(lambda: (_ for _ in ()).throw(
            OperationalError("INSERT ...", {}, Exception("no such table: x"))))


def _create_database(url: str) -> None:
    import psycopg
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    query = parsed.query
    with psycopg.connect(host=str(query["host"]), port=int(str(query["port"])), user="parley",
                         dbname="postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{parsed.database}"')
        conn.execute(f'CREATE DATABASE "{parsed.database}"')


STORE_WRITER = """
import sys
from parley.models import Article
from parley.store import ArticleBundle, Store

store = Store.open(sys.argv[1])
writer, count = sys.argv[2], int(sys.argv[3])
stored = 0
for n in range(count):
    text = f"Writer {writer} filed report {n} about the harbour strike."
    article = Article(id=f"{writer}-{n:04d}", source=f"api:{writer}/{n}", text=text,
                      content_hash=f"{writer}{n:060d}")
    stored += store.add_article(ArticleBundle(article))
shared = Article(id="shared-0", source="api:shared", text="One report sent by everyone.",
                 content_hash="s" * 64)
stored += store.add_article(ArticleBundle(shared))
store.close()
print(stored)
"""


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_writers_adding_articles_at_once_lose_none(backend: str, tmp_path: Path,
                                                  request: pytest.FixtureRequest) -> None:
    """The store's own write path (what an API ingest calls): four processes adding articles
    at once; every one is stored once, the one they all send exactly once."""
    target = (str(tmp_path / "api.db") if backend == "sqlite"
              else request.getfixturevalue("postgres_url"))
    Store.open(target).close()
    runs = [subprocess.Popen([sys.executable, "-c", STORE_WRITER, target, f"w{i}", "40"],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            for i in range(4)]
    outputs = [run.communicate(timeout=300)[0] for run in runs]
    assert all(run.returncode == 0 for run in runs), outputs
    assert sum(int(out.split()[-1]) for out in outputs) == 4 * 40 + 1, outputs
    found = _contents(target)
    assert len(found["articles"]) == 4 * 40 + 1 and found["seq unique"]
