"""govcatalog — government information-resource catalogs (政务信息资源目录) as code.

Validate catalogs compiled under 《政务信息资源目录编制指南（试行）》(发改高技〔2017〕1272号)
against versioned schema packs, with located, bilingual findings::

    from govcatalog import validate
    report = validate("catalog.json")
    for finding in report:
        print(finding.code, finding.location.pointer, finding.message_en)
"""

from __future__ import annotations

import govcatalog.render.views  # noqa: F401 - registers the notebook, DataFrame and graph views
from govcatalog._version import __version__
from govcatalog.errors import GovCatalogError, LoadError, PackError, UnknownPack, UnsupportedFormat
from govcatalog.loading import load_catalog
from govcatalog.model import Catalog, CatalogInfo, DataItem, Resource
from govcatalog.packs import Pack, get_pack
from govcatalog.report import Finding, Lang, Location, Report, Severity, Stats
from govcatalog.validate import ValidationOptions, Validator, validate

__all__ = [
    "Catalog",
    "CatalogInfo",
    "DataItem",
    "Finding",
    "GovCatalogError",
    "Lang",
    "LoadError",
    "Location",
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
    "get_pack",
    "load_catalog",
    "validate",
]
