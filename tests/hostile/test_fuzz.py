"""Arbitrary bytes and arbitrary nesting into every reader and the main commands: a report,
a library error, or exit 0/1/2 with one line — never an unexpected exception."""

from __future__ import annotations

import json
import tempfile
import zipfile
from io import BytesIO
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from govcatalog import validate
from govcatalog.cli.app import _register, app
from govcatalog.errors import GovCatalogError
from govcatalog.packs import Pack
from tests.helpers import VALID_RESOURCE

_register()
runner = CliRunner()
SUFFIXES = (".json", ".yaml", ".csv", ".xml", ".ttl", ".jsonld", ".xlsx")
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=30,
)


def _validate_bytes(data: bytes, suffix: str, pack: Pack) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            report = validate(path, pack=pack)
        except GovCatalogError:
            return
        assert report.findings is not None


@FUZZ
@given(data=st.binary(max_size=300), suffix=st.sampled_from(SUFFIXES))
def test_arbitrary_bytes_into_every_reader(data: bytes, suffix: str, pack: Pack) -> None:
    _validate_bytes(data, suffix, pack)


@FUZZ
@given(resource=st.dictionaries(st.sampled_from(sorted(VALID_RESOURCE)), json_values, max_size=8))
def test_arbitrary_values_in_resource_fields(resource: dict[str, object], pack: Pack) -> None:
    doc = {"resources": [{**VALID_RESOURCE, **resource}]}
    _validate_bytes(json.dumps(doc, ensure_ascii=False).encode(), ".json", pack)


@FUZZ
@given(document=json_values)
def test_arbitrary_json_documents(document: object, pack: Pack) -> None:
    _validate_bytes(json.dumps(document).encode(), ".json", pack)


@FUZZ
@given(sheet=st.binary(max_size=400), strings=st.binary(max_size=200))
def test_arbitrary_workbook_parts(sheet: bytes, strings: bytes, pack: Pack) -> None:
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(
            "xl/workbook.xml",
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="目录" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        zf.writestr(
            "xl/_rels/workbook.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="x"/></Relationships>',
        )
        zf.writestr("xl/worksheets/sheet1.xml", b"<worksheet><sheetData>" + sheet)
        zf.writestr("xl/sharedStrings.xml", strings)
    _validate_bytes(buf.getvalue(), ".xlsx", pack)


@settings(max_examples=12, deadline=None)
@given(
    data=st.binary(max_size=200),
    suffix=st.sampled_from(SUFFIXES),
    command=st.sampled_from(["validate", "export", "diff", "score", "resolve", "history"]),
)
def test_commands_exit_0_1_2_with_one_line(data: bytes, suffix: str, command: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        args = {
            "validate": ["validate", str(path)],
            "export": ["export", str(path), "--to", "xml", "-o", str(Path(folder) / "o.xml")],
            "diff": ["diff", str(path), str(path)],
            "score": ["score", str(path)],
            "resolve": ["resolve", str(path)],
            "history": [
                "history",
                "add",
                str(path),
                "-c",
                "fuzz",
                "--db",
                f"sqlite:///{Path(folder) / 'h.sqlite'}",
            ],
        }[command]
        result = runner.invoke(app, args)
        assert result.exit_code in (0, 1, 2), (result.exit_code, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(
            result.exception
        )
        assert "Traceback" not in result.output
        if result.exit_code == 2:
            assert len([ln for ln in result.stderr.splitlines() if ln.strip()]) <= 1, result.stderr
