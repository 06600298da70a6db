"""``pack check``: the problems of a pack being written, each with its file and line.

Checks, in order: the manifest names an id and a semantic version; every TOML file
parses; the pack loads over its parents (unknown vocabulary or value, a field in a
group that does not exist, a declared rule emitting a code no codebook declares, a
cycle in ``extends``); and the built-in rules emit only codes the effective codebook
declares. Syntax problems of all files are reported together; the loading problems
stop at the first, since later ones would follow from it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib.resources.abc import Traversable

from govcatalog.errors import GovCatalogError, PackError, UnknownPack
from govcatalog.packs._lines import toml_error_line
from govcatalog.packs.pack import Pack
from govcatalog.packs.registry import PackRegistry

PACK_FILES = (
    "pack.toml",
    "fields.toml",
    "codebook.toml",
    "code-tables.toml",
    "vocabularies.toml",
    "rules.toml",
)
"""The files a pack directory may hold."""


@dataclass(frozen=True, slots=True)
class PackProblem:
    """One problem of a pack.

    Attributes:
        file: The pack file.
        line: 1-based line, when known.
        message: What is wrong.
    """

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The outcome of checking a pack.

    Attributes:
        problems: What is wrong, in the order found.
        pack: The effective pack, when it loaded.
    """

    problems: tuple[PackProblem, ...]
    pack: Pack | None

    @property
    def ok(self) -> bool:
        """True when no problem was found."""
        return not self.problems


def _syntax(root: Traversable) -> list[PackProblem]:
    problems: list[PackProblem] = []
    if not (root / "pack.toml").is_file():
        return [PackProblem("pack.toml", None, "missing: a pack needs a manifest")]
    for name in PACK_FILES:
        f = root / name
        if not f.is_file():
            continue
        try:
            tomllib.loads(f.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            problems.append(PackProblem(name, toml_error_line(exc), str(exc)))
        except UnicodeDecodeError:
            problems.append(PackProblem(name, None, "not UTF-8 text"))
    return problems


def check_pack(root: Traversable, registry: PackRegistry) -> CheckResult:
    """Check the pack in ``root``; its parents come from ``registry``."""
    problems = _syntax(root)
    if problems:
        return CheckResult(tuple(problems), None)
    try:
        pack = registry.load_path(root)
    except PackError as exc:
        return CheckResult((PackProblem(exc.file, exc.line, exc.problem),), None)
    except UnknownPack as exc:
        return CheckResult((PackProblem("pack.toml", None, f"extends: {exc}"),), None)
    try:
        from govcatalog.validate import Validator  # noqa: PLC0415 - validate loads late

        Validator(pack)
    except PackError as exc:
        return CheckResult((PackProblem(exc.file, exc.line, exc.problem),), pack)
    except GovCatalogError as exc:
        return CheckResult((PackProblem("pack.toml", None, str(exc)),), pack)
    return CheckResult((), pack)
