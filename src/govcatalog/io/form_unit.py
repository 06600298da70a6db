"""The unit a compilation form names once, above its table or in its footer.

A department's workbook often says who filled it in once, in the lines above its headings,
rather than in a column: ``填报单位：某市市场监督管理局`` (填报单位（盖章）, 报送单位, 单位名称,
提供单位, 部门名称 …) and ``统一社会信用代码：11350100…`` (单位代码, 组织机构代码), in one cell or
as a label and its value in the cells after it. That unit provides every resource of the
table that does not name its own: each such resource has it as its 信息资源提供方 (and code),
located at the line's cell, and the sheet says so once (GC-S017).

A column decides where there is one. A table with a 信息资源提供方 column names the provider row
by row, and the unit that filled such a table in may have compiled it for others (a city's
data bureau), so an empty cell in that column stays a finding of its own; the unit's code is
given where the sheet has no code column and the resource names no other unit. A sign-off
line in the footer (``填报单位（盖章）：某市市场监督管理局``) names the unit as well: it is read
only when the lines above the headings name none. A registration form's lines are its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Final

from govcatalog.io.form_lines import UNIT_LABELS, is_footer
from govcatalog.io.records import DocumentProblem, FormUnit, RawRecord, UnitLine
from govcatalog.io.sheet_layout import SheetLayout
from govcatalog.io.xlsx_parse import column_letter

PROVIDER: Final = "provider"
PROVIDER_CODE: Final = "provider_code"
ELEMENTS: Final = (PROVIDER, PROVIDER_CODE)
"""The elements a form's unit gives its resources (field ids)."""

_NOTE: Final = r"\s*(?:[（(][^）)]{0,8}[）)])?\s*"
"""A note after a label: 填报单位（盖章）, 单位名称(公章)."""
_NAME_LABEL: Final = rf"(?:{UNIT_LABELS}|(?:信息)?(?:资源)?提供方)"
_CODE_LABEL: Final = (
    r"(?:(?:(?:填报|填表|报送|提供)?单位|部门|(?:信息)?(?:资源)?提供方)"
    r"(?:统一社会信用代码|社会信用代码|组织机构代码|代码)|统一社会信用代码|组织机构代码)"
)
_LABELLED: Final = re.compile(
    rf"^(?:(?P<name>{_NAME_LABEL})|(?P<code>{_CODE_LABEL})){_NOTE}(?:[:：]\s*(?P<value>.*))?$",
    re.S,
)
_NEXT_LABEL: Final = re.compile(r"\s+(?=[^\s:：]+[:：])")
"""Where a line's text starts another label (某局  填报人：张三)."""
_SEAL: Final = re.compile(r"[（(]\s*(?:盖章|公章|签章|印章|章|签字)\s*[）)]|[_＿\s]+$|^[_＿\s]+")
_NAME: Final = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_DATE: Final = re.compile(r"\d{4}\s*[-/.年]")
_INSTRUCTION: Final = re.compile(r"填写|请|例如|如：|[。；;]")
"""What a note telling how to fill the line in says (填报单位：填写本单位全称。), no unit's name."""
_CODE: Final = re.compile(r"^[0-9A-Za-z][0-9A-Za-z-]{7,19}$")


def _name(text: str) -> str | None:
    """A unit's name as a line writes it, its seal note (（盖章）) and blanks left out; None for
    no name (a seal note alone, a date, a blank to write on)."""
    name = _SEAL.sub("", text).strip()
    if len(name) < 2 or not _NAME.search(name) or _DATE.search(name) or len(name) > 60:
        return None
    if _INSTRUCTION.search(name):
        return None
    return None if ":" in name or "：" in name else name


def _code(text: str) -> str | None:
    code = text.strip()
    return code if _CODE.match(code) else None


def _found(label: str, kind: str, written: object, cell: str) -> tuple[str, UnitLine] | None:
    if isinstance(written, int) and not isinstance(written, bool):
        written = str(written)
    if not isinstance(written, str):
        return None
    text = _NEXT_LABEL.split(written.strip(), maxsplit=1)[0]
    value = _name(text) if kind == "name" else _code(text)
    return None if value is None else (kind, UnitLine(value, cell, label))


