"""The notes and sign-off lines below a table, told from its last resources.

A compilation table often ends with lines that belong to the form, not to the catalog::

    | 307001/000005 | 某市市场监督管理局 | …  (the last resource)
    | 本表一式两份。                                            |
    | 以上信息资源由本单位负责维护，如有变更及时报送。          |  (merged across the table)
    | 单位（盖章）  |                    | 审核人：李四          |

Numbered notes and labelled lines (1.信息资源名称：…, 填表人：…) are footer rows wherever they
are (:func:`~govcatalog.io.form_lines.is_footer`); lines like these are not, and written in
the name or code column they read as a resource of a name alone, with a finding for each
element it lacks. They are told by where they are and what they say: at the end of the
table (every row with a value from the first of them to the end of the sheet is one of them
or a footer row), each a few lines (at most :data:`NOTE_CELLS`) that hold only a note's words
— a sentence (…。, …；, words between commas), a note's label (注：, 备注：, 说明：), a
signature or seal (单位（盖章）, 审核人, 以下空白), labels of the form with their values
(统计截止日期：…, 审核意见：…) — or one text merged across most of the table. Anything else
is data: a code, a number, a date, a name, a value in several columns, a row inside a
resource's merged cells; and a row like a note with data below it is read as it always was.

Notes are not read, but they are said: once for each sheet that gave data, at the first note's
cell, with the rows they take (GC-S016, :func:`with_notes`), so that a last resource taken
for a note is never lost without a word. Notes that are all footer rows (填表人：…, 备注：…,
1.信息资源名称：…) are not: the records skip those wherever they are.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import replace
from enum import Enum
from itertools import accumulate
from typing import Final

from govcatalog.io.form_lines import NOTE_LABELS, SIGNERS, is_footer
from govcatalog.io.records import DocumentProblem, SourceDocument
from govcatalog.io.sheet_layout import SheetLayout
from govcatalog.io.xlsx_parse import MergedRange, Value, column_letter
from govcatalog.packs.key_fold import fold_key

NOTE_CELLS: Final = 3
"""A note's row holds this many lines or fewer (a line, a signature, a label with its value in
the next cell)."""
WIDE: Final = 3
"""A merged cell across at least this many columns, and half the table's, holds a note."""

_SIGN_OFF: Final = re.compile(
    r"[（(]\s*(?:盖章|签章|公章|印章|签字|签名)\s*[)）]"
    r"|^(?:单位|部门)?(?:盖章|签章|公章|签字|签名)\s*[:：]?$"
    rf"|^(?:{SIGNERS})(?:\s|$)"
    r"|^(?:以下|本页以下|此页以下)(?:空白|无内容|无正文)"
)
"""A signature or seal, or the line that closes a page: 单位（盖章）, 审核人, 以下空白."""
_NOTE_LABEL: Final = re.compile(rf"^(?:{NOTE_LABELS})\s*\d{{0,2}}\s*[:：、.．]")
_ABOUT_TABLE: Final = re.compile(r"^(?:以上|上述|本表|此表|本目录)")
"""Words a line about the table starts with (以上信息资源…, 本表一式两份)."""
_LETTER: Final = re.compile(r"[\u4e00-\u9fff]")
_END: Final = re.compile(r"[。；;！!]$")
_STOP: Final = re.compile(r"[，。；;]")
_PAIR: Final = re.compile(r"(?:^|\s)([^\s:：]{1,12}?)\s*[:：]")
"""The label of each label：value pair of a line."""
_FORM_LABEL: Final = re.compile(
    r"(?:人|电话|手机|邮箱|单位|部门|处室|科室|日期|时间|地址|传真|意见|签字|签名|领导)$"
)
"""How the label of a form's line ends (统计人, 审核意见, 截止日期), not an element's."""
QUOTED: Final = 30
"""A finding quotes this many characters of the first note at most (then …)."""


def _sentence(text: str) -> bool:
    """Words of a sentence: four characters or more ending as one does (。；!), ten or more
    between its commas, or a line about the table (以上…, 本表…)."""
    letters = len(_LETTER.findall(text))
    if letters < 4:
        return False
    return (
        _END.search(text) is not None
        or (letters >= 10 and _STOP.search(text) is not None)
        or (letters >= 6 and _ABOUT_TABLE.match(text) is not None)
    )


def note_text(text: str, elements: frozenset[str] = frozenset()) -> bool:
    """Whether a cell's text (stripped) holds a note's words (see the module docstring): a
    label of the form's lines counts unless it is one of ``elements`` (folded headings)."""
    if _SIGN_OFF.search(text) or _NOTE_LABEL.match(text) or _sentence(text):
        return True
    labels = [label for label in _PAIR.findall(text) if fold_key(label) not in elements]
    return len(labels) >= 2 or any(_FORM_LABEL.search(label) for label in labels)


class _Row(Enum):
    EMPTY = "empty"
    NOTE = "note"
    DATA = "data"


def _filled(value: Value) -> bool:
    return value is not None and value != "" and not (isinstance(value, str) and value.isspace())


