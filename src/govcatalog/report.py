"""Findings and reports: the results of validation, as immutable data.

A :class:`Finding` is one problem (or note) found in a catalog: a stable ``code``
declared in the pack's codebook, a :class:`Severity`, bilingual message and hint,
and a :class:`Location`. A :class:`Report` is the sorted, immutable collection of
findings of one validation run, with summary statistics.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

from govcatalog._json_text import pieces
from govcatalog._location import MESSAGE_LIMIT, VALUE_LIMIT, Location, clip, shown
from govcatalog._quick_init import quick_init
from govcatalog._slots import restored
from govcatalog._views import html_view, view

if TYPE_CHECKING:
    import pandas
    import rdflib

__all__ = [
    "MESSAGE_LIMIT",
    "VALUE_LIMIT",
    "Finding",
    "Lang",
    "Location",
    "Report",
    "Severity",
    "Stats",
    "clip",
]


class Severity(StrEnum):
    """How serious a finding is. Ordered: ``ERROR`` > ``WARNING`` > ``INFO``."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Numeric rank, higher is more serious (error 3, warning 2, info 1)."""
        return _RANK[self]

    def at_least(self, other: Severity) -> bool:
        """True when this severity is ``other`` or more serious."""
        return _RANK[self] >= _RANK[other]


_RANK: Final = {Severity.ERROR: 3, Severity.WARNING: 2, Severity.INFO: 1}


class Lang(StrEnum):
    """Language of rendered messages."""

    ZH = "zh"
    EN = "en"


@quick_init
@dataclass(frozen=True, slots=True)
class Finding:
    """One problem or note about a catalog.

    Attributes:
        code: Stable finding code from the pack's codebook, e.g. ``GC-R002``.
        severity: Severity after the pack's and the caller's overrides.
        message_zh: The message in Chinese.
        message_en: The message in English.
        hint_zh: How to fix it, in Chinese (may be empty).
        hint_en: How to fix it, in English (may be empty).
        location: Where it is.
        value: The offending value as text, when there is one.
        clause: The spec clause the rule enforces.
    """

    code: str
    severity: Severity
    message_zh: str
    message_en: str
    location: Location
    hint_zh: str = ""
    hint_en: str = ""
    value: str | None = None
    clause: str = ""

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:  # not clipped again by the constructor
        return restored, (type(self), tuple(getattr(self, name) for name in self.__slots__))

    def __post_init__(self) -> None:
        # Every renderer reads these fields (the value as text): bounded once, here.
        if (v := self.value) is not None and (type(v) is not str or len(v) > VALUE_LIMIT):
            object.__setattr__(self, "value", clip(shown(v)))
        for name in ("message_zh", "message_en", "hint_zh", "hint_en"):
            text = getattr(self, name)
            if len(text) > MESSAGE_LIMIT:
                object.__setattr__(self, name, clip(text, MESSAGE_LIMIT))

    def message(self, lang: Lang = Lang.ZH) -> str:
        """The message in the given language."""
        return self.message_zh if lang is Lang.ZH else self.message_en

    def hint(self, lang: Lang = Lang.ZH) -> str:
        """The hint in the given language."""
        return self.hint_zh if lang is Lang.ZH else self.hint_en

    def sort_key(self) -> tuple[tuple[str, int, int, str], int, str]:
        """Deterministic order: by position, then most serious first, then code."""
        return (self.location.sort_key(), -self.severity.rank, self.code)

    def to_dict(
        self, lang: Lang = Lang.ZH, *, bilingual: bool = False, findings: bool = True
    ) -> dict[str, object]:
        """JSON-ready form used by ``--format json`` (``bilingual``: both languages too)."""
        both = {"message_zh": self.message_zh, "message_en": self.message_en}
        both |= {"hint_zh": self.hint_zh, "hint_en": self.hint_en}
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message(lang),
            "hint": self.hint(lang),
            "location": self.location.to_dict(),
            "value": self.value,
            "clause": self.clause,
            **(both if bilingual else {}),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        """The finding of :meth:`to_dict`; a one-language form gives that text in both."""
        return cls(
            code=str(data["code"]),
            severity=Severity(data["severity"]),
            message_zh=str(data.get("message_zh", data.get("message", ""))),
            message_en=str(data.get("message_en", data.get("message", ""))),
            location=Location.from_dict(data.get("location") or {}),
            hint_zh=str(data.get("hint_zh", data.get("hint", ""))),
            hint_en=str(data.get("hint_en", data.get("hint", ""))),
            value=data.get("value"),
            clause=str(data.get("clause", "")),
        )

    def _repr_html_(self) -> str:
        """Rich display in notebooks."""
        return html_view(self)


