"""The learned event detector (`parley.events.detector`): the classifier alone, rules alone vs
rules + model, and what the model costs `annotate`.

    python bench/detector.py [--shared ../shared] [--articles] [--cost N] [--policies DIR]

Prints, on the held-back halves (half B of plover_gsr.jsonl and cameo_manual_examples.jsonl by
the crc32 split of bench/events.py; dev articles 201-215) and, for reference, on the tune halves
the model was trained and tuned on (half A; articles 101-115):
- the classifier's type accuracy (its most likely category against the gold category);
- PLOVER GSR event P/R/F1 at (source country, target country, CAMEO root), rules alone and
  rules + model; CAMEO manual root accuracy likewise;
- with --articles: dev articles event recall (strict date and ignoring dates) and precision, by
  half, processed with `parley process` and scored by shared/eval/score/articles.py;
- with --cost N: seconds of `annotate`'s work (NLP + all stages) on N Wikinews articles with and
  without the detector, chunks interleaved in one run, and their ratio;
- with --policies DIR: the ways the model could overrule the rules, measured on the tune halves
  only, each tune record read by a model that never saw it (the two fold models of
  `scripts/train_event_detector.py --fold K`, trained into DIR when missing): the model vetoing
  rule events it reads as no event, dropping or retyping rule events whose category it reads
  otherwise, choosing among the rules' readings of a sentence (arbitration), and proposing
  events where no rule fired at several thresholds of P(event) and P(category); first the event
  stage as shipped against rules alone. GSR half A event P/R/F1, dev articles 101-115 recall and
  precision ignoring dates. With --gold, the fold models are trained on the gold sets alone (the
  retyping model's family). First of all, the gold-only model's proposals where the rules' events
  of a sentence would all go unrecorded, and the model's proposals on the trigger words of its
  category where such a word coded no event, each off and on (both fold models as shipped).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
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
from evaluation.halves import half_of
from parley.events import extract
from parley.events.detector import (
    RETYPE_MODEL_FILE,
    RETYPER_ENV,
    SWITCH_ENV,
    EventDetector,
    Prediction,
    load_detector,
    load_retyper,
    read_detector,
)
from parley.events.proposals import category_codes
from parley.models import Article, Event
from parley.pipeline import analyze, parse_texts, process_sources
from parley.query import export_records
from parley.store import Store

DEFAULT_SHARED = Path(os.environ.get("PARLEY_SHARED", "../shared"))
ROOT = Path(__file__).resolve().parent.parent
# Articles per chunk of the cost bench: the two passes take turns so that load weighs on both.
CHUNK = 5
ARTICLE_HALVES = {"A (tune)": range(101, 116), "B (held back)": range(201, 216)}
RECALL_LINE = re.compile(r"event recall\s+strict date \S+ = ([\d.]+).*any date (\S+) = ([\d.]+)")
PRECISION_LINE = re.compile(r"event precision \(any date\) over .*: (\S+) = ([\d.]+)")


@contextmanager
def detector_switched(on: bool) -> Iterator[None]:
    previous = os.environ.get(SWITCH_ENV)
    os.environ[SWITCH_ENV] = "1" if on else "0"
    load_detector.cache_clear()
    load_retyper.cache_clear()
    try:
        yield
    finally:
        if previous is None:
            del os.environ[SWITCH_ENV]
        else:
            os.environ[SWITCH_ENV] = previous
        load_detector.cache_clear()
        load_retyper.cache_clear()


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
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        subset = make_subset(folder, ids, work / "set")
        files = process_articles(subset, work, "1" if on else "0")
        return score_exports(folder, subset, files)


def process_articles(subset: Path, work: Path, switch: str) -> dict[str, Path]:
    """`parley process` over a subset's articles with PARLEY_EVENT_DETECTOR=`switch`, exported."""
    env = {**os.environ, SWITCH_ENV: switch}
    parley = [sys.executable, "-m", "parley.cli"]
    db = str(work / "a.db")
    subprocess.run([*parley, "process", str(subset / "articles"), "--db", db, "-q"], env=env,
                   check=True, capture_output=True)
    files = {}
    for kind in ("events", "quotes", "articles"):
        files[kind] = work / f"{kind}.jsonl"
        subprocess.run([*parley, "export", kind, "--db", db, "--format", "jsonl", "-o", str(files[kind])],
                       env=env, check=True, capture_output=True)
    return files


