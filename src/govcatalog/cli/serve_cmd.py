"""``govcatalog serve``: run the HTTP service (extra ``serve``)."""

from __future__ import annotations

from typing import Annotated

import typer

from govcatalog.cli._common import fail
from govcatalog.cli.app import EXIT_USAGE, app
from govcatalog.packs.compat import CompatMode
from govcatalog.packs.registry import REGISTRY_URL_VARIABLE


@app.command("serve")
def serve_command(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port.")] = 8000,
    registry: Annotated[
        str | None,
        typer.Option(
            "--registry",
            envvar=REGISTRY_URL_VARIABLE,
            help="Store URL: pack registry, catalog history, tokens "
            "(default: the SQLite store; PostgreSQL for shared deployments).",
        ),
    ] = None,
    max_upload: Annotated[
        int, typer.Option("--max-upload", min=1, help="Largest request body in bytes (413).")
    ] = 50 * 1024 * 1024,
    request_seconds: Annotated[
        float, typer.Option("--timeout", min=0.1, help="Longest a request may run (then 503).")
    ] = 120.0,
    concurrency: Annotated[
        int, typer.Option("--concurrency", min=1, help="Requests handled at once.")
    ] = 64,
    queue_seconds: Annotated[
        float,
        typer.Option("--queue-timeout", min=0.0, help="Longest a request waits for a slot (503)."),
    ] = 10.0,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Threads doing validation and the like.")
    ] = 4,
    max_findings: Annotated[
        int, typer.Option("--max-findings", min=1, help="Most findings one report lists.")
    ] = 100_000,
    default_mode: Annotated[
        CompatMode,
        typer.Option("--default-mode", help="Compatibility mode of packs with none set."),
    ] = CompatMode.BACKWARD,
    log_level: Annotated[str, typer.Option("--log-level", help="uvicorn's log level.")] = "info",
) -> None:
    """Serve validation, scoring, diff, resolving and the pack registry over HTTP.

    The OpenAPI description is at /openapi.json, its pages at /docs. Reads are public;
    writes need a token from `govcatalog token create`.
    """
    from govcatalog.service import MISSING_EXTRA, ServiceSettings, available  # noqa: PLC0415

    if not available():
        fail(MISSING_EXTRA, EXIT_USAGE)
    import uvicorn  # noqa: PLC0415 - the serve extra

    from govcatalog.errors import GovCatalogError  # noqa: PLC0415
    from govcatalog.service import create_app  # noqa: PLC0415

    settings = ServiceSettings(
        database_url=registry,
        max_upload_bytes=max_upload,
        request_seconds=request_seconds,
        max_concurrency=concurrency,
        queue_seconds=queue_seconds,
        workers=workers,
        max_findings=max_findings,
        default_mode=default_mode,
    )
    try:
        application = create_app(settings)
    except (GovCatalogError, OSError) as exc:
        fail(f"cannot open the store: {exc}")
    except Exception as exc:  # a database that cannot be reached or migrated
        fail(f"cannot open the store: {type(exc).__name__}: {exc}".splitlines()[0])
    # clients of a service keep connections open between requests: a keep-alive shorter
    # than their pauses makes them race the server's close
    uvicorn.run(application, host=host, port=port, log_level=log_level, timeout_keep_alive=30)
