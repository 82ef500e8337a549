"""The learned event detector (`parley.events.detector`): the classifier alone, rules alone vs
rules + model, and what the model costs `annotate`.

    python bench/detector.py [--shared ../shared] [--articles] [--cost N]

Prints, on the held-back halves (half B of plover_gsr.jsonl and cameo_manual_examples.jsonl by
the crc32 split of bench/events.py; dev articles 201-215) and, for reference, on the tune halves
the model was trained and tuned on (half A; articles 101-115):
- the classifier's type accuracy (its most likely category against the gold category);
- PLOVER GSR event P/R/F1 at (source country, target country, CAMEO root), rules alone and
  rules + model; CAMEO manual root accuracy likewise;
- with --articles: dev articles event recall (strict date and ignoring dates) and precision, by
  half, processed with `parley process` and scored by shared/eval/score/articles.py;
- with --cost N: seconds of `annotate`'s work (NLP + all stages) on N Wikinews articles with and
  without the detector, chunks interleaved in one run, and their ratio.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from evaluation.events import (
    PLOVER_V08,
    GoldRecord,
    annotate,
    load_gold,
    roots_by_category,
    score_dyads,
    score_roots,
)
from parley.events.detector import SWITCH_ENV, load_detector
from parley.models import Article
from parley.pipeline import analyze, parse_texts

DEFAULT_SHARED = Path(os.environ.get("PARLEY_SHARED", "../shared"))
ROOT = Path(__file__).resolve().parent.parent
# Articles per chunk of the cost bench: the two passes take turns so that load weighs on both.
CHUNK = 5
ARTICLE_HALVES = {"A (tune)": range(101, 116), "B (held back)": range(201, 216)}
RECALL_LINE = re.compile(r"event recall\s+strict date \S+ = ([\d.]+).*any date (\S+) = ([\d.]+)")
PRECISION_LINE = re.compile(r"event precision \(any date\) over .*: (\S+) = ([\d.]+)")


def half_of(record_id: str) -> str:
    """The same crc32 split as bench/events.py: "A" tune, "B" held back."""
    return "A" if zlib.crc32(record_id.encode("utf-8")) % 2 == 0 else "B"


@contextmanager
def detector_switched(on: bool) -> Iterator[None]:
    previous = os.environ.get(SWITCH_ENV)
    os.environ[SWITCH_ENV] = "1" if on else "0"
    load_detector.cache_clear()
    try:
        yield
    finally:
        if previous is None:
            del os.environ[SWITCH_ENV]
        else:
            os.environ[SWITCH_ENV] = previous
        load_detector.cache_clear()


def classifier_accuracy(records: Sequence[GoldRecord], raw_labels: dict[str, str]) -> float:
    with detector_switched(True):
        detector = load_detector()
    assert detector is not None, "no model file: run `make model`"
    scored = [r for r in records if raw_labels.get(r.id)]
    right = sum(detector.predict(r.text).type == raw_labels[r.id] for r in scored)
    return right / len(scored) if scored else 0.0


def gsr_labels(path: Path) -> dict[str, str]:
    import json

    labels = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            raw = json.loads(line)
            event = (raw.get("plover") or {}).get("event")
            if event:
                labels[raw["id"]] = PLOVER_V08.get(event, event)
    return labels


def gold_sets(shared: Path) -> None:
    roots_of = roots_by_category(shared / "data/cameo_codebook.jsonl")
    gsr_path = shared / "eval/dev/events/plover_gsr.jsonl"
    gsr = load_gold(gsr_path, roots_of)
    cameo_path = shared / "eval/dev/events/cameo_manual_examples.jsonl"
    cameo = [r for r in load_gold(cameo_path, roots_of) if r.expected]
    labels = gsr_labels(gsr_path)
    runs = {}
    for on in (False, True):
        with detector_switched(on):
            runs[on] = (annotate(gsr), annotate(cameo))
    for half in ("B", "A"):
        chosen = [i for i, r in enumerate(gsr) if half_of(r.id) == half]
        records = [gsr[i] for i in chosen]
        name = "held back" if half == "B" else "tune, trained on"
        print(f"PLOVER GSR half {half} ({name}; {len(records)} records): classifier type accuracy "
              f"{classifier_accuracy(records, labels):.4f}")
        for on, label in ((False, "rules alone  "), (True, "rules + model")):
            prf = score_dyads(records, [runs[on][0][i] for i in chosen], roots_of).prf
            print(f"  {label} P {prf.precision:.4f}  R {prf.recall:.4f}  F1 {prf.f1:.4f} "
                  f"({prf.correct}/{prf.predicted} predicted, {prf.gold} expected)")
        picked = [i for i, r in enumerate(cameo) if half_of(r.id) == half]
        for on, label in ((False, "rules alone  "), (True, "rules + model")):
            score = score_roots([cameo[i] for i in picked], [runs[on][1][i] for i in picked], roots_of)
            print(f"  CAMEO manual half {half} {label} root accuracy top {score.top:.4f} any {score.any:.4f} "
                  f"({score.without_events}/{score.records} without events)")


def dev_articles(shared: Path) -> None:
    for half, ids in ARTICLE_HALVES.items():
        for on, label in ((False, "rules alone  "), (True, "rules + model")):
            out = score_article_half(shared / "eval/dev/articles", ids, on)
            recall = RECALL_LINE.search(out)
            precision = PRECISION_LINE.search(out)
            if recall is None or precision is None:
                print(out)
                continue
            print(f"dev articles {half} {label} recall strict date {recall.group(1)}, any date "
                  f"{recall.group(2)} = {recall.group(3)}; precision (any date) {precision.group(1)} "
                  f"= {precision.group(2)}")


def score_article_half(folder: Path, ids: range, on: bool) -> str:
    """`parley process` over one half's articles, exported and scored against that half."""
    env = {**os.environ, SWITCH_ENV: "1" if on else "0"}
    parley = [sys.executable, "-m", "parley.cli"]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        subset = make_subset(folder, ids, work / "set")
        db = str(work / "a.db")
        subprocess.run([*parley, "process", str(subset / "articles"), "--db", db, "-q"], env=env,
                       check=True, capture_output=True)
        files = {}
        for kind in ("events", "quotes", "articles"):
            files[kind] = str(work / f"{kind}.jsonl")
            subprocess.run([*parley, "export", kind, "--db", db, "--format", "jsonl", "-o", files[kind]],
                           env=env, check=True, capture_output=True)
        scorer = folder.parent.parent / "score" / "articles.py"
        done = subprocess.run([sys.executable, str(scorer), "--set", str(subset), "--events", files["events"],
                               "--quotes", files["quotes"], "--articles", files["articles"]],
                              check=True, capture_output=True, text=True)
        return done.stdout


