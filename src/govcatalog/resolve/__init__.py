"""Matching data requests to the base databases (and department catalogs), item by item.

Example::

    from govcatalog.resolve import build_index, load_base_pack, read_request, resolve
    bases = load_base_pack()
    index = build_index(bases)
    result = resolve(read_request(Path("requests.xlsx")), index, bases=bases)
    for item in result.items:
        print(item.requested, item.kind, item.action, item.due)
"""

from typing import TYPE_CHECKING, Any

# A module of this package has the name of its function: imported here, the function wins.
from govcatalog.resolve.normalise import bigrams, normalise

if TYPE_CHECKING:
    from govcatalog.resolve.answers import (
        Action,
        Candidate,
        ItemResolution,
        MatchKind,
        Resolution,
        ResolveOptions,
    )
    from govcatalog.resolve.bases import (
        BASE_PACK,
        BaseDatabase,
        BaseDataPack,
        SynonymTable,
        base_entries,
        build_index,
        load_base_pack,
    )
    from govcatalog.resolve.calendar import DueDate, WorkingCalendar, load_calendar, parse_calendar
    from govcatalog.resolve.index import ResolveIndex
    from govcatalog.resolve.keys import KeyRoute, KeyStatus, route_key
    from govcatalog.resolve.lookup import FuzzyHit, ItemIndex, Targets, fuzzy_relation
    from govcatalog.resolve.model import (
        CatalogEntry,
        CatalogRole,
        IndexedItem,
        IndexedResource,
        ItemSpec,
        ResourceSpec,
        UpdateStats,
        catalog_entry,
    )
    from govcatalog.resolve.request import (
        DataRequest,
        Requester,
        RequestFormat,
        RequestSource,
        SubjectKey,
        open_request,
        read_request,
        request_from_bytes,
        request_from_dict,
    )
    from govcatalog.resolve.resolver import resolve
    from govcatalog.resolve.scan import ScanIndex

_EXPORTS: dict[str, str] = {
    "BASE_PACK": "govcatalog.resolve.bases",
    "BaseDatabase": "govcatalog.resolve.bases",
    "BaseDataPack": "govcatalog.resolve.bases",
    "SynonymTable": "govcatalog.resolve.bases",
    "base_entries": "govcatalog.resolve.bases",
    "build_index": "govcatalog.resolve.bases",
    "load_base_pack": "govcatalog.resolve.bases",
    "DueDate": "govcatalog.resolve.calendar",
    "WorkingCalendar": "govcatalog.resolve.calendar",
    "load_calendar": "govcatalog.resolve.calendar",
    "parse_calendar": "govcatalog.resolve.calendar",
    "ResolveIndex": "govcatalog.resolve.index",
    "KeyRoute": "govcatalog.resolve.keys",
    "KeyStatus": "govcatalog.resolve.keys",
    "route_key": "govcatalog.resolve.keys",
    "FuzzyHit": "govcatalog.resolve.lookup",
    "ItemIndex": "govcatalog.resolve.lookup",
    "Targets": "govcatalog.resolve.lookup",
    "fuzzy_relation": "govcatalog.resolve.lookup",
    "CatalogEntry": "govcatalog.resolve.model",
    "CatalogRole": "govcatalog.resolve.model",
    "IndexedItem": "govcatalog.resolve.model",
    "IndexedResource": "govcatalog.resolve.model",
    "ItemSpec": "govcatalog.resolve.model",
    "ResourceSpec": "govcatalog.resolve.model",
    "UpdateStats": "govcatalog.resolve.model",
    "catalog_entry": "govcatalog.resolve.model",
    "DataRequest": "govcatalog.resolve.request",
    "Requester": "govcatalog.resolve.request",
    "RequestFormat": "govcatalog.resolve.request",
    "RequestSource": "govcatalog.resolve.request",
    "SubjectKey": "govcatalog.resolve.request",
    "open_request": "govcatalog.resolve.request",
    "read_request": "govcatalog.resolve.request",
    "request_from_bytes": "govcatalog.resolve.request",
    "request_from_dict": "govcatalog.resolve.request",
    "Action": "govcatalog.resolve.answers",
    "Candidate": "govcatalog.resolve.answers",
    "ItemResolution": "govcatalog.resolve.answers",
    "MatchKind": "govcatalog.resolve.answers",
    "Resolution": "govcatalog.resolve.answers",
    "ResolveOptions": "govcatalog.resolve.answers",
    "resolve": "govcatalog.resolve.resolver",
    "ScanIndex": "govcatalog.resolve.scan",
}
"""Public names and their modules, imported when first used: the index and fuzzy matching need
the ``resolve`` extra (numpy, rapidfuzz); requests, bases and calendars do not."""


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)
    import importlib  # noqa: PLC0415

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "BASE_PACK",
    "Action",
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
]
