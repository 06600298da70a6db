"""``govcatalog serve``: run the HTTP service (extra ``serve``)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Annotated

import typer

from govcatalog.cli._common import fail
from govcatalog.cli.app import EXIT_USAGE, app
from govcatalog.packs.compat import CompatMode
from govcatalog.packs.registry import REGISTRY_URL_VARIABLE

if TYPE_CHECKING:
    from govcatalog.service.settings import ServiceSettings


def default_workers() -> int:
    """One service process per CPU this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - platforms without affinity
        return max(1, os.cpu_count() or 1)


Host = Annotated[str, typer.Option("--host", help="Address to listen on.")]
Port = Annotated[int, typer.Option("--port", min=0, max=65535, help="Port.")]
Registry = Annotated[
    str | None,
    typer.Option(
        "--registry",
        envvar=REGISTRY_URL_VARIABLE,
        help="Store URL: pack registry, catalog history, tokens "
        "(default: the SQLite store; PostgreSQL for shared deployments).",
    ),
]
MaxUpload = Annotated[
    int, typer.Option("--max-upload", min=1, help="Largest request body in bytes (413).")
]
Timeout = Annotated[
    float, typer.Option("--timeout", min=0.1, help="Longest a request may run (then 503).")
]
Concurrency = Annotated[
    int, typer.Option("--concurrency", min=1, help="Requests each process handles at once.")
]
QueueTimeout = Annotated[
    float, typer.Option("--queue-timeout", min=0.0, help="Longest a request waits for a slot.")
]
Workers = Annotated[
    int | None,
    typer.Option("--workers", min=1, help="Service processes (default: one per CPU)."),
]
Threads = Annotated[
    int, typer.Option("--threads", min=1, help="Threads per process doing validation and diff.")
]
MaxFindings = Annotated[
    int, typer.Option("--max-findings", min=1, help="Most findings one report lists.")
]
DefaultMode = Annotated[
    CompatMode, typer.Option("--default-mode", help="Compatibility mode of packs with none set.")
]
LogLevel = Annotated[str, typer.Option("--log-level", help="uvicorn's log level.")]


@app.command("serve")
def serve_command(
    host: Host = "127.0.0.1",
    port: Port = 8000,
    registry: Registry = None,
    max_upload: MaxUpload = 50 * 1024 * 1024,
    request_seconds: Timeout = 120.0,
    concurrency: Concurrency = 64,
    queue_seconds: QueueTimeout = 10.0,
    workers: Workers = None,
    threads: Threads = 4,
    max_findings: MaxFindings = 100_000,
    default_mode: DefaultMode = CompatMode.BACKWARD,
    log_level: LogLevel = "info",
) -> None:
    """Serve validation, scoring, diff, resolving and the pack registry over HTTP.

    The OpenAPI description is at /openapi.json, its pages at /docs. Reads are public;
    writes need a token from `govcatalog token create`.
    """
    from govcatalog.service import MISSING_EXTRA, ServiceSettings, available  # noqa: PLC0415

    if not available():
        fail(MISSING_EXTRA, EXIT_USAGE)
    settings = ServiceSettings(
        database_url=registry,
        max_upload_bytes=max_upload,
        request_seconds=request_seconds,
        max_concurrency=concurrency,
        queue_seconds=queue_seconds,
        threads=threads,
        max_findings=max_findings,
        default_mode=default_mode,
    )
    _run(settings, host, port, workers or default_workers(), log_level)


def _run(settings: ServiceSettings, host: str, port: int, workers: int, log_level: str) -> None:
    """Open (and migrate) the store once, then run uvicorn with ``workers`` processes."""
    import uvicorn  # noqa: PLC0415 - the serve extra

    from govcatalog.errors import GovCatalogError  # noqa: PLC0415
    from govcatalog.service.app import SETTINGS_VARIABLE, create_app  # noqa: PLC0415

    try:
        application = create_app(settings)
    except (GovCatalogError, OSError) as exc:
        fail(f"cannot open the store: {exc}")
    except Exception as exc:  # a database that cannot be reached or migrated
        fail(f"cannot open the store: {type(exc).__name__}: {exc}".splitlines()[0])
    # clients of a service keep connections open between requests: a keep-alive shorter
    # than their pauses makes them race the server's close
    if workers == 1:
        uvicorn.run(application, host=host, port=port, log_level=log_level, timeout_keep_alive=30)
        return
    application.state.service.db.dispose()  # each worker process opens its own
    os.environ[SETTINGS_VARIABLE] = settings.to_environment()
    uvicorn.run(
        "govcatalog.service.app:app_from_environment",
        factory=True,
        workers=workers,
        host=host,
        port=port,
        log_level=log_level,
        timeout_keep_alive=30,
    )
