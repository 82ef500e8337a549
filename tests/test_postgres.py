"""The store on a real PostgreSQL server: the same migrations, idempotence and records as SQLite.

The server is a private cluster started for the session (see `postgres_server` in conftest);
`make test` installs PostgreSQL when it is missing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from parley.pipeline import process_sources
from parley.query import export_records
from parley.store import SCHEMA_VERSION, Store
from parley.store.schema import MIGRATIONS, schema_migrations

from .conftest import REPO

SAMPLES = REPO / "samples" / "wikinews_sample.jsonl"
KINDS = ("articles", "entities", "quotes", "events", "stories")


def _records(store: Store) -> dict[str, list[str]]:
    return {kind: sorted(json.dumps(r, sort_keys=True) for r in export_records(store, kind))
            for kind in KINDS}


def test_migrations_are_recorded_once_on_postgres(postgres_url: str) -> None:
    Store.open(postgres_url).close()
    store = Store.open(postgres_url)  # reopening applies nothing twice
    assert store.schema_version() == SCHEMA_VERSION
    with store.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(schema_migrations)) == len(MIGRATIONS)
    store.close()


def test_postgres_holds_the_same_records_as_sqlite(postgres_url: str, db_path: Path) -> None:
    stores = [Store.open(postgres_url), Store.open(db_path)]
    reports = [process_sources([str(SAMPLES)], store) for store in stores]
    assert reports[0].stored == reports[1].stored > 0
    on_postgres, on_sqlite = (_records(store) for store in stores)
    assert all(on_postgres[kind] for kind in ("articles", "entities", "events", "stories"))
    for kind in KINDS:
        differ = set(on_postgres[kind]) ^ set(on_sqlite[kind])
        assert on_postgres[kind] == on_sqlite[kind], (kind, sorted(differ)[:4])
    again = process_sources([str(SAMPLES)], stores[0])  # re-processing changes nothing
    assert (again.stored, again.unchanged) == (0, reports[0].stored)
    assert _records(stores[0]) == on_postgres
    for store in stores:
        store.close()


def test_failed_inputs_are_recorded_once_on_postgres(tmp_path: Path, postgres_url: str) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02" * 100)
    store = Store.open(postgres_url)
    for _ in range(2):
        assert len(process_sources([str(tmp_path / "bad.txt")], store).errors) == 1
    assert store.count_errors() == 1 and store.count_articles() == 0
    store.close()


def test_query_commands_say_the_same_on_postgres(postgres_url: str, db_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from parley.cli import app

    monkeypatch.chdir(db_path.parent)  # nothing may land in the working directory
    runner = CliRunner()
    outputs = []
    for target in (postgres_url, str(db_path)):
        assert runner.invoke(app, ["process", str(SAMPLES), "--db", target, "--quiet"]).exit_code == 0
        said = []
        listed = runner.invoke(app, ["export", "articles", "--db", target]).stdout
        first = json.loads(listed.splitlines()[0])["id"][:8]
        for command in (["stats", "--json"], ["actor", "Trump"], ["quotes", "--speaker", "Trump"],
                        ["events", "--actor", "USA"], ["timeline", "USA"], ["brief", "USA"],
                        ["article", first], ["export", "network"],
                        ["export", "events", "--format", "csv"]):
            result = runner.invoke(app, [*command, "--db", target])
            assert result.exit_code == 0, (command, result.output)
            said.append(result.output)
        outputs.append(said)
    assert outputs[0] == outputs[1]
