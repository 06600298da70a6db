"""The score model (weights, penalties, grades) read from a pack's ``score.toml``, and the results.

The weights are data: each pack may ship a ``score.toml``; the nearest one in the pack's
lineage is used. Results are immutable: a :class:`QualityScore` per catalog and per
department (信息资源提供方), each made of one :class:`DimensionScore` per dimension.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from govcatalog.errors import PackError
from govcatalog.packs.pack import Pack
from govcatalog.packs.registry import PackRegistry, default_registry
from govcatalog.report import Lang, Severity

SCORE_FILE = "score.toml"
"""Name of a pack's score model file."""


class Dimension(StrEnum):
    """The dimensions of the quality score."""

    COMPLETENESS = "completeness"
    CONFORMANCE = "conformance"
    OPENNESS = "openness"
    TIMELINESS = "timeliness"


class Timeliness(StrEnum):
    """How a resource's 发布日期 compares with its 更新周期."""

    ON_TIME = "on_time"
    LATE = "late"
    STALE = "stale"


@dataclass(frozen=True, slots=True)
class Grade:
    """A named band of points.

    Attributes:
        min: Lowest points (0–100) that earn the grade.
        zh: Name in Chinese.
        en: Name in English.
    """

    min: float
    zh: str
    en: str

    def name(self, lang: Lang = Lang.ZH) -> str:
        """The grade's name in ``lang``."""
        return self.zh if lang is Lang.ZH else self.en


@dataclass(frozen=True)
class ScoreModel:
    """Weights and rules of the score.

    Attributes:
        source: Where the model was read from (``id@version`` of the pack, or a path).
        weights: Points of each dimension (they add up to 100).
        labels: Chinese and English names of each dimension.
        required_share: Share of completeness earned by required elements.
        recommended_share: Share of completeness earned by recommended elements.
        recommended: Field ids of the recommended elements.
        penalty: Conformance lost per finding of each severity.
        sharing_share: Share of openness earned by the 共享类型.
        open_share: Share of openness earned by 是否向社会开放.
        share_type: Points of each 共享类型.
        grace_days: Days added to every update cycle.
        late_factor: Beyond the allowance, up to this multiple is late; further is stale.
        timeliness_points: Points of each timeliness class.
        cycle_days: Days of each 更新周期.
        grades: Grades, highest first.
    """

    source: str
    weights: Mapping[Dimension, float]
    labels: Mapping[Dimension, tuple[str, str]]
    required_share: float
    recommended_share: float
    recommended: tuple[str, ...]
    penalty: Mapping[Severity, float]
    sharing_share: float
    open_share: float
    share_type: Mapping[str, float]
    grace_days: int
    late_factor: float
    timeliness_points: Mapping[Timeliness, float]
    cycle_days: Mapping[str, int]
    grades: tuple[Grade, ...]

    def grade(self, points: float) -> Grade:
        """The grade earned by ``points``."""
        for g in self.grades:
            if points >= g.min:
                return g
        return self.grades[-1]

    def label(self, dimension: Dimension, lang: Lang = Lang.ZH) -> str:
        """The dimension's name in ``lang``."""
        zh, en = self.labels[dimension]
        return zh if lang is Lang.ZH else en


def _table(data: Mapping[str, object], key: str, source: str) -> dict[str, object]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise PackError(source, SCORE_FILE, f"[{key}] must be a table")
    return value


def _num(table: Mapping[str, object], key: str, source: str, where: str) -> float:
    value = table.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise PackError(source, SCORE_FILE, f"{where}.{key} must be a non-negative number")
    return float(value)


def _nums(table: Mapping[str, object], key: str, source: str, where: str) -> dict[str, float]:
    value = table.get(key)
    if not isinstance(value, dict):
        raise PackError(source, SCORE_FILE, f"{where}.{key} must be a table of numbers")
    return {str(k): _num(value, k, source, f"{where}.{key}") for k in value}


