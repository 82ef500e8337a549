"""Fault isolation: a stage that fails on one article fails that article only.

The fault is injected through the test-only hook PARLEY_TEST_FAULT=STAGE:MARKER (see
parley.faults), on real Wikinews articles from samples/; articles in another language are
stored with their metadata and no records from the English-only stages.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parley.cli import app
from parley.faults import FAULT_ENV
from parley.store import Store

from .conftest import REPO

runner = CliRunner()
SAMPLES = [json.loads(line) for line in
           (REPO / "samples" / "wikinews_sample.jsonl").read_text().splitlines()]
# Written for these tests (no source): a French news paragraph and a German one.
FRENCH = ("Le ministre des Affaires étrangères a rencontré lundi à Paris son homologue "
          "pakistanais. Les deux hommes ont discuté de la coopération économique et de la "
          "sécurité régionale, selon un communiqué publié dans la soirée par le ministère.")
GERMAN = ("Der Außenminister hat am Montag in Berlin seinen Amtskollegen aus Pakistan "
          "empfangen. Die beiden Politiker sprachen über wirtschaftliche Zusammenarbeit und "
          "regionale Sicherheit, teilte das Ministerium am Abend mit.")


def _write_folder(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    paths = []
    for record in SAMPLES[:count]:
        path = folder / f"{record['id']}.txt"
        path.write_text(f"{record['title']}\n\n{record['text']}\n", encoding="utf-8")
        paths.append(path)
    return paths


@pytest.mark.parametrize("stage", ["nlp", "actors", "timex", "quotes", "events", "clean"])
def test_process_a_failing_stage_costs_one_article(stage: str, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _write_folder(tmp_path / "news", 4)
    db = tmp_path / "parley.db"
    monkeypatch.setenv(FAULT_ENV, f"{stage}:Magnitogorsk")  # in the first article only
    result = runner.invoke(app, ["process", str(tmp_path / "news"), "--db", str(db)])
    assert result.exit_code == 1
    assert f"error: {paths[0]}: InjectedFault in {stage}: fault injected" in result.output
    assert "3 stored" in result.output and "1 failed" in result.output
    store = Store.open(str(db))
    stored = {row["source"] for row in store.iter_articles()}
    errors = list(store.iter_errors())
    store.close()
    assert stored == {str(p) for p in paths[1:]}
    assert [(e["source"], e["stage"]) for e in errors] == [(str(paths[0]), stage)]
    summary = json.loads(runner.invoke(app, ["stats", "--db", str(db), "--json"]).stdout)
    assert summary["errors"] == 1 and summary["error_stages"] == [[stage, 1]]


def test_failed_article_leaves_nothing_and_is_stored_when_fixed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write_folder(tmp_path / "news", 2)
    db = tmp_path / "parley.db"
    monkeypatch.setenv(FAULT_ENV, "events:Magnitogorsk")
    runner.invoke(app, ["process", str(tmp_path / "news"), "--db", str(db)])
    entities = runner.invoke(app, ["export", "entities", "--db", str(db)]).stdout
    assert "Magnitogorsk" not in entities  # nothing of the failed article was written
    monkeypatch.delenv(FAULT_ENV)
    again = runner.invoke(app, ["process", str(tmp_path / "news"), "--db", str(db)])
    assert again.exit_code == 0 and "1 stored" in again.output
    summary = json.loads(runner.invoke(app, ["stats", "--db", str(db), "--json"]).stdout)
    assert summary["articles"] == 2 and summary["errors"] == 0  # the old failure is history
    assert "Magnitogorsk" in runner.invoke(app, ["export", "entities", "--db", str(db)]).stdout


def test_copy_of_a_failed_article_is_analysed_in_its_own_right(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    record = SAMPLES[8]  # the Soleimani report: one sentence differs between the two copies
    text = f"{record['title']}\n\n{record['text']}\n"
    (folder / "a.txt").write_text(text + "Marker sentence for the injected fault.\n")
    (folder / "b.txt").write_text(text)
    db = tmp_path / "parley.db"
    monkeypatch.setenv(FAULT_ENV, "events:Marker sentence")
    result = runner.invoke(app, ["process", str(folder), "--db", str(db)])
    assert result.exit_code == 1 and "1 stored (0 duplicates)" in result.output
    exported = runner.invoke(app, ["export", "articles", "--db", str(db)]).stdout
    [article] = [json.loads(line) for line in exported.splitlines()]
    assert article["source"].endswith("b.txt") and article["duplicate_of"] is None
    events = runner.invoke(app, ["export", "events", "--db", str(db)]).stdout
    assert events.strip()  # analysed, not stored as a bare repeat


def test_annotate_a_failing_stage_costs_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(FAULT_ENV, "timex:Magnitogorsk")
    lines = "".join(json.dumps(r) + "\n" for r in SAMPLES[:3])
    result = runner.invoke(app, ["annotate", "--only", "timexes,events"], input=lines)
    assert result.exit_code == 0  # every line was usable input; one document failed
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == [r["id"] for r in SAMPLES[:3]]
    assert out[0]["error"] == {
        "type": "InjectedFault", "stage": "timex",
        "message": "-:1: InjectedFault in timex: fault injected by PARLEY_TEST_FAULT for testing"}
    assert out[0]["timexes"] == [] and out[0]["events"] == []
    assert all(o["error"] is None and o["timexes"] for o in out[1:])


def test_other_languages_are_stored_unread(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "fr.txt").write_text(f"Rencontre à Paris\n\n{FRENCH}\n", encoding="utf-8")
    (folder / "de.txt").write_text(f"Treffen in Berlin\n\n{GERMAN}\n", encoding="utf-8")
    record = SAMPLES[0]
    (folder / "en.txt").write_text(f"{record['title']}\n\n{record['text']}\n", encoding="utf-8")
    db = tmp_path / "parley.db"
    result = runner.invoke(app, ["process", str(folder), "--db", str(db)])
    assert result.exit_code == 0 and "3 stored" in result.output
    exported = runner.invoke(app, ["export", "articles", "--db", str(db)]).stdout
    articles = {Path(a["source"]).stem: a for a in map(json.loads, exported.splitlines())}
    assert articles["fr"]["language"] == "fr" and articles["de"]["language"] == "de"
    assert articles["fr"]["skipped"] == "language fr: English-only stages skipped"
    assert articles["en"]["skipped"] is None
    entities = runner.invoke(app, ["export", "entities", "--db", str(db)]).stdout
    assert "homologue" not in entities and "Pakistan" not in entities  # no junk, no reading
    assert "Magnitogorsk" in entities
    summary = json.loads(runner.invoke(app, ["stats", "--db", str(db), "--json"]).stdout)
    assert sorted(summary["skipped"]) == [["language de: English-only stages skipped", 1],
                                          ["language fr: English-only stages skipped", 1]]
    listing = runner.invoke(app, ["articles", "--db", str(db)]).stdout
    assert "[not read:" in listing


def test_annotate_says_an_article_was_not_read() -> None:
    line = json.dumps({"id": "fr1", "text": FRENCH}) + "\n"
    result = runner.invoke(app, ["annotate", "--only", "entities,events"], input=line)
    [out] = [json.loads(x) for x in result.stdout.splitlines()]
    assert out["skipped"] == "language fr: English-only stages skipped"
    assert out["entities"] == [] and out["events"] == [] and out["error"] is None


def test_store_from_schema_v4_is_migrated(tmp_path: Path) -> None:
    from sqlalchemy import create_engine, insert

    from parley.store.schema import MIGRATIONS, schema_migrations

    db = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:  # a store as parley at schema v4 made it
        schema_migrations.create(conn)
        for version, description, apply in MIGRATIONS[:4]:
            apply(conn)
            conn.execute(insert(schema_migrations).values(
                version=version, description=description, applied_at="2026-01-01"))
        conn.exec_driver_sql("ALTER TABLE errors DROP COLUMN stage")
        conn.exec_driver_sql("ALTER TABLE articles DROP COLUMN skipped")
        conn.exec_driver_sql("ALTER TABLE event_mentions DROP COLUMN merge_basis")
    engine.dispose()
    store = Store.open(str(db))
    assert store.schema_version() == MIGRATIONS[-1][0]
    store.close()
    result = runner.invoke(app, ["process", str(REPO / "samples" / "page.html"), "--db", str(db)])
    assert result.exit_code == 0, result.output
