"""The analysis on a Dask distributed cluster: `parley process --dask tcp://SCHEDULER:8786`.

Batches of articles go to the cluster's workers, each of which loads the spaCy model once (a
worker plugin, when it joins); the values come back to this process, the one writer of the
store. Workers need parley and the model installed; they read the store only when they can
reach it (a database URL, or a SQLite file with `--dask local`), to guess what is known of
people, and the writer checks every guess (`parley.tasks`), so the store ends up the same as
with a single process.
"""

from __future__ import annotations

import logging
from collections.abc import Hashable
from typing import Any

from distributed import Client, Future, LocalCluster, WorkerPlugin, get_worker
from distributed.client import FutureCancelledError
from distributed.scheduler import KilledWorker

from parley.workers import TASKS_PER_WORKER, Task, WorkerLostError, WorkerTaskError, warm_up

LOCAL = "local"


class ModelPlugin(WorkerPlugin):
    """Loads the spaCy pipeline once in every worker, as it joins the cluster."""

    name = "parley-model"

    def setup(self, worker: Any) -> None:
        warm_up()


def _call(fn: Task, arg: Any) -> tuple[str, Any]:
    """fn(arg) on a worker, with the worker's address (to send a second run to it)."""
    return str(get_worker().address), fn(arg)


class DaskRunner:
    """Tasks on a Dask cluster: a scheduler's address, or `local` for a LocalCluster of
    `workers` processes of one thread each (spaCy's pipeline is used by one thread at a time)."""

    def __init__(self, address: str, workers: int) -> None:
        self.cluster: LocalCluster | None = None
        if address == LOCAL:
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=logging.ERROR)
            self.client = Client(self.cluster)
        else:
            self.client = Client(address)
        self.shares_files = self.cluster is not None
        self.client.register_plugin(ModelPlugin())
        self._futures: dict[int, Future[Any]] = {}
        self._next = 0

    @property
    def window(self) -> int:
        return TASKS_PER_WORKER * max(1, len(self.client.scheduler_info().get("workers", {})))

    def submit(self, fn: Task, arg: Any, prefer: Hashable | None = None) -> int:
        self._next += 1
        where: dict[str, Any] = {"workers": [prefer], "allow_other_workers": True} if (
            isinstance(prefer, str)) else {}
        self._futures[self._next] = self.client.submit(_call, fn, arg, pure=False, **where)
        return self._next

    def result(self, ticket: int) -> tuple[Any, Hashable | None]:
        future = self._futures.pop(ticket)
        try:
            address, value = future.result()
        except (KilledWorker, FutureCancelledError) as exc:
            raise WorkerLostError(f"Dask worker lost: {exc}") from exc
        except Exception as exc:
            raise WorkerTaskError(f"{type(exc).__name__}: {exc}") from exc
        return value, address

    def close(self) -> None:
        for future in self._futures.values():
            future.cancel()
        self._futures.clear()
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
