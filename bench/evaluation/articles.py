"""Events and their dates, and quotes, on the real scraped pages of `eval/dev/articles`, through
the store.

Each half of the set is processed into its own database, as `parley process` does, exported as
`parley export` does, and scored by the set's own scorer (`eval/score/articles.py`, run as a
script on a copy of the gold restricted to the half). Two inputs per half:

- `text`: the page files as scraped (parley finds the publication date, if it can);
- `published`: a JSONL line per page with the `published` date the index gives (only where the
  page itself states it), the URL, outlet and title: dating with the publication date known.

The halves: ids 101-115 (folder A, tuned on) and 201-215 (folder B, held back).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parley.pipeline import process_sources
from parley.query import export_records
from parley.store import Store

HALVES = {"tune": "1", "held": "2"}  # first digit of the ids of each half
INPUT_KINDS = ("text", "published")
# Gold files restricted to a half; names.json and articles/ are shared as they are.
_GOLD_FILES = ("index.jsonl", "gold.jsonl")


@dataclass(frozen=True)
class DatingScore:
    """What the dating work is judged by, for one half and one input kind."""

    half: str
    inputs: str
    records: int
    dated: int
    recall_strict: float
    recall_any: float

    @property
    def dated_share(self) -> float:
        return self.dated / self.records if self.records else 0.0

    @property
    def date_accuracy(self) -> float:
        """Strict-date recall over any-date recall: how often a found event has the right date."""
        return self.recall_strict / self.recall_any if self.recall_any else 0.0

    def line(self) -> str:
        return (f"{self.half:4} {self.inputs:9} records {self.records:3}  dated {self.dated_share:.3f}  "
                f"recall strict {self.recall_strict:.3f}  any {self.recall_any:.3f}  "
                f"date accuracy {self.date_accuracy:.3f}")



@dataclass(frozen=True)
class BenchRun:
    """What an article bench was asked for: the set, its scorer, the halves and the inputs."""

    set_dir: Path
    scorer: Path
    halves: list[str]
    inputs: list[str]


def bench_run(doc: str | None, *, with_inputs: bool = True) -> BenchRun | None:
    """Parse an article bench's command line (`--shared`, `--half`, and `--inputs` when the bench
    reads both kinds of input); None, with a one-line message, when the set is missing."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(os.environ.get("PARLEY_SHARED", "../shared")))
    parser.add_argument("--half", choices=sorted(HALVES), action="append")
    if with_inputs:
        parser.add_argument("--inputs", choices=INPUT_KINDS, action="append")
    args = parser.parse_args()
    found = article_set(args.shared)
    if found is None:
        return None
    inputs = (args.inputs or list(INPUT_KINDS)) if with_inputs else []
    return BenchRun(*found, halves=args.half or ["tune", "held"], inputs=inputs)


def article_set(shared: Path) -> tuple[Path, Path] | None:
    """The dev articles' folder and their scorer under `shared`, or None (with a one-line
    message on stderr) when either is missing."""
    set_dir = shared / "eval/dev/articles"
    scorer = shared / "eval/score/articles.py"
    if not set_dir.exists() or not scorer.exists():
        print(f"no article gold under {set_dir} (set PARLEY_SHARED or --shared)", file=sys.stderr)
        return None
    return set_dir, scorer

def score_half(set_dir: Path, scorer: Path, half: str, inputs: str) -> DatingScore:
    """Process one half from one kind of input into a fresh store and score its exports."""
    ids = half_ids(set_dir, half)
    with tempfile.TemporaryDirectory(prefix="parley-dates-") as tmp:
        work = Path(tmp)
        targets = _inputs(set_dir, ids, inputs, work)
        exports = _process_and_export(targets, work)
        result = _run_scorer(scorer, _gold_subset(set_dir, ids, work / "gold"), exports)
        events = list(_read_jsonl(exports["events"]))
    dated = sum(1 for event in events if event.get("date"))
    return DatingScore(half, inputs, len(events), dated, float(result["recall_strict"]),
                       float(result["recall_any_date"]))