def _text(value: Value) -> str:
    """A filled cell's text as a note quotes it."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return value.strip() if isinstance(value, str) else str(value)


class TailNotes:
    """Holds back the rows of a sheet that may be notes until a row of data below them says
    they are not; those left at the end are the form's, and not passed on.

    Args:
        layout: The sheet's layout.
        merges: Its merged ranges.
    """

    def __init__(self, layout: SheetLayout, merges: Iterable[MergedRange]) -> None:
        self.rows: tuple[int, int] | None = None
        """The first and last row of the notes at the end of the sheet, once read."""
        self.first: tuple[str, str] | None = None
        """The cell (A1) where the first of them starts, and its row's text, to be said
        (GC-S016); None when they are footer rows alone, which the records skip wherever they
        are (they are no notes told by where they are)."""
        self._first = layout.first_data_row
        self._columns = frozenset(c.index for c in layout.columns)
        width = max(WIDE, (len(layout.columns) + 1) // 2)
        self._wide: set[tuple[int, int]] = set()
        reach: dict[int, int] = {}  # the lowest row merged cells reach, by their top row
        for m in merges:
            if m.min_row < self._first:
                continue
            if m.max_col - m.min_col + 1 >= width:
                self._wide.add((m.min_row, m.min_col))
            elif m.max_row > reach.get(m.min_row, m.min_row):
                reach[m.min_row] = m.max_row
        self._tops = sorted(reach)
        self._reach = list(accumulate((reach[top] for top in self._tops), max))
        names = (
            part for c in layout.columns for part in (c.heading, c.field.zh if c.field else "")
        )
        self._elements = frozenset(fold_key(n) for n in names if n)

    def held_back(
        self, rows: Iterable[tuple[int, dict[int, Value]]]
    ) -> Iterator[tuple[int, dict[int, Value]]]:
        """The rows, but those of the notes at the end (said in :attr:`rows`)."""
        held: list[tuple[int, dict[int, Value], _Row]] = []
        for n, values in rows:
            kind = _Row.DATA if n < self._first else self._kind(n, values, bool(held))
            if kind is not _Row.DATA:
                held.append((n, values, kind))
                continue
            if held:
                yield from ((m, v) for m, v, _ in held)
                held.clear()
            yield n, values
        noted = [(n, values) for n, values, kind in held if kind is _Row.NOTE]
        if noted:
            self.rows = (noted[0][0], noted[-1][0])
            if not all(is_footer(values) for _, values in noted):
                n, values = noted[0]
                cells = sorted((c, _text(v)) for c, v in values.items() if _filled(v))
                self.first = (f"{column_letter(cells[0][0])}{n}", " ".join(t for _, t in cells))

    def _kind(self, n: int, values: dict[int, Value], held: bool) -> _Row:
        """What row ``n`` is, below rows held back (``held``) or not. A footer row that holds
        no note's words (合计, 第 1 页) is no resource anyway (the records skip it): it is
        only looked for below a note, as part of the notes."""
        if len(values) > 2 * NOTE_CELLS or self._in_merged_cells(n):  # (readers keep no blank)
            return _Row.NOTE if held and is_footer(values) else _Row.DATA
        if not any(_filled(v) for v in values.values()):
            return _Row.EMPTY
        if self._noted(n, values) or (held and is_footer(values)):
            return _Row.NOTE
        # a row of values beside the table only (序号 left numbered below the data) is not read
        return _Row.DATA if self._columns.intersection(values) else _Row.EMPTY

    def _in_merged_cells(self, n: int) -> bool:
        """Whether row ``n`` is below the top of merged cells that reach it (a resource's)."""
        above = bisect_left(self._tops, n)
        return above > 0 and self._reach[above - 1] >= n

    def _noted(self, n: int, values: dict[int, Value]) -> bool:
        """Whether each cell of a row holds a note's words, a text merged across the table, or
        the value beside a label of them (填表人： | 张三): :data:`NOTE_CELLS` lines or fewer."""
        lines = 0
        label = False  # the cell before is a label of the form's lines
        for c, value in sorted(values.items()):
            if not _filled(value):
                continue
            text = value.strip() if isinstance(value, str) else ""
            if text and self._note_cell(n, c, text):
                label = text[-1] in ":："
                lines += 1
            elif label:
                label = False
            else:
                return False
        return lines <= NOTE_CELLS

    def _note_cell(self, n: int, c: int, text: str) -> bool:
        if (n, c) in self._wide and _LETTER.search(text) is not None:
            return True
        return note_text(text, self._elements)


def with_notes(
    doc: SourceDocument, sheet: str, notes: TailNotes, *, read: int, items: bool = False
) -> None:
    """Say in the reading of ``sheet`` where the notes that end it are, once it is read, and
    say them (GC-S016) at the first of them, below a table of resources or of 信息项
    (``items``: an item sheet's), when the sheet gave data (``read``: how many records): an
    empty one is said otherwise (a template, GC-S010; an empty catalog, GC-S006)."""
    if notes.rows is None and not items:
        return
    doc.sheets[:] = [
        replace(r, notes=notes.rows, items=items) if r.sheet == sheet else r for r in doc.sheets
    ]
    if notes.rows is not None and notes.first is not None and read > 0:  # not footer rows alone
        doc.problems.append(_said(sheet, notes.rows, notes.first, items=items))


def _said(
    sheet: str, rows: tuple[int, int], first: tuple[str, str], *, items: bool
) -> DocumentProblem:
    cell, text = first
    span = f"{rows[0]}" if rows[0] == rows[1] else f"{rows[0]}–{rows[1]}"
    params = {
        "rows": span,
        "rows_en": f"Row {span}" if rows[0] == rows[1] else f"Rows {span}",
        "hold_en": "holds" if rows[0] == rows[1] else "hold",
        "whose_zh": "信息项" if items else "信息资源",
        "whose_en": "data items" if items else "resources",
    }
    quoted = text if len(text) <= QUOTED else text[: QUOTED - 1] + "…"
    return DocumentProblem(
        "", "", "", code="GC-S016", sheet=sheet, cell=cell, value=quoted, params=params
    )
