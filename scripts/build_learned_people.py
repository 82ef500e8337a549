"""Learn people and their roles from the Wikinews corpus, as parley does from any articles,
and write them to src/parley/data/actors/learned_people.tsv, a seed for fresh stores.

    python scripts/build_learned_people.py [--shared ../shared]

Input: shared/data/wikinews/wikinews_{2019,2020}.csv (English Wikinews, CC BY 2.5). Every
person parley gave a country and a sector is kept, with the role and the date of the latest
article that stated it. The output is committed; re-run this to rebuild it.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
from pathlib import Path

from parley.pipeline import process_sources
from parley.query import export_records
from parley.store import Store

OUT = Path(__file__).resolve().parent.parent / "src" / "parley" / "data" / "actors" / "learned_people.tsv"


def write_jsonl(shared: Path, target: Path) -> int:
    count = 0
    with target.open("w", encoding="utf-8") as out:
        for year in (2019, 2020):
            with (shared / "data" / "wikinews" / f"wikinews_{year}.csv").open(encoding="utf-8") as f:
                for row in csv.DictReader(f):
                    record = {"id": row["url"], "text": row["text"], "title": row["title"],
                              "published": row["date"], "outlet": "Wikinews", "url": row["url"]}
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
                    count += 1
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "wikinews.jsonl"
        count = write_jsonl(args.shared, corpus)
        store = Store.open(Path(tmp) / "learn.db")
        report = process_sources([str(corpus)], store)
        people = [e for e in export_records(store, "entities")
                  if e["type"] == "PERSON" and e["country"] and e["sector"]
                  and len(e["name"].split()) >= 2]
        store.close()
    with OUT.open("w", encoding="utf-8") as out:
        out.write("name\taliases\tcountry\tsector\trole\tsince\n")
        for person in sorted(people, key=lambda p: p["name"]):
            since = max((r["since"] or "" for r in person["roles"]), default="")
            aliases = "|".join(a for a in person["aliases"] if len(a.split()) >= 2)
            out.write("\t".join([person["name"], aliases, person["country"], person["sector"],
                                 person["role"] or "", since]) + "\n")
    print(f"{count} articles, {report.stored} stored, {len(report.errors)} failed; "
          f"{len(people)} people -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