def score_exports(folder: Path, subset: Path, files: dict[str, Path]) -> str:
    scorer = folder.parent.parent / "score" / "articles.py"
    done = subprocess.run([sys.executable, str(scorer), "--set", str(subset),
                           "--events", str(files["events"]), "--quotes", str(files["quotes"]),
                           "--articles", str(files["articles"])],
                          check=True, capture_output=True, text=True)
    return done.stdout


def make_subset(folder: Path, ids: Sequence[int], out: Path) -> Path:
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
    ids: list[object] = [record.get("id")]
    for key in ("ids", "ids_a", "ids_b"):
        more = record.get(key)
        ids += more if isinstance(more, list) else []
    return any(str(i) in wanted for i in ids if i is not None)


# Policies measured by --policies: (name, keep or retype) over (event category, model reading).
VETO_EVENT = (0.2, 0.3, 0.5, 0.7)
DISAGREE_SCORE = (0.5, 0.6, 0.7, 0.8, 0.9)
ARBITRATE_SCORE = (0.1, 0.2, 0.3, 0.5, 0.7, 0.8)


# Out-of-fold models measured by --policies: "fold" (gold and silver, the detector's family) or,
# with --gold, "gold_fold" (the gold sets alone, the retyping model's family).
FOLD_PREFIX = "fold"


def fold_file(folder: Path, fold: int) -> Path:
    return folder / f"{FOLD_PREFIX}{fold}.npz"


def fold_models(shared: Path, folder: Path, prefix: str | None = None) -> list[EventDetector]:
    """The two out-of-fold models of the tune half (`prefix`: "fold" or "gold_fold", by default
    FOLD_PREFIX), trained into `folder` when missing."""
    prefix = prefix or FOLD_PREFIX
    folder.mkdir(parents=True, exist_ok=True)
    models = []
    gold_only = ["--no-silver"] if prefix != "fold" else []
    for fold in (0, 1):
        path = folder / f"{prefix}{fold}.npz"
        if not path.exists():
            subprocess.run([sys.executable, str(ROOT / "scripts/train_event_detector.py"),
                            "--shared", str(shared), "--fold", str(fold), "--out", str(path), *gold_only],
                           check=True, capture_output=True)
        with path.open("rb") as handle:
            models.append(read_detector(handle))
    return models


def unrecorded_proposals(shared: Path, folder: Path) -> None:
    """GSR half A and dev articles 101-115 out of fold, both models as shipped (the full fold
    model detects, the gold-only one retypes), without and with the gold-only model's proposals
    in sentences whose rule events would all go unrecorded (extract.MODEL_PROPOSE_UNRECORDED),
    then without and with the model's proposals on the trigger words of its category in
    sentences where such a word coded no event (extract.MODEL_PROPOSE_UNCODED)."""
    switch_out_of_fold(shared, folder, "MODEL_PROPOSE_UNRECORDED",
                       "proposals where the rules' events go unrecorded")
    switch_out_of_fold(shared, folder, "MODEL_PROPOSE_UNCODED",
                       "proposals where a trigger word coded no event")


