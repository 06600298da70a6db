"""The Typer application and the entry point; commands register themselves in their modules."""

from __future__ import annotations

import sys

import typer

app = typer.Typer(
    name="govcatalog",
    help="Validate, diff, publish and resolve government information-resource catalogs "
    "(政务信息资源目录) compiled under 发改高技〔2017〕1272号.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)

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
        shapes_cmd,
        template_cmd,
        validate_cmd,
    )


def main() -> None:
    """Run the command line (the ``govcatalog`` script)."""
    _register()
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
