"""Conformance cases shipped with each pack (standards/<pack>/<version>/cases/).

Every case is a small catalog and the table of findings it must give; see cases.toml.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path

import pytest

from govcatalog import ValidationOptions, get_pack, validate
from govcatalog.packs.builtin import standards

TODAY = dt.date(2026, 1, 15)
"""The fixed day of validation the cases are written for."""
RULES = [f"R{n}" for n in range(1, 13)]
"""The cross-field rules of the guide (domain reference § 1.7)."""


@dataclass(frozen=True)
class Case:
    """One conformance case."""

    pack: str
    directory: Traversable
    file: str
    description: str
    spec: str
    expect: tuple[dict[str, object], ...]
    only: frozenset[str] | None
    read_with: str | None = None
    """A pack extending this one that the case is validated with (its code is this pack's)."""

    @property
    def id(self) -> str:
        return f"{self.pack}:{self.file}"

    @property
    def invalid(self) -> bool:
        return bool(self.expect)


def _case_dirs() -> list[tuple[str, Traversable]]:
    found = []
    for pack_dir in standards().iterdir():
        if not pack_dir.is_dir():
            continue
        for version_dir in pack_dir.iterdir():
            cases = version_dir / "cases"
            if cases.is_dir():
                found.append((f"{pack_dir.name}@{version_dir.name}", cases))
    return sorted(found, key=lambda pair: pair[0])


def _load_cases() -> list[Case]:
    out = []
    for pack, directory in _case_dirs():
        data = tomllib.loads((directory / "cases.toml").read_text(encoding="utf-8"))
        for raw in data["case"]:
            only = raw.get("only")
            out.append(
                Case(
                    pack,
                    directory,
                    raw["file"],
                    raw["description"],
                    raw["spec"],
                    tuple(raw["expect"]),
                    frozenset(only) if only is not None else None,
                    raw.get("pack"),
                )
            )
    return out


CASES = _load_cases()


def _columns(case: Case) -> tuple[str, ...]:
    # Severity is compared where a case gives it (a pack that raises or lowers a code's).
    graded = ("severity",) if any("severity" in e for e in case.expect) else ()
    positioned = any("line" in e for e in case.expect)
    celled = any("cell" in e for e in case.expect)
    return (
        "code",
        *graded,
        "pointer",
        *(("line", "column") if positioned else ()),
        *(("sheet", "cell") if celled else ()),
    )


def _expected_rows(case: Case, columns: tuple[str, ...]) -> list[tuple[object, ...]]:
    return sorted((tuple(e.get(c) for c in columns) for e in case.expect), key=repr)


def test_there_are_cases() -> None:
    assert len(CASES) >= 50


def _as_workbook(path: Path, tmp_path: Path) -> Path:
    """A case written as sheets of rows (``{"$workbook": {sheet: [[cell, …], …]}}``, the sheets
    named in ``"$hidden"`` hidden, the ranges of ``"$merged"`` (``{sheet: ["A2:A4", …]}``)
    merged, the rows of ``"$hidden_rows"`` (``{sheet: [3, 5]}``) hidden) as .xlsx, so that multi-sheet behaviour has text cases; any other case as it is."""
    if path.suffix != ".json":
        return path
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:  # the cases of unreadable input
        return path
    if not isinstance(data, dict) or "$workbook" not in data:
        return path
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for sheet, rows in data["$workbook"].items():
        ws = wb.create_sheet(sheet)
        for row in rows:
            ws.append(row)
        for cells in data.get("$merged", {}).get(sheet, ()):
            ws.merge_cells(cells)
        if sheet in data.get("$hidden", ()):
            ws.sheet_state = "hidden"
        for r in data.get("$hidden_rows", {}).get(sheet, ()):
            ws.row_dimensions[r].hidden = True
    out = tmp_path / path.with_suffix(".xlsx").name
    wb.save(out)
    return out


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_case(case: Case, tmp_path: Path) -> None:
    pack = get_pack(case.read_with or case.pack)
    assert case.pack in pack.lineage
    path = _as_workbook(Path(str(case.directory / case.file)), tmp_path)
    report = validate(path, pack=pack, options=ValidationOptions(today=TODAY))
    if case.only is not None:
        report = report.with_codes(case.only)
    columns = _columns(case)
    rows = report.table(*columns)
    if "line" in columns:
        # A position is compared where the case gives one.
        given = {c for e in case.expect for c in e}
        rows = [
            tuple(v if c in given else None for c, v in zip(columns, row, strict=True))
            for row in rows
        ]
    assert sorted(rows, key=repr) == _expected_rows(case, columns), case.description
    # A place the message names (another resource's), in both languages, where a case gives it
    for e in case.expect:
        if "names" in e:
            said = [
                (f.message_zh, f.message_en)
                for f in report
                if f.code == e["code"] and f.location.pointer == e["pointer"]
            ]
            assert said, e
            assert all(str(e["names"]) in zh and str(e["names"]) in en for zh, en in said), said


PACKS = _case_dirs()
per_pack = pytest.mark.parametrize(("pack", "directory"), PACKS, ids=[p for p, _ in PACKS])


@per_pack
def test_every_case_file_is_listed(pack: str, directory: Traversable) -> None:
    listed = [c.file for c in CASES if c.pack == pack]
    on_disk = sorted(p.name for p in directory.iterdir() if p.name != "cases.toml")
    assert sorted(listed) == on_disk
    assert len(set(listed)) == len(listed)


@per_pack
def test_every_code_has_an_invalid_case(pack: str, directory: Traversable) -> None:
    assert (directory / "cases.toml").is_file()
    the_pack = get_pack(pack)
    codebook = set(the_pack.codebook)
    # An extension pack answers for the codes it adds; its parent's cases cover the rest.
    own = codebook - set(get_pack(the_pack.extends).codebook) if the_pack.extends else codebook
    covered = {str(e["code"]) for c in CASES if c.pack == pack for e in c.expect}
    assert own - covered == set()
    assert covered <= codebook


@per_pack
def test_every_rule_has_invalid_and_valid_cases(pack: str, directory: Traversable) -> None:
    assert (directory / "cases.toml").is_file()
    ours = [c for c in CASES if c.pack == pack]
    # The guide's rules R1–R12 are the national pack's; an extension pack cites its own
    # articles (e.g. "809 第十五条") and needs a valid and an invalid case for each.
    rules = RULES if not get_pack(pack).extends else sorted({c.spec for c in ours})
    for rule in rules:
        assert any(c.spec == rule and c.invalid for c in ours), f"no invalid case for {rule}"
        assert any(c.spec == rule and not c.invalid for c in ours), f"no valid case for {rule}"


def test_case_files_are_small() -> None:
    for case in CASES:
        assert len((case.directory / case.file).read_bytes()) < 8192, case.file
        assert re.fullmatch(r"[a-z0-9][a-z0-9-]*\.(json|yaml|csv)", case.file), case.file
