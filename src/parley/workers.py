"""Where the analysis stages run: in this process, in local worker processes, or on Dask.

    with open_runner(workers=2) as runner:
        ticket = runner.submit(analyze_task, task)
        outcome = runner.result(ticket)     # (value, the worker that computed it)

A runner takes tasks (a module-level function and one picklable argument) and hands back
each one's value on request, in any order the caller asks. `InlineRunner` calls the function
at once in this process; `ProcessRunner` keeps N worker processes (spawned),
each loading the spaCy model once; `parley.distributed.DaskRunner` sends them to a Dask cluster.
A task given to a chosen worker (`prefer`: a follow-up of a task it ran, such as a second
analysis of the Docs it kept) goes before the tasks queued there: the caller is waiting for it;
a long task lets it run at its pause points (`run_urgent_tasks`: between the steps of a batch).
A worker process that dies (killed, out of memory, a crash in native code) fails the task it was
running with `WorkerLostError` and is replaced; its queued tasks go to the others.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import queue
import resource
import sys
import time
from collections import deque
from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from multiprocessing.context import SpawnContext
from multiprocessing.process import BaseProcess
from typing import Any, Protocol, TypeVar

# Tasks given to a worker at a time: one running and one waiting, so a worker never idles while
# the main process writes. More wait in the runner, for whichever worker is free first.
TASKS_PER_WORKER = 2
# Tasks `run_ordered` keeps in flight per task a runner takes at a time (`Runner.window`): while
# one worker runs a long batch, the others go on with the batches after it instead of idling
# until the long one is handed back in order.
ORDERED_LOOKAHEAD = 3
# Seconds between checks that the worker processes are alive while waiting for a result.
POLL_SECONDS = 0.5
# A task whose worker died is given to another worker once; dying twice, it is lost.
RETRIES = 1
# Seconds a worker gets to exit when the runner closes before it is terminated.
JOIN_SECONDS = 5.0

Task = Callable[[Any], Any]
T = TypeVar("T")


class WorkerLostError(RuntimeError):
    """The worker process running a task died before returning its value."""


class WorkerTaskError(RuntimeError):
    """A task raised in its worker (parley's stages turn their own errors into DocErrors, so
    this is a fault of the run, not of one article)."""


class Runner(Protocol):
    """Runs tasks somewhere and hands back their values."""

    @property
    def window(self) -> int:
        """How many tasks a caller should keep in flight to keep every worker busy."""

    @property
    def shares_files(self) -> bool:
        """True if the workers see this machine's files (a SQLite store, for one)."""

    def submit(self, fn: Task, arg: Any, prefer: Hashable | None = None) -> int:
        """Queue fn(arg), preferably on worker `prefer`; a ticket for `result`."""

    def result(self, ticket: int) -> tuple[Any, Hashable | None]:
        """The task's value and the worker that computed it (raises WorkerLostError)."""

    def close(self) -> None:
        """Stop the workers."""


class InlineRunner:
    """Every task runs at once, in this process (`--workers 1`)."""

    window = 0
    shares_files = True

    def __init__(self) -> None:
        self._values: dict[int, Any] = {}
        self._next = 0

    def submit(self, fn: Task, arg: Any, prefer: Hashable | None = None) -> int:
        self._next += 1
        self._values[self._next] = fn(arg)
        return self._next

    def result(self, ticket: int) -> tuple[Any, Hashable | None]:
        return self._values.pop(ticket), None

    def close(self) -> None:
        self._values.clear()


def run_ordered(runner: Runner, fn: Task, args: Iterable[T]) -> Iterator[tuple[T, Any]]:
    """(arg, fn(arg)) for every arg, in order, up to `runner.window` in flight; a task whose
    worker died or raised comes with that exception as its value."""
    inflight: deque[tuple[T, int]] = deque()

    def oldest() -> tuple[T, Any]:
        arg, ticket = inflight.popleft()
        try:
            return arg, runner.result(ticket)[0]
        except (WorkerLostError, WorkerTaskError) as exc:
            return arg, exc

    for arg in args:
        inflight.append((arg, runner.submit(fn, arg)))
        while len(inflight) > runner.window * ORDERED_LOOKAHEAD:
            yield oldest()
    while inflight:
        yield oldest()


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


# An invented article that takes every stage through its tables (warm_up).
WARM_UP_TEXT = (
    "LISBON, March 3, 2021 - Foreign Minister Anna Berg of Norway said on Monday that the "
    "rebels had attacked the port of Porto. \"We condemn this attack,\" she told reporters. "
    "Portugal's government will meet the United Nations envoy next week, a spokesman said.")


def warm_up() -> None:
    """Load the spaCy pipeline and every table the stages read once, when a worker starts
    rather than on its first task: an invented article is cleaned, parsed and analysed (a
    model that cannot be loaded fails each article's nlp stage then, as in one process)."""
    from parley.ingest.records import parse_record
    from parley.models import Article
    from parley.nlp import load_light_nlp
    from parley.pipeline import analyze_batch, clean_item

    with suppress(Exception):
        load_light_nlp()
        record = json.dumps({"id": "warm-up", "text": WARM_UP_TEXT})
        article = clean_item(parse_record(record, "warm-up", raw=False))
        if isinstance(article, Article):
            analyze_batch([article])


