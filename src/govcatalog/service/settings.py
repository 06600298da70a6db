"""The service's settings: where its store is and how much work one request may ask for."""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass, field

from govcatalog.packs.compat import CompatMode
from govcatalog.resolve.bases import BASE_PACK

EXTRA = "serve"
"""The optional extra that installs the service's dependencies."""

MISSING_EXTRA = "serve needs the extra 'serve': pip install 'govcatalog[serve]'"
"""The one line printed when the extra is not installed."""


def _env_int(name: str, default: int) -> int:
    text = os.environ.get(name)
    return int(text) if text and text.isdigit() else default


def _env_float(name: str, default: float) -> float:
    text = os.environ.get(name)
    try:
        return float(text) if text else default
    except ValueError:
        return default


@dataclass(frozen=True)
class ServiceSettings:
    """How the service runs.

    Attributes:
        database_url: The store (pack registry, catalog history, tokens, write log);
            None for ``$GOVCATALOG_REGISTRY_URL`` or the default SQLite file.
        max_upload_bytes: Largest request body accepted (413 above it).
        request_seconds: Longest a request may take before it is answered 503.
        max_concurrency: Requests handled at once; others wait for a free slot.
        queue_seconds: Longest a request waits for a free slot before 503.
        threads: Threads that run validation, diff, score and long resolve work at once
            (in each service process).
        max_findings: Most findings one validation reports (the report says it was cut).
        default_mode: Compatibility mode of packs that have none set.
        base_pack: The base-data pack ``/resolve`` answers from.
    """

    database_url: str | None = None
    max_upload_bytes: int = field(
        default_factory=lambda: _env_int("GOVCATALOG_MAX_UPLOAD_BYTES", 50 * 1024 * 1024)
    )
    request_seconds: float = field(
        default_factory=lambda: _env_float("GOVCATALOG_REQUEST_SECONDS", 120.0)
    )
    max_concurrency: int = field(default_factory=lambda: _env_int("GOVCATALOG_MAX_CONCURRENCY", 64))
    queue_seconds: float = 10.0
    threads: int = field(default_factory=lambda: _env_int("GOVCATALOG_THREADS", 4))
    max_findings: int = 100_000
    default_mode: CompatMode = CompatMode.BACKWARD
    base_pack: str = BASE_PACK

    def to_environment(self) -> str:
        """The settings as the text :meth:`from_environment` reads (for worker processes)."""
        return json.dumps(dataclasses.asdict(self))

    @classmethod
    def from_environment(cls, text: str) -> ServiceSettings:
        """Settings from the text of :meth:`to_environment`."""
        data = json.loads(text)
        data["default_mode"] = CompatMode(data["default_mode"])
        return cls(**data)