def make_subset(folder: Path, ids: range, out: Path) -> Path:
    """A copy of the dev set holding only the articles `ids` (and their gold lines)."""
    import json

    (out / "articles").mkdir(parents=True)
    wanted = {str(i) for i in ids}
    for name in ("index.jsonl", "gold.jsonl", "groups.jsonl"):
        lines = (folder / name).read_text(encoding="utf-8").splitlines()
        kept = [ln for ln in lines if ln.strip() and _keeps(json.loads(ln), wanted)]
        (out / name).write_text("".join(f"{ln}\n" for ln in kept), encoding="utf-8")
    (out / "names.json").write_text((folder / "names.json").read_text(encoding="utf-8"), encoding="utf-8")
    for number in sorted(wanted):
        source = folder / "articles" / f"{number}.txt"
        (out / "articles" / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    return out


def _keeps(record: dict[str, object], wanted: set[str]) -> bool:
    ids = [record.get("id")] + [v for key in ("ids", "ids_a", "ids_b") for v in record.get(key) or []]  # type: ignore[operator]
    return any(str(i) in wanted for i in ids if i is not None)


def cost(shared: Path, limit: int) -> None:
    with (shared / "data/wikinews/wikinews_2020.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))[:limit]
    articles = [Article(id=str(i), source="wikinews", text=row["text"], content_hash=str(i),
                        published=row["date"]) for i, row in enumerate(rows)]
    seconds = {False: 0.0, True: 0.0}
    for on in (False, True):  # loading the model and the lexicons is not throughput
        with detector_switched(on):
            annotate_articles(articles[:1])
    for first in range(0, len(articles), CHUNK):
        chunk = articles[first:first + CHUNK]
        order = (False, True) if (first // CHUNK) % 2 == 0 else (True, False)
        for on in order:
            with detector_switched(on):
                seconds[on] += annotate_articles(chunk)
    print(f"annotate cost on {len(articles)} Wikinews articles: rules alone {seconds[False]:.1f} s, "
          f"rules + model {seconds[True]:.1f} s, ratio {seconds[True] / seconds[False]:.3f}")
    classifier = classifier_seconds(articles)
    print(f"  the classifier alone on every sentence: {classifier:.2f} s, "
          f"ratio {(seconds[False] + classifier) / seconds[False]:.3f} of rules alone")


def classifier_seconds(articles: Sequence[Article]) -> float:
    """The model's own time: one prediction per sentence of every article (an upper bound: the
    stage reads only the sentences that name an actor)."""
    with detector_switched(True):
        detector = load_detector()
    assert detector is not None
    texts = [s.text for doc in parse_texts(a.text for a in articles) for s in doc.sents]
    started = time.perf_counter()
    for text in texts:
        detector.predict(text)
    return time.perf_counter() - started


def annotate_articles(articles: Sequence[Article]) -> float:
    started = time.perf_counter()
    for doc, article in zip(parse_texts(a.text for a in articles), articles, strict=True):
        analyze(doc, article)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--articles", action="store_true", help="score the dev articles by half")
    parser.add_argument("--cost", type=int, default=0, help="Wikinews articles timed (0: skip)")
    args = parser.parse_args()
    if not (args.shared / "eval/dev/events").exists():
        print(f"no event gold under {args.shared} (set PARLEY_SHARED or --shared)", file=sys.stderr)
        return 2
    gold_sets(args.shared)
    if args.articles:
        dev_articles(args.shared)
    if args.cost:
        cost(args.shared, args.cost)
    return 0


if __name__ == "__main__":
    sys.exit(main())