@dataclass
class _Worker:
    process: BaseProcess
    tasks: Any  # multiprocessing Queue of (ticket, fn, arg, urgent) | None
    queued: list[int] = field(default_factory=list)  # in the order the worker takes them
    urgent: set[int] = field(default_factory=set)  # queued tickets that go first


@dataclass
class _Pending:
    fn: Task
    arg: Any
    deaths: int = 0


class ProcessRunner:
    """N worker processes; a task goes to the first worker that has fewer than
    TASKS_PER_WORKER tasks (or at once to the one preferred)."""

    shares_files = True

    def __init__(self, workers: int, initializer: Callable[[], None] | None = warm_up) -> None:
        # spawn: a fresh interpreter with this process's environment, on every platform
        # (fork would copy a parent's threads and spaCy state; forkserver its first environment).
        self._context: SpawnContext = multiprocessing.get_context("spawn")
        self._initializer = initializer
        self._results: Any = self._context.Queue()
        self._workers: dict[int, _Worker] = {}
        self._pending: dict[int, _Pending] = {}
        self._done: dict[int, tuple[bool, Any, int]] = {}
        self._backlog: deque[int] = deque()  # tickets no worker has been given yet
        self._next_ticket = 0
        self._next_worker = 0
        self.peak_rss: dict[int, int] = {}  # worker -> peak resident memory, bytes
        self.cpu_seconds: dict[int, float] = {}  # worker -> CPU time used so far
        for _ in range(workers):
            self._start_worker()

    @property
    def window(self) -> int:
        return TASKS_PER_WORKER * len(self._workers)

    def pids(self) -> dict[int, int | None]:
        """The process id of each live worker."""
        return {wid: worker.process.pid for wid, worker in self._workers.items()}

    def _start_worker(self) -> int:
        wid = self._next_worker
        self._next_worker += 1
        tasks = self._context.Queue()
        process = self._context.Process(target=_worker_main, name=f"parley-worker-{wid}",
                                        args=(wid, tasks, self._results, self._initializer),
                                        daemon=True)
        process.start()
        self._workers[wid] = _Worker(process, tasks)
        return wid

    def submit(self, fn: Task, arg: Any, prefer: Hashable | None = None) -> int:
        self._next_ticket += 1
        self._pending[self._next_ticket] = _Pending(fn, arg)
        self._assign(self._next_ticket, prefer)
        return self._next_ticket

    def _assign(self, ticket: int, prefer: Hashable | None) -> None:
        if not (isinstance(prefer, int) and prefer in self._workers):
            self._backlog.append(ticket)
            self._dispatch()
            return
        worker = self._workers[prefer]
        # after the running task (the first) and the urgent ones before it
        position = min(1, len(worker.queued))
        while position < len(worker.queued) and worker.queued[position] in worker.urgent:
            position += 1
        worker.queued.insert(position, ticket)
        worker.urgent.add(ticket)
        self._give(worker, ticket, urgent=True)

    def _dispatch(self) -> None:
        """Give waiting tasks, in order, to the least busy workers that have room."""
        while self._backlog and self._workers:
            wid = min(self._workers, key=lambda w: len(self._workers[w].queued))
            worker = self._workers[wid]
            if len(worker.queued) >= TASKS_PER_WORKER:
                return
            ticket = self._backlog.popleft()
            worker.queued.append(ticket)
            self._give(worker, ticket, urgent=False)

    def _give(self, worker: _Worker, ticket: int, urgent: bool) -> None:
        task = self._pending[ticket]
        worker.tasks.put((ticket, task.fn, task.arg, urgent))

    def result(self, ticket: int) -> tuple[Any, Hashable | None]:
        while ticket not in self._done:
            self._pump()
        ok, value, wid = self._done.pop(ticket)
        if not ok:
            raise value if isinstance(value, WorkerLostError) else WorkerTaskError(value)
        return value, wid

    def _pump(self) -> None:
        try:
            ticket, wid, ok, value, rss, cpu = self._results.get(timeout=POLL_SECONDS)
        except queue.Empty:
            self._reap()
            return
        self.peak_rss[wid] = max(self.peak_rss.get(wid, 0), rss)
        self.cpu_seconds[wid] = cpu
        worker = self._workers.get(wid)
        if worker and ticket in worker.queued:
            worker.queued.remove(ticket)
            worker.urgent.discard(ticket)
        if self._pending.pop(ticket, None) is not None:
            self._done[ticket] = (ok, value, wid)
        self._dispatch()

    def _reap(self) -> None:
        """Replace dead workers: the task one was running is lost, its queue goes elsewhere."""
        for wid, worker in list(self._workers.items()):
            if worker.process.exitcode is None:
                continue
            del self._workers[wid]
            self._start_worker()
            again = []
            for position, ticket in enumerate(worker.queued):
                task = self._pending[ticket]
                task.deaths += 1
                if position == 0 or task.deaths > RETRIES:
                    del self._pending[ticket]
                    self._done[ticket] = (False, WorkerLostError(
                        f"worker process died (exit code {worker.process.exitcode})"), wid)
                else:
                    again.append(ticket)
            self._backlog.extendleft(reversed(again))  # before the tasks submitted after them
            self._dispatch()

    def close(self) -> None:
        for worker in self._workers.values():
            with suppress(OSError, ValueError):
                worker.tasks.put(None)
        for worker in self._workers.values():
            worker.process.join(JOIN_SECONDS)
            if worker.process.exitcode is None:
                worker.process.terminate()
                worker.process.join(JOIN_SECONDS)
        self._workers.clear()


