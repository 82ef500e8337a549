"""The texts the throughput and profile benches read, as CONTRACT `annotate` JSONL lines:
the seed articles, the dev articles (scraped dumps, cleaned by parley) and English Wikinews
(2020 first, then 2019) from $PARLEY_SHARED.

    python bench/corpus.py [--wikinews 300] -o corpus.jsonl
"""

from __future__ import annotations

import argparse
import csv
import json
import os
from collections.abc import Iterator
from pathlib import Path

SHARED = Path(os.environ.get("PARLEY_SHARED", "../shared"))


def seed_lines(shared: Path = SHARED) -> Iterator[str]:
    for path in sorted((shared / "seeds").glob("*.txt")):
        yield json.dumps({"id": f"seed:{path.stem}", "text": path.read_text(encoding="utf-8")})


def dev_lines(shared: Path = SHARED) -> Iterator[str]:
    for path in sorted((shared / "eval/dev/articles/articles").glob("*.txt")):
        yield json.dumps({"id": f"dev:{path.stem}", "text": path.read_text(encoding="utf-8")})


def wikinews_lines(limit: int, shared: Path = SHARED) -> Iterator[str]:
    count = 0
    for year in ("2020", "2019"):
        path = shared / "data/wikinews" / f"wikinews_{year}.csv"
        with path.open(encoding="utf-8") as handle:
            for number, row in enumerate(csv.DictReader(handle)):
                if count >= limit:
                    return
                count += 1
                yield json.dumps({"id": f"wikinews:{year}:{number}", "text": row["text"],
                                  "title": row["title"], "published": row["date"],
                                  "url": row["url"], "outlet": "Wikinews"})


def corpus_lines(wikinews: int, shared: Path = SHARED) -> list[str]:
    return [*seed_lines(shared), *dev_lines(shared), *wikinews_lines(wikinews, shared)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--wikinews", type=int, default=300)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    lines = corpus_lines(args.wikinews)
    args.output.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    print(f"{len(lines)} documents -> {args.output}")


if __name__ == "__main__":
    main()
