"""Computing the quality score: per-resource facts gathered while validating, then aggregated.

One pass over the catalog: resources stream through the validator while their canonical
records are scored for completeness, openness and timeliness; conformance comes from the
findings of that same run. Departments are the resources' 信息资源提供方.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from govcatalog._codec import decode, encode
from govcatalog._views import html_view
from govcatalog.io.formats import InputFormat
from govcatalog.io.records import SourceDocument
from govcatalog.io.source import CatalogSource, source_name
from govcatalog.packs.fields import FieldKind, FieldSpec
from govcatalog.packs.pack import Pack
from govcatalog.packs.registry import DEFAULT_PACK, get_pack
from govcatalog.records.hits import Record
from govcatalog.records.read import ReadRecord, open_document, read_info
from govcatalog.report import Finding, Report
from govcatalog.score.model import (
    Dimension,
    DimensionScore,
    QualityScore,
    ScoreModel,
    Timeliness,
    load_score_model,
)
from govcatalog.validate import ValidationOptions, Validator


@dataclass(frozen=True, slots=True)
class ResourceFacts:
    """What the score needs to know about one resource.

    Attributes:
        pointer: The resource's JSON pointer in its document.
        code: Its 信息资源代码, when readable.
        provider: Its 信息资源提供方, when readable.
        completeness: Share of required and recommended elements filled, 0–1.
        openness: Sharing and opening, 0–1.
        timeliness: How current its 发布日期 is for its 更新周期 (None: not applicable).
        conformance: 1 less the penalties of its findings, 0–1.
    """

    pointer: str
    code: str | None
    provider: str | None
    completeness: float
    openness: float
    timeliness: Timeliness | None
    conformance: float = 1.0


@dataclass(frozen=True)
class Assessment:
    """The quality assessment of one catalog file.

    Attributes:
        file: The file assessed.
        pack: ``id@version`` of the pack used.
        today: The day the timeliness was judged on.
        model: The score model used.
        catalog: The score of the whole catalog.
        departments: One score per 信息资源提供方, by name ("" for resources without one).
        report: The validation report of the same run.
        resources: The per-resource facts, in document order.
    """

    file: str
    pack: str
    today: dt.date
    model: ScoreModel
    catalog: QualityScore
    departments: tuple[QualityScore, ...]
    report: Report
    resources: tuple[ResourceFacts, ...]

    def department(self, name: str) -> QualityScore:
        """The score of one department.

        Raises:
            KeyError: When no resource names that department.
        """
        for d in self.departments:
            if d.name == name:
                return d
        raise KeyError(name)

    def to_document(self) -> dict[str, Any]:
        """The whole assessment as JSON values (the report and the facts included), which
        :meth:`from_document` rebuilds; ``assessment_to_dict`` is the shorter form to read."""
        document: dict[str, Any] = encode(self)
        return document

    @classmethod
    def from_document(cls, data: Mapping[str, Any]) -> Assessment:
        """The assessment of :meth:`to_document`.

        Raises:
            ValueError: When ``data`` is not such a document.
        """
        assessment: Assessment = decode(cls, data)
        return assessment

    def _repr_html_(self) -> str:
        """Rich display in notebooks."""
        return html_view(self)


def _filled(value: object) -> bool:
    return value is not None and value not in ("", [], ())


def _get(rec: Mapping[str, object], path: Sequence[str]) -> object:
    value: object = rec
    for part in path:
        if not isinstance(value, dict):  # canonical records are plain dicts
            return None
        value = value.get(part)
    return value


_Path = tuple[bool, tuple[str, ...]]
"""Whether the element is counted per data item, and its path in the record."""


class _Scorer:
    """Scores canonical records for one pack and model."""

    def __init__(self, pack: Pack, model: ScoreModel, today: dt.date) -> None:
        self.model = model
        self.today = today
        table = pack.fields
        groups = {f.id for f in table.resource_fields() if f.kind is FieldKind.GROUPS}
        required = [f for f in table.resource_fields() if f.required]
        recommended = [table.get(fid) for fid in model.recommended if table.has(fid)]

        def paths(specs: Iterable[FieldSpec]) -> tuple[_Path, ...]:
            return tuple((f.parent in groups, tuple(f.id.split("."))) for f in specs)

        self.required = paths(required)
        self.recommended = paths(recommended)

    @staticmethod
    def _share(paths: Sequence[_Path], rec: Record) -> float | None:
        parts: list[float] = []
        for per_item, path in paths:
            if per_item:
                items = rec.get(path[0])
                if not isinstance(items, list | tuple) or not items:
                    continue  # no items: item elements do not apply
                filled = sum(
                    1 for it in items if isinstance(it, dict) and _filled(_get(it, path[1:]))
                )
                parts.append(filled / len(items))
            else:
                parts.append(1.0 if _filled(_get(rec, path)) else 0.0)
        return sum(parts) / len(parts) if parts else None

    def completeness(self, rec: Record) -> float:
        m = self.model
        shares = [
            (m.required_share, self._share(self.required, rec)),
            (m.recommended_share, self._share(self.recommended, rec)),
        ]
        applicable = [(w, s) for w, s in shares if s is not None and w > 0]
        total = sum(w for w, _ in applicable)
        return sum(w * s for w, s in applicable) / total if total else 0.0

    def openness(self, rec: Record) -> float:
        m = self.model
        share_type = _get(rec, ("share", "share_type"))
        sharing = m.share_type.get(str(share_type), 0.0) if share_type is not None else 0.0
        opened = 1.0 if _get(rec, ("open", "open_to_public")) is True else 0.0
        total = m.sharing_share + m.open_share
        return (m.sharing_share * sharing + m.open_share * opened) / total if total else 0.0

    def timeliness(self, rec: Record) -> Timeliness | None:
        cycle = rec.get("update_cycle")
        published = rec.get("publish_date")
        if cycle is not None and str(cycle) not in self.model.cycle_days:
            return None  # 其他 or a local cycle without a length
        if cycle is None or not isinstance(published, dt.date):
            return Timeliness.STALE
        allowed = self.model.cycle_days[str(cycle)] + self.model.grace_days
        age = (self.today - published).days
        if age <= allowed:
            return Timeliness.ON_TIME
        if age <= allowed * self.model.late_factor:
            return Timeliness.LATE
        return Timeliness.STALE

    def facts(self, pointer: str, rec: Record) -> ResourceFacts:
        code = rec.get("code")
        provider = rec.get("provider")
        return ResourceFacts(
            pointer=pointer,
            code=code if isinstance(code, str) else None,
            provider=provider if isinstance(provider, str) else None,
            completeness=self.completeness(rec),
            openness=self.openness(rec),
            timeliness=self.timeliness(rec),
        )


def _owner(pointer: str, owners: Mapping[str, int]) -> int | None:
    """Index of the resource whose pointer is the longest prefix of ``pointer``."""
    probe = pointer
    while probe:
        if probe in owners:
            return owners[probe]
        probe = probe.rpartition("/")[0]
    return None


def with_conformance(
    facts: Sequence[ResourceFacts], findings: Iterable[Finding], model: ScoreModel
) -> tuple[ResourceFacts, ...]:
    """The facts with conformance set from the findings (catalog-level ones shared out)."""
    owners = {f.pointer: i for i, f in enumerate(facts)}
    lost = [0.0] * len(facts)
    shared = 0.0
    for finding in findings:
        cost = model.penalty[finding.severity]
        idx = _owner(finding.location.pointer or "", owners)
        if idx is None:
            shared += cost
        else:
            lost[idx] += cost
    each = shared / len(facts) if facts else 0.0
    return tuple(
        replace(f, conformance=max(0.0, 1.0 - lost[i] - each)) for i, f in enumerate(facts)
    )


def score_resources(name: str, facts: Sequence[ResourceFacts], model: ScoreModel) -> QualityScore:
    """Aggregate per-resource facts into a score."""

    def dim(d: Dimension, values: list[float]) -> DimensionScore:
        score = sum(values) / len(values) if values else None
        return DimensionScore(d, score, model.weights[d], len(values))

    timely = [model.timeliness_points[f.timeliness] for f in facts if f.timeliness is not None]
    dims = (
        dim(Dimension.COMPLETENESS, [f.completeness for f in facts]),
        dim(Dimension.CONFORMANCE, [f.conformance for f in facts]),
        dim(Dimension.OPENNESS, [f.openness for f in facts]),
        dim(Dimension.TIMELINESS, timely),
    )
    weight = sum(d.weight for d in dims if d.score is not None)
    points = 100.0 * sum(d.points for d in dims) / weight if weight else 0.0
    points = round(points, 1)
    return QualityScore(name, len(facts), points, model.grade(points), dims)


def assess_document(
    doc: SourceDocument,
    pack: Pack,
    *,
    today: dt.date | None = None,
    model: ScoreModel | None = None,
    options: ValidationOptions | None = None,
) -> Assessment:
    """Validate and score an opened document in one pass.

    ``max_findings`` of ``options`` is ignored: the score needs every finding.
    """
    day = today or (options.today if options and options.today else None) or dt.date.today()
    the_model = model or load_score_model(pack)
    opts = replace(options or ValidationOptions(), today=day, max_findings=None)
    scorer = _Scorer(pack, the_model, day)
    facts: list[ResourceFacts] = []

    def on_record(read: ReadRecord) -> None:
        if read.record is not None:
            facts.append(scorer.facts(read.raw.pointer, read.record))

    validator = Validator(pack, opts, on_record=on_record)
    report = validator.validate_document(doc)
    # After the records: a streamed JSON document knows its catalog facts only once read.
    info = read_info(doc, pack, coercer=validator.coercer)
    name = info.record.get("name") if info is not None else None
    catalog_name = name if isinstance(name, str) else ""
    scored = with_conformance(facts, report.findings, the_model)
    departments: dict[str, list[ResourceFacts]] = {}
    for f in scored:
        departments.setdefault(f.provider or "", []).append(f)
    return Assessment(
        file=doc.name,
        pack=pack.ref,
        today=day,
        model=the_model,
        catalog=score_resources(catalog_name, scored, the_model),
        departments=tuple(
            score_resources(n, fs, the_model) for n, fs in sorted(departments.items())
        ),
        report=report,
        resources=scored,
    )


def assess(
    source: CatalogSource,
    *,
    pack: Pack | str | None = None,
    today: dt.date | None = None,
    model: ScoreModel | None = None,
    options: ValidationOptions | None = None,
    fmt: InputFormat | str | None = None,
) -> Assessment:
    """Score a catalog: completeness, conformance, openness and sharing, timeliness.

    Args:
        source: A catalog: a path, a mapping, JSON/YAML text, bytes or a binary file object.
        pack: The pack, a reference, or None for the national pack.
        today: The day to judge timeliness on (default: today).
        model: The score model (default: the pack's ``score.toml``).
        options: Validation options (selection and overrides change conformance).
        fmt: Input format (default: from the file suffix).

    Raises:
        LoadError: When the file cannot be read at all.
        PackError: When the pack ships no usable score model.
    """
    the_pack = pack if isinstance(pack, Pack) else get_pack(pack or DEFAULT_PACK)
    doc = open_document(source, the_pack, name=source_name(source), fmt=fmt)
    return assess_document(doc, the_pack, today=today, model=model, options=options)
