"""Many files, one report: validation of file sets, here or on an executor (a Dask cluster).

    from govcatalog.batch import validate_many
    result = validate_many(["a.json", "b.json"], one_catalog=True, executor=client)

The parts: :mod:`~govcatalog.batch.files` (one file, wherever it runs),
:mod:`~govcatalog.batch.ranges` (a large JSON file planned and read in byte ranges),
:mod:`~govcatalog.batch.spread` (the tasks on an executor, a file's ranges merged),
:mod:`~govcatalog.batch.reduce` (catalog-wide rules over every file's summaries),
:mod:`~govcatalog.batch.wire` (outcomes as plain rows between processes),
:mod:`~govcatalog.batch.run` (the files in order, the limit, the merged report),
:mod:`~govcatalog.batch.cluster` (executors, Dask).
"""

from __future__ import annotations

from govcatalog.batch.cluster import HasExecutor, as_executor, dask_executor
from govcatalog.batch.files import Engine
from govcatalog.batch.run import BatchResult, Progress, validate_many

__all__ = [
    "BatchResult",
    "Engine",
    "HasExecutor",
    "Progress",
    "as_executor",
    "dask_executor",
    "validate_many",
]
