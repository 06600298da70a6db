"""Exceptions for misuse and failure.

Problems in the *data* being validated are never raised: they are reported as
:class:`~govcatalog.report.Finding` objects. Exceptions are for callers who misuse
the API (an unknown pack, an unsupported format) and for input that cannot be read
at all.
"""

from __future__ import annotations

from dataclasses import dataclass


class GovCatalogError(Exception):
    """Root of every exception govcatalog raises on purpose."""


@dataclass(frozen=True)
class LoadError(GovCatalogError, ValueError):
    """Input could not be read as a catalog (syntax error, wrong encoding, too large).

    Attributes:
        source: The file name or description of the input.
        reason_zh: One-line reason in Chinese.
        reason_en: One-line reason in English.
        line: 1-based line of the problem, when known.
        column: 1-based column of the problem, when known.
    """

    source: str
    reason_zh: str
    reason_en: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = self.source
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.reason_en}"


@dataclass(frozen=True)
class UnknownPack(GovCatalogError, LookupError):
    """No installed pack matches the requested id and version range."""

    requested: str
    available: tuple[str, ...] = ()
    hint: str = ""

    def __str__(self) -> str:
        avail = ", ".join(self.available) or "none"
        text = f"no pack matches {self.requested!r} (available: {avail})"
        return f"{text}; {self.hint}" if self.hint else text


@dataclass(frozen=True)
class PackError(GovCatalogError, ValueError):
    """A pack's files are inconsistent (unknown vocabulary, undeclared finding code, …)."""

    pack: str
    file: str
    problem: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"pack {self.pack}: {where}: {self.problem}"


@dataclass(frozen=True)
class UnsupportedFormat(GovCatalogError, ValueError):
    """The input or output format is not supported."""

    name: str
    supported: tuple[str, ...]

    def __str__(self) -> str:
        return f"unsupported format {self.name!r}; supported: {', '.join(self.supported)}"
