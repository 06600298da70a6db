"""The cyclic garbage collector is paused while a catalog is read, and runs again afterwards."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govcatalog._collector import collector_paused, collector_paused_to_the_end
from govcatalog.cli import diff_cmd
from govcatalog.cli.app import app
from govcatalog.io.json_reader import read_json
from govcatalog.packs import Pack
from govcatalog.records.read import ReadRecord
from govcatalog.validate import Validator
from tests.helpers import resource, write_catalog


def test_a_pause_ends_as_it_began() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause still holds
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # not switched on by a pause that found it off
    finally:
        gc.enable()


def test_a_pause_ends_on_an_error() -> None:
    with pytest.raises(ValueError, match="stop"), collector_paused():
        raise ValueError("stop")
    assert gc.isenabled()


def test_objects_made_in_a_pause_to_the_end_are_set_aside() -> None:
    gc.unfreeze()
    try:
        with collector_paused_to_the_end():
            assert not gc.isenabled()
            made = [{"n": i} for i in range(1000)]
        assert gc.isenabled()
        assert gc.get_freeze_count() >= len(made)
        assert not any(o is made[0] for o in gc.get_objects())  # never walked again
    finally:
        gc.unfreeze()


def test_a_pause_to_the_end_leaves_it_off_when_it_was_off() -> None:
    gc.disable()
    try:
        with collector_paused_to_the_end():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_validation_pauses_it_while_reading(tmp_path: Path, pack: Pack) -> None:
    path = write_catalog(tmp_path / "c.json", resource(), resource(code="X"))
    seen: list[bool] = []

    def hook(_: ReadRecord) -> None:
        seen.append(gc.isenabled())

    report = Validator(pack, on_record=hook).validate_document(read_json(path))
    assert seen == [False, False]
    assert report.stats.resources == 2
    assert gc.isenabled()


def test_the_validate_command_leaves_it_running(tmp_path: Path) -> None:
    path = write_catalog(tmp_path / "c.json", resource(code="X"))
    gc.unfreeze()
    try:
        result = CliRunner().invoke(app, ["validate", str(path), "--format", "json"])
        assert result.exit_code == 1, result.output
        assert '"findings"' in result.output
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0  # what it made is set aside, not walked again
    finally:
        gc.unfreeze()


def test_the_diff_command_writes_its_changes_with_it_paused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = write_catalog(tmp_path / "a.json", resource(code="X"))
    new = write_catalog(tmp_path / "b.json", resource(code="X", name="另一个名称"))
    seen: list[bool] = []
    real_emit = diff_cmd.emit

    def emit(*args: object, **kwargs: object) -> None:
        seen.append(gc.isenabled())
        real_emit(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(diff_cmd, "emit", emit)
    gc.unfreeze()
    try:
        result = CliRunner().invoke(app, ["diff", str(old), str(new), "--format", "json"])
        assert result.exit_code == 0, result.output
        assert '"changes"' in result.output
        assert seen == [False]
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0  # both versions set aside, not walked again
    finally:
        gc.unfreeze()
