"""Matching data requests to the base databases (and department catalogs), item by item.

Example::

    from govcatalog.resolve import build_index, load_base_pack, read_request, resolve
    bases = load_base_pack()
    index = build_index(bases)
    result = resolve(read_request(Path("requests.xlsx")), index, bases=bases)
    for item in result.items:
        print(item.requested, item.kind, item.action, item.due)
"""

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
from govcatalog.resolve.normalise import bigrams, normalise
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
from govcatalog.resolve.resolver import (
    Action,
    Candidate,
    ItemResolution,
    MatchKind,
    Resolution,
    ResolveOptions,
    resolve,
)
from govcatalog.resolve.scan import ScanIndex

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
