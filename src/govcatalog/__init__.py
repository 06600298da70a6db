"""govcatalog — government information-resource catalogs (政务信息资源目录) as code.

Validate catalogs compiled under 《政务信息资源目录编制指南（试行）》(发改高技〔2017〕1272号)
against versioned schema packs, with located, bilingual findings::

    from govcatalog import validate
    report = validate("catalog.json")
    for finding in report:
        print(finding.code, finding.location.pointer, finding.message_en)
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

import govcatalog.render.views  # noqa: F401 - registers the notebook, DataFrame and graph views

if TYPE_CHECKING:
    from govcatalog import examples
    from govcatalog.batch import validate_many
    from govcatalog.errors import (
        GovCatalogError,
        LoadError,
        MissingExtra,
        PackError,
        UnknownPack,
        UnsupportedFormat,
    )
    from govcatalog.inspection import inspect
    from govcatalog.loading import load_catalog
    from govcatalog.model import Catalog, CatalogInfo, DataItem, Resource
    from govcatalog.packs import Pack, get_pack
    from govcatalog.report import Finding, Lang, Location, Report, Severity, Stats
    from govcatalog.validate import ValidationOptions, Validator, validate

_EXPORTS: dict[str, str] = {
    "__version__": "govcatalog._version",
    "examples": "govcatalog.examples",
    "GovCatalogError": "govcatalog.errors",
    "LoadError": "govcatalog.errors",
    "MissingExtra": "govcatalog.errors",
    "PackError": "govcatalog.errors",
    "UnknownPack": "govcatalog.errors",
    "UnsupportedFormat": "govcatalog.errors",
    "inspect": "govcatalog.inspection",
    "load_catalog": "govcatalog.loading",
    "Catalog": "govcatalog.model",
    "CatalogInfo": "govcatalog.model",
    "DataItem": "govcatalog.model",
    "Resource": "govcatalog.model",
    "Pack": "govcatalog.packs",
    "get_pack": "govcatalog.packs",
    "Finding": "govcatalog.report",
    "Lang": "govcatalog.report",
    "Location": "govcatalog.report",
    "Report": "govcatalog.report",
    "Severity": "govcatalog.report",
    "Stats": "govcatalog.report",
    "ValidationOptions": "govcatalog.validate",
    "Validator": "govcatalog.validate",
    "validate": "govcatalog.validate",
    "validate_many": "govcatalog.batch",
}
"""Public names and their modules: importing ``govcatalog`` is cheap, each name loads when used."""


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        msg = f"module 'govcatalog' has no attribute {name!r}"
        raise AttributeError(msg)
    import importlib  # noqa: PLC0415

    value = importlib.import_module(module)
    if name != "examples":  # the one submodule among the names
        value = getattr(value, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])


class _Package(types.ModuleType):
    """Keeps ``govcatalog.validate`` the function when the module of that name is imported."""

    def __setattr__(self, name: str, value: object) -> None:
        if name == "validate" and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


__all__ = [
    "Catalog",
    "CatalogInfo",
    "DataItem",
    "Finding",
    "GovCatalogError",
    "Lang",
    "LoadError",
    "Location",
    "MissingExtra",
    "Pack",
    "PackError",
    "Report",
    "Resource",
    "Severity",
    "Stats",
    "UnknownPack",
    "UnsupportedFormat",
    "ValidationOptions",
    "Validator",
    "__version__",
    "examples",
    "get_pack",
    "inspect",
    "load_catalog",
    "validate",
    "validate_many",
]
