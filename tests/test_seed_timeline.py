"""Issue 7's end-to-end check: the seeds plus Wikinews articles into one store, the USA-Iran
timeline in the right order with the right dates, and re-processing adding nothing."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from parley.pipeline import process_sources
from parley.query import export_records
from parley.store import Store
from parley.timeline import timeline

from .conftest import shared_path

WIKINEWS_ARTICLES = 50


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    seeds = shared_path("seeds")
    wikinews = shared_path("data", "wikinews", "wikinews_2020.csv")
    folder = tmp_path_factory.mktemp("corpus")
    for seed in sorted(seeds.glob("*.txt")):
        shutil.copy(seed, folder / seed.name)
    with wikinews.open(encoding="utf-8") as handle, (folder / "wikinews.jsonl").open("w") as out:
        for row in list(csv.DictReader(handle))[:WIKINEWS_ARTICLES]:
            out.write(json.dumps({"id": row["url"], "text": row["text"], "title": row["title"],
                                  "published": row["date"], "outlet": "Wikinews"}) + "\n")
    db = tmp_path_factory.mktemp("db") / "parley.db"
    store = Store.open(db)
    report = process_sources([str(folder)], store)
    store.close()
    assert report.stored == 3 + WIKINEWS_ARTICLES and not report.errors
    return folder, db


def test_usa_iran_timeline_order_and_dates(corpus: tuple[Path, Path]) -> None:
    _, db = corpus
    store = Store.open(db)
    entries = timeline(store, ["USA", "IRN"])
    store.close()
    dated = [(e.date, e.type, e.modality) for e in entries if e.date]
    assert dated == sorted(dated, key=lambda item: item[0])
    strikes = [e for e in entries if e.type == "ASSAULT" and e.date == "2025-06"]
    assert strikes and strikes[0].modality == "reported_past"
    meeting = [e for e in entries if e.type == "CONSULT" and e.date == "2026-02-06"]
    assert meeting and meeting[0].modality == "planned"
    assert entries.index(strikes[0]) < entries.index(meeting[0])


def test_seed_events_with_their_dates(corpus: tuple[Path, Path]) -> None:
    _, db = corpus
    store = Store.open(db)
    events = list(export_records(store, "events"))
    store.close()

    def has(kind: str, date: str, codes: set[str], mode: str | None = None) -> bool:
        for event in events:
            parties = {(event[side] or {}).get("country") for side in ("source", "target")}
            if event["type"] == kind and event["date"] == date and codes <= parties and (
                    mode is None or event["mode"] == mode):
                return True
        return False

    assert has("CONSULT", "2025-08-04", {"PAK", "USA"})  # Dar and Rubio by telephone
    assert has("CONSULT", "2025-08-03", {"IRN"}, "visit")  # Pezeshkian's visit to Islamabad


def test_reprocessing_and_a_renamed_copy_add_nothing(corpus: tuple[Path, Path],
                                                     tmp_path: Path) -> None:
    folder, db = corpus
    store = Store.open(db)
    before = (len(list(export_records(store, "events"))), len(list(export_records(store, "stories"))))
    seed = next(folder.glob("000_*.txt"))
    copy = tmp_path / "renamed-copy.txt"
    shutil.copy(seed, copy)
    again = process_sources([str(p) for p in sorted(folder.glob("*.txt"))] + [str(copy)], store)
    after = (len(list(export_records(store, "events"))), len(list(export_records(store, "stories"))))
    store.close()
    assert again.unchanged == 3 and again.stored == 1 and again.duplicates == 1
    assert after == before
