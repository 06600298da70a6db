"""Executors: a :class:`concurrent.futures.Executor` as is, a Dask client through its own.

Dask (``distributed``) is optional (``pip install 'govcatalog[dask]'``): a
``distributed.Client`` is accepted wherever an executor is, and :func:`dask_executor` opens a
client on a scheduler or on a local cluster of worker processes.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import ExitStack, contextmanager
from typing import Any, Protocol

from govcatalog._optional import require


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
    distributed = require("distributed", "validation on Dask")
    with ExitStack() as stack:
        if scheduler is not None:
            client = stack.enter_context(distributed.Client(scheduler, timeout=timeout))
        else:
            cluster = distributed.LocalCluster(
                n_workers=workers or 1,
                threads_per_worker=1,
                processes=True,
                # no dashboard, and its HTTP server on a free port (never a taken one)
                dashboard_address=":0",
                scheduler_kwargs={"dashboard": False},
                # a task holds one file's findings, nothing to spill: no memory limit
                memory_limit=0,
                silence_logs=logging.ERROR,
            )
            stack.enter_context(cluster)
            client = stack.enter_context(distributed.Client(cluster))
        yield as_executor(client)
