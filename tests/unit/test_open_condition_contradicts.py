"""An open condition that is an open type of the other kind contradicts 是否向社会开放
(GC-R014): 否 with 无条件开放, 是 with 不予开放. An open type that agrees, a condition that is
no open type (a sentence), or no condition says nothing more."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from govcatalog import validate
from govcatalog.packs import get_pack
from govcatalog.validate import ValidationOptions
from tests.conftest import TODAY

OPTIONS = ValidationOptions(today=TODAY)
CASES = Path(__file__).resolve().parents[2] / "standards" / "gb-1272" / "1.0.0" / "cases"
VALID = json.loads((CASES / "r05-valid-open.json").read_text("utf-8"))
TYPES = dict(get_pack("gb-1272").value_forms.open_types)
WRITTEN = {
    "无条件开放": True, "有条件开放": True, "依申请开放": True, "完全开放": True,
    "不予开放": False, "不开放": False, "暂不开放": False, "禁止开放": False,
}  # fmt: skip


def _codes(to_public: bool, condition: str | None) -> list[str]:
    doc = copy.deepcopy(VALID)
    doc["resources"] = doc["resources"][:1]
    opened: dict[str, object] = {"open_to_public": to_public}
    if condition is not None:
        opened["open_condition"] = condition
    doc["resources"][0]["open"] = opened
    report = validate(doc, options=OPTIONS)
    return sorted(
        f.code for f in report.findings if f.location.pointer.startswith("/resources/0/open")
    )


@settings(deadline=None)
@given(
    to_public=st.booleans(),
    written=st.sampled_from(sorted(WRITTEN)),
    pad=st.sampled_from(["{}", " {} ", "\u3000{}", "{}\u3000"]),
)
def test_an_open_type_of_the_other_kind_contradicts(
    to_public: bool, written: str, pad: str
) -> None:
    condition = pad.format(written)
    padded = ["GC-F003"] if condition != written else []  # the spaces around it are said
    expected = padded + ([] if WRITTEN[written] is to_public else ["GC-R014"])
    assert _codes(to_public, condition) == expected


def test_the_pack_reads_every_written_type_as_the_test_does() -> None:
    assert all(TYPES.get(t) is opens for t, opens in WRITTEN.items())


@settings(deadline=None)
@given(to_public=st.booleans())
def test_a_condition_that_is_no_open_type_contradicts_nothing(to_public: bool) -> None:
    assert _codes(to_public, "涉及个人隐私的部分不予开放，其余经申请后开放。") == []


def test_no_condition_is_r005_when_open_and_nothing_when_closed() -> None:
    assert _codes(True, None) == ["GC-R005"]
    assert _codes(False, None) == []
