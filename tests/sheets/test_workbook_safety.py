"""Hostile and broken workbooks are refused with a clear reason; formulas are never run."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sheetbook import build_real_layout

from govcatalog import validate
from govcatalog.errors import LoadError
from govcatalog.io.sheet_reader import read_xlsx
from govcatalog.io.xlsx_parse import Limits
from govcatalog.packs import Pack


def _reason(path: Path, pack: Pack, limits: Limits | None = None) -> str:
    with pytest.raises(LoadError) as info:
        list(read_xlsx(path, path.name, pack, limits=limits).records)
    return info.value.reason_en


def test_encrypted_workbook_is_refused(tmp_path: Path, pack: Pack) -> None:
    path = tmp_path / "locked.xlsx"
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512
    )  # OLE container = encrypted OOXML
    assert "encrypted" in _reason(path, pack)
    report = validate(path, pack=pack)
    assert [f.code for f in report.findings] == ["GC-S001"]


def test_not_a_zip_is_refused(tmp_path: Path, pack: Pack) -> None:
    path = tmp_path / "text.xlsx"
    path.write_text("序号,名称\n", encoding="utf-8")
    assert "not a zip" in _reason(path, pack)


def test_truncated_zip_is_refused(tmp_path: Path, pack: Pack) -> None:
    good = build_real_layout(tmp_path / "good.xlsx").read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(good[: len(good) // 2])
    assert "damaged" in _reason(path, pack)


def _bomb(path: Path, size: int) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", b"<workbook/>" + b" " * size)
    return path


def test_zip_bomb_by_declared_size(tmp_path: Path, pack: Pack) -> None:
    path = _bomb(tmp_path / "bomb.xlsx", 5_000_000)
    assert path.stat().st_size < 100_000
    assert "zip bomb" in _reason(path, pack, Limits(max_unzipped_bytes=1_000_000))


def _understate(data: bytes, member: bytes, size: int) -> bytes:
    """Rewrite the uncompressed size of ``member`` in its local and central headers."""
    buf = bytearray(data)
    for sig, offset, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        pos = buf.find(sig)
        while pos >= 0:
            name_len = int.from_bytes(buf[pos + name_at - 4 : pos + name_at - 2], "little")
            if sig == b"PK\x03\x04":
                name_len = int.from_bytes(buf[pos + 26 : pos + 28], "little")
            else:
                name_len = int.from_bytes(buf[pos + 28 : pos + 30], "little")
            if bytes(buf[pos + name_at : pos + name_at + name_len]) == member:
                buf[pos + offset : pos + offset + 4] = size.to_bytes(4, "little")
            pos = buf.find(sig, pos + 4)
    return bytes(buf)


def test_zip_lying_about_its_size_is_refused(tmp_path: Path, pack: Pack) -> None:
    good = build_real_layout(tmp_path / "good.xlsx").read_bytes()
    path = tmp_path / "liar.xlsx"
    path.write_bytes(_understate(good, b"xl/worksheets/sheet1.xml", 100))
    assert "damaged" in _reason(path, pack)


def test_cell_count_is_bounded(tmp_path: Path, pack: Pack) -> None:
    path = build_real_layout(tmp_path / "city.xlsx")
    assert "too many cells" in _reason(path, pack, Limits(max_cells=40))


def test_formulas_are_read_as_saved_values_never_run(tmp_path: Path, pack: Pack) -> None:
    path = build_real_layout(tmp_path / "city.xlsx")
    wb = load_workbook(path)
    ws = wb["目录"]
    ws["D4"] = '=WEBSERVICE("http://example.invalid/")'  # 信息资源名称 as a formula, no saved value
    wb.save(path)
    records = list(read_xlsx(path, "city.xlsx", pack).records)
    assert "name" not in records[0].data  # type: ignore[operator]
    assert "WEBSERVICE" not in repr(records[0].data)


def test_empty_workbook_reports_missing_headings(tmp_path: Path, pack: Pack) -> None:
    path = tmp_path / "empty.xlsx"
    Workbook().save(path)
    report = validate(path, pack=pack)
    assert [f.code for f in report.findings] == ["GC-S002"]
