"""Many files, one report: validation of file sets, here or on an executor (a Dask cluster).

from govcatalog.batch import validate_many
result = validate_many(["a.json", "b.json"], one_catalog=True, executor=client)
"""

from __future__ import annotations

from govcatalog.batch.cluster import HasExecutor, as_executor, dask_executor
from govcatalog.batch.files import Engine, FileOutcome, FileTask, check_file
from govcatalog.batch.reduce import catalog_findings
from govcatalog.batch.run import BatchResult, Progress, validate_many

__all__ = [
    "BatchResult",
    "Engine",
    "FileOutcome",
    "FileTask",
    "HasExecutor",
    "Progress",
    "as_executor",
    "catalog_findings",
    "check_file",
    "dask_executor",
    "validate_many",
]
