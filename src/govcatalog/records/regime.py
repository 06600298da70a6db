"""Opening a catalog under the rules it is judged by: a named pack, its kind of export, its date.

Without a named pack a catalog is read with the national pack first. When most of its
headings (keys of a JSON/YAML record, columns of a sheet) mean nothing to the national pack
and clearly more to a pack made for a kind of export — the open-data portal pack — the file
is read again with that pack: a portal export validated without ``--pack`` then gives the
findings of a portal export, not one "unknown field" per heading. A file whose headings name
an element that kind of export never publishes (``[values] never_published``: 共享类型 for a
portal) is a catalog system's export and stays with the national pack. Otherwise the catalog's
own date picks the regime (:func:`~govcatalog.packs.regime.pick_regime`): 国发〔2016〕51号
before 2025-08-01, 《政务数据共享条例》 from then on; a catalog dated by its month alone
(2025年9月) by the regime its whole month falls under, as a form's month decides
(:func:`~govcatalog.packs.regime.regime_of_day`). The answer says what decided, and the
report prints it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import chain, islice

from govcatalog._dates import FormDay, month_form
from govcatalog.io.form_lines import dates_in_order
from govcatalog.io.formats import InputFormat
from govcatalog.io.records import SourceDocument
from govcatalog.io.source import CatalogSource
from govcatalog.packs.fields import FieldKind, FieldSpec
from govcatalog.packs.key_fold import fold_key
from govcatalog.packs.pack import Pack
from govcatalog.packs.regime import Regime, RegimeBasis, pick_regime, regime_of_day
from govcatalog.packs.registry import get_pack
from govcatalog.records.coerce import Coercer
from govcatalog.records.read import open_document

DETECTABLE_PACKS: tuple[str, ...] = ("open-data-portal@^1",)
"""Packs for kinds of export that are chosen by the headings of an unnamed-pack input."""

_NATIONAL_SHARE_BELOW = 0.5
"""The national pack must know fewer than this share of the headings to look further."""
_MIN_GAIN = 3
"""A kind-of-export pack must know at least this many headings more than the national one."""


@dataclass(frozen=True)
class Judged:
    """An opened catalog and the regime it is judged under.

    Attributes:
        document: The document, read with the regime's pack.
        regime: The pack and what decided it.
    """

    document: SourceDocument
    regime: Regime


def _peek_first(doc: SourceDocument) -> object:
    """The data of the first resource record, put back so that reading is not changed."""
    first = next(doc.records, None)
    if first is None:
        return None
    doc.records = chain((first,), doc.records)
    return first.data


def heading_fit(doc: SourceDocument, pack: Pack) -> tuple[int, int]:
    """``(known, total)``: how many of the document's headings the pack's reading mapped.

    A spreadsheet counts the columns of its data sheets; a JSON/YAML/XML document the keys
    of its first resource.
    """
    if doc.sheets:
        columns = [c for sheet in doc.sheets for c in sheet.columns]
        return sum(1 for c in columns if c[2] is not None), len(columns)
    data = _peek_first(doc)
    if not isinstance(data, Mapping):
        return 0, 0
    names = pack.fields.key_map(None)
    keys = [str(k) for k in data]
    return sum(1 for k in keys if k in names or fold_key(k) in names), len(keys)


def _gives(doc: SourceDocument, pack: Pack, ids: frozenset[str]) -> bool:
    """Whether the document's headings (the keys of its first resource, the columns of its
    sheets) name an element of ``ids``, or a member of a group there."""
    if not ids:
        return False
    if doc.sheets:
        named = [c[2] for sheet in doc.sheets for c in sheet.columns if c[2] is not None]
        return any(f in ids or f.rpartition(".")[0] in ids for f in named)
    data = _peek_first(doc)
    if not isinstance(data, Mapping):
        return False
    names = pack.fields.key_map(None)
    for key in data:
        spec = names.get(str(key)) or names.get(fold_key(str(key)))
        if spec is not None and (spec.id in ids or spec.parent in ids):
            return True
    return False


def _kind_of_export(
    source: CatalogSource,
    national: SourceDocument,
    pack: Pack,
    *,
    fmt: InputFormat | str | None,
    name: str | None,
) -> tuple[Pack, SourceDocument] | None:
    """The kind-of-export pack that reads the input clearly better than the national pack."""
    known, total = heading_fit(national, pack)
    if total and known >= total * _NATIONAL_SHARE_BELOW:
        return None
    best: tuple[int, Pack, SourceDocument] | None = None
    for ref in DETECTABLE_PACKS:
        candidate = get_pack(ref)
        if _gives(national, pack, candidate.value_forms.never_published):
            continue  # an element this kind of export never publishes: a catalog system's
        doc = open_document(source, candidate, fmt=fmt, name=name)
        fit, _ = heading_fit(doc, candidate)
        if fit >= known + _MIN_GAIN and (best is None or fit > best[0]):
            if best is not None:
                best[2].close()
            best = (fit, candidate, doc)
        else:
            doc.close()
    return None if best is None else (best[1], best[2])


CATALOG_DATE = "issued"
"""The element of the catalog facts whose day decides the regime (发布日期)."""


def dated_keys(data: object, pack: Pack) -> list[tuple[str, object]]:
    """(key, value) of each key of catalog facts that gives their date (``issued``, 发布日期,
    编制日期 …), in the order written; none for facts that are not an object."""
    if not isinstance(data, Mapping):
        return []
    keys = pack.fields.key_map("catalog")
    found = []
    for key, value in data.items():
        spec = keys.get(str(key)) or keys.get(fold_key(str(key)))
        if spec is not None and spec.id == CATALOG_DATE:
            found.append((str(key), value))
    return found


def catalog_day(value: object, coercer: Coercer) -> FormDay | None:
    """The day a value of the catalog's date gives, read as any date is (2025年9月12日 too);
    for a month written without its day (2025年9月, which is GC-F019), its first and last day;
    None for anything else."""
    read = coercer.catalog_info({CATALOG_DATE: value})
    day = None if read is None else read.record.get(CATALOG_DATE)
    if isinstance(day, str):
        try:
            day = dt.date.fromisoformat(day)
        except ValueError:
            day = None
    if isinstance(day, dt.date):
        return FormDay(day, day)
    month = month_form(value) if isinstance(value, str) else None
    return None if month is None else FormDay(*month)


def taken_day(days: Sequence[FormDay]) -> int | None:
    """Which of the days catalog facts give their date by, in the order written, is read: the
    last day (a later key's value replaces an earlier one, one that is no date does not), else
    the last month; None for none."""
    for wanted in (False, True):
        for i in range(len(days) - 1, -1, -1):
            if days[i].month is wanted:
                return i
    return None


def document_day(doc: SourceDocument, pack: Pack) -> FormDay | None:
    """The day a catalog document gives itself (its 发布日期 / ``issued``), or the month it is
    dated by when it gives no day (2025年9月), if any.

    This is what decides the regime it is judged under (:func:`pick_regime`, and
    :func:`regime_of_day` for a month). A streaming reader (JSON) knows the facts only once it
    has passed them: when they come after the resources, the date is not seen and None is
    returned.
    """
    if doc.info is None:
        # Streaming readers fill the facts in as they reach them: look at the first
        # resource (and put it back), which is enough when the facts come first.
        _peek_first(doc)
    if doc.info is None:
        return None
    coercer = Coercer(pack)
    given = [catalog_day(value, coercer) for _, value in dated_keys(doc.info.data, pack)]
    days = [day for day in given if day is not None]
    taken = taken_day(days)
    return None if taken is None else days[taken]


def document_date(doc: SourceDocument, pack: Pack) -> dt.date | None:
    """The date a catalog document gives itself (its 发布日期 / ``issued``), if any; None for
    a catalog dated by its month alone (see :func:`document_day`)."""
    day = document_day(doc, pack)
    return None if day is None or day.month else day.first


def regime_of_document(doc: SourceDocument, pack: Pack) -> Regime | None:
    """The regime a catalog's own date puts it under: its day's, or the regime its whole
    month falls under (``month`` set); None when it gives neither, or a month in which a
    regime starts."""
    day = document_day(doc, pack)
    return None if day is None else regime_of_day(day)


def open_judged(
    source: CatalogSource,
    *,
    named: Pack | None = None,
    fmt: InputFormat | str | None = None,
    name: str | None = None,
) -> Judged:
    """Open a catalog with the pack it is judged under: ``named``, else what an undated
    catalog says of its regime (its form's 填报日期, a later regime's elements), else its kind
    of export, else its date.

    ``source`` is read again when the pack changes, so it must be a path, text, bytes or a
    mapping (see :func:`govcatalog.io.source.settle` for file objects).

    Raises:
        InvalidSource: For an object that is no catalog input.
        UnsupportedFormat: For an unknown format.
        LoadError: When the input cannot be read.
    """
    if named is not None:
        doc = open_document(source, named, fmt=fmt, name=name)
        return Judged(doc, pick_regime(None, named=named))
    national = pick_regime(None).pack
    doc = open_document(source, national, fmt=fmt, name=name)
    dated = regime_of_document(doc, national)
    evidence = None if dated is not None else _undated(doc, national)
    if evidence is None:  # a compilation form or a regulation catalog is no portal's export
        kind = _kind_of_export(source, doc, national, fmt=fmt, name=name)
        if kind is not None:
            doc.close()
            return Judged(kind[1], Regime(kind[0], RegimeBasis.KIND))
    regime = evidence or dated or pick_regime(None)
    if regime.pack.ref != national.ref:  # read again with that pack's elements
        doc.close()
        doc = open_document(source, regime.pack, fmt=fmt, name=name)
    elif regime.basis is RegimeBasis.DEFAULT:
        regime = _with_later(regime, doc)
    return Judged(doc, regime)


def _undated(doc: SourceDocument, national: Pack) -> Regime | None:
    """The regime of a catalog without a date of its own, by what it says of itself: the day
    (or month) its form says it was filled in (above the headings, else in the footer, of its
    first sheet that says one, and where: :func:`~govcatalog.io.form_lines.dates_in_order`),
    else the elements it gives that only a later
    regime defines; None when it says neither."""
    if not doc.sheets:
        _peek_first(doc)  # a workbook's sheets are laid out once its first record is asked for
    dated = next(dates_in_order(doc.sheets), None)
    if dated is not None:
        sheet, form = dated
        regime = regime_of_day(form.day)  # a month astride two regimes decides nothing
        if regime is not None:
            return replace(regime, basis=RegimeBasis.FORM, sheet=sheet, cell=form.cell)
    latest = pick_regime(None, today=dt.date.today()).pack
    if latest.ref == national.ref:
        return None
    found: dict[str, FieldSpec] = {}
    for scope, key in _unknown_keys(doc, national):
        spec = latest.fields.key_map(scope).get(fold_key(key))
        if spec is not None and spec.kind not in _GROUPS and not national.fields.has(spec.id):
            found.setdefault(spec.id, spec)
    if not found:
        return None
    names = tuple((spec.zh, spec.en) for spec in found.values())
    return Regime(latest, RegimeBasis.ELEMENTS, elements=names)


_GROUPS = (FieldKind.GROUP, FieldKind.GROUPS)


def _unknown_keys(doc: SourceDocument, national: Pack) -> list[tuple[str | None, str]]:
    """(scope, key) of the headings the national pack does not read: the unmapped columns of
    a workbook's sheets (by heading and by its last part under a group heading), the keys of
    a record's first resource and of its ``extensions``."""
    if doc.sheets:
        columns = [c[1] for sheet in doc.sheets for c in sheet.columns if c[2] is None]
        return [(None, k) for c in columns for k in dict.fromkeys((c, c.rpartition("/")[2]))]
    data = _peek_first(doc)
    if not isinstance(data, Mapping):
        return []
    known = national.fields.key_map(None)
    keys: list[tuple[str | None, str]] = []
    for key, value in data.items():
        if str(key) == "extensions" and isinstance(value, Mapping):
            keys.extend(("extensions", str(k)) for k in value)
        elif fold_key(str(key)) not in known:
            keys.append((None, str(key)))
    return keys


_DATES_LOOKED_AT = 500
"""How many resources of an undated catalog are looked at for a 发布日期 under a later regime."""


def _with_later(regime: Regime, doc: SourceDocument) -> Regime:
    """An undated catalog's regime, noting the later regime the latest 发布日期 of its first
    resources falls under (the choice stays: an undated catalog is not moved by guesswork)."""
    head = list(islice(doc.records, _DATES_LOOKED_AT))
    doc.records = chain(head, doc.records)
    coercer = Coercer(regime.pack)
    today = dt.date.today()
    days = []
    for raw in head:
        read = coercer.resource(raw.data)
        day = None if read is None else read.record.get("publish_date")
        if isinstance(day, dt.date) and day <= today:  # not a typo in the future (2099-01-01)
            days.append(day)
    if not days:
        return regime
    later = pick_regime(max(days))
    if later.pack.ref == regime.pack.ref:
        return regime
    return replace(regime, later=later.pack)
