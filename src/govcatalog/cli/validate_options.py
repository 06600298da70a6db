"""The options of ``govcatalog validate``, declared once (the command reads as its steps)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from govcatalog.batch import Engine
from govcatalog.render.dispatch import ReportFormat
from govcatalog.report import Lang, Severity
from govcatalog.vocab import Evidence

FilesArgument = Annotated[
    list[Path] | None,
    typer.Argument(metavar="FILE...", help="Catalog files (JSON, YAML, XLSX, CSV, XML, RDF)."),
]
ExampleOption = Annotated[
    str | None,
    typer.Option(
        "--example", help="Validate a shipped example: city, city-errors, city-2025, small."
    ),
]
FormatOption = Annotated[ReportFormat, typer.Option("--format", "-f", help="Report format.")]
MessageLangOption = Annotated[Lang, typer.Option("--lang", "-l", help="Message language.")]
FailOnOption = Annotated[
    Severity | None,
    typer.Option(
        "--fail-on", help="Exit 1 when a finding is at or above this severity [default: error]."
    ),
]
MinEvidenceOption = Annotated[
    Evidence | None,
    typer.Option(
        "--min-evidence", help="Only rules with at least this evidence [default: UNCONFIRMED]."
    ),
]
SelectOption = Annotated[
    list[str] | None, typer.Option("--select", help="Report only these codes (repeatable).")
]
IgnoreOption = Annotated[
    list[str] | None, typer.Option("--ignore", help="Never report these codes (repeatable).")
]
SeverityOption = Annotated[
    list[str] | None,
    typer.Option(
        "--severity",
        metavar="CODE=LEVEL",
        help="Override a code's severity, e.g. GC-F004=info (repeatable).",
    ),
]
MaxFindingsOption = Annotated[
    int | None,
    typer.Option(
        "--max-findings", min=0, help="Stop after this many findings; the report says it was cut."
    ),
]
ReportOutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write the report to this file instead of stdout."),
]
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="Settings file (default: govcatalog.toml or [tool.govcatalog] in "
        "pyproject.toml, here or in a parent).",
    ),
]
NoConfigOption = Annotated[bool, typer.Option("--no-config", help="Ignore settings files.")]
JobsOption = Annotated[
    int, typer.Option("--jobs", "-j", min=1, help="Worker processes for large catalogs.")
]
AnnotateOption = Annotated[
    Path | None,
    typer.Option(
        "--annotate",
        help="Write a copy of the .xlsx input with the findings marked in their cells.",
    ),
]
EngineOption = Annotated[
    Engine,
    typer.Option(
        "--engine",
        help="native, or shacl: the pack's SHACL shapes run by pySHACL (extra 'shacl').",
    ),
]
OneCatalogOption = Annotated[
    bool,
    typer.Option(
        "--one-catalog",
        help="The files are parts of one catalog: codes unique and related codes resolved "
        "across them.",
    ),
]
SchedulerOption = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        metavar="ADDRESS",
        help="Validate the files on this Dask scheduler, one task per file or per byte range "
        "of a large JSON file (extra 'dask').",
    ),
]
WorkersOption = Annotated[
    int | None,
    typer.Option(
        "--workers",
        min=1,
        metavar="N",
        help="Validate the files on a local Dask cluster of this many processes (extra 'dask').",
    ),
]
RangeOption = Annotated[
    float | None,
    typer.Option(
        "--range-mb",
        min=0,
        metavar="MB",
        help="With --scheduler or --workers: a JSON file larger than this is read in byte "
        "ranges of about this size, a task each (0: one task per file). Default 64; with "
        "--workers, smaller where the files would give fewer tasks than workers (not under 8).",
        show_default=False,
    ),
]
ShardsOption = Annotated[
    int | None,
    typer.Option(
        "--reduce-shards",
        min=1,
        metavar="N",
        help="With --one-catalog on --scheduler or --workers: run the catalog-wide rules "
        "(duplicate codes and names, related codes) as N tasks, each sent only its share of "
        "the codes and names. Default: one for every GiB of input.",
        show_default=False,
    ),
]
