"""Pack lifecycle: which versions a range picks by status, and the allowed status changes."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from govcatalog.errors import UnknownPack
from govcatalog.packs.lifecycle import TRANSITIONS, transition_problem, use_warning
from govcatalog.packs.pack import PackStatus
from govcatalog.packs.registry import PackRegistry


def registry(tmp_path: Path, **versions: str) -> PackRegistry:
    """A registry of pack ``p`` whose versions (``v1_2_0="active"``) carry those statuses."""
    for key, status in versions.items():
        version = key.removeprefix("v").replace("_", ".")
        folder = tmp_path / "p" / version
        folder.mkdir(parents=True)
        (folder / "pack.toml").write_text(
            f'[pack]\nid = "p"\nversion = "{version}"\nstatus = "{status}"\n', encoding="utf-8"
        )
    return PackRegistry([("test", tmp_path)])


@pytest.mark.parametrize(
    ("versions", "expected"),
    [
        ({"v1_0_0": "active", "v1_1_0": "draft"}, "p@1.0.0"),
        ({"v1_0_0": "superseded", "v1_1_0": "active", "v1_2_0": "retired"}, "p@1.1.0"),
        ({"v1_0_0": "superseded", "v1_1_0": "retired", "v1_2_0": "draft"}, "p@1.0.0"),
        ({"v1_0_0": "retired", "v1_1_0": "retired", "v1_2_0": "draft"}, "p@1.1.0"),
        ({"v1_0_0": "active", "v1_1_0": "active"}, "p@1.1.0"),
    ],
)
def test_a_range_prefers_active_and_superseded(
    tmp_path: Path, versions: dict[str, str], expected: str
) -> None:
    assert registry(tmp_path, **versions).resolve("p@^1").ref == expected


@pytest.mark.parametrize("status", list(PackStatus))
def test_an_exact_version_resolves_whatever_its_status(tmp_path: Path, status: PackStatus) -> None:
    reg = registry(tmp_path, v1_0_0="active", v1_1_0=status.value)
    source = reg.resolve("p@1.1.0")
    assert source.ref == "p@1.1.0"
    assert source.status is status


def test_only_drafts_fail_naming_them_and_how_to_ask(tmp_path: Path) -> None:
    reg = registry(tmp_path, v1_0_0="draft", v1_10_0="draft", v2_0_0="active")
    with pytest.raises(UnknownPack) as caught:
        reg.resolve("p@^1")
    message = str(caught.value)
    assert "only drafts match" in message
    assert "p@1.0.0, p@1.10.0" in message
    assert "p@2.0.0" not in message
    assert "exactly (e.g. p@1.10.0)" in message
    assert reg.resolve("p@1.10.0").status is PackStatus.DRAFT


def test_recorded_statuses_override_the_manifest(tmp_path: Path) -> None:
    folder = tmp_path / "root"
    registry(folder, v1_0_0="active", v1_1_0="active")
    reg = PackRegistry([]).with_root("pub", folder, {"p@1.1.0": PackStatus.RETIRED})
    assert reg.resolve("p@^1").ref == "p@1.0.0"
    assert reg.resolve("p@1.1.0").status is PackStatus.RETIRED
    other = PackRegistry([]).with_root("other", folder)  # statuses belong to their origin
    assert other.resolve("p@^1").ref == "p@1.1.0"


ALLOWED = {
    ("draft", "active"),
    ("active", "superseded"),
    ("active", "retired"),
    ("superseded", "retired"),
}


@pytest.mark.parametrize(("old", "new"), list(itertools.product(PackStatus, PackStatus)))
def test_transitions(old: PackStatus, new: PackStatus) -> None:
    problem = transition_problem(old, new)
    assert (problem is None) == ((old.value, new.value) in ALLOWED)
    assert ((old, new) in TRANSITIONS) == ((old.value, new.value) in ALLOWED)
    if problem is not None:
        assert old.value in problem


def test_retired_is_final_and_the_reason_says_what_is_allowed() -> None:
    assert transition_problem(PackStatus.RETIRED, PackStatus.ACTIVE) == "retired is final"
    why = transition_problem(PackStatus.ACTIVE, PackStatus.DRAFT)
    assert why == "active can only become retired or superseded"


def test_use_warnings_for_draft_and_retired_only() -> None:
    warned = {s for s in PackStatus if use_warning("p@1.0.0", s) is not None}
    assert warned == {PackStatus.DRAFT, PackStatus.RETIRED}
    assert "retired" in (use_warning("p@1.0.0", PackStatus.RETIRED) or "")
