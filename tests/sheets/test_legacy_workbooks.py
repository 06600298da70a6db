"""Excel 97–2003 (.xls) workbooks read as the same catalog as their .xlsx twin."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from messybook import build_messy_workbook
from openpyxl import load_workbook
from sheetbook import build_real_layout
from typer.testing import CliRunner
from xlsbook import as_xls

from govcatalog import MissingExtra, examples, load_catalog, validate
from govcatalog.cli.app import _register, app
from govcatalog.io.xlsx_parse import column_letter
from govcatalog.loading import load_catalog_judged
from govcatalog.packs.regime import RegimeBasis

xlwt = pytest.importorskip("xlwt", reason="xlwt (a dev dependency) writes the .xls workbooks")

_register()
runner = CliRunner()


def _seen(path: Path) -> list[tuple[str, str | None, str | None, str | None]]:
    report = validate(path)
    return sorted(
        (f.code, f.location.pointer, f.location.sheet, f.location.cell) for f in report.findings
    )


@pytest.mark.parametrize("example", ["city", "city-errors"])
def test_an_exported_catalog_reads_the_same_from_xls(tmp_path: Path, example: str) -> None:
    xlsx = tmp_path / f"{example}.xlsx"
    result = runner.invoke(
        app, ["export", str(examples.path(example)), "--to", "xlsx", "-o", str(xlsx)]
    )
    assert result.exit_code == 0, result.output
    xls = as_xls(xlsx, tmp_path / f"{example}.xls")
    assert _seen(xls) == _seen(xlsx)
    assert load_catalog(xls).model_dump(mode="json") == load_catalog(xlsx).model_dump(mode="json")


def test_a_messy_workbook_reads_the_same_from_xls(tmp_path: Path) -> None:
    xlsx = build_messy_workbook(tmp_path / "messy.xlsx")
    xls = as_xls(xlsx, tmp_path / "messy.xls")
    assert _seen(xls) == _seen(xlsx)
    assert validate(xls).stats.resources == 2


def test_an_html_page_saved_as_xls_is_one_clear_line(tmp_path: Path) -> None:
    page = tmp_path / "export.xls"
    page.write_text("<html><body><table><tr><td>信息资源名称</td></tr></table></body></html>")
    result = runner.invoke(app, ["validate", str(page)])
    assert result.exit_code == 2
    assert "HTML" in result.stderr and "xlsx" in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_damaged_xls_is_a_located_finding(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xls"
    broken.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    report = validate(broken)
    assert [f.code for f in report.findings] == ["GC-S001"]
    assert "damaged or encrypted" in report.findings[0].message_en


def test_without_the_extra_the_message_names_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    xls = as_xls(build_messy_workbook(tmp_path / "m.xlsx"), tmp_path / "m.xls")
    monkeypatch.setitem(sys.modules, "python_calamine", None)
    with pytest.raises(MissingExtra, match=r"govcatalog\[xls\]"):
        validate(xls)
    result = runner.invoke(app, ["validate", str(xls)])
    assert result.exit_code == 2
    assert "govcatalog[xls]" in result.stderr


def test_an_encrypted_xlsx_needs_no_extra_to_be_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "python_calamine", None)
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512
    named = tmp_path / "locked.xlsx"
    named.write_bytes(ole)
    marked = tmp_path / "locked.xls"
    marked.write_bytes(ole + "EncryptedPackage".encode("utf-16-le") + b"\0" * 64)
    for path in (named, marked):
        (finding,) = validate(path).findings
        assert finding.code == "GC-S001"
        assert "encrypted (password to open)" in finding.message_en


def test_a_hidden_sheet_of_an_xls_is_said(tmp_path: Path) -> None:
    """Excel 97–2003 keeps a sheet's visibility too: its hidden sheet is said (GC-S013)."""
    from plainrows import HEADINGS, row

    book = xlwt.Workbook()
    for name, visibility, first in (("目录", 0, 0), ("目录（旧）", 1, 5)):
        ws = book.add_sheet(name)
        ws.visibility = visibility
        for c, heading in enumerate(HEADINGS):
            ws.write(0, c, heading)
        for r in range(2):
            for c, value in enumerate(row(first + r)):
                ws.write(r + 1, c, value)
    path = tmp_path / "hidden.xls"
    book.save(str(path))
    said = [f for f in validate(path).findings if f.code == "GC-S013"]
    assert [(f.location.sheet, f.message_en) for f in said] == [
        (
            "目录（旧）",
            'Sheet "目录（旧）" is hidden in the workbook, and read as catalog data: 2 resources.',
        )
    ]


@pytest.mark.parametrize(
    "footer", [{1: "填报日期：2025年9月12日"}, {3: "填报日期", 4: "2025年9月"}]
)
def test_a_footer_date_reads_the_same_from_xls(tmp_path: Path, footer: dict[int, object]) -> None:
    """The last rows of an .xls sheet say when its form was filled in as an .xlsx's do."""
    xlsx = build_real_layout(tmp_path / "dated.xlsx")
    book = load_workbook(xlsx)
    sheet = book.worksheets[0]
    row = sheet.max_row + 2
    for column, value in footer.items():
        sheet.cell(row, column, value)
    book.save(xlsx)
    xls = as_xls(xlsx, tmp_path / "dated.xls")
    seen = []
    for path in (xlsx, xls):
        regime = load_catalog_judged(path).regime
        seen.append((regime.pack.id, regime.basis, regime.day, regime.sheet, regime.cell))
    assert seen[0] == seen[1]
    assert seen[0][:2] == ("sharing-2025", RegimeBasis.FORM)
    assert seen[0][4] == f"{column_letter(max(footer))}{row}"
    assert _seen(xls) == _seen(xlsx)