def parse_score_model(text: str, source: str) -> ScoreModel:
    """Parse a ``score.toml`` document.

    Raises:
        PackError: When the document is malformed or the weights do not add up to 100.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PackError(source, SCORE_FILE, str(exc)) from None
    tables = {d: _table(data, d.value, source) for d in Dimension}
    weights = {d: _num(t, "weight", source, d.value) for d, t in tables.items()}
    if abs(sum(weights.values()) - 100) > 1e-9:
        raise PackError(source, SCORE_FILE, f"weights add up to {sum(weights.values())}, not 100")
    comp, conf, opn, tim = (tables[d] for d in Dimension)
    recommended = comp.get("recommended", [])
    if not isinstance(recommended, list) or not all(isinstance(r, str) for r in recommended):
        raise PackError(source, SCORE_FILE, "completeness.recommended must be a list of field ids")
    penalty = _nums(conf, "penalty", source, "conformance")
    try:
        penalties = {Severity(k): v for k, v in penalty.items()}
        points = {Timeliness(k): v for k, v in _nums(tim, "points", source, "timeliness").items()}
    except ValueError as exc:
        raise PackError(source, SCORE_FILE, str(exc)) from None
    grades_raw = data.get("grades")
    if not isinstance(grades_raw, list) or not grades_raw:
        raise PackError(source, SCORE_FILE, "[[grades]] must list at least one grade")
    grades = tuple(
        sorted(
            (
                Grade(_num(g, "min", source, "grades"), str(g.get("zh", "")), str(g.get("en", "")))
                for g in grades_raw
            ),
            key=lambda g: -g.min,
        )
    )
    if grades[-1].min != 0:
        raise PackError(source, SCORE_FILE, "the lowest grade must start at min = 0")
    return ScoreModel(
        source=source,
        weights=MappingProxyType(weights),
        labels=MappingProxyType(
            {d: (str(t.get("zh", d.value)), str(t.get("en", d.value))) for d, t in tables.items()}
        ),
        required_share=_num(comp, "required_share", source, "completeness"),
        recommended_share=_num(comp, "recommended_share", source, "completeness"),
        recommended=tuple(recommended),
        penalty=MappingProxyType({s: penalties.get(s, 0.0) for s in Severity}),
        sharing_share=_num(opn, "sharing_share", source, "openness"),
        open_share=_num(opn, "open_share", source, "openness"),
        share_type=MappingProxyType(_nums(opn, "share_type", source, "openness")),
        grace_days=int(_num(tim, "grace_days", source, "timeliness")),
        late_factor=_num(tim, "late_factor", source, "timeliness"),
        timeliness_points=MappingProxyType({t: points.get(t, 0.0) for t in Timeliness}),
        cycle_days=MappingProxyType(
            {k: int(v) for k, v in _nums(tim, "cycle_days", source, "timeliness").items()}
        ),
        grades=grades,
    )


def load_score_model(pack: Pack, registry: PackRegistry | None = None) -> ScoreModel:
    """The score model of ``pack``: the nearest ``score.toml`` in its lineage.

    Raises:
        PackError: When neither the pack nor a parent ships one, or it is malformed.
    """
    reg = registry or default_registry()
    for ref in pack.lineage:
        try:
            root = reg.resolve(ref).root
        except LookupError:
            continue
        f = root / SCORE_FILE
        if f.is_file():
            return parse_score_model(f.read_text(encoding="utf-8"), ref)
    raise PackError(pack.ref, SCORE_FILE, "neither the pack nor its parents ship a score model")


@dataclass(frozen=True, slots=True)
class DimensionScore:
    """One dimension of a score.

    Attributes:
        dimension: Which dimension.
        score: Mean over the resources it applies to, 0–1 (None: applies to none).
        weight: The dimension's weight (its maximum points).
        resources: Number of resources it applies to.
    """

    dimension: Dimension
    score: float | None
    weight: float
    resources: int

    @property
    def points(self) -> float:
        """Points earned: score × weight (0 when the dimension applies to no resource)."""
        return (self.score or 0.0) * self.weight


@dataclass(frozen=True, slots=True)
class QualityScore:
    """The score of a catalog or of one department's resources.

    Attributes:
        name: The catalog's name, or the department (信息资源提供方); "" when unknown.
        resources: Number of resources scored.
        points: Total points, 0–100 (dimensions that apply to no resource are left
            out and the others scaled up to 100).
        grade: The grade earned.
        dimensions: One score per dimension, in :class:`Dimension` order.
    """

    name: str
    resources: int
    points: float
    grade: Grade
    dimensions: tuple[DimensionScore, ...]

    def dimension(self, dimension: Dimension) -> DimensionScore:
        """The score of one dimension."""
        return next(d for d in self.dimensions if d.dimension is dimension)