def switch_out_of_fold(shared: Path, folder: Path, switch: str, title: str) -> None:
    """GSR and CAMEO manual half A and dev articles 101-115 out of fold, both models as shipped,
    with the event stage's setting `switch` (a name in `extract`) off and on."""
    fold_models(shared, folder, "fold")
    fold_models(shared, folder, "gold_fold")
    fold_articles, tune_fold = _folds()
    roots_of = roots_by_category(shared / "data/cameo_codebook.jsonl")
    gsr = load_gold(shared / "eval/dev/events/plover_gsr.jsonl", roots_of)
    gsr = [r for r in gsr if half_of(r.id) == "A"]
    cameo = load_gold(shared / "eval/dev/events/cameo_manual_examples.jsonl", roots_of)
    cameo = [r for r in cameo if r.expected and half_of(r.id) == "A"]
    articles = shared / "eval/dev/articles"
    print(f"Tune halves, out of fold: {title} ({switch})")
    previous = getattr(extract, switch)
    try:
        for on in (False, True):
            setattr(extract, switch, on)
            label = "on " if on else "off"
            records: list[GoldRecord] = []
            runs: list[list[Event]] = []
            manual: list[GoldRecord] = []
            manual_runs: list[list[Event]] = []
            with tempfile.TemporaryDirectory() as tmp:
                work = Path(tmp)
                exports = {kind: work / f"all.{kind}.jsonl" for kind in ("events", "quotes", "articles")}
                for fold in (0, 1):
                    with model_file(folder / f"fold{fold}.npz", folder / f"gold_fold{fold}.npz"):
                        mine = [r for r in gsr if tune_fold(r.text) == fold]
                        runs += annotate(mine)
                        records += mine
                        ours = [r for r in cameo if tune_fold(r.text) == fold]
                        manual_runs += annotate(ours)
                        manual += ours
                        ids = [i for i in ARTICLE_HALVES["A (tune)"] if i not in fold_articles(fold)]
                        subset = make_subset(articles, ids, work / f"set{fold}")
                        append_exports(process_in_process(subset, work / f"set{fold}"), exports)
                whole = make_subset(articles, ARTICLE_HALVES["A (tune)"], work / "setA")
                out_text = score_exports(articles, whole, exports)
            prf = score_dyads(records, runs, roots_of).prf
            print(f"  {label} PLOVER GSR half A P {prf.precision:.4f}  R {prf.recall:.4f}  F1 {prf.f1:.4f} "
                  f"({prf.correct}/{prf.predicted} predicted, {prf.gold} expected)")
            score = score_roots(manual, manual_runs, roots_of)
            print(f"  {label} CAMEO manual half A root accuracy top {score.top:.4f} any {score.any:.4f}")
            recall, precision = RECALL_LINE.search(out_text), PRECISION_LINE.search(out_text)
            if recall and precision:
                print(f"  {label} dev articles A recall strict date {recall.group(1)}, "
                      f"any date {recall.group(2)}; "
                      f"precision (any date) {precision.group(1)} = {precision.group(2)}")
    finally:
        setattr(extract, switch, previous)


def policies(shared: Path, folder: Path) -> None:
    """Each policy's figures on the tune halves, every record read out of fold: first the event
    stage as shipped against rules alone, then each policy over the rules' own events (the
    shipped arbitration switched off, so that every policy starts from the same events)."""
    models = fold_models(shared, folder)
    unrecorded_proposals(shared, folder)
    shipped_out_of_fold(shared, folder)
    with rules_unarbitrated():
        gsr_policies(shared, folder, models)
        article_policies(shared, folder, models)
    proposal_sweep(shared, folder, models)


# (least P(event), least P(category)) of the model's proposals measured by --policies.
PROPOSAL_THRESHOLDS = ((0.0, 0.0), (0.5, 0.0), (0.5, 0.3), (0.5, 0.5), (0.8, 0.5), (0.9, 0.7),
                       (0.5, 0.95))


@contextmanager
def proposing_everywhere() -> Iterator[None]:
    """The event stage with the model proposing in every sentence where no rule fired."""
    previous = extract.MODEL_MIN_EVENT, extract.MODEL_MIN_SCORE
    extract.MODEL_MIN_EVENT, extract.MODEL_MIN_SCORE = 0.0, 0.0
    try:
        yield
    finally:
        extract.MODEL_MIN_EVENT, extract.MODEL_MIN_SCORE = previous


