"""Which rules a catalog or request dated on a given day is judged under.

A pack may say it took effect on a day (``effective_from``) and which pack it takes over
from (``supersedes = "gb-1272@^1"``). Given a day, :func:`pick_regime` starts from the
national pack and follows such successors while the day is on or after their
``effective_from``: a catalog dated 2025-07-01 is judged under 国发〔2016〕51号
(``gb-1272``), one dated 2025-09-01 under 《政务数据共享条例》 (``sharing-2025``). A pack
the caller names wins over the date. The answer says which rule decided, so a report
can say which regime it applied and why. Packs and their successors are looked up once per
registry and process: choosing a regime costs nothing on the hot path of the resolver.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import lru_cache

from govcatalog._dates import FormDay
from govcatalog.packs.pack import Pack
from govcatalog.packs.registry import DEFAULT_PACK, PackRegistry, default_registry
from govcatalog.packs.versions import PackRef, Version


class RegimeBasis(StrEnum):
    """What decided the pack."""

    NAMED = "named"
    """The caller named the pack (``--pack``, settings, or the ``pack`` argument)."""
    DATE = "date"
    """The catalog's or request's own date."""
    TODAY = "today"
    """The input gives no date: the day it is judged on (a request, resolved today)."""
    DEFAULT = "default"
    """The input gives no date and no day was given: the starting (national) pack."""
    KIND = "kind"
    """The input's headings are those of a kind of export (an open-data portal's) its pack reads."""
    FORM = "form"
    """An undated catalog's compilation form says the day it was filled in (填报日期)."""
    ELEMENTS = "elements"
    """An undated catalog gives elements only a later regime defines (数据分类分级, 使用条件)."""


@dataclass(frozen=True)
class Regime:
    """The pack a catalog or request is judged under, and why.

    Attributes:
        pack: The pack.
        basis: What decided it.
        day: The day that decided it (None when the pack was named).
        later: For an undated catalog judged under the default pack: a later regime's pack
            that a resource's own 发布日期 falls under. The report says so, and how to be
            judged under it; the choice is not changed by it.
        elements: For :attr:`RegimeBasis.ELEMENTS`: (Chinese, English) names of the elements
            that decided.
        month: The form (or the catalog's own date) gave only the month (``day`` is its
            first day, and the whole month falls under this regime).
        sheet: For :attr:`RegimeBasis.FORM`: the sheet the form's date is written on.
        cell: For :attr:`RegimeBasis.FORM`: the cell holding it (A1), above the headings or
            in the footer.
    """

    pack: Pack
    basis: RegimeBasis
    day: dt.date | None = None
    later: Pack | None = None
    elements: tuple[tuple[str, str], ...] = ()
    month: bool = False
    sheet: str | None = None
    cell: str | None = None

    @property
    def written_day(self) -> str:
        """The deciding day as a report gives it (``2025-09`` for a month)."""
        if self.day is None:
            return ""
        return f"{self.day:%Y-%m}" if self.month else self.day.isoformat()

    @property
    def _written_at(self) -> str:
        """Where the deciding day is written (``目录!A25``), if in a cell."""
        return f"{self.sheet}!{self.cell}" if self.sheet and self.cell else ""

    @property
    def name_zh(self) -> str:
        """The law or standard applied, in Chinese."""
        return self.pack.regime_zh or self.pack.title_zh

    @property
    def name_en(self) -> str:
        """The law or standard applied, in English."""
        return self.pack.regime_en or self.pack.title_en

    def describe_zh(self) -> str:
        """One line for a report, in Chinese."""
        why = {
            RegimeBasis.NAMED: "按指定的标准包",
            RegimeBasis.DATE: f"按日期 {self.written_day}",
            RegimeBasis.TODAY: f"未注明日期，按当日 {self.day}",
            RegimeBasis.DEFAULT: "未注明日期，按默认标准包；可用 --pack 指定"
            if self.later is None
            else f"未注明日期，按默认标准包；但有信息资源发布于 {self.later.effective_from} 之后，"
            f"其时{self.later.regime_zh or self.later.title_zh}已施行：如按其校验，"
            f"请填写目录发布日期或用 --pack {self.later.ref} 指定",
            RegimeBasis.KIND: "按表头识别为此类导出文件；可用 --pack 指定",
            RegimeBasis.FORM: f"按表格所填填报日期 {self.written_day}"
            + (f"，见 {self._written_at}" if self._written_at else ""),
            RegimeBasis.ELEMENTS: "未注明日期，但填有此规则所定的元素"
            f"（{'、'.join(zh for zh, _ in self.elements)}）；可用 --pack 指定",
        }[self.basis]
        return f"适用规则：{self.name_zh}（{self.pack.ref}，{why}）"

    def describe_en(self) -> str:
        """One line for a report, in English."""
        why = {
            RegimeBasis.NAMED: "pack named by the caller",
            RegimeBasis.DATE: f"by its date {self.written_day}",
            RegimeBasis.TODAY: f"no date given, judged on {self.day}",
            RegimeBasis.DEFAULT: "no date given: the default pack; name one with --pack"
            if self.later is None
            else f"no date given: the default pack; but a resource is published from "
            f"{self.later.effective_from}, under {self.later.regime_en or self.later.title_en}: "
            f"to be judged under it, date the catalog or name --pack {self.later.ref}",
            RegimeBasis.KIND: "its headings are those of this kind of export; name one with --pack",
            RegimeBasis.FORM: f"by the day its form says it was filled in, {self.written_day}"
            + (f", at {self._written_at}" if self._written_at else ""),
            RegimeBasis.ELEMENTS: "no date given, but it gives elements these rules define "
            f"({', '.join(en for _, en in self.elements)}); name one with --pack",
        }[self.basis]
        return f"Rules applied: {self.name_en} ({self.pack.ref}, {why})"