class LazyRunner:
    """Worker processes started only once a second task comes: a run of one batch (a few
    articles) is analysed in this process rather than paying for workers to load the model."""

    shares_files = True

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.started: ProcessRunner | None = None
        self._first: tuple[Task, Any] | None = None
        self._inline = InlineRunner()

    @property
    def window(self) -> int:
        return TASKS_PER_WORKER * self.workers

    def submit(self, fn: Task, arg: Any, prefer: Hashable | None = None) -> int:
        if self.started is None and self._first is None:
            self._first = (fn, arg)
            return 0
        if self.started is None:
            self.started = ProcessRunner(self.workers)
            if self._first is not None:
                first = self.started.submit(*self._first)
                assert first == 1  # the ticket given out as 0 is the runner's first
        ticket = self.started.submit(fn, arg, prefer)
        return ticket - 1 if self._first is not None else ticket

    def result(self, ticket: int) -> tuple[Any, Hashable | None]:
        if self.started is None:
            assert self._first is not None and ticket == 0
            fn, arg = self._first
            self._first = None
            return fn(arg), None
        return self.started.result(ticket + 1 if self._first is not None else ticket)

    def close(self) -> None:
        if self.started is not None:
            self.started.close()


@dataclass
class _WorkerState:
    """What a worker process reads tasks from and sends results to (`run_urgent_tasks`)."""

    wid: int
    tasks: Any
    results: Any
    backlog: deque[Any] = field(default_factory=deque)
    in_urgent: bool = False


_state: _WorkerState | None = None  # set in a worker process


def _worker_main(wid: int, tasks: Any, results: Any,
                 initializer: Callable[[], None] | None) -> None:
    """A worker process: take tasks until told to stop, send back each value (or the error)."""
    global _state
    if initializer is not None:
        initializer()
    state = _state = _WorkerState(wid, tasks, results)
    while (message := _next_task(tasks, state.backlog)) is not None:
        _run(state, message)


def _run(state: _WorkerState, message: Any) -> None:
    ticket, fn, arg, _ = message
    try:
        value, ok = fn(arg), True
    except Exception as exc:  # reported to the main process, which decides
        value, ok = f"{type(exc).__name__}: {exc}", False
    state.results.put((ticket, state.wid, ok, value, peak_rss_bytes(), time.process_time()))


def run_urgent_tasks() -> None:
    """In a worker process, run the urgent tasks that have arrived (the caller is waiting for
    them) before going on with the task being run; a long task calls this where it may be
    interrupted (between the articles of a batch). Elsewhere, or within an urgent task,
    nothing happens."""
    state = _state
    if state is None or state.in_urgent:
        return
    backlog = state.backlog
    with suppress(queue.Empty):
        while not backlog or backlog[-1] is not None:
            backlog.append(state.tasks.get_nowait())
    urgent = [message for message in backlog if message is not None and message[3]]
    if not urgent:
        return
    for message in urgent:
        backlog.remove(message)
    state.in_urgent = True
    try:
        for message in urgent:
            _run(state, message)
    finally:
        state.in_urgent = False


def _next_task(tasks: Any, backlog: deque[Any]) -> Any:
    """The next task to run: the urgent ones first among those that have arrived (waiting
    for one if none has); None to stop."""
    if not backlog:
        backlog.append(tasks.get())
    with suppress(queue.Empty):
        while backlog[-1] is not None:
            backlog.append(tasks.get_nowait())
    if backlog[-1] is None:
        return None
    for position, message in enumerate(backlog):
        if message[3]:
            del backlog[position]
            return message
    return backlog.popleft()


def peak_rss_bytes() -> int:
    """This process's own peak resident memory: on Linux its address space's high-water mark
    (`VmHWM`), because `ru_maxrss` survives `exec` and a spawned worker's would be at least its
    parent's resident memory when the worker was started (a `process` or a bench run with the
    model loaded in the main process made every worker look as large as the main process)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak if sys.platform == "darwin" else peak * 1024)


@contextmanager
def open_runner(workers: int = 1, dask: str | None = None) -> Iterator[Runner]:
    """A runner for `workers` local processes (1: this process), or for a Dask cluster
    (`dask`: a scheduler address, or `local` for a local cluster of `workers` processes)."""
    runner: Runner
    if dask:
        from parley.distributed import DaskRunner

        runner = DaskRunner(dask, workers)
    elif workers > 1:
        runner = LazyRunner(workers)
    else:
        runner = InlineRunner()
    try:
        yield runner
    finally:
        runner.close()