def proposal_sweep(shared: Path, folder: Path, models: Sequence[EventDetector]) -> None:
    """The model's proposals (sentences where no rule fired, both parties placed by the rules)
    added to the rules' events at each threshold pair, out of fold on the tune halves."""
    fold_articles, tune_fold = _folds()
    roots_of = roots_by_category(shared / "data/cameo_codebook.jsonl")
    gsr = load_gold(shared / "eval/dev/events/plover_gsr.jsonl", roots_of)
    gsr = [r for r in gsr if half_of(r.id) == "A"]
    records: list[GoldRecord] = []
    rules: list[list[Event]] = []
    proposed: list[list[tuple[Event, Prediction]]] = []
    for fold in (0, 1):
        mine = [r for r in gsr if tune_fold(r.text) == fold]
        with model_file("0"):
            alone = annotate(mine)
        with model_file(fold_file(folder, fold)), proposing_everywhere():
            both = annotate(mine)
        for record, ruled, read in zip(mine, alone, both, strict=True):
            fired = {e.sentence_start for e in ruled}
            proposed.append([(e, models[fold].predict(record.text[e.sentence_start:e.sentence_end]))
                             for e in read if e.sentence_start not in fired])
        records += mine
        rules += alone
    print(f"PLOVER GSR half A (tune), the model's proposals out of fold "
          f"({sum(map(len, proposed))} at any threshold):")
    for least_event, least_score in PROPOSAL_THRESHOLDS:
        kept = [ruled + [e for e, p in row if p.event >= least_event and p.score >= least_score]
                for ruled, row in zip(rules, proposed, strict=True)]
        prf = score_dyads(records, kept, roots_of).prf
        print(f"  P(event) >= {least_event:<4} P(category) >= {least_score:<4} P {prf.precision:.4f}  "
              f"R {prf.recall:.4f}  F1 {prf.f1:.4f} ({prf.correct}/{prf.predicted} predicted, "
              f"{prf.gold} expected)")
    article_proposals(shared / "eval/dev/articles", folder, models, fold_articles)