@lru_cache(maxsize=64)
def _loaded(registry: PackRegistry, ref: str) -> Pack:
    """A pack of ``registry``, loaded once per process (every request asks for the same)."""
    return registry.load(ref)


def _successors(registry: PackRegistry, pack: Pack) -> tuple[tuple[dt.date, str], ...]:
    """``(effective_from, ref)`` of the packs that supersede ``pack``, earliest first."""
    return _successors_of(registry, pack.id, str(pack.version))


@lru_cache(maxsize=64)
def _successors_of(
    registry: PackRegistry, pack_id: str, version: str
) -> tuple[tuple[dt.date, str], ...]:
    found: dict[str, tuple[dt.date, str]] = {}
    for source in registry.sources():
        try:
            text = (source.root / "pack.toml").read_text(encoding="utf-8")
            meta = tomllib.loads(text).get("pack", {})
            supersedes = meta.get("supersedes")
            start = meta.get("effective_from")
            if not supersedes or start is None:
                continue
            target = PackRef.parse(str(supersedes))
            day = dt.date.fromisoformat(str(start))
        except (OSError, ValueError, tomllib.TOMLDecodeError):
            continue  # a broken manifest is reported when that pack is loaded
        if target.id == pack_id and Version.parse(version) in target.range:
            ref = f"{source.id}@^{source.version.major}"
            found.setdefault(ref, (day, ref))
    return tuple(sorted(found.values()))


def pick_regime(
    day: dt.date | None,
    *,
    named: Pack | str | None = None,
    today: dt.date | None = None,
    start: str = DEFAULT_PACK,
    registry: PackRegistry | None = None,
) -> Regime:
    """The pack a catalog or request dated ``day`` is judged under.

    Args:
        day: The catalog's or request's date, or None when it gives none.
        named: A pack the caller named; it wins over the date.
        today: The day used when ``day`` is None. When both are None the starting pack
            is used: an undated catalog is not moved to another regime by guesswork.
        start: The pack the chain of successors starts from (the national pack).
        registry: Where packs are found (default: the default registry).
    """
    reg = registry or default_registry()
    if named is not None:
        pack = named if isinstance(named, Pack) else _loaded(reg, named)
        return Regime(pack, RegimeBasis.NAMED, day)
    pack = _loaded(reg, start)
    if day is None and today is None:
        return Regime(pack, RegimeBasis.DEFAULT, None)
    basis = RegimeBasis.DATE if day is not None else RegimeBasis.TODAY
    when = day or today or dt.date.today()
    seen = {pack.id}
    while True:
        later = [ref for begins, ref in _successors(reg, pack) if begins <= when]
        if not later:
            return Regime(pack, basis, when)
        nxt = _loaded(reg, later[-1])
        if nxt.id in seen:  # a cycle of supersedes: stop at the last pack reached
            return Regime(pack, basis, when)
        seen.add(nxt.id)
        pack = nxt


def regime_of_day(day: FormDay, *, registry: PackRegistry | None = None) -> Regime | None:
    """The regime a day a form or a catalog gives falls under (by :attr:`RegimeBasis.DATE`);
    for a month written without its day, the regime its whole month falls under (``month``
    set), or None when a regime starts within it (the month does not say which applies)."""
    regime = pick_regime(day.first, registry=registry)
    if not day.month:
        return regime
    if pick_regime(day.last, registry=registry).pack.ref != regime.pack.ref:
        return None
    return replace(regime, month=True)
