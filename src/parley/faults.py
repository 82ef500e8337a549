"""Fault isolation: an exception in one article's stage fails that article, never the run.

    with stage("timex", article.text):
        timexes = extract_timexes(doc, date)

turns any exception into a `StageError` that names the stage; the pipeline turns that into the
article's one-line `DocError` and goes on with the next article.

For tests only, `PARLEY_TEST_FAULT=STAGE:MARKER` makes STAGE raise on every text containing
MARKER, so isolation is tested on a real fault without keeping a bug in the code;
`PARLEY_TEST_FAULT=worker-exit:MARKER` makes a worker process (never the main one) exit at once
when it parses such a text, as a crash in native code or the kernel's OOM killer would.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from contextlib import contextmanager

from parley.models import DocError

FAULT_ENV = "PARLEY_TEST_FAULT"
WORKER_EXIT = "worker-exit"
# A message longer than this is cut: the error is one line of a log, not a traceback.
MESSAGE_CHARS = 200


class StageError(Exception):
    """A stage failed on one article; `cause` is what it raised."""

    def __init__(self, stage: str, cause: BaseException) -> None:
        super().__init__(f"{type(cause).__name__} in {stage}: {cause}")
        self.stage = stage
        self.cause = cause

    def doc_error(self, source: str) -> DocError:
        """The article's one-line error record (`IndexError in timex: no such group`)."""
        return error_record(source, self.cause, self.stage)


def error_record(source: str, cause: BaseException, stage: str) -> DocError:
    """A bug met in one input's stage as that input's one-line error record."""
    message = " ".join(str(cause).split())[:MESSAGE_CHARS] or "(no message)"
    return DocError(source=source, type=type(cause).__name__, message=message, stage=stage)


class InjectedFault(RuntimeError):
    """Raised by `inject_fault` when the test hook asks for it."""


@contextmanager
def stage(name: str, text: str = "") -> Iterator[None]:
    """Run a stage's work on one article; any exception becomes a StageError naming it."""
    try:
        inject_fault(name, text)
        yield
    except StageError:
        raise
    except Exception as exc:
        raise StageError(name, exc) from exc


def inject_fault(name: str, text: str) -> None:
    """The test-only hook: raise in stage `name` when PARLEY_TEST_FAULT names it and a marker
    that this text contains."""
    spec = os.environ.get(FAULT_ENV)
    if not spec:
        return
    wanted, _, marker = spec.partition(":")
    if wanted == name and marker and marker in text:
        raise InjectedFault(f"fault injected by {FAULT_ENV} for testing")


def inject_exit(text: str) -> None:
    """The test-only hook for a worker process that dies: exit at once (no cleanup, no error
    sent back) when PARLEY_TEST_FAULT is `worker-exit:MARKER` and this text contains MARKER."""
    spec = os.environ.get(FAULT_ENV, "")
    wanted, _, marker = spec.partition(":")
    if wanted == WORKER_EXIT and marker and marker in text and multiprocessing.parent_process():
        os._exit(70)
