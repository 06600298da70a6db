"""The public surface is pinned: a name added to or removed from it is a decision, not an accident."""

from __future__ import annotations
import __future__

import importlib
import importlib.metadata
import subprocess
import sys
import types

import pytest

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
    "validate_many",
]


SUBPACKAGES = {
    "batch": [
        "BatchResult",
        "Engine",
        "HasExecutor",
        "Progress",
        "as_executor",
        "dask_executor",
        "validate_many",
    ],
    "cli": ["app", "main"],
    "diff": [
        "CatalogDiff",
        "Change",
        "ChangeKind",
        "ChangeSpec",
        "ElementChanges",
        "Impact",
        "ItemRef",
        "PatchError",
        "ResourceRef",
        "Side",
        "Source",
        "Waiver",
        "apply_patch",
        "apply_waivers",
        "canonical_document",
        "change_catalogue",
        "compare",
        "diff",
        "element_changes",
        "load_side",
        "read_waivers",
    ],
    "identifiers": [
        "CheckResult",
        "DIVISION_LIST_VERSION",
        "Division",
        "DivisionLevel",
        "DivisionName",
        "IdentifierKind",
        "Problem",
        "RegistrationDepartment",
        "USCC_REGISTRATION_TABLE",
        "check_citizen_id",
        "check_division_code",
        "check_identifier",
        "check_license_id",
        "check_org_code",
        "check_uscc",
        "division_name",
        "get_division",
        "iter_divisions",
    ],
    "io": [
        "DocumentProblem",
        "InputFormat",
        "Locator",
        "RawRecord",
        "SourceDocument",
        "detect_format",
        "read_document",
    ],
    "model": [
        "Catalog",
        "CatalogInfo",
        "CatalogLevel",
        "Category",
        "CodeProblem",
        "CodeRules",
        "DataItem",
        "DataType",
        "FormatClass",
        "OpenAttributes",
        "Resource",
        "ResourceClass",
        "ResourceCode",
        "ResourceFormat",
        "SecrecyClass",
        "ShareAttributes",
        "ShareModeClass",
        "ShareModeType",
        "ShareType",
        "UpdateCycle",
        "UsagePurpose",
        "parse_resource_code",
    ],
    "packs": [
        "CodeEntry",
        "Codebook",
        "DEFAULT_PACK",
        "FieldKind",
        "FieldSpec",
        "FieldTable",
        "Pack",
        "PackRef",
        "PackRegistry",
        "PackSource",
        "PackStatus",
        "Version",
        "VersionRange",
        "get_pack",
        "load_pack",
    ],
    "rdf": [
        "CONTEXT_IRI",
        "DEFAULT_BASE",
        "ElementProperty",
        "ExportOptions",
        "RdfFormat",
        "element_properties",
        "from_graph",
        "graph_to_dict",
        "iter_blocks",
        "iter_rdf_text",
        "jsonld_context",
        "parse_rdf",
        "read_graph",
        "read_rdf",
        "serialize",
        "to_graph",
        "write_jsonld",
        "write_ntriples",
        "write_rdf",
        "write_rdfxml",
        "write_turtle",
    ],
    "records": [
        "Coerced",
        "Coercer",
        "Hit",
        "INVALID",
        "PARSED_CODE",
        "ReadRecord",
        "Record",
        "RecordHook",
        "info_fields",
        "iter_records",
        "open_document",
        "plain",
        "read_info",
        "without_invalid",
    ],
    "render": [
        "DiffFormat",
        "ReportFormat",
        "ResolveFormat",
        "ScoreFormat",
        "render",
        "render_csv",
        "render_diff",
        "render_github",
        "render_html",
        "render_json",
        "render_junit",
        "render_markdown",
        "render_report",
        "render_resolution",
        "render_sarif",
        "render_score",
        "render_text",
    ],
    "resolve": [
        "Action",
        "BASE_PACK",
        "BaseDataPack",
        "BaseDatabase",
        "Candidate",
        "CatalogEntry",
        "CatalogRole",
        "DataRequest",
        "DueDate",
        "FuzzyHit",
        "IndexedItem",
        "IndexedResource",
        "ItemIndex",
        "ItemResolution",
        "ItemSpec",
        "KeyRoute",
        "KeyStatus",
        "MatchKind",
        "RequestFormat",
        "RequestSource",
        "Requester",
        "Resolution",
        "ResolveIndex",
        "ResolveOptions",
        "ResourceSpec",
        "ScanIndex",
        "SubjectKey",
        "SynonymTable",
        "Targets",
        "UpdateStats",
        "WorkingCalendar",
        "base_entries",
        "bigrams",
        "build_index",
        "catalog_entry",
        "fuzzy_relation",
        "load_base_pack",
        "load_calendar",
        "normalise",
        "open_request",
        "parse_calendar",
        "read_request",
        "request_from_bytes",
        "request_from_dict",
        "resolve",
        "route_key",
    ],
    "rules": [],
    "score": [
        "Assessment",
        "Dimension",
        "DimensionScore",
        "Grade",
        "QualityScore",
        "ResourceFacts",
        "ScoreModel",
        "Timeliness",
        "assess",
        "assess_document",
        "assessment_to_dict",
        "load_score_model",
        "parse_score_model",
        "render_score_text",
        "score",
        "score_html",
    ],
    "service": ["EXTRA", "MISSING_EXTRA", "ServiceSettings", "available", "create_app"],
    "store": ["Database", "default_url", "open_database"],
    "validate": [
        "PartitionOutcome",
        "RecordOutcome",
        "ValidationOptions",
        "Validator",
        "bounded_map",
        "document_date",
        "validate",
    ],
}
"""Each subpackage's ``__all__``: its public names. Everything else in it is internal."""