@dataclass(frozen=True)
class QuoteScore:
    """Quote attribution of one half: gold quotes, those whose words were found, and those
    found with the right speaker (the scorer's rules: token overlap >= 0.5, speaker match)."""

    half: str
    gold: int
    text_found: int
    speaker_found: int

    @property
    def speaker_right_when_found(self) -> float:
        return self.speaker_found / self.text_found if self.text_found else 0.0

    @property
    def recall(self) -> float:
        return self.speaker_found / self.gold if self.gold else 0.0

    def line(self) -> str:
        return (f"{self.half:4} quotes gold {self.gold:3}  text found {self.text_found:3}  "
                f"with speaker {self.speaker_found:3}  recall {self.recall:.3f}  "
                f"speaker right when found {self.speaker_found}/{self.text_found}="
                f"{self.speaker_right_when_found:.3f}")


def score_quotes_half(set_dir: Path, scorer: Path, half: str) -> QuoteScore:
    """Process one half's page files into a fresh store and score its exported quotes."""
    ids = half_ids(set_dir, half)
    with tempfile.TemporaryDirectory(prefix="parley-quotes-") as tmp:
        work = Path(tmp)
        exports = _process_and_export(_inputs(set_dir, ids, "text", work), work)
        result = _run_scorer(scorer, _gold_subset(set_dir, ids, work / "gold"), exports)
    quotes = result["quotes"]
    gold = int(quotes["n_gold"])
    return QuoteScore(half, gold, round(float(quotes["recall_text_only"]) * gold),
                      round(float(quotes["recall"]) * gold))


def half_ids(set_dir: Path, half: str) -> list[str]:
    prefix = HALVES[half]
    return [str(r["id"]) for r in _read_jsonl(set_dir / "index.jsonl") if str(r["id"]).startswith(prefix)]


def _inputs(set_dir: Path, ids: list[str], inputs: str, work: Path) -> list[str]:
    """The page files themselves, or one JSONL file with the index's metadata given."""
    if inputs == "text":
        return [str(set_dir / "articles" / f"{i}.txt") for i in ids]
    index = {str(r["id"]): r for r in _read_jsonl(set_dir / "index.jsonl")}
    path = work / "pages.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i in ids:
            entry = index[i]
            line = {"id": i, "text": (set_dir / "articles" / f"{i}.txt").read_text(encoding="utf-8"),
                    "published": entry.get("published"), "url": entry.get("url"),
                    "outlet": entry.get("outlet"), "title": entry.get("title")}
            out.write(json.dumps({k: v for k, v in line.items() if v is not None}, ensure_ascii=False) + "\n")
    return [str(path)]


def _process_and_export(targets: list[str], work: Path) -> dict[str, Path]:
    store = Store.open(work / "parley.db")
    try:
        process_sources(targets, store)
        paths = {}
        for kind in ("events", "quotes", "articles"):
            paths[kind] = work / f"{kind}.jsonl"
            with paths[kind].open("w", encoding="utf-8") as out:
                for record in export_records(store, kind):
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        store.close()
    return paths


def _gold_subset(set_dir: Path, ids: list[str], folder: Path) -> Path:
    """A copy of the gold set holding only `ids` (groups whose articles are all among them)."""
    folder.mkdir()
    keep = set(ids)
    for name in _GOLD_FILES:
        _write_jsonl(folder / name, (r for r in _read_jsonl(set_dir / name) if str(r["id"]) in keep))
    _write_jsonl(folder / "groups.jsonl", (r for r in _read_jsonl(set_dir / "groups.jsonl")
                                          if {str(i) for i in _group_ids(r)} <= keep))
    shutil.copy(set_dir / "names.json", folder / "names.json")
    (folder / "articles").symlink_to(set_dir / "articles")
    return folder


def _group_ids(record: dict[str, Any]) -> list[Any]:
    return list(record.get("ids") or []) + list(record.get("ids_a") or []) + list(record.get("ids_b") or [])


def _run_scorer(scorer: Path, gold: Path, exports: dict[str, Path]) -> dict[str, Any]:
    out = gold.parent / "score.json"
    subprocess.run([sys.executable, str(scorer), "--set", str(gold), "--events", str(exports["events"]),
                    "--quotes", str(exports["quotes"]), "--articles", str(exports["articles"]),
                    "--json", str(out)], check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return result


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def _write_jsonl(path: Path, records: Iterator[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
