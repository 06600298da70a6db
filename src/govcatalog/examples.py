"""The example catalogs shipped in the package, by short name.

They are installed with govcatalog, so they work the same from a checkout and after
``pip install govcatalog``::

    from govcatalog import examples, validate
    report = validate(examples.path("city-errors"))
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from govcatalog.errors import UnknownExample

FILES: dict[str, str] = {
    "city": "city-catalog.json",
    "city-errors": "city-catalog-with-errors.json",
    "city-2025": "city-catalog-2025.json",
    "small": "small-catalog.yaml",
}
"""File name of each example: a clean city catalog (64 resources), the same city catalog with
typical mistakes, the city catalog under 《政务数据共享条例》 (2025), and five resources in YAML
with Chinese keys."""


def names() -> tuple[str, ...]:
    """The short names of the shipped examples."""
    return tuple(FILES)


def path(name: str) -> Path:
    """The file of a shipped example.

    Raises:
        UnknownExample: When no example has that name.
    """
    file = FILES.get(name)
    if file is None:
        raise UnknownExample(name, names())
    return Path(str(files("govcatalog") / "_data" / "examples" / file))


def paths() -> dict[str, Path]:
    """Every shipped example's file, by short name."""
    return {name: path(name) for name in FILES}