UNLISTED = {
    "resolve": {"Any"},  # typing.Any, the annotation of its lazy __getattr__
}
"""Names a subpackage shows beside its ``__all__`` that are not its API (none elsewhere)."""

WRITTEN_IN_INIT = {"validate"}
"""Packages whose main function is written in ``__init__``: the names it uses show there."""


def _subpackages() -> list[str]:
    import pkgutil

    return sorted(
        info.name
        for info in pkgutil.iter_modules(govcatalog.__path__)
        if info.ispkg and not info.name.startswith("_")
    )


def test_every_subpackage_is_pinned() -> None:
    assert _subpackages() == sorted(SUBPACKAGES)


@pytest.mark.parametrize("name", sorted(SUBPACKAGES))
def test_subpackage_names_are_pinned(name: str) -> None:
    package = importlib.import_module(f"govcatalog.{name}")
    assert sorted(package.__all__) == sorted(SUBPACKAGES[name])
    for public in package.__all__:
        assert getattr(package, public) is not None, public


@pytest.mark.parametrize("name", sorted(set(SUBPACKAGES) - WRITTEN_IN_INIT))
def test_subpackages_show_no_public_name_outside_their_all(name: str) -> None:
    package = importlib.import_module(f"govcatalog.{name}")
    for public in package.__all__:
        getattr(package, public)  # a lazily loaded name is in the namespace from now on
    shown = {
        key
        for key, value in vars(package).items()
        if not key.startswith("_")
        and not isinstance(value, types.ModuleType)
        and not isinstance(value, __future__._Feature)
        and key != "TYPE_CHECKING"
    }
    assert shown - set(package.__all__) - UNLISTED.get(name, set()) == set()


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
        if info.name.startswith("govcatalog.service"):
            continue  # the HTTP service: its problem types are answers, not raised to callers
        module = importlib.import_module(info.name)
        for obj in vars(module).values():
            if not (inspect.isclass(obj) and issubclass(obj, BaseException)):
                continue
            if obj.__module__.startswith("govcatalog") and not obj.__name__.startswith("_"):
                found.add((obj.__module__, obj.__name__, issubclass(obj, GovCatalogError)))
    assert {(m, n) for m, n, _ in found if m != "govcatalog.errors"} == set()
    assert {n for _, n, root in found if not root} == set()
    assert len(found) >= 19