@dataclass(frozen=True, slots=True)
class Stats:
    """Counts gathered while validating.

    Attributes:
        files: Number of input files read.
        resources: Number of resources examined.
        items: Number of 信息项 examined.
        seconds: Wall-clock time of the run.
        truncated: True when findings were cut at the ``max_findings`` limit, so the
            report lists only the first ones.
    """

    files: int = 0
    resources: int = 0
    items: int = 0
    seconds: float = 0.0
    truncated: bool = False

    def __add__(self, other: Stats) -> Stats:
        return Stats(
            files=self.files + other.files,
            resources=self.resources + other.resources,
            items=self.items + other.items,
            seconds=self.seconds + other.seconds,
            truncated=self.truncated or other.truncated,
        )


@dataclass(frozen=True)
class Report:
    """The immutable, deterministically sorted result of validating one or more catalogs.

    Attributes:
        findings: All findings, sorted by location, severity and code.
        stats: Counts of what was examined.
        pack: The ``id@version`` of the pack used.
        regime_zh: Which law or standard was applied and why (Chinese), if said.
        regime_en: The same in English.
    """

    findings: tuple[Finding, ...]
    stats: Stats = field(default_factory=Stats)
    pack: str = ""
    regime_zh: str = ""
    regime_en: str = ""

    def with_regime(self, zh: str, en: str) -> Report:
        """The report saying which law or standard it applied."""
        return replace(self, regime_zh=zh, regime_en=en)

    def regime(self, lang: Lang = Lang.ZH) -> str:
        """Which law or standard was applied, in ``lang`` (empty when not said)."""
        return self.regime_zh if lang is Lang.ZH else self.regime_en

    @classmethod
    def of(cls, findings: Iterable[Finding], stats: Stats | None = None, pack: str = "") -> Report:
        """Build a report, sorting the findings deterministically."""
        return cls(tuple(sorted(findings, key=Finding.sort_key)), stats or Stats(), pack)

    @classmethod
    def merged(cls, reports: Iterable[Report], pack: str, limit: int | None = None) -> Report:
        """One report of several files (``pack``: the packs used), cut at ``limit`` findings."""
        parts = list(reports)
        stats = sum((r.stats for r in parts), Stats())
        return cls.of((f for r in parts for f in r.findings), stats, pack).with_limit(limit)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    @property
    def conforms(self) -> bool:
        """True when there is no finding of severity error."""
        return not any(f.severity is Severity.ERROR for f in self.findings)

    @property
    def truncated(self) -> bool:
        """True when the findings were cut at a limit (see :meth:`with_limit`)."""
        return self.stats.truncated

    def with_limit(self, max_findings: int | None) -> Report:
        """A report keeping only the first ``max_findings`` findings (None: all).

        When findings are dropped the report says so: :attr:`truncated` is True.
        """
        if max_findings is None or len(self.findings) <= max_findings:
            return self
        stats = replace(self.stats, truncated=True)
        return replace(self, findings=self.findings[: max(max_findings, 0)], stats=stats)

    def counts(self) -> Mapping[str, int]:
        """Number of findings per severity name (``error``, ``warning``, ``info``; each present).

        The keys are plain strings; ``counts()[Severity.ERROR]`` finds the same entry.
        """
        c = Counter(f.severity for f in self.findings)
        return MappingProxyType({s.value: c.get(s, 0) for s in Severity})

    def by_code(self) -> Mapping[str, int]:
        """Number of findings per code, sorted by code."""
        c = Counter(f.code for f in self.findings)
        return MappingProxyType(dict(sorted(c.items())))

    def by_provider(self) -> Mapping[str, Mapping[str, int]]:
        """Findings per severity for each 信息资源提供方 (department), sorted by name.

        Findings whose department is unknown (catalog-wide or unreadable resources)
        are counted under the empty string.
        """
        counts: dict[str, Counter[Severity]] = {}
        for f in self.findings:
            counts.setdefault(f.location.provider or "", Counter())[f.severity] += 1
        return MappingProxyType(
            {
                name: MappingProxyType({s.value: c.get(s, 0) for s in Severity})
                for name, c in sorted(counts.items())
            }
        )

    def fails(self, threshold: Severity) -> bool:
        """True when any finding is at or above ``threshold``."""
        return any(f.severity.at_least(threshold) for f in self.findings)

    def at_least(self, threshold: Severity) -> Report:
        """A report with only the findings at or above ``threshold``."""
        kept = tuple(f for f in self.findings if f.severity.at_least(threshold))
        return replace(self, findings=kept)

    def with_codes(self, codes: Iterable[str]) -> Report:
        """A report with only the findings whose code is in ``codes``."""
        wanted = frozenset(codes)
        return replace(self, findings=tuple(f for f in self.findings if f.code in wanted))

    def table(self, *columns: str) -> list[tuple[str | int | None, ...]]:
        """Flatten to rows of the named columns (``code``, ``severity``, ``resource``,
        ``pointer``, ``line``, ``column``, ``file``, ``sheet``, ``cell``, ``provider``,
        ``value``).

        Handy for tests and data frames: ``report.table("code", "pointer")``.
        """
        cols = columns or ("code", "severity", "resource", "pointer")
        rows: list[tuple[str | int | None, ...]] = []
        for f in self.findings:
            loc = f.location.to_dict()
            row: list[str | int | None] = []
            for c in cols:
                if c == "code":
                    row.append(f.code)
                elif c == "severity":
                    row.append(f.severity.value)
                elif c == "value":
                    row.append(f.value)
                elif c in loc:
                    row.append(loc[c])
                else:
                    msg = f"unknown column {c!r}"
                    raise ValueError(msg)
            rows.append(tuple(row))
        return rows

    def to_graph(self, base: str = "https://w3id.org/govcatalog/data/") -> rdflib.Graph:
        """The findings as a W3C SHACL validation report graph (one ``sh:ValidationResult`` each).

        Focus nodes are the resource IRIs the RDF export mints under ``base``; see
        :mod:`govcatalog.rdf.report_graph`.
        """
        graph: rdflib.Graph = view(self, "graph", base)
        return graph

    def to_dict(
        self, lang: Lang = Lang.ZH, *, bilingual: bool = False, findings: bool = True
    ) -> dict[str, object]:
        """JSON-ready form: ``{"conforms", "pack", "findings", "stats"}``.

        ``bilingual`` adds every text in both languages (``message_zh`` …, ``regime_zh``
        …) and keeps the seconds unrounded, so that :meth:`from_dict` rebuilds the report
        whole. Without ``findings`` their list is empty (the rest is the same).
        """
        counts, rows = self.counts(), self.findings if findings else ()
        both = {"regime_zh": self.regime_zh, "regime_en": self.regime_en} if bilingual else {}
        return {
            "conforms": self.conforms,
            "pack": self.pack,
            **({"regime": self.regime(lang)} if self.regime(lang) else {}),
            **both,
            "findings": [f.to_dict(lang, bilingual=bilingual) for f in rows],
            "stats": {
                "files": self.stats.files,
                "resources": self.stats.resources,
                "items": self.stats.items,
                "seconds": self.stats.seconds if bilingual else round(self.stats.seconds, 3),
                "errors": counts[Severity.ERROR],
                "warnings": counts[Severity.WARNING],
                "infos": counts[Severity.INFO],
                "by_code": dict(self.by_code()),
                "truncated": self.stats.truncated,
            },
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Report:
        """The report of :meth:`to_dict` (whole when it was ``bilingual``)."""
        stats = data.get("stats") or {}
        regime = str(data.get("regime", ""))
        return cls(
            tuple(sorted(map(Finding.from_dict, data.get("findings", ())), key=Finding.sort_key)),
            Stats(
                int(stats.get("files", 0)),
                int(stats.get("resources", 0)),
                int(stats.get("items", 0)),
                float(stats.get("seconds", 0.0)),
                bool(stats.get("truncated", False)),
            ),
            str(data.get("pack", "")),
            str(data.get("regime_zh", regime)),
            str(data.get("regime_en", regime)),
        )

    def to_json(self, lang: Lang = Lang.ZH, *, indent: int | None = 2) -> str:
        """:meth:`to_dict` as JSON text (UTF-8 characters kept, not escaped; compact when
        ``indent`` is None)."""
        return "".join(self.json_pieces(lang, indent=indent))

    def json_pieces(self, lang: Lang = Lang.ZH, *, indent: int | None = 2) -> Iterator[str]:
        """:meth:`to_json`'s text in pieces, a few hundred findings each (a large report is never
        held as one string)."""
        found = (f.to_dict(lang) for f in self.findings)  # plain: text, whole numbers, None
        return pieces(self.to_dict(lang, findings=False), "findings", found, indent, plain=True)

    def to_pandas(self, lang: Lang = Lang.ZH) -> pandas.DataFrame:
        """The findings as a pandas DataFrame, one row per finding (needs ``pandas``).

        Columns: ``code``, ``severity``, ``message``, ``hint``, ``file``, ``line``,
        ``column``, ``sheet``, ``cell``, ``resource``, ``provider``, ``pointer``,
        ``value``, ``clause``.
        """
        frame: pandas.DataFrame = view(self, "pandas", lang)
        return frame

    def _repr_html_(self) -> str:
        """Rich display in notebooks: summaries by rule and by department, then findings."""
        return html_view(self)