def article_proposals(articles: Path, folder: Path, models: Sequence[EventDetector],
                      fold_articles: Callable[[int | None], list[int]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        rule_lines: list[str] = []
        others: dict[str, list[str]] = {"quotes": [], "articles": []}
        proposed: list[tuple[str, Prediction]] = []
        for fold in (0, 1):
            ids = [i for i in ARTICLE_HALVES["A (tune)"] if i not in fold_articles(fold)]
            subset = make_subset(articles, ids, work / f"set{fold}")
            with model_file("0"):
                alone = process_in_process(subset, work / f"alone{fold}")
            with model_file(fold_file(folder, fold)), proposing_everywhere():
                both = process_in_process(subset, work / f"both{fold}")
            lines = alone["events"].read_text(encoding="utf-8").splitlines()
            rule_lines += lines
            fired = {ev["text"] for line in lines for ev in json.loads(line)["evidence"]}
            for line in both["events"].read_text(encoding="utf-8").splitlines():
                evidence = [ev["text"] for ev in json.loads(line)["evidence"]]
                if not fired & set(evidence):
                    proposed.append((line, models[fold].predict(evidence[0])))
            for kind in others:
                others[kind] += alone[kind].read_text(encoding="utf-8").splitlines()
        whole = make_subset(articles, ARTICLE_HALVES["A (tune)"], work / "setA")
        exports = {kind: work / f"all.{kind}.jsonl" for kind in ("events", "quotes", "articles")}
        for kind, lines in others.items():
            exports[kind].write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
        print(f"dev articles A (tune), the model's proposals out of fold ({len(proposed)} at any threshold):")
        for least_event, least_score in PROPOSAL_THRESHOLDS:
            kept = rule_lines + [line for line, p in proposed
                                 if p.event >= least_event and p.score >= least_score]
            exports["events"].write_text("".join(f"{line}\n" for line in kept), encoding="utf-8")
            out_text = score_exports(articles, whole, exports)
            recall, precision = RECALL_LINE.search(out_text), PRECISION_LINE.search(out_text)
            if recall and precision:
                print(f"  P(event) >= {least_event:<4} P(category) >= {least_score:<4} recall any date "
                      f"{recall.group(2)}; precision (any date) {precision.group(1)} = {precision.group(2)}")


@contextmanager
def rules_unarbitrated() -> Iterator[None]:
    previous = extract.MODEL_ARBITRATE_SCORE
    extract.MODEL_ARBITRATE_SCORE = None
    try:
        yield
    finally:
        extract.MODEL_ARBITRATE_SCORE = previous


def shipped_out_of_fold(shared: Path, folder: Path) -> None:
    """GSR half A and dev articles 101-115, rules alone vs the event stage with the model of each
    record's fold (proposals, arbitration and all, as `extract_events` runs them)."""
    fold_articles, tune_fold = _folds()
    roots_of = roots_by_category(shared / "data/cameo_codebook.jsonl")
    gsr = load_gold(shared / "eval/dev/events/plover_gsr.jsonl", roots_of)
    gsr = [r for r in gsr if half_of(r.id) == "A"]
    articles = shared / "eval/dev/articles"
    print("Tune halves, out of fold: rules alone vs rules + model as shipped")
    settings: list[tuple[str, Callable[[int], Path | str]]] = [
        ("rules alone  ", lambda fold: "0"), ("rules + model", lambda fold: fold_file(folder, fold))]
    for label, setting in settings:
        records: list[GoldRecord] = []
        runs: list[list[Event]] = []
        for fold in (0, 1):
            mine = [r for r in gsr if tune_fold(r.text) == fold]
            with model_file(setting(fold)):
                runs += annotate(mine)
            records += mine
        prf = score_dyads(records, runs, roots_of).prf
        print(f"  PLOVER GSR half A {label} P {prf.precision:.4f}  R {prf.recall:.4f}  F1 {prf.f1:.4f} "
              f"({prf.correct}/{prf.predicted} predicted, {prf.gold} expected)")
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            exports = {kind: work / f"all.{kind}.jsonl" for kind in ("events", "quotes", "articles")}
            for fold in (0, 1):
                ids = [i for i in ARTICLE_HALVES["A (tune)"] if i not in fold_articles(fold)]
                subset = make_subset(articles, ids, work / f"set{fold}")
                with model_file(setting(fold)):
                    append_exports(process_in_process(subset, work / f"set{fold}"), exports)
            whole = make_subset(articles, ARTICLE_HALVES["A (tune)"], work / "setA")
            out_text = score_exports(articles, whole, exports)
        recall, precision = RECALL_LINE.search(out_text), PRECISION_LINE.search(out_text)
        if recall and precision:
            print(f"  dev articles A {label} recall any date {recall.group(2)} = {recall.group(3)}; "
                  f"precision (any date) {precision.group(1)} = {precision.group(2)}")


def process_in_process(subset: Path, work: Path) -> dict[str, Path]:
    """`parley process` and `parley export` of a subset's articles in this process (so that the
    bench's settings of the event stage hold)."""
    work.mkdir(parents=True, exist_ok=True)
    store = Store.open(work / "a.db")
    files = {}
    try:
        process_sources([str(subset / "articles")], store)
        for kind in ("events", "quotes", "articles"):
            files[kind] = work / f"{kind}.jsonl"
            with files[kind].open("w", encoding="utf-8") as out:
                out.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in export_records(store, kind))
    finally:
        store.close()
    return files


def append_exports(files: dict[str, Path], exports: dict[str, Path]) -> None:
    for kind, path in exports.items():
        with path.open("a", encoding="utf-8") as out:
            out.write(files[kind].read_text(encoding="utf-8"))


def _folds() -> tuple[Callable[[int | None], list[int]], Callable[[str], int]]:
    sys.path.insert(0, str(ROOT / "scripts"))
    from train_event_detector import (  # type: ignore[import-not-found,unused-ignore]
        fold_articles,
        tune_fold,
    )
    return fold_articles, tune_fold


def gsr_policies(shared: Path, folder: Path, models: Sequence[EventDetector]) -> None:
    _, tune_fold = _folds()
    roots_of = roots_by_category(shared / "data/cameo_codebook.jsonl")
    gsr = load_gold(shared / "eval/dev/events/plover_gsr.jsonl", roots_of)
    gsr = [r for r in gsr if half_of(r.id) == "A"]
    records: list[GoldRecord] = []
    read: list[list[tuple[Event, Prediction]]] = []
    for fold in (0, 1):
        mine = [r for r in gsr if tune_fold(r.text) == fold]
        with model_file(fold_file(folder, fold)):
            runs = annotate(mine)
        records += mine
        read += [[(e, models[fold].predict(r.text[e.sentence_start:e.sentence_end])) for e in events]
                 for r, events in zip(mine, runs, strict=True)]
    print(f"PLOVER GSR half A (tune; {len(records)} records), rule events read out of fold:")
    for name, policy in policy_table():
        kept = [[e for e in (policy(e, p, _sentence_types(e, row)) for e, p in row) if e] for row in read]
        prf = score_dyads(records, kept, roots_of).prf
        print(f"  {name:36s} P {prf.precision:.4f}  R {prf.recall:.4f}  F1 {prf.f1:.4f} "
              f"({prf.correct}/{prf.predicted} predicted, {prf.gold} expected)")


def article_policies(shared: Path, folder: Path, models: Sequence[EventDetector]) -> None:
    fold_articles, _ = _folds()
    articles = shared / "eval/dev/articles"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        rows: list[tuple[dict[str, object], Prediction]] = []
        for kind in ("quotes", "articles"):
            (work / f"all.{kind}.jsonl").write_text("", encoding="utf-8")
        for fold in (0, 1):
            ids = [i for i in ARTICLE_HALVES["A (tune)"] if i not in fold_articles(fold)]
            subset = make_subset(articles, ids, work / f"set{fold}")
            with model_file(fold_file(folder, fold)):
                files = process_in_process(subset, work / f"set{fold}")
            for line in files["events"].read_text(encoding="utf-8").splitlines():
                record = json.loads(line)
                rows.append((record, models[fold].predict(record["evidence"][0]["text"])))
            for kind in ("quotes", "articles"):
                with (work / f"all.{kind}.jsonl").open("a", encoding="utf-8") as out:
                    out.write(files[kind].read_text(encoding="utf-8"))
        whole = make_subset(articles, ARTICLE_HALVES["A (tune)"], work / "setA")
        sentences: dict[tuple[object, object], set[str]] = {}
        for record, _ in rows:
            sentences.setdefault(_evidence_key(record), set()).add(str(record["type"]))
        print("dev articles A (tune), events read out of fold:")
        for name, policy in policy_table():
            with (work / "all.events.jsonl").open("w", encoding="utf-8") as out:
                for record, prediction in rows:
                    kept = policy(_as_event(record), prediction, frozenset(sentences[_evidence_key(record)]))
                    if kept is not None:
                        out.write(json.dumps({**record, "type": kept.type, "cameo": kept.cameo}) + "\n")
            out_text = score_exports(articles, whole, {k: work / f"all.{k}.jsonl" for k in
                                                        ("events", "quotes", "articles")})
            recall, precision = RECALL_LINE.search(out_text), PRECISION_LINE.search(out_text)
            if recall and precision:
                print(f"  {name:36s} recall any date {recall.group(2)}; precision (any date) "
                      f"{precision.group(1)} = {precision.group(2)}")


# A policy sees a rule event, the model's reading of its sentence, and the categories of all the
# rule events of that sentence; it returns the event kept (perhaps retyped) or None.
Policy = Callable[[Event, Prediction, frozenset[str]], Event | None]


def _sentence_types(event: Event, row: Sequence[tuple[Event, Prediction]]) -> frozenset[str]:
    return frozenset(e.type for e, _ in row if e.sentence_start == event.sentence_start)


def _evidence_key(record: dict[str, object]) -> tuple[object, object]:
    evidence = record["evidence"][0]  # type: ignore[index]
    return evidence["article_id"], evidence["start"]


def policy_table() -> list[tuple[str, Policy]]:
    table: list[tuple[str, Policy]] = [("rules' events as they are", lambda e, p, types: e)]
    table += [(f"veto where P(event) < {t}", _veto(t)) for t in VETO_EVENT]
    table += [(f"drop where model disagrees >= {s}", _drop(s)) for s in DISAGREE_SCORE]
    table += [(f"retype where model disagrees >= {s}", _retype(s)) for s in DISAGREE_SCORE]
    table += [(f"arbitrate among rules' types >= {s}", _arbitrate(s)) for s in ARBITRATE_SCORE]
    return table


def _arbitrate(score: float) -> Policy:
    """Where the rules read several categories in a sentence and the model one of them, the
    others go: the model chooses among the rules' readings, never adds or removes a sentence."""
    def policy(event: Event, prediction: Prediction, types: frozenset[str]) -> Event | None:
        chosen = prediction.type in types and prediction.score >= score
        return event if not chosen or event.type == prediction.type else None
    return policy


def _veto(least: float) -> Policy:
    def policy(event: Event, prediction: Prediction, types: frozenset[str]) -> Event | None:
        return event if prediction.event >= least else None
    return policy


def _drop(score: float) -> Policy:
    def policy(event: Event, prediction: Prediction, types: frozenset[str]) -> Event | None:
        return event if prediction.type == event.type or prediction.score < score else None
    return policy


def _retype(score: float) -> Policy:
    def policy(event: Event, prediction: Prediction, types: frozenset[str]) -> Event | None:
        if prediction.type == event.type or prediction.score < score:
            return event
        return replace(event, type=prediction.type, cameo=category_codes().get(prediction.type, event.cameo))
    return policy


def _as_event(record: dict[str, object]) -> Event:
    """The fields of an exported event record that the policies read."""
    cameo = record.get("cameo")
    return Event(type=str(record["type"]), sentence_start=0, sentence_end=0,
                 cameo=cameo if isinstance(cameo, str) else None)


@contextmanager
def model_file(path: Path | str, retyper: Path | None = None) -> Iterator[None]:
    """The event stage with the detector `path` (or "0": rules alone) and the retyping model
    `retyper` (None: none, as when PARLEY_EVENT_DETECTOR names a model file)."""
    settings = {SWITCH_ENV: str(path), RETYPER_ENV: str(retyper) if retyper is not None else None}
    previous = {name: os.environ.get(name) for name in settings}
    for name, value in settings.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    load_detector.cache_clear()
    load_retyper.cache_clear()
    try:
        yield
    finally:
        for name, value in previous.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        load_detector.cache_clear()
        load_retyper.cache_clear()


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
    """The models' own time: one prediction of each model (the detector and the retyping model)
    per sentence of every article (an upper bound: the stage reads only the sentences that name
    an actor, and retypes only those the rules coded)."""
    with detector_switched(True):
        models = [m for m in (load_detector(), load_retyper()) if m is not None]
    assert models, "no model file: run `make model`"
    texts = [s.text for doc in parse_texts(a.text for a in articles) for s in doc.sents]
    started = time.perf_counter()
    for model in models:
        for text in texts:
            model.predict(text)
    return time.perf_counter() - started


def annotate_articles(articles: Sequence[Article]) -> float:
    started = time.perf_counter()
    for doc, article in zip(parse_texts(a.text for a in articles), articles, strict=True):
        analyze(doc, article)
    return time.perf_counter() - started


# The synthetic stories' lead sentences read by --silver-probe: every STEP-th story.
SILVER_FILE = "eval/dev/events/ngec_synthetic_silver.jsonl"
# Placed events of a story's lead sentence measured on the silver probe, as dates do not matter.
SILVER_DATE = "2023-10-19"


def silver_probe(shared: Path, step: int, models: Path | None) -> None:
    """NGEC's synthetic stories as a probe of what the model adds where the rules find nothing:
    the lead sentence of every `step`-th story, read by the rules alone, by the event stage as
    shipped and by the stage with the detector proposing in every sentence no rule coded, at each
    threshold pair. The detector is a model that never saw the story: the gold-only one, or with
    `models` the full model of the story's other fold (`train_event_detector.py --silver-fold K`,
    trained into `models` when missing); the gold-only model retypes. Counted: stories with an
    event between two placed parties of the headline's category (silver: the prompt's), and
    placed events of another category (a proxy of the wrong ones)."""
    rows = [json.loads(line) for line in (shared / SILVER_FILE).read_text(encoding="utf-8").splitlines()
            if line.strip()][::step]
    split_sentences, silver_fold = _silver_helpers()
    gold_model = ROOT / "src/parley/data" / RETYPE_MODEL_FILE
    readers = [(gold_model, rows)] if models is None else [
        (_silver_model(shared, models, fold), [r for r in rows if silver_fold(str(r["id"])) == fold])
        for fold in (0, 1)]
    labels: list[str] = []
    alone: list[list[Event]] = []
    shipped: list[list[Event]] = []
    proposed: list[tuple[str, Event, Prediction]] = []
    for path, chosen in readers:
        records = [GoldRecord(str(r["id"]), split_sentences(str(r["text"]))[0], SILVER_DATE, (), False)
                   for r in chosen]
        mine = [str(r["doc_label"]) for r in chosen]
        with model_file("0"):
            ruled = annotate(records)
        with model_file(path, gold_model):
            shipped += annotate(records)
        with model_file(path, gold_model), proposing_everywhere():
            everywhere = annotate(records)
        with path.open("rb") as handle:
            model = read_detector(handle)
        for record, label, rule_events, read in zip(records, mine, ruled, everywhere, strict=True):
            fired = {e.sentence_start for e in rule_events}
            prediction = model.predict(record.text)
            proposed += [(label, e, prediction) for e in read
                         if e.sentence_start not in fired and _placed(e)]
        labels += mine
        alone += ruled
    reader = "the gold-only model" if models is None else "the full model of the other fold"
    print(f"NGEC synthetic stories, lead sentences of {len(labels)} (every {step}th), read by "
          f"{reader} (never trained on them) beside the rules:")
    for name, runs in (("rules alone", alone), ("rules + model as shipped", shipped)):
        right, other = _silver_counts(labels, runs)
        print(f"  {name:26s} stories with a placed event of the headline's category {right}; "
              f"placed events of another category {other}")
    print(f"  proposals where no rule fired, both parties placed ({len(proposed)} at any threshold):")
    for least_event, least_score in PROPOSAL_THRESHOLDS:
        kept = [(label, e) for label, e, p in proposed if p.event >= least_event and p.score >= least_score]
        right = sum(e.type == label for label, e in kept)
        print(f"    P(event) >= {least_event:<4} P(category) >= {least_score:<4} {len(kept)} events, "
              f"{right} of the headline's category")


def _silver_model(shared: Path, folder: Path, fold: int) -> Path:
    """The full model without fold `fold` of the synthetic stories, trained into `folder` when missing."""
    path = folder / f"silver_fold{fold}.npz"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(ROOT / "scripts/train_event_detector.py"), "--shared",
                        str(shared), "--silver-fold", str(fold), "--out", str(path)],
                       check=True, capture_output=True)
    return path