def _row_unit(row: int, values: Mapping[int, object]) -> dict[str, UnitLine]:
    """The unit's name and code a row gives: a label with its value in its cell (several
    labels in one cell too), or a label alone with its value in the next filled cell."""
    out: dict[str, UnitLine] = {}
    filled = sorted((c, v) for c, v in values.items() if v is not None and v != "")
    for i, (c, value) in enumerate(filled):
        if not isinstance(value, str):
            continue
        for part in _NEXT_LABEL.split(value.strip()):
            m = _LABELLED.match(part)
            if m is None:
                continue
            kind = "name" if m["name"] else "code"
            label = m["name"] or m["code"]
            written = m["value"]
            at = c
            if not written and i + 1 < len(filled) and part == value.strip():
                at, written = filled[i + 1]
            found = _found(label, kind, written, f"{column_letter(at)}{row}")
            if found is not None:
                out.setdefault(*found)
    return out


def _unit(found: dict[str, UnitLine], footer: bool) -> FormUnit | None:
    if not found:
        return None
    return FormUnit(found.get("name"), found.get("code"), footer)


def header_unit(rows: Mapping[int, Mapping[int, object]], above: int) -> FormUnit | None:
    """The unit the lines above the headings (row ``above``) name: the first name and the
    first code they give."""
    found: dict[str, UnitLine] = {}
    for r in sorted(rows):
        if r >= above:
            break
        for kind, line in _row_unit(r, rows[r]).items():
            found.setdefault(kind, line)
    return _unit(found, footer=False)


def footer_unit(rows: Iterable[tuple[int, Mapping[int, object]]], below: int) -> FormUnit | None:
    """The unit the footer below row ``below`` names (填报单位（盖章）：…): of its last ``rows``,
    the lowest footer rows' name and code."""
    found: dict[str, UnitLine] = {}
    for r, values in sorted(rows, key=lambda row: row[0], reverse=True):
        if r <= below:
            break
        if is_footer(values):
            for kind, line in _row_unit(r, values).items():
                found.setdefault(kind, line)
    return _unit(found, footer=True)


@dataclass
class UnitGiven:
    """Gives a sheet's resources the unit its form names, where they name none, and says it.

    Args:
        sheet: The sheet's name.
        unit: The unit its lines name.
        layout: The sheet's layout: which of the two elements it has a column for.
        names: The zh and en names of the two elements (the pack's), by field id.
    """

    sheet: str
    unit: FormUnit
    layout: SheetLayout
    names: Mapping[str, tuple[str, str]]
    count: int = 0
    """How many resources took the name or the code."""
    given: set[str] = field(default_factory=set)
    """Which of the two (:data:`PROVIDER`, :data:`PROVIDER_CODE`) any resource took."""

    def records(self, records: Iterable[RawRecord]) -> Iterator[RawRecord]:
        """``records``, each given the unit where it names none (see the module)."""
        columns = {c.field.id for c in self.layout.columns if c.field is not None}
        name = None if PROVIDER in columns else self.unit.name
        code = None if PROVIDER_CODE in columns else self.unit.code
        for record in records:
            if isinstance(record.data, dict) and record.cells is not None:
                self._give(record.data, record.cells, name, code)
            yield record

    def _give(
        self,
        data: dict[str, object],
        cells: dict[str, str],
        name: UnitLine | None,
        code: UnitLine | None,
    ) -> None:
        given = []
        if name is not None and data.get(PROVIDER) is None:
            given.append((PROVIDER, name))
        if code is not None and data.get(PROVIDER_CODE) is None and not self._other(data):
            given.append((PROVIDER_CODE, code))
        for element, line in given:
            data[element] = line.value
            cells["/" + element] = line.cell
            self.given.add(element)
        self.count += bool(given)

    def _other(self, data: dict[str, object]) -> bool:
        """Whether a resource names another unit than the form's (whose code is not its)."""
        own, unit = data.get(PROVIDER), self.unit.name
        if own is None or unit is None:
            return False
        return not (isinstance(own, str) and own.strip() == unit.value)

    def said(self) -> DocumentProblem | None:
        """GC-S017 at the first line a resource took, once the records are read; None when
        none took any."""
        lines = [
            (element, line)
            for element, line in ((PROVIDER, self.unit.name), (PROVIDER_CODE, self.unit.code))
            if line is not None and element in self.given
        ]
        if not lines:
            return None
        first = lines[0][1]
        params = {
            "sheet": self.sheet,
            "count": self.count,
            "label": first.label,
            "given_zh": "、".join(f"{self.names[e][0]}“{line.value}”" for e, line in lines),
            "given_en": " and ".join(f'{self.names[e][1]} "{line.value}"' for e, line in lines),
            "place_zh": "表格下方落款" if self.unit.footer else "表头上方",
            "place_en": "in its footer" if self.unit.footer else "above its headings",
        }
        return DocumentProblem(
            "",
            "",
            "",
            code="GC-S017",
            sheet=self.sheet,
            cell=first.cell,
            value=first.value,
            params=params,
        )
