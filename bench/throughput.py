"""Throughput of `parley annotate` against spaCy on the same texts in the same run, and with
one worker against two.

    python bench/throughput.py [--wikinews 300] [--chunk 32]

Texts: the seeds, the dev articles and English Wikinews (`bench/corpus.py`). Words are the
whitespace-separated words of the clean article texts (what parley's NLP reads); the spaCy
passes read those clean texts, parley reads the input lines (and cleans them: its cost counts).

1. One core: parley (`--workers 1`), spaCy's full `en_core_web_sm` and its tok2vec+ner+senter
   pass take turns chunk by chunk, so that the load of a shared machine weighs on all three;
   the ratios are the figures to read (absolute words/s move with the machine's load).
2. One worker process against N: articles/s, one after the other over all texts (the workers
   are started and have loaded the model before the clock starts; the single worker too, so that
   both start as fresh: `annotate --workers 1` in a process that had already annotated the same
   texts in part 1 would find its caches full of them, and did, 45 CPU s against the two fresh
   workers' 52 on 183 articles), the CPU seconds
   of the main process and of the workers (and the speed-up those allow on idle cores, which a
   shared machine's load moves much less than wall-clock seconds), the peak resident memory of
   each worker (`VmHWM`: its own pages and the shared libraries it maps; workers are spawned,
   so no page is shared with the main process copy-on-write, but `ru_maxrss` would count the
   main process's memory at the start, kept across exec) and, at the end, its
   proportional and private share (`/proc/PID/smaps_rollup`), and the articles per day the
   faster figure implies on this machine.
3. `process --workers 1` against `--workers 2`, into a new SQLite store each, the same way;
   with the CPU seconds of the main process (cleaning, duplicates, merging, stories, writing:
   the part that does not spread over the workers) and the articles analysed again because the
   store learned a person after a worker's guess (`parley.tasks`).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass

import spacy
from spacy.language import Language

from corpus import corpus_lines
from parley.annotate import annotate_lines
from parley.nlp import load_light_nlp, model_names
from parley.pipeline import ProcessReport, process_sources
from parley.store import Store
from parley.workers import InlineRunner, ProcessRunner, Runner, default_workers, warm_up

SECONDS_PER_DAY = 86_400


def clean_texts(lines: list[str]) -> list[str]:
    """The clean article text parley reads for each line (cleaning only, no NLP)."""
    return [a.record["article"]["text"] if a.record.get("article") else ""
            for a in annotate_lines(lines, only=("article",))]


def spacy_full() -> Language:
    return spacy.load(model_names()[0])


def spacy_light() -> Language:
    nlp = spacy.load(model_names()[0], exclude=["tagger", "parser", "attribute_ruler", "lemmatizer"])
    if "senter" in nlp.component_names:
        nlp.enable_pipe("senter")
    return nlp


def timed(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def annotate_all(lines: list[str], runner: Runner) -> None:
    for _ in annotate_lines(lines, runner=runner):
        pass


def one_core(lines: list[str], texts: list[str], chunk: int
             ) -> tuple[dict[str, float], dict[str, float]]:
    """Wall and CPU seconds of each pass over all texts, passes taking turns chunk by chunk
    (CPU seconds of this process: what the other jobs of a shared machine move least)."""
    full, light = spacy_full(), spacy_light()
    load_light_nlp()
    annotate_all(lines[:1], InlineRunner())  # loading is not throughput
    passes: dict[str, Callable[[int, int], object]] = {
        "parley": lambda a, b: annotate_all(lines[a:b], InlineRunner()),
        "spacy_full": lambda a, b: list(full.pipe(texts[a:b], batch_size=32)),
        "spacy_light": lambda a, b: list(light.pipe(texts[a:b], batch_size=32)),
    }
    seconds = dict.fromkeys(passes, 0.0)
    cpu = dict.fromkeys(passes, 0.0)
    order = list(passes)
    for number, first in enumerate(range(0, len(lines), chunk)):
        for name in order[number % 3:] + order[: number % 3]:
            started = time.process_time()
            seconds[name] += timed(lambda: passes[name](first, first + chunk))  # noqa: B023
            cpu[name] += time.process_time() - started
    return seconds, cpu


def started_pool(workers: int) -> ProcessRunner:
    """N worker processes that have loaded the model and every table (`warm_up`)."""
    pool = ProcessRunner(workers)
    tickets = [pool.submit(len, "warm", prefer=i) for i in range(workers)]
    for ticket in tickets:
        pool.result(ticket)
    return pool


@dataclass
class WorkersRun:
    seconds: float  # wall
    main_cpu: float  # CPU seconds of this process
    workers_cpu: float  # CPU seconds of the workers during the run
    peak_rss: dict[int, int]  # worker -> peak resident memory, bytes
    memory: dict[int, dict[str, int]]  # worker -> Rss, Pss, Private kB at the end


def with_workers(lines: list[str], workers: int) -> WorkersRun:
    """Annotate all lines with N worker processes (started beforehand): seconds, CPU seconds
    and each worker's memory."""
    pool = started_pool(workers)
    try:
        before = sum(pool.cpu_seconds.values())
        cpu = time.process_time()
        seconds = timed(lambda: annotate_all(lines, pool))
        return WorkersRun(seconds, time.process_time() - cpu,
                          sum(pool.cpu_seconds.values()) - before, dict(pool.peak_rss),
                          {wid: memory_of(pid) for wid, pid in pool.pids().items()})
    finally:
        pool.close()


