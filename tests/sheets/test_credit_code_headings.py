"""A column headed 单位统一社会信用代码 or 部门统一社会信用代码 is the 信息资源提供方代码: in a
catalog only the providing department has one. Before, it was kept as an extension (GC-S004)
and the sheet had no provider code column (GC-S012). An item named 统一社会信用代码 stays an
item. The bare 统一社会信用代码 is no alias: a registration form lists it as the name of a 信息项
beside its type and length, where it would be read as the label of the provider code."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from govcatalog import load_catalog, validate
from govcatalog.validate import ValidationOptions
from tests.conftest import TODAY
from tests.sheets import itembook

OPTIONS = ValidationOptions(today=TODAY)


def _with_credit_item(resources: list[dict[str, object]]) -> list[dict[str, object]]:
    out = copy.deepcopy(resources)
    items = out[0]["items"]
    assert isinstance(items, list)
    items.append({"name": "统一社会信用代码", "data_type": "字符型", "length": 18})
    return out


@pytest.mark.parametrize("heading", ["单位统一社会信用代码", "部门统一社会信用代码"])
def test_a_credit_code_column_is_the_provider_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, heading: str
) -> None:
    resources = _with_credit_item(itembook.city(2))
    plain = itembook.item_book(tmp_path / "plain.xlsx", resources)
    headings = [heading if h == "信息资源提供方代码" else h for h in itembook.RESOURCE_HEADINGS]
    monkeypatch.setattr(itembook, "RESOURCE_HEADINGS", headings)
    named = itembook.item_book(tmp_path / "named.xlsx", resources)
    catalog = load_catalog(named)
    assert [r.provider_code for r in catalog.resources] == [r["provider_code"] for r in resources]
    assert "统一社会信用代码" in [i.name for i in catalog.resources[0].items or ()]
    assert catalog == load_catalog(plain)
    seen = validate(named, options=OPTIONS)
    assert not [f for f in seen.findings if f.code in {"GC-S004", "GC-S012"}]
    assert [f.code for f in seen.findings] == [
        f.code for f in validate(plain, options=OPTIONS).findings
    ]
