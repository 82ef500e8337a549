"""Article metadata from text dumps and HTML pages: parley against the dev gold (issue 12).

    python bench/metadata.py [--shared ../shared] [--verbose]

Text dumps (`eval/dev/articles`, ids 101-115 tune, 201-215 held back; and the seeds): publication
date right / found / wrong on the pages whose index gives one, outlet found / right; each page
cleaned as a bare text dump and as a JSONL record carrying its URL.

HTML (`eval/dev/extraction/scrapinghub`, whose gold has no dates): the pages whose URL carries a
full date, that date taken as gold and the URL withheld from every extractor, so that each must
read the date from the page. parley's HTML date finder side by side with htmldate (original and
updated date, extensive and fast search) and trafilatura's metadata with its default options.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import htmldate
import trafilatura

from evaluation.metadata import (
    DumpPage,
    MetadataScore,
    dated_html_pages,
    load_dump_pages,
    score_pages,
)
from parley.clean.html import extract_page

DEFAULT_SHARED = Path(os.environ.get("PARLEY_SHARED", "../shared"))
HALVES = {"tune (1xx)": "1", "held back (2xx)": "2"}
# The seeds' metadata as shared/seeds/EXPECTED.md states it.
SEED_GOLD = {"000": ("2026-04-24", "rki.news"), "002": ("2025-08-04", "TRT"), "003": (None, None)}


def seed_pages(folder: Path) -> list[DumpPage]:
    pages = []
    for prefix, (published, outlet) in SEED_GOLD.items():
        for path in sorted(folder.glob(f"{prefix}_*.txt")):
            pages.append(DumpPage(prefix, path.read_text(encoding="utf-8"), None, published, outlet))
    return pages


def report(name: str, score: MetadataScore, verbose: bool) -> None:
    print(f"{name:34} {score.pages:5} {score.dated:5} {score.date_right:5} {score.date_found:5} "
          f"{len(score.date_wrong):5} {len(score.date_spurious):5} {score.date_accuracy:6.3f} "
          f"{score.outlet_found:5} {score.outlet_right:5}")
    if verbose:
        for label, items in (("wrong", score.date_wrong), ("spurious", score.date_spurious),
                             ("errors", score.errors)):
            for item in items:
                print(f"    {label}: {item}")


def dump_report(shared: Path, verbose: bool) -> None:
    pages = load_dump_pages(shared / "eval/dev/articles")
    print(f"{'text dumps':34} {'pages':>5} {'dated':>5} {'right':>5} {'found':>5} {'wrong':>5} "
          f"{'extra':>5} {'acc':>6} {'out.f':>5} {'out.r':>5}")
    for with_url in (False, True):
        mode = "text+url" if with_url else "text"
        for half, prefix in HALVES.items():
            chosen = [p for p in pages if p.id.startswith(prefix)]
            report(f"{half} {mode}", score_pages(chosen, with_url=with_url), verbose)
        report(f"all 30 {mode}", score_pages(pages, with_url=with_url), False)
    report("seeds (text)", score_pages(seed_pages(shared / "seeds"), with_url=False), verbose)


def _parley_date(html: str) -> str | None:
    return extract_page(html, "page.html").published


def _htmldate(original: bool, extensive: bool) -> Callable[[str], str | None]:
    def run(html: str) -> str | None:
        found = htmldate.find_date(html, original_date=original, extensive_search=extensive)
        return str(found)[:10] if found else None
    return run


def _trafilatura_date(html: str) -> str | None:
    doc = trafilatura.bare_extraction(html, with_metadata=True)
    return str(doc.date)[:10] if doc is not None and doc.date else None


HTML_METHODS: dict[str, Callable[[str], str | None]] = {
    "parley": _parley_date,
    "htmldate original extensive": _htmldate(True, True),
    "htmldate original fast": _htmldate(True, False),
    "htmldate updated extensive": _htmldate(False, True),
    "htmldate updated fast": _htmldate(False, False),
    "trafilatura metadata": _trafilatura_date,
}


def html_report(shared: Path, verbose: bool) -> None:
    pages = dated_html_pages(shared / "eval/dev/extraction/scrapinghub")
    print(f"\nHTML: {len(pages)} scrapinghub pages dated by their URL (URL withheld)")
    print(f"{'method':30} {'right':>5} {'found':>5} {'acc':>6} {'seconds':>8}")
    for name, method in HTML_METHODS.items():
        started, right, found = time.perf_counter(), 0, 0
        for key, html, gold in pages:
            try:
                value = method(html)
            except Exception:  # a method failing on a page finds nothing there
                value = None
            found += value is not None
            right += value == gold
            if verbose and value != gold:
                print(f"    {name}: {key[:12]} {value} ({gold})")
        print(f"{name:30} {right:5} {found:5} {right / len(pages):6.3f} "
              f"{time.perf_counter() - started:8.1f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    if not (args.shared / "eval/dev/articles/index.jsonl").exists():
        print(f"no dev articles under {args.shared} (set PARLEY_SHARED or --shared)", file=sys.stderr)
        return 2
    dump_report(args.shared, args.verbose)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        html_report(args.shared, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
