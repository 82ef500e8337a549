"""Build src/parley/data/story_idf.json: the fixed reference IDF story clustering weighs terms by.

    python scripts/build_story_idf.py [--shared ../shared]

Input: shared/data/wikinews (English Wikinews 2019-2020, 295 articles, CC BY 2.5; the scraper's
PROVENANCE.txt there). Each article goes through parley's own `article_vectors` (the same
tokens, stop words and stems the clusterer uses), and a term's document frequency over the
corpus gives its smoothed IDF, ln((1 + N) / (1 + df)) + 1, as scikit-learn's TfidfTransformer
computes it. What a term the corpus never saw weighs is the clusterer's choice
(`parley.stories.vectors.UNSEEN_DOCUMENT_FREQUENCY`).

A fixed table, rather than frequencies counted as articles arrive, makes an article's weights
the same whenever it arrives and whatever else is stored. Only terms and numbers are kept,
no text. Rebuild when `parley.stories.vectors` changes its tokens or stems.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
from collections import Counter
from pathlib import Path

from parley.stories.vectors import article_vectors

OUT = Path(__file__).resolve().parent.parent / "src" / "parley" / "data" / "story_idf.json"
FILES = ("wikinews_2019.csv", "wikinews_2020.csv")


def document_frequencies(shared: Path) -> tuple[int, Counter[str]]:
    """Number of articles and, per term, how many of them hold it."""
    csv.field_size_limit(10**9)
    documents, df = 0, Counter[str]()
    for name in FILES:
        with (shared / "data" / "wikinews" / name).open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                documents += 1
                df.update(article_vectors(row["title"], row["text"]).words)
    return documents, df


def idf_table(documents: int, df: Counter[str]) -> dict[str, object]:
    def idf(count: int) -> float:
        return round(math.log((1 + documents) / (1 + count)) + 1.0, 4)

    return {"source": "English Wikinews 2019-2020 (shared/data/wikinews), CC BY 2.5",
            "documents": documents,
            "idf": {term: idf(count) for term, count in sorted(df.items())}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    args = parser.parse_args()
    documents, df = document_frequencies(args.shared)
    if not documents:
        print(f"no Wikinews articles under {args.shared}/data/wikinews", file=sys.stderr)
        return 2
    OUT.write_text(json.dumps(idf_table(documents, df), ensure_ascii=False, separators=(",", ":"))
                   + "\n", encoding="utf-8")
    print(f"{OUT}: {documents} articles, {len(df)} terms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
