"""Nothing is written outside the folder the user named, nothing outside a pack folder is
published, and no value becomes a live formula in a written workbook."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import update
from typer.testing import CliRunner

from govcatalog.cli.app import _register, app
from govcatalog.errors import PackError
from govcatalog.packs.content import inside, pack_files
from govcatalog.packs.published import PackStore
from govcatalog.packs.versions import PackRef, check_pack_id
from govcatalog.store import open_database
from govcatalog.store.registry import PackVersionRow
from tests.helpers import resource, write_catalog

_register()
runner = CliRunner()
FORMULAS = ('=HYPERLINK("http://example.invalid/?leak","点击")', "=WEBSERVICE(A1)", "=1+1")


def _pack(folder: Path, ident: str = "city", version: str = "1.0.0") -> Path:
    folder.mkdir(parents=True)
    (folder / "pack.toml").write_text(
        f'[pack]\nid = "{ident}"\nversion = "{version}"\nstatus = "active"\n'
        'extends = "gb-1272@^1"\n',
        encoding="utf-8",
    )
    return folder


@pytest.mark.parametrize("ident", ["/srv/x", "../../x", "a/b", "", "..", "x" * 65, "é", "a\\b"])
def test_pack_ids_that_are_paths_are_refused(tmp_path: Path, ident: str) -> None:
    with pytest.raises(ValueError, match="not a pack id"):
        check_pack_id(ident)
    with pytest.raises(ValueError, match="not a pack"):
        PackRef.parse(f"{ident}@^1")
    folder = _pack(tmp_path / "p", ident.replace("\\", "\\\\"))
    result = runner.invoke(app, ["pack", "check", str(folder)])
    assert result.exit_code != 0
    assert "Traceback" not in result.output


def test_publish_refuses_links_out_of_the_pack(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("root:x:0:0\n", encoding="utf-8")
    folder = _pack(tmp_path / "p")
    (folder / "notes.txt").symlink_to(outside)
    with pytest.raises(PackError, match="symbolic link"):
        pack_files(folder)
    (folder / "notes.txt").unlink()
    (folder / "up").symlink_to(tmp_path, target_is_directory=True)
    with pytest.raises(PackError, match="symbolic link"):
        pack_files(folder)
    store = PackStore(open_database(f"sqlite:///{tmp_path / 'reg.sqlite'}"))
    try:
        with pytest.raises(PackError):
            store.publish(folder)
        assert store.versions() == ()
    finally:
        store.close()


@pytest.mark.parametrize(
    "rel", ["../x", "/etc/x", "a/../../x", "a//b", "C:/x", "a\\..\\x", "./x", "a/./b"]
)
def test_inside_refuses_every_escape(tmp_path: Path, rel: str) -> None:
    with pytest.raises(PackError):
        inside(tmp_path, rel)


def test_inside_refuses_a_link_in_the_destination(tmp_path: Path) -> None:
    dest = tmp_path / "dest"
    dest.mkdir()
    (dest / "city").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    with pytest.raises(PackError, match="outside"):
        inside(dest, "city/1.0.0/pack.toml")
    assert inside(dest, "gb/1.0.0/pack.toml") == dest / "gb/1.0.0/pack.toml"


def test_export_of_a_tampered_registry_writes_nothing_outside(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'reg.sqlite'}"
    store = PackStore(open_database(url))
    try:
        store.publish(_pack(tmp_path / "p"))
        with store.db.session() as session, session.begin():
            session.execute(update(PackVersionRow).values(pack_id="../../escaped"))
        assert store.versions() == ()  # a row that is not a valid id is not served
    finally:
        store.close()
    dest = tmp_path / "out" / "deep"
    dest.mkdir(parents=True)
    result = runner.invoke(app, ["pack", "export", str(dest), "--registry", url])
    assert "Traceback" not in result.output
    assert not (tmp_path / "escaped").exists()
    assert not (tmp_path / "out" / "escaped").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "p", "reg.sqlite"]


def _cells(path: Path) -> list[tuple[object, str]]:
    wb = load_workbook(path)
    return [(c.value, c.data_type) for ws in wb.worksheets for row in ws.iter_rows() for c in row]


def test_export_xlsx_writes_formula_like_values_as_text(tmp_path: Path) -> None:
    res = resource(name=FORMULAS[0], abstract=FORMULAS[1], provider=FORMULAS[2])
    src = write_catalog(tmp_path / "c.json", res)
    out = tmp_path / "c.xlsx"
    result = runner.invoke(app, ["export", str(src), "--to", "xlsx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    cells = _cells(out)
    for text in FORMULAS:
        assert (text, "s") in cells
    assert not [c for c in cells if c[1] == "f"]
    # Read back and written again (an input workbook's text cells): still text.
    again = tmp_path / "again.xlsx"
    result = runner.invoke(app, ["export", str(out), "--to", "xlsx", "-o", str(again)])
    assert result.exit_code == 0, result.output
    assert not [c for c in _cells(again) if c[1] == "f"]
    assert (FORMULAS[0], "s") in _cells(again)


def test_annotated_copy_has_no_formulas(tmp_path: Path) -> None:
    src = write_catalog(tmp_path / "c.json", resource(name=FORMULAS[0], provider_code=FORMULAS[2]))
    book = tmp_path / "c.xlsx"
    assert runner.invoke(app, ["export", str(src), "--to", "xlsx", "-o", str(book)]).exit_code == 0
    marked = tmp_path / "marked.xlsx"
    runner.invoke(app, ["validate", str(book), "--annotate", str(marked)])
    cells = _cells(marked)
    assert not [c for c in cells if c[1] == "f"]
    assert (FORMULAS[0], "s") in cells
    assert any(isinstance(v, str) and FORMULAS[2] in v for v, _ in cells)


def test_resolve_xlsx_writes_request_values_as_text(tmp_path: Path) -> None:
    request = tmp_path / "req.json"
    request.write_text(
        json.dumps(
            {
                "requester": {"name": FORMULAS[1], "code": "11420600011093474X"},
                "purpose": "业务协同",
                "date": "2025-09-26",
                "items": [FORMULAS[0], "姓名"],
                "keys": [FORMULAS[2]],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    out = tmp_path / "r.xlsx"
    result = runner.invoke(app, ["resolve", str(request), "--format", "xlsx", "-o", str(out)])
    assert result.exit_code in (0, 1), result.output
    cells = _cells(out)
    assert (FORMULAS[0], "s") in cells
    assert not [c for c in cells if c[1] == "f"]


def test_nothing_written_when_output_folder_is_missing(tmp_path: Path) -> None:
    src = write_catalog(tmp_path / "c.json", resource())
    before = sorted(p.name for p in tmp_path.iterdir())
    result = runner.invoke(
        app, ["export", str(src), "--to", "xlsx", "-o", str(tmp_path / "none" / "c.xlsx")]
    )
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_markdown_diff_writes_names_as_inert_text(tmp_path: Path) -> None:
    old = write_catalog(tmp_path / "old.json", resource())
    hostile = "<img src=x onerror=alert(1)> [click](http://example.invalid) | *x*"
    new = write_catalog(tmp_path / "new.json", resource(name=hostile))
    out = tmp_path / "d.md"
    result = runner.invoke(
        app, ["diff", str(old), str(new), "--format", "markdown", "-o", str(out)]
    )
    assert result.exit_code in (0, 1), result.output
    text = out.read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt;" in text
    assert "<img" not in text
    assert "](http" not in text.replace("\\]", "")
    assert all(
        line.count("|") - line.count("\\|") == 6
        for line in text.splitlines()
        if line.startswith("| GC")
    )
