"""A precision check a reader can rerun: a fixed random sample of event records to mark by hand.

    python bench/precision.py sheet [--set ../shared/eval/dev/articles] [-n 100] [--seed 15]
                                    [-o bench/precision_sheet.tsv] [--carry OLD_SHEET]
    python bench/precision.py score bench/precision_sheet.tsv

`sheet` processes the set's articles into a temporary store (the real `process_sources` path),
exports the merged events, draws a fixed random sample of them and writes one TSV row per
record with its evidence sentences and empty mark columns: `actors`, `direction`, `type`,
`date` (y/n each, following the set README's conventions) and `right` (y when all four are).
`score` reads a marked sheet and prints the share of records marked fully right, and of each
mark. The marks are the reader's; the sheet and its marks are committed next to this script.
With `--carry OLD_SHEET` (repeatable, the first sheet that marked a row wins), a redrawn row
identical to a marked row of an old sheet (every column of the record, its evidence included,
not its number or id) keeps that row's marks; the rows left unmarked, new or changed, are
listed for a reader.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import sys
import tempfile
from pathlib import Path
from typing import Any

from parley.pipeline import process_sources
from parley.query import export_records
from parley.store import Store

DEFAULT_SET = Path(os.environ.get("PARLEY_SHARED", "../shared")) / "eval/dev/articles"
COMMITTED_SHEET = Path(__file__).with_name("precision_sheet.tsv")
MARKS = ("actors", "direction", "type", "date", "right")
# The record's own type and date are `record_type` and `record_date`, apart from the marks.
COLUMNS = ("n", "event_id", "articles", "record_type", "mode", "source", "target", "record_date",
           "date_basis", "modality", "evidence", *MARKS)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command")
    sheet = commands.add_parser("sheet", help="write a sheet of sampled records to mark")
    sheet.add_argument("--set", dest="set_dir", type=Path, default=DEFAULT_SET)
    sheet.add_argument("-n", type=int, default=100, help="records in the sample")
    sheet.add_argument("--seed", type=int, default=15)
    sheet.add_argument("-o", "--output", type=Path, default=Path("bench/precision_sheet.tsv"))
    sheet.add_argument("--carry", type=Path, action="append", default=[],
                       help="a marked sheet whose marks identical rows keep (repeatable: the first "
                            "sheet that marked a row gives its marks)")
    score = commands.add_parser("score", help="score a marked sheet")
    score.add_argument("sheet", type=Path)
    args = parser.parse_args()
    if args.command == "sheet":
        return write_sheet(args.set_dir, args.n, args.seed, args.output, args.carry)
    if args.command == "score":
        return score_sheet(args.sheet)
    if COMMITTED_SHEET.exists():  # `make bench`: the committed sheet's marks
        return score_sheet(COMMITTED_SHEET)
    parser.print_help()
    return 0


def write_sheet(set_dir: Path, count: int, seed: int, output: Path,
                carry: list[Path] | None = None) -> int:
    folder = set_dir / "articles"
    if output.exists():
        print(f"{output} exists (it may hold a reader's marks): choose another -o", file=sys.stderr)
        return 2
    if not folder.is_dir():
        print(f"no articles under {folder} (set PARLEY_SHARED or --set)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(str(Path(tmp) / "precision.db"))
        process_sources([str(folder)], store)
        names = {row["id"]: Path(row["source"]).stem for row in store.iter_articles()}
        records = list(export_records(store, "events"))
        store.close()
    sample = random.Random(seed).sample(records, min(count, len(records)))
    marks: dict[tuple[str, ...], tuple[list[str], Path]] = {}
    for sheet in reversed(carry or []):  # the first sheet given wins
        marks.update({key: (found, sheet) for key, found in _marks_by_record(sheet).items()})
    unmarked = []
    carried: dict[Path, int] = {}
    with output.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter="\t")
        writer.writerow(COLUMNS)
        for number, record in enumerate(sample, start=1):
            row = _row(number, record, names)
            known = marks.get(_record_key(dict(zip(COLUMNS, row, strict=True))))
            if known is not None:
                row[-len(MARKS):] = known[0]
                carried[known[1]] = carried.get(known[1], 0) + 1
            else:
                unmarked.append(row)
            writer.writerow(row)
    print(f"{len(sample)} of {len(records)} records -> {output}; mark {', '.join(MARKS)} (y/n)")
    if carry:
        for sheet, number in carried.items():
            print(f"{number} rows keep the marks of {sheet}")
        print(f"{len(unmarked)} rows to mark:")
        for row in unmarked:
            print(f"  {row[0]:>3} [{row[2]}] {row[3]} {row[5]} -> {row[6]} {row[7]} | {row[10][:120]}")
    return 0


def _record_key(row: dict[str, str]) -> tuple[str, ...]:
    """What makes two sheet rows the same record for a reader: every column but the row's
    number, the record's id and the marks."""
    return tuple(row.get(c, "") for c in COLUMNS if c not in ("n", "event_id", *MARKS))


def _marks_by_record(path: Path) -> dict[tuple[str, ...], list[str]]:
    """The marks of each marked row of a sheet, by its record."""
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return {_record_key(r): [r.get(m, "") for m in MARKS] for r in rows if r.get("right", "").strip()}


def _row(number: int, record: dict[str, Any], names: dict[str, str]) -> list[str]:
    def actor(value: dict[str, Any] | None) -> str:
        return f"{value['name']} ({value.get('code') or '?'})" if value else ""

    evidence = " || ".join(f"[{names.get(e['article_id'], e['article_id'])}] {e['text']}"
                           for e in record["evidence"])
    return [str(number), record["id"], ",".join(sorted(names.get(a, a) for a in record["article_ids"])),
            record["type"], record["mode"] or "", actor(record["source"]), actor(record["target"]),
            record["date"] or "", record.get("date_basis") or "", record["modality"],
            " ".join(evidence.split()), *([""] * len(MARKS))]


def score_sheet(path: Path) -> int:
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    marked = [r for r in rows if r.get("right", "").strip()]
    if not marked:
        print(f"{path}: no row is marked yet", file=sys.stderr)
        return 2
    print(f"{path}: {len(marked)} of {len(rows)} records marked")
    for mark in MARKS:
        right = sum(r.get(mark, "").strip().lower() == "y" for r in marked)
        print(f"  {mark:10} {right}/{len(marked)} = {right / len(marked):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
