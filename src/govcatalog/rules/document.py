"""Rules over a document as a whole and over its catalog facts (目录信息).

The validator runs these where it reads the document; every finding code it reports comes
from the rule layer (here, the resource rules of :mod:`govcatalog.rules.builtin`, the
catalog-wide rules of :mod:`govcatalog.rules.catalog`) or from reading (:mod:`govcatalog.records`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from govcatalog._dates import FormDay
from govcatalog.errors import LoadError
from govcatalog.identifiers import check_division_code
from govcatalog.io.records import DocumentProblem, RawRecord, SheetReading, pointer_token
from govcatalog.io.shape import type_name
from govcatalog.packs.fields import FieldSpec
from govcatalog.packs.key_fold import fold_key
from govcatalog.packs.pack import Pack
from govcatalog.packs.regime import regime_of_day
from govcatalog.records.coerce import Coercer
from govcatalog.records.coerced import names
from govcatalog.records.hits import Hit, Record
from govcatalog.records.regime import CATALOG_DATE, catalog_day, dated_keys, taken_day

UNREADABLE = "GC-S001"
"""The code of input that cannot be read at all."""


def unreadable(error: LoadError) -> Hit:
    """GC-S001: the input could not be read."""
    return Hit(UNREADABLE, "", {"reason_zh": error.reason_zh, "reason_en": error.reason_en})


def document_problem(problem: DocumentProblem) -> Hit:
    """A problem a reader found with the document's shape (GC-S002, GC-S004, GC-S008 …) or its
    dates (GC-S014)."""
    params = {
        "detail_zh": problem.detail_zh,
        "detail_en": problem.detail_en,
        **(problem.params or {}),  # a code's own parameters (GC-S013, GC-S014)
    }
    return Hit(problem.code, problem.pointer, params, problem.value)


def not_an_object(value: object) -> Hit:
    """GC-S005: an entry of the resource list is not an object."""
    params = {"actual_zh": type_name(value, "zh"), "actual_en": type_name(value, "en")}
    return Hit("GC-S005", "", params, None)


def facts_not_an_object() -> Hit:
    """GC-S002: the catalog facts are not an object."""
    params = {"detail_zh": "目录信息应为对象", "detail_en": "catalog facts must be an object"}
    return Hit("GC-S002", "", params)


def empty_catalog() -> Hit:
    """GC-S006: the document lists no resource."""
    return Hit("GC-S006", "")


def element_without_column(
    spec: FieldSpec, count: int, sheets: Sequence[SheetReading], *, items: bool = False
) -> Hit | None:
    """GC-S012: no sheet of a workbook has a column for the required element ``spec`` that
    ``count`` of its resources (``items``: of its data items) do not give; None when a sheet
    has one (then each empty cell is a finding of its own)."""
    if not sheets or any(s.form for s in sheets):  # a form lacks a name, not a column
        return None
    if any(_covers(c[2], spec.id) for s in sheets for c in s.columns):
        return None
    named = "、".join(dict.fromkeys(s.sheet for s in sheets))
    whose = ("个信息项", "of its data items") if items else ("条信息资源", "of its resources")
    params = {
        "element_zh": spec.zh,
        "element_en": spec.en,
        "count": count,
        "sheet": named,
        "whose_zh": whose[0],
        "whose_en": whose[1],
    }
    return Hit("GC-S012", "", params)


def _covers(column_field: str | None, field_id: str) -> bool:
    """Whether a column read as ``column_field`` gives (part of) the element ``field_id``."""
    if column_field is None:
        return False
    return column_field == field_id or column_field.startswith(f"{field_id}.")


def check_catalog_facts(facts: Record, pack: Pack) -> Iterator[Hit]:
    """GC-F014: the catalog's 行政区划代码 is on the GB/T 2260 list."""
    region = facts.get("region_code")
    if isinstance(region, str):
        checked = check_division_code(region, strict=pack.identifier_strict)
        if not checked.valid:
            params = {"reason_zh": checked.message_zh, "reason_en": checked.message_en}
            yield Hit("GC-F014", "/region_code", params, region)


def labels_given_again(info: RawRecord, replaced: Sequence[RawRecord], pack: Pack) -> Iterator[Hit]:
    """GC-S007 at each label of a 目录信息 sheet that a later row gives again (``replaced``
    holds the earlier rows), at its last row, which is the one read: the element is given
    twice, as under two keys. Not where reading says so already (another key of the element
    comes before it), nor in JSON or YAML, whose keys written twice the reader notes
    (:attr:`~govcatalog.io.records.RawRecord.repeated`) and the coercer says."""
    if not replaced or info.sheet is None or not isinstance(info.data, Mapping):
        return
    keys = pack.fields.key_map("catalog")
    again = {str(k) for raw in replaced if isinstance(raw.data, Mapping) for k in raw.data}
    given: set[str] = set()
    for key in info.data:
        spec = keys.get(str(key)) or keys.get(fold_key(str(key)))
        if spec is None:
            continue
        if str(key) in again and spec.id not in given:
            yield Hit("GC-S007", "/" + pointer_token(key), names(spec), str(key))
        given.add(spec.id)


def _days(raw: RawRecord, pack: Pack, coercer: Coercer) -> list[tuple[str, FormDay, RawRecord]]:
    """(key, day or month, the record) of each key of catalog facts giving their date."""
    found = []
    for key, value in dated_keys(raw.data, pack):
        day = catalog_day(value, coercer)
        if day is not None:
            found.append((key, day, raw))
    return found


def dates_given_twice(
    info: RawRecord, replaced: Sequence[RawRecord], pack: Pack, coercer: Coercer
) -> Iterator[tuple[Hit, RawRecord]]:
    """GC-S014 at each key of the catalog facts that gives their date (发布日期, ``issued``,
    编制日期, a day or a month) and falls under another regime than the date read (the last
    day, else the last month: :func:`~govcatalog.records.regime.taken_day`), with the record
    it is located in: a row of a 目录信息 sheet whose label a later row gives again is one of
    ``replaced``. GC-S007 says the element is given twice. Days under one regime are not
    said, nor a month in which a regime starts."""
    read = _days(info, pack, coercer)
    taken = taken_day([day for _, day, _ in read])
    if taken is None:
        return
    last_key, last, _ = read[taken]
    decided = regime_of_day(last)
    if decided is None:
        return
    element = pack.fields.key_map("catalog")[fold_key(CATALOG_DATE)]
    pointer = "/" + pointer_token(last_key)
    cell = (info.cells or {}).get(pointer)
    at = f"{info.sheet}!{cell}" if info.sheet and cell else info.pointer + pointer
    others = [d for raw in replaced for d in _days(raw, pack, coercer)]
    for key, day, raw in [*others, *(d for i, d in enumerate(read) if i != taken)]:
        regime = regime_of_day(day)
        if regime is None or regime.pack.ref == decided.pack.ref:
            continue
        params = names(element) | {
            "decided": decided.written_day,
            "decided_at": at,
            "regime_zh": regime.name_zh,
            "regime_en": regime.name_en,
            "decided_regime_zh": decided.name_zh,
            "decided_regime_en": decided.name_en,
        }
        yield Hit("GC-S014", "/" + pointer_token(key), params, regime.written_day), raw
