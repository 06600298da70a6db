"""``govcatalog token``: create, list and revoke the bearer tokens the service accepts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from govcatalog.cli._common import fail
from govcatalog.cli.app import app
from govcatalog.errors import AccessError, GovCatalogError
from govcatalog.packs.registry import REGISTRY_URL_VARIABLE

if TYPE_CHECKING:
    from govcatalog.store.access import AccessStore

token_app = typer.Typer(
    name="token",
    help="Bearer tokens for writing to the service (stored hashed in its store).",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(token_app)

RegistryOpt = Annotated[
    str | None,
    typer.Option(
        "--registry",
        envvar=REGISTRY_URL_VARIABLE,
        help="The service's store URL (default: the SQLite store).",
    ),
]


def _store(url: str | None) -> AccessStore:
    from govcatalog.packs.published import registry_url  # noqa: PLC0415
    from govcatalog.store import open_database  # noqa: PLC0415
    from govcatalog.store.access import AccessStore  # noqa: PLC0415

    try:
        return AccessStore(open_database(url or registry_url()))
    except GovCatalogError as exc:
        fail(str(exc))


@token_app.command("create")
def create_command(
    name: Annotated[str, typer.Argument(help="Who holds it (recorded with each write).")],
    scope: Annotated[
        list[str],
        typer.Option(
            "--scope",
            "-s",
            help="admin, publish:<pack-id>, history:<catalog> (or publish:*, history:*); "
            "repeatable.",
        ),
    ],
    registry: RegistryOpt = None,
) -> None:
    """Create a token and print its secret — the only time it is shown."""
    store = _store(registry)
    try:
        created = store.create_token(name, scope)
    except AccessError as exc:
        fail(str(exc))
    finally:
        store.db.dispose()
    typer.echo(created.secret)
    typer.echo(
        f"created token {created.token.name!r} with scopes {' '.join(created.token.scopes)}; "
        "keep the secret above, it is not stored",
        err=True,
    )


@token_app.command("list")
def list_command(registry: RegistryOpt = None) -> None:
    """List the tokens (names, scopes, state; never secrets)."""
    store = _store(registry)
    try:
        tokens = store.tokens()
    finally:
        store.db.dispose()
    for t in tokens:
        state = "revoked" if t.revoked else "live"
        typer.echo(f"{t.name:20} {state:8} {t.created_at:%Y-%m-%d %H:%M}  {' '.join(t.scopes)}")
    if not tokens:
        typer.echo("no tokens")


@token_app.command("revoke")
def revoke_command(
    name: Annotated[str, typer.Argument(help="The token's name.")], registry: RegistryOpt = None
) -> None:
    """Revoke a token: the service refuses it from now on."""
    store = _store(registry)
    try:
        token = store.revoke(name)
    except AccessError as exc:
        fail(str(exc))
    finally:
        store.db.dispose()
    typer.echo(f"revoked {token.name!r}")
