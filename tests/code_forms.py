"""信息资源代码 written in the forms compilation workbooks and catalog systems write, each
made from the plain code it spells (the unit tests of the reading and the workbook tests that
compare a workbook so written with its plain twin share them)."""

from __future__ import annotations

from collections.abc import Callable

_WIDE = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}


def _levels(code: str, dash: str = "-") -> str:
    """The 前段码 with a dash between each of its levels: 3-07-001(-02)."""
    front, _, _ = code.partition("/")
    parts = [front[:1], front[1:3], front[3:6], front[6:]]
    return dash.join(p for p in parts if p)


FORMS: dict[str, Callable[[str], str]] = {
    "full-width slash": lambda c: c.replace("/", "／"),
    "spaces around the slash": lambda c: c.replace("/", " / "),
    "a hyphen for the slash": lambda c: c.replace("/", "-"),
    "a full-width hyphen for the slash": lambda c: c.replace("/", "－"),
    "a dash for the slash": lambda c: c.replace("/", "—"),
    "spaces around the hyphen": lambda c: c.replace("/", " - "),
    "a backslash": lambda c: c.replace("/", "\\"),
    "a full-width backslash": lambda c: c.replace("/", "＼"),
    "hyphens between the levels": lambda c: _levels(c) + "/" + c.partition("/")[2],
    "full-width hyphens between the levels": lambda c: _levels(c, "－") + "/" + c.split("/")[1],
    "hyphens between the levels and a backslash": lambda c: f"{_levels(c)}\\{c.split('/')[1]}",
    "a hyphen after 项 only": lambda c: f"{c[:3]}-{c[3:]}",
    "a leading space": lambda c: " " + c,
    "a trailing space": lambda c: c + " ",
    "an ideographic space before it": lambda c: "\u3000" + c,
    "full-width digits": lambda c: "".join(_WIDE[ch] for ch in c),
    "full-width digits and hyphens": lambda c: "".join(_WIDE[ch] for ch in c.replace("/", "-")),
}
