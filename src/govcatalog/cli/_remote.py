"""Pack commands against a govcatalog service: ``--registry https://…`` goes through the client."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from govcatalog.cli._common import fail
from govcatalog.cli.app import EXIT_FINDINGS
from govcatalog.errors import IncompatiblePack, ServiceError
from govcatalog.packs.pack import PackStatus

if TYPE_CHECKING:
    from govcatalog.client import Client

TOKEN_VARIABLE = "GOVCATALOG_TOKEN"
"""Environment variable holding the bearer token for writes to a service."""


def is_service(registry: str | None) -> bool:
    """Whether ``--registry`` names a service rather than a database."""
    return bool(registry) and str(registry).startswith(("http://", "https://"))


def _client(url: str, write: bool = False) -> Client:
    try:
        from govcatalog.client import Client  # noqa: PLC0415
    except ImportError as exc:
        fail(str(exc))
    token = os.environ.get(TOKEN_VARIABLE)
    if write and not token:
        fail(f"writing to {url} needs a token in ${TOKEN_VARIABLE} (govcatalog token create)")
    try:
        return Client(url, token=token)
    except ImportError as exc:
        fail(str(exc))


def list_remote(url: str) -> None:
    """``pack list`` against a service."""
    with _client(url) as client:
        try:
            packs = client.packs()
        except (ServiceError, OSError) as exc:
            fail(f"{url}: {exc}")
    for versions in packs.values():
        for v in versions:
            typer.echo(f"{v['ref']:32} {v['status']:10} {url}")


def publish_remote(url: str, folder: Path, allow_draft: bool) -> None:
    """``pack publish`` to a service (the pack's mode set on the service applies)."""
    with _client(url, write=True) as client:
        try:
            published = client.publish(folder, allow_draft=allow_draft)
        except IncompatiblePack as exc:
            typer.echo(f"govcatalog: {exc.detail}", err=True)
            raise typer.Exit(EXIT_FINDINGS) from None
        except ServiceError as exc:
            typer.echo(f"govcatalog: {exc}", err=True)
            raise typer.Exit(EXIT_FINDINGS) from None
        except OSError as exc:
            fail(f"{url}: {exc}")
    typer.echo(f"published {published.ref} sha256={published.content_hash}")


def status_remote(url: str, pack_id: str, version: str, status: PackStatus) -> None:
    """``pack status`` on a service."""
    with _client(url, write=True) as client:
        try:
            change = client.set_status(pack_id, version, status)
        except ServiceError as exc:
            typer.echo(f"govcatalog: {exc}", err=True)
            raise typer.Exit(EXIT_FINDINGS) from None
        except OSError as exc:
            fail(f"{url}: {exc}")
    typer.echo(f"{change.ref}: {change.old.value} -> {change.new.value}")
