"""The command line through typer's runner, plus one real subprocess call."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from parley.cli import app

from .conftest import REPO

runner = CliRunner()
SAMPLES = REPO / "samples"
RECORD = {"id": "a1", "text": "Ministers meet\n\nPublished on March 2, 2024\n\n"
          "Foreign ministers from France and Germany met in Geneva on Monday.\n\n"
          "The talks ended without a joint statement, officials said.\n"}


def test_process_export_stats(db_path: Path) -> None:
    result = runner.invoke(app, ["process", str(SAMPLES), "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert "13 stored" in result.output
    exported = runner.invoke(app, ["export", "articles", "--db", str(db_path)])
    records = [json.loads(line) for line in exported.stdout.splitlines()]
    assert len(records) == 13
    assert {"id", "source", "content_hash", "duplicate_of", "title", "published", "outlet",
            "authors", "language", "text"} <= set(records[0])
    html = next(r for r in records if r["source"].endswith("page.html"))
    assert html["title"] == "United States military kills Qasem Soleimani"
    same = [r for r in records if r["title"] == html["title"] and r["id"] != html["id"]]
    assert [r["duplicate_of"] for r in same] == [html["id"]]  # one story, two formats
    stats = runner.invoke(app, ["stats", "--db", str(db_path), "--json"])
    summary = json.loads(stats.stdout)
    assert summary["articles"] == 13 and summary["duplicates"] == 1
    again = runner.invoke(app, ["process", str(SAMPLES), "--db", str(db_path)])
    assert "0 stored" in again.output and "13 already" in again.output


def test_export_csv_to_file(db_path: Path, tmp_path: Path) -> None:
    runner.invoke(app, ["process", str(SAMPLES / "page.html"), "--db", str(db_path)])
    out = tmp_path / "articles.csv"
    result = runner.invoke(app, ["export", "articles", "--db", str(db_path), "--format", "csv",
                                 "-o", str(out)])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert len(rows) == 1 and rows[0]["authors"] == "Wikinews contributors"  # flat, no JSON


def test_process_exit_code_says_some_failed(db_path: Path, tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)))
    result = runner.invoke(app, ["process", str(tmp_path / "bin.txt"),
                                 str(SAMPLES / "page.html"), "--db", str(db_path)])
    assert result.exit_code == 1
    assert f"error: {tmp_path / 'bin.txt'}: IngestError: binary file" in result.output
    assert "1 stored" in result.output


def test_export_without_database_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "articles", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "no database" in result.output


def test_annotate_contract_article() -> None:
    lines = [json.dumps(RECORD), json.dumps({"id": "b", "text": "   "}),
             json.dumps({"id": 3, "text": "Plain body. Nothing else.", "title": "Given"})]
    result = runner.invoke(app, ["annotate", "--only", "article"], input="\n".join(lines))
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a1", "b", 3]
    first = out[0]
    assert first["error"] is None
    assert first["article"]["title"] == "Ministers meet"
    assert first["article"]["published"] == "2024-03-02"
    assert first["article"]["text"].startswith("Foreign ministers")
    assert out[1]["error"]["type"] == "CleanError" and out[1]["article"] is None
    assert out[2]["article"]["title"] == "Given"


def test_annotate_raw_keeps_text_exactly() -> None:
    text = "  Title line\nFirst sentence here. Second one.\n"
    result = runner.invoke(app, ["annotate", "--raw"],
                           input=json.dumps({"id": "r", "text": text, "published": "2025-08-04"}))
    [out] = [json.loads(line) for line in result.stdout.splitlines()]
    assert out["article"]["text"] == text and out["article"]["published"] == "2025-08-04"
    assert out["entities"] == [] and out["events"] == [] and out["error"] is None


def test_annotate_bad_json_line_is_named_and_run_goes_on() -> None:
    lines = [json.dumps(RECORD), "{not json", json.dumps(RECORD)]
    result = runner.invoke(app, ["annotate", "--only", "article"], input="\n".join(lines))
    assert result.exit_code == 1
    assert "-:2" in result.output and "not valid JSON" in result.output
    out = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [o["error"] is None for o in out] == [True, False, True]


def test_annotate_unknown_kind() -> None:
    result = runner.invoke(app, ["annotate", "--only", "article,vibes"], input="")
    assert result.exit_code == 2 and "vibes" in result.output


def test_real_subprocess_annotate(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    proc = subprocess.run(
        [sys.executable, "-m", "parley.cli", "annotate", str(SAMPLES / "wikinews_sample.jsonl"),
         "--only", "article", "-o", str(out)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) == 12 and all(r["error"] is None for r in records)
    assert records[0]["article"]["published"] == "2019-01-04"
    assert not (tmp_path / "out.jsonl.partial").exists()


def test_events_timeline_and_brief_commands(db_path: Path, tmp_path: Path) -> None:
    assert runner.invoke(app, ["process", str(SAMPLES), "--db", str(db_path)]).exit_code == 0
    events = runner.invoke(app, ["events", "--db", str(db_path), "--actor", "USA", "--json"])
    assert events.exit_code == 0
    records = [json.loads(line) for line in events.stdout.splitlines()]
    assert records and all(r["evidence"] and r["mentions"] >= 1 for r in records)
    text = runner.invoke(app, ["timeline", "USA", "--db", str(db_path), "--format", "markdown",
                               "--undated"])
    assert text.exit_code == 0 and text.stdout.startswith("- ")
    brief = tmp_path / "usa.md"
    result = runner.invoke(app, ["brief", "USA", "--db", str(db_path), "-o", str(brief)])
    assert result.exit_code == 0 and "## Sources" in brief.read_text()
    assert "<svg" in (tmp_path / "usa-trend.svg").read_text()
    bad = runner.invoke(app, ["timeline", "USA", "--since", "last week", "--db", str(db_path)])
    assert bad.exit_code == 2 and "wants a date" in bad.output
