"""The public surface is pinned: a name added to or removed from it is a decision, not an accident."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys

import govcatalog

PUBLIC = [
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
]


def test_top_level_names_are_pinned() -> None:
    assert sorted(govcatalog.__all__) == sorted(PUBLIC)
    for name in govcatalog.__all__:
        assert hasattr(govcatalog, name), name


def test_version_comes_from_the_package_metadata() -> None:
    assert govcatalog.__version__ == importlib.metadata.version("govcatalog")


def test_data_classes_show_their_views_without_importing_the_render_layer_themselves() -> None:
    # A fresh interpreter that names only the data module still gets the render layer's views:
    # importing any govcatalog module imports the package, which registers them.
    code = (
        "from govcatalog.report import Report, Stats\n"
        "r = Report.of([], Stats(files=1), 'gb-1272@1.0.0')\n"
        "assert '<' in r._repr_html_()\n"
        "print(type(r.to_graph()).__name__)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "Graph"
