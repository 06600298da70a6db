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


def test_every_exception_lives_in_errors_under_one_root() -> None:
    import importlib
    import inspect
    import pkgutil

    from govcatalog.errors import GovCatalogError

    found = set()
    for info in pkgutil.walk_packages(govcatalog.__path__, "govcatalog."):
        if "._data" in info.name or info.name.endswith("__main__") or ".migrations" in info.name:
            continue
        if info.name.startswith(("govcatalog.service", "govcatalog.client")):
            continue  # the HTTP edge: its own problem types, not yet moved under the root
        module = importlib.import_module(info.name)
        for obj in vars(module).values():
            if not (inspect.isclass(obj) and issubclass(obj, BaseException)):
                continue
            if obj.__module__.startswith("govcatalog") and not obj.__name__.startswith("_"):
                found.add((obj.__module__, obj.__name__, issubclass(obj, GovCatalogError)))
    assert {(m, n) for m, n, _ in found if m != "govcatalog.errors"} == set()
    assert {n for _, n, root in found if not root} == set()
    assert len(found) >= 17
