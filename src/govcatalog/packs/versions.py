"""Semantic versions and the version ranges used in pack references (``gb-1272@^1``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import total_ordering

_VERSION = re.compile(r"(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})")
_PARTIAL = re.compile(r"([0-9]{1,9})(?:\.([0-9]{1,9}))?(?:\.([0-9]{1,9}))?")
_PACK_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")


def check_pack_id(text: str) -> str:
    """``text`` when it is a valid pack id, else ValueError.

    A pack id names a folder of the registry and of every export, so it is one plain
    path segment: ASCII letters, digits, ``-``, ``_`` and ``.``, starting with a letter
    or digit, at most 64 characters (``gb-1272``). Never a path (``/srv/x``, ``../x``).
    """
    if not isinstance(text, str) or _PACK_ID.fullmatch(text) is None:
        msg = (
            f"not a pack id: {text!r} (letters, digits, '-', '_' and '.', "
            "starting with a letter or digit, at most 64 characters)"
        )
        raise ValueError(msg)
    return text


@total_ordering
@dataclass(frozen=True, slots=True)
class Version:
    """A semantic version ``MAJOR.MINOR.PATCH``."""

    major: int
    minor: int
    patch: int

    @classmethod
    def parse(cls, text: str) -> Version:
        """Parse ``1.2.3``; ValueError otherwise."""
        m = _VERSION.fullmatch(text.strip()) if isinstance(text, str) else None
        if not m:
            msg = f"not a semantic version (MAJOR.MINOR.PATCH): {text!r}"
            raise ValueError(msg)
        return cls(int(m[1]), int(m[2]), int(m[3]))

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Version):
            return NotImplemented
        return (self.major, self.minor, self.patch) < (other.major, other.minor, other.patch)

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"


@dataclass(frozen=True, slots=True)
class VersionRange:
    """A half-open range ``[low, high)`` of versions, parsed from the usual spellings.

    Accepted: ``1.2.3`` (exact), ``1`` / ``1.x`` / ``^1`` / ``^1.2`` / ``^1.2.3``
    (same major), ``~1.2`` / ``~1.2.3`` (same minor), ``*`` (any), and
    comma-separated comparisons ``>=1.0.0,<2.0.0``.
    """

    low: Version | None
    high: Version | None
    text: str
    include_high: bool = False

    @classmethod
    def parse(cls, text: str) -> VersionRange:
        """Parse a range; ValueError when it is not one of the accepted spellings."""
        t = text.strip().removesuffix(".x").removesuffix(".*")
        if t in ("", "*", "latest"):
            if t == "latest":
                msg = "'latest' is not a version range; name a major version such as ^1"
                raise ValueError(msg)
            return cls(None, None, text)
        if t[0] in "<>=":
            return cls._comparisons(t, text)
        caret = t.startswith("^")
        tilde = t.startswith("~")
        m = _PARTIAL.fullmatch(t.lstrip("^~"))
        if not m:
            msg = f"not a version range: {text!r}"
            raise ValueError(msg)
        major, minor, patch = (int(g) if g is not None else None for g in m.groups())
        assert major is not None
        low = Version(major, minor or 0, patch or 0)
        if patch is not None and not caret and not tilde:
            return cls(low, low, text, include_high=True)
        if tilde and minor is not None:
            return cls(low, Version(major, minor + 1, 0), text)
        return cls(low, Version(major + 1, 0, 0), text)

    @classmethod
    def _comparisons(cls, t: str, text: str) -> VersionRange:
        low: Version | None = None
        high: Version | None = None
        include_high = False
        for part in t.split(","):
            p = part.strip()
            if p.startswith(">="):
                low = Version.parse(p[2:])
            elif p.startswith("<="):
                high, include_high = Version.parse(p[2:]), True
            elif p.startswith("<"):
                high = Version.parse(p[1:])
            elif p.startswith("=="):
                low = high = Version.parse(p[2:])
                include_high = True
            else:
                msg = f"not a version comparison: {p!r}"
                raise ValueError(msg)
        return cls(low, high, text, include_high)

    def __contains__(self, version: object) -> bool:
        if not isinstance(version, Version):
            return False
        if self.low is not None and version < self.low:
            return False
        if self.high is None:
            return True
        return version <= self.high if self.include_high else version < self.high

    @property
    def exact(self) -> bool:
        """Whether the range names one version (``1.2.3`` or ``==1.2.3``)."""
        return self.low is not None and self.low == self.high and self.include_high

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class PackRef:
    """A reference to a pack: an id and a version range (``gb-1272@^1``)."""

    id: str
    range: VersionRange

    @classmethod
    def parse(cls, text: str) -> PackRef:
        """Parse ``id`` or ``id@range``; a bare id means any version (the newest is used)."""
        ident, _, rng = text.strip().partition("@")
        if not ident:
            msg = f"not a pack reference: {text!r}"
            raise ValueError(msg)
        return cls(check_pack_id(ident), VersionRange.parse(rng or "*"))

    def __str__(self) -> str:
        return f"{self.id}@{self.range}" if self.range.text not in ("", "*") else self.id