def _silver_counts(labels: Sequence[str], runs: Sequence[list[Event]]) -> tuple[int, int]:
    right = sum(any(_placed(e) and e.type == label for e in events)
                for label, events in zip(labels, runs, strict=True))
    other = sum(sum(_placed(e) and e.type != label for e in events)
                for label, events in zip(labels, runs, strict=True))
    return right, other


def _placed(event: Event) -> bool:
    return bool(event.source and event.source.country and event.target and event.target.country)


def _silver_helpers() -> tuple[Callable[[str], list[str]], Callable[[str], int]]:
    sys.path.insert(0, str(ROOT / "scripts"))
    from train_event_detector import (  # type: ignore[import-not-found,unused-ignore]
        silver_fold,
        split_sentences,
    )
    return split_sentences, silver_fold


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--articles", action="store_true", help="score the dev articles by half")
    parser.add_argument("--cost", type=int, default=0, help="Wikinews articles timed (0: skip)")
    parser.add_argument("--policies", type=Path, metavar="DIR",
                        help="measure the overrule policies on the tune halves (out-of-fold models in DIR)")
    parser.add_argument("--gold", action="store_true",
                        help="with --policies: fold models of the gold sets alone (the retyper's family)")
    parser.add_argument("--silver-probe", type=int, default=0, metavar="STEP",
                        help="read every STEP-th NGEC synthetic story's lead sentence (0: skip)")
    parser.add_argument("--silver-models", type=Path, metavar="DIR",
                        help="with --silver-probe: the full models of the stories' other fold, in DIR")
    args = parser.parse_args()
    if not (args.shared / "eval/dev/events").exists():
        print(f"no event gold under {args.shared} (set PARLEY_SHARED or --shared)", file=sys.stderr)
        return 2
    if args.policies:
        global FOLD_PREFIX
        FOLD_PREFIX = "gold_fold" if args.gold else "fold"
        policies(args.shared, args.policies)
        return 0
    if args.silver_probe:
        silver_probe(args.shared, args.silver_probe, args.silver_models)
        return 0
    gold_sets(args.shared)
    if args.articles:
        dev_articles(args.shared)
    if args.cost:
        cost(args.shared, args.cost)
    return 0


if __name__ == "__main__":
    sys.exit(main())
