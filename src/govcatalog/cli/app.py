"""The Typer application and the entry point; commands register themselves in their modules.

A command's module is imported only when that command runs (or shows its help), so
``govcatalog --help`` and a single command start without importing every other one.
The listing of ``govcatalog --help`` comes from :data:`COMMANDS`; a test keeps it equal
to the commands' own first help lines.
"""

from __future__ import annotations

import importlib
import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from govcatalog._optional import missing_extra
from govcatalog.cli.edge import EdgeGroup, apply_budgets

COMMANDS: dict[str, tuple[str, str]] = {
    "validate": (
        "govcatalog.cli.validate_cmd",
        "Validate catalogs and report every finding, located and explained in Chinese and English.",
    ),
    "inspect": (
        "govcatalog.cli.inspect_cmd",
        "Show how a file is read: sheets and heading rows, each key or column and its field, "
        "skipped sheets, normalised values.",
    ),
    "diff": (
        "govcatalog.cli.diff_cmd",
        "Compare two catalog versions: every change, classified breaking / compatible / editorial.",
    ),
    "export": (
        "govcatalog.cli.export_cmd",
        "Export a catalog: `--to xml` (GB/T 21063.3-style, unofficial), `--to xlsx` (the "
        "compilation workbook), or Linked Data with its DCAT-AP 3.0.0 view (`ttl`, `jsonld`, "
        "`rdf`, `nt`).",
    ),
    "schema": (
        "govcatalog.cli.schema_cmd",
        "Print the JSON Schema (draft 2020-12) of the pack's catalog format (--xsd: its XSD).",
    ),
    "shapes": (
        "govcatalog.cli.shapes_cmd",
        "Write the pack's SHACL shapes (shapes.ttl): each shape names the finding code it checks.",
    ),
    "template": (
        "govcatalog.cli.template_cmd",
        "Write the compilation workbook: headings, dropdown lists, required columns, instructions.",
    ),
    "score": (
        "govcatalog.cli.score_cmd",
        "Score a catalog's quality: completeness, conformance, openness and sharing, timeliness.",
    ),
    "resolve": (
        "govcatalog.cli.resolve_cmd",
        "Resolve a data request item by item: base database, resource, share type, action, "
        "due date.",
    ),
    "pack": (
        "govcatalog.cli.pack_cmd",
        "Author, check, build, compare and publish schema packs (local catalog standards).",
    ),
    "history": (
        "govcatalog.cli.history_cmd",
        "Keep immutable, content-hashed versions of catalogs and compare them.",
    ),
    "serve": (
        "govcatalog.cli.serve_cmd",
        "Serve validation, scoring, diff, resolving and the pack registry over HTTP.",
    ),
    "token": (
        "govcatalog.cli.token_cmd",
        "Bearer tokens for writing to the service (stored hashed in its store).",
    ),
}
"""Each command's module and the first line of its help (shown by ``govcatalog --help``)."""


class LazyGroup(TyperGroup):
    """A command group that imports a command's module when the command is used.

    A module an optional extra installs, missing when a command runs, becomes
    :class:`~govcatalog.errors.MissingExtra` naming the extra (one line, exit 2 at the edge).
    """

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except ModuleNotFoundError as exc:
            missing = missing_extra(exc, ctx.invoked_subcommand or "this command")
            if missing is None:
                raise
            raise missing from exc

    def list_commands(self, ctx: Any) -> list[str]:
        return list(dict.fromkeys([*COMMANDS, *self.commands]))

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        found = self.commands.get(cmd_name)
        if found is not None or cmd_name not in COMMANDS:
            return found
        if getattr(ctx, "_listing", False):
            return _Listed(cmd_name, COMMANDS[cmd_name][1])
        importlib.import_module(COMMANDS[cmd_name][0])
        loaded = typer.main.get_group(app).commands.get(cmd_name)
        if loaded is not None:
            self.add_command(loaded, cmd_name)
        return loaded

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        ctx._listing = True
        try:
            super().format_commands(ctx, formatter)
        finally:
            ctx._listing = False


class _Listed(typer.core.TyperCommand):
    """A command's name and help line, listed without importing its module."""

    def __init__(self, name: str, help_line: str) -> None:
        super().__init__(name=name, help=help_line)


class CommandGroup(EdgeGroup, LazyGroup):
    """The ``govcatalog`` group: commands load on use, every failure ends at the edge."""


app = typer.Typer(
    name="govcatalog",
    help="Validate, diff, publish and resolve government information-resource catalogs "
    "(政务信息资源目录) compiled under 发改高技〔2017〕1272号.",
    cls=CommandGroup,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
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
    """Import every command's module (tests and documentation use the full application)."""
    for module, _ in COMMANDS.values():
        importlib.import_module(module)


def main() -> None:
    """Run the command line (the ``govcatalog`` script)."""
    command = typer.main.get_group(app)
    try:
        command(prog_name="govcatalog")
    except KeyboardInterrupt:
        sys.exit(130)
