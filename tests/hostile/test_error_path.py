"""One error path: every command ends a failure with one line on stderr and exit 2."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

import govcatalog
from govcatalog.cli.app import _register, app
from govcatalog.cli.edge import one_line, reason
from govcatalog.errors import GovCatalogError
from tests.helpers import resource, write_catalog

_register()
runner = CliRunner()


def _one_line_exit_two(args: list[str]) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("govcatalog: ")
    return lines[0]


def _all_errors() -> Iterator[type[GovCatalogError]]:
    for info in pkgutil.walk_packages(govcatalog.__path__, "govcatalog."):
        if info.name.endswith(("__main__", "docgen")) or ".migrations" in info.name:
            continue
        try:
            importlib.import_module(info.name)
        except ImportError:  # an optional extra that is not installed
            continue
    todo = [GovCatalogError]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        yield cls


def test_every_library_error_survives_a_context_manager() -> None:
    @contextmanager
    def guarded() -> Iterator[None]:
        yield

    checked = 0
    for cls in _all_errors():
        fields = getattr(cls, "__dataclass_fields__", {})
        try:
            exc = cls(*("x" for _ in fields)) if fields else cls("x")
        except TypeError:
            continue
        with pytest.raises(cls) as info, guarded():
            raise exc
        assert info.value is exc
        checked += 1
    assert checked >= 10


def test_deep_json_nesting_is_one_line_in_every_reading_command(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text('{"resources": ' + "[" * 5000 + "]" * 5000 + "}", encoding="utf-8")
    for args in (
        ["validate", str(deep)],
        ["export", str(deep), "--to", "xml", "-o", str(tmp_path / "o.xml")],
        ["diff", str(deep), str(deep)],
    ):
        assert "nested too deeply" in _one_line_exit_two(args)


def test_history_show_of_unknown_catalog_version_and_date(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'h.sqlite'}"
    cat = write_catalog(tmp_path / "c.json", resource())
    assert runner.invoke(app, ["history", "add", str(cat), "-c", "city", "--db", db]).exit_code == 0
    assert "no catalog 'nope'" in _one_line_exit_two(["history", "show", "-c", "nope", "--db", db])
    assert "no version 9" in _one_line_exit_two(
        ["history", "show", "-c", "city", "-v", "9", "--db", db]
    )
    assert "in force on 1990-01-01" in _one_line_exit_two(
        ["history", "show", "-c", "city", "--at", "1990-01-01", "--db", db]
    )


def test_pack_folder_without_manifest_and_a_system_folder_as_pack(tmp_path: Path) -> None:
    cat = write_catalog(tmp_path / "c.json", resource())
    (tmp_path / "empty").mkdir()
    line = _one_line_exit_two(["validate", str(cat), "--pack", str(tmp_path / "empty")])
    assert "not a pack folder" in line


def test_output_into_a_missing_folder(tmp_path: Path) -> None:
    cat = write_catalog(tmp_path / "c.json", resource())
    line = _one_line_exit_two(["validate", str(cat), "-o", str(tmp_path / "no" / "r.json")])
    assert "No such file or directory" in line


def test_max_seconds_stops_a_run_with_one_line(tmp_path: Path) -> None:
    cat = write_catalog(tmp_path / "c.json", resource())
    line = _one_line_exit_two(["--max-seconds", "0.000001", "validate", str(cat)])
    assert "--max-seconds" in line
    assert runner.invoke(app, ["--max-seconds", "60", "validate", str(cat)]).exit_code == 0


def test_reasons_are_single_bounded_lines() -> None:
    assert one_line("a\nb\r\nc") == "a b c"
    assert len(one_line("x" * 10_000)) == 400
    assert "nested too deeply" in reason(RecursionError())
    assert reason(ValueError("bad\nvalue")) == "invalid value: bad value"


def test_cyclic_rdf_list_is_one_line(tmp_path: Path) -> None:
    src = write_catalog(tmp_path / "c.json", resource(related_codes=["101001/000002"]))
    ttl = tmp_path / "c.ttl"
    assert runner.invoke(app, ["export", str(src), "--to", "ttl", "-o", str(ttl)]).exit_code == 0
    text = ttl.read_text(encoding="utf-8")
    assert 'govcat:relatedCodes ( "101001/000002" )' in text
    cyclic = (
        text.replace('govcat:relatedCodes ( "101001/000002" )', "govcat:relatedCodes _:loop")
        + '\n_:loop rdf:first "101001/000002" ; rdf:rest _:loop2 .\n_:loop2 rdf:first "x" ; rdf:rest _:loop .\n'
    )
    ttl.write_text(cyclic, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(ttl), "--format", "json", "--lang", "en"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "cyclic" in result.output


def test_utf16_xml_with_a_doctype_is_refused(tmp_path: Path) -> None:
    xml = (
        '<?xml version="1.0" encoding="UTF-16"?>\n'
        '<!DOCTYPE c [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>\n'
        "<catalog><resources/></catalog>\n"
    )
    path = tmp_path / "c.xml"
    path.write_bytes(xml.encode("utf-16"))
    result = runner.invoke(app, ["validate", str(path), "--format", "json", "--lang", "en"])
    assert result.exit_code == 2
    assert "DOCTYPE" in result.output


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_library_validate_reports_deep_nesting_as_unreadable(tmp_path: Path, suffix: str) -> None:
    from govcatalog import validate

    path = tmp_path / f"deep{suffix}"
    path.write_text('{"resources": [' + "[" * 5000 + "]" * 5000 + "]}", encoding="utf-8")
    report = validate(path, pack="gb-1272@^1")
    assert [f.code for f in report.findings] == ["GC-S001"]
    assert "nest" in report.findings[0].message_en


def test_annotate_into_a_missing_folder(tmp_path: Path) -> None:
    src = write_catalog(tmp_path / "c.json", resource())
    book = tmp_path / "c.xlsx"
    assert runner.invoke(app, ["export", str(src), "--to", "xlsx", "-o", str(book)]).exit_code == 0
    line = _one_line_exit_two(
        ["validate", str(book), "--annotate", str(tmp_path / "no" / "a.xlsx")]
    )
    assert "does not exist" in line
    assert not (tmp_path / "no").exists()
