"""Executors: a :class:`concurrent.futures.Executor` as is, a Dask client through its own.

Dask (``distributed``) is optional (``pip install 'govcatalog[dask]'``): a
``distributed.Client`` is accepted wherever an executor is, and :func:`dask_executor` opens a
client on a scheduler or on a local cluster of worker processes.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future
from contextlib import contextmanager
from typing import Any, Protocol, TypeVar

from govcatalog._optional import require

_T = TypeVar("_T")


class HasExecutor(Protocol):
    """Anything that hands out a :class:`concurrent.futures.Executor` (a Dask ``Client``)."""

    def get_executor(self, **kwargs: Any) -> Executor:
        """An executor submitting to this client."""
        ...


def as_executor(runner: Executor | HasExecutor) -> Executor:
    """``runner`` as a :class:`concurrent.futures.Executor`.

    Raises:
        TypeError: When it is neither an executor nor a client that gives one.
    """
    if isinstance(runner, Executor):
        return runner
    get = getattr(runner, "get_executor", None)
    if get is None:
        msg = f"not an executor or a Dask client: {type(runner).__name__}"
        raise TypeError(msg)
    # pure=False: a file is validated again when asked again (it may have changed)
    executor: Executor = get(pure=False)
    return executor


def submit_with_data(executor: Executor, fn: Callable[..., _T], *args: object) -> Future[_T]:
    """``executor.submit(fn, *args)`` for a task sent with its data (the reduce step's
    summaries, megabytes; a file's plan): a Dask client's warning that the task is large is
    not shown, the data being sent with the task by design."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Sending large graph", UserWarning)
        return executor.submit(fn, *args)


LOCAL_SETTINGS: dict[str, object] = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.admin.tick.interval": "200ms",
    "distributed.client.direct-to-workers": True,
}
"""Dask settings of a local cluster: no statistical profiler sampling every worker's stack every
10 ms, fewer health checks; the CPU goes to validation. Outcomes come straight from the
workers, not through the scheduler (which, in a local cluster, is this process: every outcome
would be received and sent again)."""


@contextmanager
def local_client(workers: int) -> Iterator[Any]:
    """A ``distributed.Client`` of a local cluster of ``workers`` processes, one thread each.

    Raises:
        MissingExtra: When ``distributed`` is not installed (extra ``dask``).
    """
    distributed = require("distributed", "validation on Dask")
    dask = require("dask", "validation on Dask")
    with (
        dask.config.set(LOCAL_SETTINGS),
        distributed.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            # no dashboard, and its HTTP server on a free port (never a taken one)
            dashboard_address=":0",
            scheduler_kwargs={"dashboard": False},
            # a task holds one file's findings, nothing to spill: no memory limit
            memory_limit=0,
            silence_logs=logging.ERROR,
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


@contextmanager
def dask_executor(
    scheduler: str | None = None, workers: int | None = None, timeout: float = 10
) -> Iterator[Executor]:
    """An executor on a Dask cluster: the scheduler at ``scheduler``, else a local cluster of
    ``workers`` processes with one thread each (closed on exit).

    Raises:
        MissingExtra: When ``distributed`` is not installed (extra ``dask``).
        OSError: When the scheduler cannot be reached within ``timeout`` seconds.
    """
    if scheduler is None:
        with local_client(workers or 1) as client:
            yield as_executor(client)
        return
    distributed = require("distributed", "validation on Dask")
    with distributed.Client(scheduler, timeout=timeout) as client:
        yield as_executor(client)
