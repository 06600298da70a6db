"""The Typer application and the entry point; commands register themselves in their modules."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from govcatalog.cli.edge import EdgeGroup, apply_budgets

app = typer.Typer(
    cls=EdgeGroup,
    name="govcatalog",
    help="Validate, diff, publish and resolve government information-resource catalogs "
    "(政务信息资源目录) compiled under 发改高技〔2017〕1272号.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)


@app.callback()
def budgets(
    max_seconds: Annotated[
        float | None,
        typer.Option(
            "--max-seconds",
            help="Stop with exit 2 when the command runs longer than this (wall time).",
            envvar="GOVCATALOG_MAX_SECONDS",
        ),
    ] = None,
    max_memory: Annotated[
        int | None,
        typer.Option(
            "--max-memory",
            help="Cap the process's memory at this many MiB (exit 2 when exceeded).",
            envvar="GOVCATALOG_MAX_MEMORY",
        ),
    ] = None,
) -> None:
    """Budgets that apply to every command."""
    apply_budgets(max_seconds, max_memory)


EXIT_OK = 0
"""No finding at or above the failure threshold."""
EXIT_FINDINGS = 1
"""Findings at or above the failure threshold."""
EXIT_USAGE = 2
"""Unreadable input or a usage error."""


def _register() -> None:
    # Importing a command module adds its command to ``app``.
    from govcatalog.cli import (  # noqa: F401, PLC0415
        diff_cmd,
        export_cmd,
        history_cmd,
        pack_cmd,
        resolve_cmd,
        schema_cmd,
        score_cmd,
        serve_cmd,
        shapes_cmd,
        template_cmd,
        token_cmd,
        validate_cmd,
    )


def main() -> None:
    """Run the command line (the ``govcatalog`` script)."""
    _register()
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
