"""Hostile inputs, generated at test time (nothing large is committed).

Each builder writes one file and returns its path; sizes are parameters, so tests
use small multiples of what an attacker would send while still crossing the bounds.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import yaml

from tests.helpers import resource

_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    ),
    "xl/workbook.xml": (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_NS}" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="目录" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        "</Relationships>"
    ),
}


def workbook(path: Path, sheet_xml: bytes) -> Path:
    """A minimal .xlsx whose only sheet is ``sheet_xml`` (compressed)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in _PARTS.items():
            zf.writestr(name, text)
        zf.writestr("xl/worksheets/sheet1.xml", sheet_xml)
    return path


def sheet(body: bytes) -> bytes:
    """A worksheet part around ``body`` (the inside of ``<sheetData>``)."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_NS}"><sheetData>'.encode()
        + body
        + b"</sheetData></worksheet>"
    )


def unclosed_row(path: Path, spaces: int) -> Path:
    """One ``<row>`` that never closes, followed by ``spaces`` blanks (compresses ~1000:1)."""
    head = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_NS}"><sheetData><row r="1">'
    return workbook(path, head.encode() + b" " * spaces)


def empty_rows(path: Path, rows: int) -> Path:
    """``rows`` rows of empty cells: nothing to read, everything to scan."""
    row = b"<row>" + b"<c/>" * 50 + b"</row>"
    return workbook(path, sheet(row * rows))


def long_text_cell(path: Path, size: int) -> Path:
    """One inline-string cell of ``size`` characters."""
    cell = b'<row r="1"><c r="A1" t="inlineStr"><is><t>' + b"x" * size + b"</t></is></c></row>"
    return workbook(path, sheet(cell))


def duplicate_names(path: Path, count: int) -> Path:
    """A JSON catalog of ``count`` resources that all share one name."""
    resources = [
        resource(code=f"101001/{n:06d}", name="户籍人口基本信息") for n in range(1, count + 1)
    ]
    path.write_text(json.dumps({"resources": resources}, ensure_ascii=False), encoding="utf-8")
    return path


def huge_value(path: Path, size: int) -> Path:
    """A JSON catalog whose one resource has a ``size``-character abstract."""
    path.write_text(
        json.dumps({"resources": [resource(abstract="摘" * size, update_cycle="x" * size)]}),
        encoding="utf-8",
    )
    return path


def deep_json(path: Path, depth: int) -> Path:
    """JSON nested ``depth`` arrays deep inside a resource."""
    path.write_text('{"resources": [' + "[" * depth + "]" * depth + "]}", encoding="utf-8")
    return path


def unknown_keys(path: Path, count: int) -> Path:
    """A catalog whose one resource has ``count`` keys the standard does not define (JSON, or
    YAML for a ``.yaml`` path), each on a line of its own."""
    data = resource()
    data.update({f"k{n:05d}": "v" for n in range(count)})
    doc = {"resources": [data]}
    if path.suffix == ".yaml":
        text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
    else:
        text = json.dumps(doc, ensure_ascii=False, indent=1)
    path.write_text(text, encoding="utf-8")
    return path