def memory_of(pid: int | None) -> dict[str, int]:
    """Resident, proportional (shared pages divided among the processes that map them) and
    private memory of a process now, kB (Linux; empty elsewhere)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
            fields = dict(line.split(":", 1) for line in rollup if ":" in line)
    except OSError:
        return {}
    kb = {name: int(value.split()[0]) for name, value in fields.items()
          if value.strip().endswith("kB")}
    return {"Rss": kb.get("Rss", 0), "Pss": kb.get("Pss", 0),
            "Private": kb.get("Private_Clean", 0) + kb.get("Private_Dirty", 0)}


def process_run(source: str, runner: Runner) -> tuple[float, float, ProcessReport]:
    """Wall and main-process CPU seconds of `process` of the source into a new store."""
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(f"{folder}/bench.db")
        try:
            cpu, started = time.process_time(), time.perf_counter()
            report = process_sources([source], store, runner=runner)
            return time.perf_counter() - started, time.process_time() - cpu, report
        finally:
            store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--wikinews", type=int, default=300, help="Wikinews articles (besides "
                        "the 3 seeds and the 30 dev articles)")
    parser.add_argument("--chunk", type=int, default=32, help="articles per turn of each pass")
    parser.add_argument("--workers", type=int, default=max(2, default_workers()))
    parser.add_argument("--parts", default="1,2,3", help="which parts to run (1: one core "
                        "against spaCy, 2: annotate with one worker against several, 3: "
                        "process with one worker against several)")
    args = parser.parse_args()
    parts = set(args.parts.split(","))
    lines = corpus_lines(args.wikinews)
    texts = clean_texts(lines)
    words = sum(len(t.split()) for t in texts)
    print(f"{len(lines)} articles, {words:,} words; model {model_names()[0]}")

    if "1" in parts:
        print_one_core(lines, texts, words, args.chunk)
    if "2" in parts:
        print_workers(lines, args.workers)
    if "3" in parts:
        print_process(lines, args.workers)


def print_one_core(lines: list[str], texts: list[str], words: int, chunk: int) -> None:
    seconds, cpu = one_core(lines, texts, chunk)
    rate = {name: words / s for name, s in seconds.items()}
    cpu_rate = {name: words / s for name, s in cpu.items()}
    print("\n1. one core (passes in turns, same texts, same run)")
    for name, label in (("parley", "parley annotate"), ("spacy_full", "spaCy full pipeline"),
                        ("spacy_light", "spaCy tok2vec+ner+senter")):
        print(f"   {label:28} {rate[name]:8,.0f} words/s  ({seconds[name]:.1f} s; "
              f"{cpu_rate[name]:,.0f} words per CPU s)")
    print(f"   ratio parley / spaCy full             {rate['parley'] / rate['spacy_full']:.2f}"
          f"   by CPU s {cpu_rate['parley'] / cpu_rate['spacy_full']:.2f}   (goal >= 1.1)")
    print(f"   ratio parley / tok2vec+ner+senter     {rate['parley'] / rate['spacy_light']:.2f}"
          f"   by CPU s {cpu_rate['parley'] / cpu_rate['spacy_light']:.2f}   (goal >= 0.75)")


def print_workers(lines: list[str], workers: int) -> None:
    single = with_workers(lines, 1)
    run = with_workers(lines, workers)
    one, many = single.seconds, run.seconds
    one_cpu = single.main_cpu + single.workers_cpu
    print(f"\n2. workers (all {len(lines)} articles, one run after the other)")
    for count, result in ((1, single), (workers, run)):
        print(f"   --workers {count}  {len(lines) / result.seconds:6.2f} articles/s  "
              f"({result.seconds:.1f} s; main process {result.main_cpu:.1f} CPU s, "
              f"worker(s) {result.workers_cpu:.1f} CPU s)")
    print(f"   speed-up {one / many:.2f}x (goal >= 1.8x with 2)")
    cores = min(workers, default_workers())
    bound = max(run.main_cpu, (run.main_cpu + run.workers_cpu) / cores)
    print(f"   speed-up the CPU seconds allow on {cores} idle cores: {one_cpu / bound:.2f}x")
    for count, result in ((1, single), (workers, run)):
        for worker, peak in sorted(result.peak_rss.items()):
            now = result.memory.get(worker, {})
            end = (f"; at the end RSS {now['Rss'] / 1024:,.0f}, PSS {now['Pss'] / 1024:,.0f}, "
                   f"private {now['Private'] / 1024:,.0f} MiB") if now else ""
            print(f"   --workers {count}: worker {worker} peak RSS {peak / 2**20:,.0f} MiB "
                  f"(goal <= 1,536 MiB){end}")
    best = max(len(lines) / one, len(lines) / many)
    print(f"   implies {best * SECONDS_PER_DAY:,.0f} articles/day on this machine "
          f"({default_workers()} cores, shared with whatever else ran)")


def print_process(lines: list[str], workers: int) -> None:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8") as source:
        source.write("".join(line + "\n" for line in lines))
        source.flush()
        warm_up()
        wall_1, cpu_1, report_1 = process_run(source.name, InlineRunner())
        pool = started_pool(workers)
        try:
            before = sum(pool.cpu_seconds.values())
            wall_n, cpu_n, report_n = process_run(source.name, pool)
            worker_cpu = sum(pool.cpu_seconds.values()) - before
        finally:
            pool.close()
    print(f"\n3. process into a new SQLite store (all {len(lines)} articles, one run after "
          "the other)")
    for count, wall, cpu, report in ((1, wall_1, cpu_1, report_1),
                                     (workers, wall_n, cpu_n, report_n)):
        print(f"   --workers {count}  {len(lines) / wall:6.2f} articles/s  ({wall:.1f} s; main "
              f"process CPU {cpu:.1f} s; {report.stored} stored, {len(report.errors)} failed, "
              f"{report.reanalysed} analysed again; the writer waited {report.waited:.1f} s "
              f"for first analyses, {report.waited_again:.1f} s for second ones)")
    print(f"   --workers {workers}: the workers used {worker_cpu:.1f} CPU s in all")
    print(f"   speed-up {wall_1 / wall_n:.2f}x (goal >= 1.8x with 2)")
    # On a machine with a core for each worker and nothing else running, the run takes at least
    # the main process's CPU time and at least all CPU time spread over the cores.
    cores = min(workers, default_workers())
    bound = max(cpu_n, (cpu_n + worker_cpu) / cores)
    print(f"   speed-up the CPU seconds allow on {cores} idle cores: {cpu_1 / bound:.2f}x "
          f"(one process {cpu_1:.1f} CPU s; {workers} workers {cpu_n + worker_cpu:.1f} CPU s "
          "with the main process)")


if __name__ == "__main__":
    main()
