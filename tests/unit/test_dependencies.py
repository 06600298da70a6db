"""Dependencies are declared exactly as the library imports them (pyproject.toml).

Every third-party module the library imports — at the top of a module, inside a function or
through ``require("module", …)`` — belongs to a distribution declared as a dependency or in
an extra the library names; every declared distribution is imported, or is listed below
with the reason it is needed without an import.
"""

from __future__ import annotations

import ast
import functools
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "src" / "govcatalog"
DEVELOPMENT_EXTRAS = {"dev", "bench", "docs", "all"}

NOT_IMPORTED = {
    "httptools": "uvicorn's HTTP parser, picked up by uvicorn when installed",
    "uvloop": "uvicorn's event loop, picked up by uvicorn when installed",
    "python-multipart": "FastAPI parses uploaded forms with it",
    "psycopg": "SQLAlchemy's PostgreSQL driver, named in the database URL",
}
"""Declared distributions the library needs without importing them, and why."""

_REQUIRE = re.compile(r"""\brequire\(\s*["']([\w.]+)["']""")


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _name(requirement: str) -> str:
    match = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement)
    assert match is not None, requirement
    return _normal(match[0])


def _declared() -> dict[str, set[str]]:
    """Distribution → where it is declared (``dependencies`` or the extras' names)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    places: dict[str, set[str]] = {}
    for requirement in project["dependencies"]:
        places.setdefault(_name(requirement), set()).add("dependencies")
    for extra, requirements in project["optional-dependencies"].items():
        for requirement in requirements:
            if not _name(requirement).startswith("govcatalog"):
                places.setdefault(_name(requirement), set()).add(extra)
    return places


def _imported() -> dict[str, set[str]]:
    """Top-level third-party module → the library files importing it."""
    found: dict[str, set[str]] = {}
    for path in SOURCE.rglob("*.py"):
        if "_data" in path.relative_to(SOURCE).parts:
            continue
        text = path.read_text(encoding="utf-8")
        names = [m[1] for m in _REQUIRE.finditer(text)]
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.Import):
                names += [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.append(node.module)
        for name in names:
            top = name.partition(".")[0]
            if top != "govcatalog" and top not in sys.stdlib_module_names:
                found.setdefault(top, set()).add(path.relative_to(SOURCE).as_posix())
    return found


@functools.cache
def _distributions() -> dict[str, list[str]]:
    return dict(importlib.metadata.packages_distributions())


def _distribution(module: str) -> str:
    """The distribution installing ``module`` (its own name when none is installed)."""
    return _normal(_distributions().get(module, [module])[0])


def test_every_imported_module_is_declared_for_the_library() -> None:
    declared = _declared()
    undeclared = {
        module: sorted(files)
        for module, files in _imported().items()
        if not declared.get(_distribution(module), set()) - DEVELOPMENT_EXTRAS
    }
    assert undeclared == {}


def test_every_declared_distribution_is_imported_or_explained() -> None:
    imported = {_distribution(module) for module in _imported()}
    runtime = {name for name, places in _declared().items() if places - DEVELOPMENT_EXTRAS}
    assert runtime - imported == set(NOT_IMPORTED)
