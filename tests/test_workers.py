"""Worker processes and Dask give the same annotations and the same store as one process.

Batches are made small (4 articles) so that the seeds and samples make several of them; the
workers are real spawned processes (and a real Dask LocalCluster), each loading the model.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import parley.annotate
import parley.pipeline
from parley.annotate import annotate_lines
from parley.cli import app
from parley.models import Article, DocError
from parley.pipeline import process_sources
from parley.store import Store
from parley.tasks import BatchTask, RecordingLookup, analyze_task
from parley.workers import InlineRunner, ProcessRunner, Runner, WorkerLostError, run_ordered

from .conftest import REPO, shared_path

SAMPLES = REPO / "samples"
SMALL_BATCH = 4
KINDS = ("articles", "entities", "events", "quotes", "stories")
cli = CliRunner()


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parley.pipeline, "BATCH_SIZE", SMALL_BATCH)
    monkeypatch.setattr(parley.annotate, "BATCH_SIZE", SMALL_BATCH)


@pytest.fixture(scope="module")
def pool() -> Iterator[ProcessRunner]:
    runner = ProcessRunner(2)
    yield runner
    runner.close()


def input_lines() -> list[str]:
    """The seeds and the samples as CONTRACT input lines."""
    seeds = sorted(shared_path("seeds").glob("*.txt"))
    lines = [json.dumps({"id": p.stem, "text": p.read_text(encoding="utf-8")}) for p in seeds]
    return lines + (SAMPLES / "wikinews_sample.jsonl").read_text(encoding="utf-8").splitlines()


def annotated(lines: list[str], runner: Runner) -> list[str]:
    return [json.dumps(a.record, ensure_ascii=False) for a in annotate_lines(lines, runner=runner)]


def store_contents(db: Path) -> dict[str, str]:
    """Every export of a store, as the CLI writes it."""
    contents = {}
    for kind in KINDS:
        out = db.with_suffix(f".{kind}.jsonl")
        result = cli.invoke(app, ["export", kind, "--db", str(db), "--format", "jsonl",
                                  "-o", str(out)])
        assert result.exit_code == 0, result.output
        contents[kind] = out.read_text(encoding="utf-8")
    return contents


def processed(targets: list[str], db: Path, runner: Runner) -> dict[str, str]:
    store = Store.open(db)
    report = process_sources(targets, store, runner=runner)
    store.close()
    assert not report.errors, [e.one_line() for e in report.errors]
    return store_contents(db)


def test_annotate_with_workers_is_the_same(small_batches: None, pool: ProcessRunner) -> None:
    lines = input_lines()
    one = annotated(lines, InlineRunner())
    assert len(one) == len(lines) and all(json.loads(r)["error"] is None for r in one)
    assert annotated(lines, pool) == one
    assert max(pool.peak_rss.values()) > 100_000_000  # each worker holds the model


def test_process_with_workers_stores_the_same(small_batches: None, pool: ProcessRunner,
                                              tmp_path: Path) -> None:
    targets = [str(shared_path("seeds")), str(SAMPLES)]
    one = processed(targets, tmp_path / "one.db", InlineRunner())
    assert one["events"].count("\n") > 20 and one["stories"]
    assert processed(targets, tmp_path / "two.db", pool) == one


def test_articles_told_a_stale_answer_are_analysed_again(small_batches: None, pool: ProcessRunner,
                                                         tmp_path: Path) -> None:
    """A person the first batch teaches the store (a title names her country) is looked up by
    the second batch while the first is still being written: the workers' guess was wrong for
    those articles only, they are analysed again, and the store is the one-process store."""
    folder = tmp_path / "invented"
    folder.mkdir()
    first = ("Norway's Foreign Minister Ingrid Solvang said on Monday that Norway would "
             "send aid to the flooded region. \"We will help,\" Solvang told reporters in Oslo.")
    later = ("Ingrid Solvang met the envoy of the United Nations in Geneva on Tuesday. "
             "Ingrid Solvang said the talks on the aid convoy had been useful.")
    other = ("Heavy rain closed roads in the north of the country on {day}, officials said. "
             "Schools stayed shut and trains were cancelled in {town}.")
    texts = [first] + [other.format(day=d, town=t) for d, t in (
        ("Monday", "Tromso"), ("Sunday", "Bodo"), ("Saturday", "Alta"))] + [later] + [
        other.format(day=d, town=t) for d, t in (("Friday", "Narvik"), ("Thursday", "Molde"))]
    for number, text in enumerate(texts):
        (folder / f"{number:02}.jsonl").write_text(json.dumps({
            "id": f"inv{number}", "text": text, "published": f"2024-03-0{4 + number // 4}",
            "title": f"Invented report {number}"}) + "\n", encoding="utf-8")
    one = processed([str(folder)], tmp_path / "one.db", InlineRunner())
    store = Store.open(tmp_path / "two.db")
    report = process_sources([str(folder)], store, runner=pool)
    store.close()
    assert not report.errors and report.reanalysed >= 1
    assert report.reanalysed < len(texts) // 2  # the articles told a stale answer, not batches
    assert store_contents(tmp_path / "two.db") == one


def test_second_analysis_of_kept_docs_is_the_same(small_batches: None) -> None:
    """A batch analysed again (the store learned something meanwhile) from the Docs a worker
    kept gives what a first analysis with the same answers gives."""
    articles = tuple(_clean(input_lines()[:3]))
    first = analyze_task(BatchTask("k1", articles))
    answers = {name: None for name in first.names()}
    again = analyze_task(BatchTask("k1", articles, answers=answers))
    fresh = analyze_task(BatchTask("k2", articles, answers=answers))
    assert again == fresh


def test_analysis_of_some_articles_is_theirs_in_the_whole(small_batches: None) -> None:
    """The second analysis of a few articles of a batch (the others were told the right
    answers) gives each what the analysis of the whole batch gives it, and asks per article."""
    articles = tuple(_clean(input_lines()[:4]))
    whole = analyze_task(BatchTask("k3", articles))
    assert all(r is not None for r in whole.results)
    part = analyze_task(BatchTask("k3", articles, only=(1, 3)))
    assert part.results[1] == whole.results[1] and part.results[3] == whole.results[3]
    assert part.results[0] is None and part.results[2] is None and part.asked[0] == {}
    assert part.asked[1] == whole.asked[1] and part.names() <= whole.names()


def test_unsettled_names_only_the_articles_told_a_stale_answer() -> None:
    from parley.actors.entities import KnownPerson
    from parley.tasks import BatchResult, unsettled

    berg = KnownPerson("Anna Berg", "NOR", "GOV", "minister")
    result = BatchResult((None, None, None), ({"Anna Berg": None}, {}, {"Miles Dalton": None}))
    right = {"Anna Berg": berg, "Miles Dalton": None}
    assert unsettled(result, right) == (0,)


def test_a_task_for_a_chosen_worker_goes_before_its_queue() -> None:
    """A follow-up task (`prefer`) is run before the tasks queued at that worker earlier."""
    import time

    runner = ProcessRunner(1, initializer=None)
    try:
        assert runner.result(runner.submit(_count_after, 0.0))[0] == 1  # the worker is up
        first = runner.submit(_count_after, 2.0)
        time.sleep(0.5)  # the worker has taken it: the next ones queue behind it
        queued = [runner.submit(_count_after, 0.0) for _ in range(2)]
        urgent = runner.submit(_count_after, 0.0, prefer=0)
        order = {t: runner.result(t)[0] for t in (first, *queued, urgent)}
        assert order[first] == 2 and order[urgent] == 3
        assert [order[t] for t in queued] == [4, 5]
    finally:
        runner.close()


def test_a_task_for_a_chosen_worker_runs_within_a_long_task() -> None:
    """A long task that calls `run_urgent_tasks` (the parse and the analysis of a batch do,
    between their steps) lets a follow-up task for its worker run then; tasks merely queued
    still wait for their turn."""
    import time

    runner = ProcessRunner(1, initializer=None)
    try:
        assert runner.result(runner.submit(_count_after, 0.0))[0] == 1  # the worker is up
        first = runner.submit(_pause_then_count, 2.0)
        time.sleep(0.5)  # the worker has taken it: the next ones queue behind it
        queued = runner.submit(_count_after, 0.0)
        urgent = runner.submit(_count_after, 0.0, prefer=0)
        order = {t: runner.result(t)[0] for t in (first, queued, urgent)}
        assert order == {urgent: 2, first: 3, queued: 4}
    finally:
        runner.close()


def test_a_long_task_does_not_hold_the_other_worker() -> None:
    """While one worker runs a long task, the other takes the tasks after it, past the ones
    merely waiting in the first worker's queue: tasks wait in the runner for a free worker, and
    `run_ordered` looks ahead of the long one."""
    runner = ProcessRunner(2, initializer=None)
    try:
        for wid in (0, 1):  # both workers are up
            runner.result(runner.submit(_pid_after, 0.0, prefer=wid))
        seconds = [3.0] + [0.05] * 8
        pids = [pid for _, pid in run_ordered(runner, _pid_after, seconds)]
        # at most one short task (the one given to the long task's worker as its next) waits
        assert sum(pid == pids[0] for pid in pids[1:]) <= 1
    finally:
        runner.close()


def test_a_workers_peak_memory_is_its_own() -> None:
    """A spawned worker reports its own peak, not the main process's memory at the time it was
    started (which `ru_maxrss` keeps across exec)."""
    import resource

    from parley.workers import peak_rss_bytes

    ballast = bytearray(600 * 2**20)  # the main process: at least 600 MiB resident
    ballast[:: 4096] = b"x" * len(ballast[:: 4096])
    assert peak_rss_bytes() > 600 * 2**20
    runner = ProcessRunner(1, initializer=None)
    try:
        assert runner.result(runner.submit(_pid_after, 0.0))[0] > 0
        assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 > 600 * 2**20
        # a fresh worker imports parley (about 100-250 MiB); the main process's 600 MiB are not its
        assert 0 < runner.peak_rss[0] < 450 * 2**20
    finally:
        runner.close()
        del ballast


def _pid_after(seconds: float) -> int:
    import os
    import time

    time.sleep(seconds)
    return os.getpid()


def test_urgent_tasks_are_nothing_outside_a_worker() -> None:
    from parley.workers import run_urgent_tasks

    run_urgent_tasks()  # in the main process: returns at once


_runs = [0]


def _pause_then_count(seconds: float) -> int:
    """Sleep, run what is urgent, then count this task (see `_count_after`)."""
    import time

    from parley.workers import run_urgent_tasks

    time.sleep(seconds)
    run_urgent_tasks()
    _runs[0] += 1
    return _runs[0]


def _count_after(seconds: float) -> int:
    """How many tasks this worker process has run, this one included (after a pause)."""
    import time

    time.sleep(seconds)
    _runs[0] += 1
    return _runs[0]


def _clean(lines: list[str]) -> Iterator[Article]:
    from parley.ingest.records import parse_record

    for number, line in enumerate(lines):
        article = parley.pipeline.clean_item(parse_record(line, f"-:{number}", raw=False))
        assert not isinstance(article, DocError)
        yield article


def test_recording_lookup_answers_once_per_name() -> None:
    calls: list[str] = []

    def guess(name: str) -> None:
        calls.append(name)

    lookup = RecordingLookup({"Anna Berg": None}, guess)
    for name in ("Anna Berg", "Miles Dalton", "Miles Dalton"):
        lookup(name)
    assert calls == ["Miles Dalton"] and set(lookup.asked) == {"Anna Berg", "Miles Dalton"}


def test_a_dying_worker_fails_its_batch_only(small_batches: None, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    marker = "Kill-this-worker-now"
    lines = input_lines()
    doomed = json.loads(lines[5])
    doomed["text"] = doomed["text"].replace(". ", f". {marker} said so. ", 1)
    lines[5] = json.dumps(doomed)
    monkeypatch.setenv("PARLEY_TEST_FAULT", f"worker-exit:{marker}")
    runner = ProcessRunner(2)
    try:
        assert isinstance(_died(runner), WorkerLostError)
        records = [json.loads(r) for r in annotated(lines, runner)]
        lost = [i for i, r in enumerate(records) if r["error"]]
        assert lost == [4, 5, 6, 7]  # the second batch of four
        assert {records[i]["error"]["stage"] for i in lost} == {"worker"}
        assert all(r["error"] is None for r in records[:4] + records[8:])
        folder = tmp_path / "in"
        folder.mkdir()
        for number, line in enumerate(lines):
            (folder / f"{number:02}.jsonl").write_text(line + "\n", encoding="utf-8")
        store = Store.open(tmp_path / "p.db")
        report = process_sources([str(folder)], store, runner=runner)
        assert len(report.errors) == SMALL_BATCH and report.stored == len(lines) - SMALL_BATCH
        assert all(e.type == "WorkerLostError" and e.stage == "worker" for e in report.errors)
        store.close()
    finally:
        runner.close()


def _died(runner: ProcessRunner) -> object:
    """A task that ends its worker is lost; the runner goes on with a new worker."""
    results = dict(run_ordered(runner, _exit_or_square, [3, -1, 4]))
    assert results[3] == 9 and results[4] == 16
    return results[-1]


def _exit_or_square(value: int) -> int:
    if value < 0:
        import os

        os._exit(9)
    return value * value


def test_dask_local_cluster_stores_the_same(small_batches: None, tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    from parley.distributed import DaskRunner

    wikinews = tmp_path / "wikinews.jsonl"
    wikinews.write_text("".join(line + "\n" for line in _wikinews(12)), encoding="utf-8")
    targets = [str(shared_path("seeds")), str(SAMPLES), str(wikinews)]
    one = processed(targets, tmp_path / "one.db", InlineRunner())
    runner = DaskRunner("local", 2)
    try:
        assert processed(targets, tmp_path / "dask.db", runner) == one
    finally:
        runner.close()


def _wikinews(count: int) -> list[str]:
    import csv

    path = shared_path("data", "wikinews", "wikinews_2019.csv")
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))[:count]
    return [json.dumps({"id": f"wn{n}", "text": r["text"], "title": r["title"],
                        "published": r["date"], "url": r["url"]}) for n, r in enumerate(rows)]


def test_real_subprocess_annotate_with_two_workers(tmp_path: Path) -> None:
    """The CLI's --workers through a real process: 40 lines make two batches (32 and 8)."""
    lines = (input_lines() * 4)[:40]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = subprocess.run([sys.executable, "-m", "parley.cli", "annotate", str(source),
                           "--workers", "2", "-o", str(out)],
                          capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr
    expected = "".join(line + "\n" for line in annotated(lines, InlineRunner()))
    assert out.read_text(encoding="utf-8") == expected
