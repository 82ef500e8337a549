"""Calibrated confidence of event records (issue 15 part 4): fit and reliability table.

    python bench/calibration.py fit   [--set ../shared/eval/dev/articles] [--keep-weights]  # weights
    python bench/calibration.py table [--set ../shared/eval/dev/articles]   # reliability table

A record is *right* when it matches a gold event of one of its articles (the set's scorer: same
pair of countries, accepted category, any date), counted over the categories the scorer judges
(its precision estimate). `fit` processes the set with the raw extraction score, labels the
records of the tune half (ids 1xx) and fits a logistic model with an L2 penalty on the features
of `parley.events.calibration`; it writes src/parley/data/event_confidence.json. `table` processes
the set with the shipped weights and prints, for each half, records and the share right by
confidence band, and the share right of the records at >= 0.8.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import os
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from parley.events import calibration
from parley.events.calibration import FEATURES, feature_values
from parley.pipeline import process_sources
from parley.query import export_records
from parley.store import Store

DEFAULT_SET = Path(os.environ.get("PARLEY_SHARED", "../shared")) / "eval/dev/articles"
WEIGHTS = Path(__file__).resolve().parents[1] / "src/parley/data/event_confidence.json"
HALVES = {"tune": "1", "held": "2"}
BANDS = (0.0, 0.5, 0.6, 0.7, 0.8, 1.01)
L2 = 1.0  # penalty on every weight but the bias: the tune half has a few dozen records
TRUSTED = 0.8


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("fit", "table"))
    parser.add_argument("--set", dest="set_dir", type=Path, default=DEFAULT_SET)
    parser.add_argument("--keep-weights", action="store_true",
                        help="fit: refit only the share right of corroborated records")
    args = parser.parse_args()
    if not (args.set_dir / "articles").is_dir():
        print(f"no articles under {args.set_dir} (set PARLEY_SHARED or --set)", file=sys.stderr)
        return 2
    scorer = _scorer(args.set_dir)
    if args.command == "fit":
        calibration.load_weights.cache_clear()
        calibration.load_corroborated.cache_clear()
        original = calibration.load_weights
        calibration.load_weights = lambda: None  # type: ignore[assignment]
        try:
            rows = labelled(args.set_dir, scorer)
        finally:
            calibration.load_weights = original
        tune = [(x, y) for half, x, y, _ in rows if half == "tune"]
        weights = fit(np.array([x for x, _ in tune]), np.array([y for _, y in tune]))
        shipped = json.loads(WEIGHTS.read_text(encoding="utf-8")) if WEIGHTS.is_file() else None
        if args.keep_weights and shipped is not None:
            weights = np.array([shipped["weights"][name] for name in FEATURES])
        # records two or more articles report: their share right, with one right and one
        # wrong added (few such records: the estimate leans to a half)
        several = [y for half, _, y, mentions in rows if half == "tune" and mentions > 1]
        how = (shipped or {}).get("_provenance", "").split("; corroborated")[0] if args.keep_weights else (
            "fitted by bench/calibration.py fit on the dev articles' tune half "
            f"({len(tune)} records of scored categories); L2 {L2}")
        payload = {"_provenance": f"{how}; "
                                  f"corroborated: {sum(several)} of {len(several)} records reported "
                                  "by two or more articles right, (right + 1) / (n + 2)",
                   "weights": dict(zip(FEATURES, (round(float(w), 4) for w in weights), strict=True)),
                   "corroborated": round((sum(several) + 1) / (len(several) + 2), 3)}
        WEIGHTS.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
        print(f"{len(tune)} tune records -> {WEIGHTS}: {payload['weights']}")
        return 0
    rows = labelled(args.set_dir, scorer)  # the "raw" feature is now the shipped confidence
    for half in HALVES:
        print_table(half, [(x[FEATURES.index("raw")], y) for h, x, y, _ in rows if h == half])
    return 0


def print_table(half: str, pairs: list[tuple[float, int]]) -> None:
    print(f"{half} half: {len(pairs)} records, right {sum(y for _, y in pairs)}")
    for low, high in itertools.pairwise(BANDS):
        band = [y for c, y in pairs if low <= c < high]
        share = f"{sum(band) / len(band):.2f}" if band else "-"
        print(f"  confidence {low:.1f}-{min(high, 1.0):.1f}: {len(band):3d} records, right {share}")
    trusted = [y for c, y in pairs if c >= TRUSTED]
    if trusted:
        print(f"  >= {TRUSTED}: {sum(trusted)}/{len(trusted)} right = {sum(trusted) / len(trusted):.2f}")


def fit(x: Any, y: Any, steps: int = 5000, rate: float = 0.1) -> Any:
    """Logistic regression by gradient descent, L2 on all weights but the bias."""
    weights = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], L2)
    penalty[0] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-x @ weights))
        gradient = x.T @ (p - y) / len(y) + penalty * weights / len(y)
        weights -= rate * gradient
    return weights


def labelled(set_dir: Path, scorer: ModuleType) -> list[tuple[str, list[float], int, int]]:
    """(half, features, right, reports) for each record of a scored category, processed as
    shipped."""
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(str(Path(tmp) / "calibration.db"))
        process_sources([str(set_dir / "articles")], store)
        records = list(export_records(store, "events"))
        articles = Path(tmp) / "articles.jsonl"
        with articles.open("w", encoding="utf-8") as out:
            for row in export_records(store, "articles"):
                out.write(json.dumps(row) + "\n")
        store.close()
        index, gold = scorer.load_index(str(set_dir))
        resolve = scorer.build_resolver(str(articles), index)
    rows = []
    for half, prefix in HALVES.items():
        golds = [(aid, (scorer.gold_country(e["source"]), scorer.gold_country(e["target"])), e["type"])
                 for aid in gold if aid.startswith(prefix) for e in gold[aid]["events"]]
        core = set().union(*[scorer.CORE.get(t, set()) for _, _, t in golds])
        for record in records:
            ids = {a for a in scorer.record_articles(record, resolve)[0] if a.startswith(prefix)}
            if not ids or scorer.plover_v08(record.get("type")) not in core:
                continue
            pair = (scorer.actor_country(record.get("source")), scorer.actor_country(record.get("target")))
            right = any(aid in ids and scorer.pair_ok(p, pair) and scorer.type_ok(t, record)
                        for aid, p, t in golds)
            rows.append((half, _features(record), int(right), int(record.get("mentions") or 1)))
    return rows


def _features(record: dict[str, Any]) -> list[float]:
    source, target = record.get("source") or {}, record.get("target")
    values = feature_values(float(record["confidence"]), source.get("sector"), target is not None,
                            (target or {}).get("sector"), record.get("modality"), record.get("date_basis"),
                            record.get("date"))
    return [values[name] for name in FEATURES]


def _scorer(set_dir: Path) -> ModuleType:
    path = set_dir.parents[1] / "score" / "articles.py"
    spec = importlib.util.spec_from_file_location("articles_scorer", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(path.parent))
    spec.loader.exec_module(module)
    return module


if __name__ == "__main__":
    sys.exit(main())
