"""Compatibility between pack versions: the classification of changes, the modes, and the
property that a BACKWARD-compatible new version accepts every catalog the old one accepted."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from govcatalog.io.records import RawRecord, SourceDocument
from govcatalog.packs import Pack, get_pack
from govcatalog.packs.compat import (
    Change,
    ChangeKind,
    CompatMode,
    Violation,
    breaks_backward,
    check_compat,
    classify,
)
from govcatalog.packs.declared import Condition, DeclaredRule
from govcatalog.packs.fields import FieldKind, FieldLevel, FieldSpec
from govcatalog.packs.lawdata import Deadline
from govcatalog.report import Severity
from govcatalog.validate import ValidationOptions, Validator
from govcatalog.vocab import load_vocabulary

TODAY = dt.date(2026, 1, 15)
OPTIONS = ValidationOptions(today=TODAY)


EP_TITLE = "Example provincial standard for government information resource catalogs"


@pytest.fixture(scope="module")
def province() -> Pack:
    return get_pack("example-province@^1")


# ---------------------------------------------------------------- pack mutations (in memory)
def make_required(pack: Pack, field_id: str, required: bool = True) -> Pack:
    spec = dataclasses.replace(pack.fields.get(field_id), required=required)
    return dataclasses.replace(pack, fields=pack.fields.with_fields([spec]))


def drop_value(pack: Pack, scheme: str, label: str) -> Pack:
    vocabs = dict(pack.vocabularies)
    vocabs[scheme] = vocabs[scheme].restrict(exclude=[label])
    return dataclasses.replace(pack, vocabularies=vocabs)


def restore_vocabulary(pack: Pack, scheme: str) -> Pack:
    vocabs = dict(pack.vocabularies)
    vocabs[scheme] = load_vocabulary(scheme)
    return dataclasses.replace(pack, vocabularies=vocabs)


def set_severity(pack: Pack, code: str, severity: Severity) -> Pack:
    return dataclasses.replace(pack, codebook=pack.codebook.with_severities({code: severity}))


def add_field(pack: Pack, key: str, required: bool) -> Pack:
    spec = FieldSpec(f"extensions.{key}", f"新增{key}", key, FieldKind.TEXT, required=required)
    return dataclasses.replace(pack, fields=pack.fields.with_fields([spec]))


def add_rule(pack: Pack, field_id: str, code: str) -> Pack:
    rule = DeclaredRule(
        f"require-{field_id}", code, Condition("share.share_type", ("有条件共享",)), (field_id,)
    )
    return dataclasses.replace(pack, declared_rules=(*pack.declared_rules, rule))


def drop_rules(pack: Pack) -> Pack:
    return dataclasses.replace(pack, declared_rules=())


def shorten(pack: Pack, field_id: str, length: int) -> Pack:
    spec = dataclasses.replace(pack.fields.get(field_id), max_length=length)
    return dataclasses.replace(pack, fields=pack.fields.with_fields([spec]))


def bump(pack: Pack) -> Pack:
    v = pack.version
    return dataclasses.replace(pack, version=dataclasses.replace(v, minor=v.minor + 1))


# ---------------------------------------------------------------- classification
def kinds(old: Pack, new: Pack) -> set[ChangeKind]:
    return {c.kind for c in classify(old, new)}


def test_identical_packs_have_no_change(province: Pack) -> None:
    assert classify(province, province) == ()
    assert check_compat(bump(province), province, CompatMode.FULL_TRANSITIVE).compatible


@pytest.mark.parametrize(
    ("mutate", "kind", "backward", "forward"),
    [
        (
            lambda p: make_required(p, "extensions.data_scope"),
            ChangeKind.FIELD_MADE_REQUIRED,
            True,
            False,
        ),
        (lambda p: make_required(p, "secrecy", False), ChangeKind.FIELD_MADE_OPTIONAL, False, True),
        (lambda p: add_field(p, "x", False), ChangeKind.FIELD_ADDED_OPTIONAL, False, False),
        (lambda p: add_field(p, "x", True), ChangeKind.FIELD_ADDED_REQUIRED, True, False),
        (
            lambda p: drop_value(p, "update-cycle", "每日"),
            ChangeKind.VOCABULARY_VALUE_REMOVED,
            True,
            False,
        ),
        (
            lambda p: restore_vocabulary(p, "share-mode-class"),
            ChangeKind.VOCABULARY_VALUE_ADDED,
            False,
            True,
        ),
        (
            lambda p: set_severity(p, "GC-F011", Severity.ERROR),
            ChangeKind.SEVERITY_RAISED,
            True,
            False,
        ),
        (
            lambda p: set_severity(p, "GC-F006", Severity.WARNING),
            ChangeKind.SEVERITY_LOWERED,
            False,
            True,
        ),
        (
            lambda p: add_rule(p, "extensions.data_scope", "EP-R001"),
            ChangeKind.RULE_ADDED,
            True,
            False,
        ),
        (drop_rules, ChangeKind.RULE_REMOVED, False, True),
        (lambda p: shorten(p, "name", 10), ChangeKind.MAX_LENGTH_LOWERED, True, False),
    ],
)
def test_each_change_is_classified(
    province: Pack, mutate: Callable[[Pack], Pack], kind: ChangeKind, backward: bool, forward: bool
) -> None:
    new = bump(mutate(province))
    changes = [c for c in classify(province, new) if c.kind is kind]
    assert changes, f"{kind} not found in {classify(province, new)}"
    assert any(c.breaks_backward for c in changes) is backward
    assert any(c.breaks_forward for c in changes) is forward
    assert check_compat(new, province, CompatMode.BACKWARD).compatible is not backward
    assert check_compat(new, province, CompatMode.FORWARD).compatible is not forward
    assert check_compat(new, province, CompatMode.FULL).compatible is not (backward or forward)
    assert check_compat(new, province, CompatMode.NONE).compatible


def test_severity_raised_below_error_breaks_nothing(province: Pack) -> None:
    new = bump(set_severity(province, "GC-S004", Severity.WARNING))
    (change,) = classify(province, new)
    assert change.kind is ChangeKind.SEVERITY_RAISED
    assert not change.breaks_backward


def test_renamed_code_is_recognised(province: Pack) -> None:
    entries = dict(province.codebook.entries)
    entry = entries.pop("EP-R002")
    entries["EP-R102"] = dataclasses.replace(entry, code="EP-R102")
    codebook = dataclasses.replace(province.codebook, entries=entries)
    new = bump(dataclasses.replace(province, codebook=codebook, declared_rules=()))
    renamed = [c for c in classify(province, new) if c.kind is ChangeKind.CODE_RENAMED]
    assert [c.subject for c in renamed] == ["EP-R002"]
    assert "EP-R102" in renamed[0].detail


def test_transitive_mode_checks_the_whole_history(province: Pack) -> None:
    v1 = province
    # 1.1 loosens (the field becomes optional), 1.2 tightens it again: each step alone is
    # fine backward from its predecessor only if checked against the right version.
    v11 = bump(make_required(v1, "extensions.department_office", False))
    v12 = bump(add_field(v11, "y", False))
    v12 = make_required(v12, "extensions.department_office", True)
    assert not check_compat(v12, [v1, v11], CompatMode.BACKWARD).compatible
    # FORWARD: 1.1 dropped a requirement 1.0 had; only the transitive check sees it from 1.2.
    v12b = bump(add_field(v11, "z", False))
    assert check_compat(v12b, [v1, v11], CompatMode.FORWARD).compatible
    report = check_compat(v12b, [v1, v11], CompatMode.FORWARD_TRANSITIVE)
    assert not report.compatible
    assert {v.old for v in report.violations} == {v1.ref}
    assert report.compared == (v1.ref, v11.ref)


def test_changes_and_violations_read_as_one_line(province: Pack) -> None:
    new = bump(make_required(province, "extensions.business_matter"))
    report = check_compat(new, province)
    assert [str(c) for c in report.changes] == [
        "field-made-required: extensions.business_matter (业务事项名称)"
    ]
    assert [str(v) for v in report.violations] == [
        "example-province@1.0.0 -> example-province@1.1.0: field-made-required: "
        "extensions.business_matter (业务事项名称) breaks BACKWARD"
    ]
    both = Change(ChangeKind.FIELD_MADE_REQUIRED, "x", "", True, True)
    assert str(both) == "field-made-required: x"
    assert (
        str(Violation("a@1", "a@2", both))
        == "a@1 -> a@2: field-made-required: x breaks BACKWARD+FORWARD"
    )
    assert breaks_backward(report.changes)
    assert not breaks_backward([dataclasses.replace(both, breaks_backward=False)])


def test_history_without_an_older_version(province: Pack) -> None:
    new = bump(make_required(province, "extensions.business_matter"))
    # Only versions not older than NEW: the newest of them is compared with, the same version
    # included.
    report = check_compat(province, [new])
    assert report.compared == (new.ref,)
    assert [c.kind for c in report.changes] == [ChangeKind.FIELD_MADE_OPTIONAL]
    same = check_compat(new, [province, new], CompatMode.BACKWARD_TRANSITIVE)
    assert same.compared == (province.ref,)  # the same version is no earlier version
    nothing = check_compat(new, [])
    assert (nothing.compared, nothing.changes, nothing.violations) == ((), (), ())


def _retype(pack: Pack, field_id: str, **changes: Any) -> Pack:
    spec = dataclasses.replace(pack.fields.get(field_id), **changes)
    return dataclasses.replace(pack, fields=pack.fields.with_fields([spec]))


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (
            lambda p: make_required(p, "extensions.data_scope"),
            [("field-made-required", "extensions.data_scope", "数据范围", True, False)],
        ),
        (
            lambda p: make_required(p, "secrecy", False),
            [("field-made-optional", "secrecy", "涉密属性", False, True)],
        ),
        (
            lambda p: add_field(p, "x", False),
            [("field-added-optional", "extensions.x", "新增x", False, False)],
        ),
        (
            lambda p: add_field(p, "x", True),
            [("field-added-required", "extensions.x", "新增x", True, False)],
        ),
        (
            lambda p: drop_value(p, "update-cycle", "每日"),
            [("vocabulary-value-removed", "update-cycle: 每日", "", True, False)],
        ),
        (
            lambda p: set_severity(p, "GC-F011", Severity.ERROR),
            [("severity-raised", "GC-F011", "warning -> error", True, False)],
        ),
        (
            lambda p: set_severity(p, "GC-F006", Severity.WARNING),
            [("severity-lowered", "GC-F006", "error -> warning", False, True)],
        ),
        (
            # an ignored warning never failed a catalog: nothing breaks either way
            lambda p: dataclasses.replace(p, ignore=frozenset({"GC-F011"})),
            [("severity-lowered", "GC-F011", "warning -> off", False, False)],
        ),
        (
            # the removed error rule let through what the old version refused; the warning
            # rule never refused anything
            drop_rules,
            [
                ("rule-removed", "conditional-share-names-system", "EP-R001", False, True),
                ("rule-removed", "storage-is-a-number", "EP-R002", False, False),
            ],
        ),
        (
            lambda p: shorten(p, "name", 500),
            [("max-length-raised", "name", "50 -> 500", False, True)],
        ),
        (
            lambda p: _retype(p, "extensions.storage_gb", kind=FieldKind.VOCAB),
            [("field-kind-changed", "extensions.storage_gb", "text -> vocab", True, True)],
        ),
        (
            lambda p: _retype(p, "extensions.system_network", vocabulary="secrecy"),
            [
                (
                    "field-vocabulary-changed",
                    "extensions.system_network",
                    "system-network -> secrecy",
                    True,
                    True,
                )
            ],
        ),
    ],
)
def test_each_change_says_what_changed_and_what_it_breaks(
    province: Pack, mutate: Callable[[Pack], Pack], expected: list[tuple[object, ...]]
) -> None:
    changes = classify(province, bump(mutate(province)))
    got = [
        (c.kind.value, c.subject, c.detail, c.breaks_backward, c.breaks_forward) for c in changes
    ]
    assert got == expected


def _without_first_xiang(pack: Pack) -> Pack:
    tables = {lei: dict(t) for lei, t in pack.xiang_codes.items()}
    del tables["主题信息资源目录"]["价格监管"]
    return dataclasses.replace(pack, xiang_codes=tables)


def _rule_requiring(pack: Pack, field_id: str) -> Pack:
    first, *rest = pack.declared_rules
    return dataclasses.replace(
        pack, declared_rules=(dataclasses.replace(first, require=(field_id,)), *rest)
    )


@pytest.mark.parametrize(
    ("mutate", "forward", "backward"),
    [
        (
            lambda p: _retype(p, "extensions.info_system", aliases=("所属信息系统",)),
            ("key-removed", "extensions.info_system: 来源信息系统", "", True, False),
            ("key-added", "extensions.info_system: 来源信息系统", "", False, True),
        ),
        (
            # an ignored error no longer refuses catalogs
            lambda p: dataclasses.replace(p, ignore=frozenset({"GC-F006"})),
            ("severity-lowered", "GC-F006", "error -> off", False, True),
            ("severity-raised", "GC-F006", "off -> error", True, False),
        ),
        (
            _without_first_xiang,
            ("code-table-entry-removed", "xiang 主题信息资源目录/价格监管=06", "", True, False),
            ("code-table-entry-added", "xiang 主题信息资源目录/价格监管=06", "", False, True),
        ),
        (
            lambda p: dataclasses.replace(p, identifier_strict=False),
            ("setting-loosened", "identifiers.strict", "True -> False", False, True),
            ("setting-tightened", "identifiers.strict", "False -> True", True, False),
        ),
        (
            lambda p: dataclasses.replace(p, future_publish_date=False),
            ("setting-loosened", "dates.future_publish_date", "True -> False", False, True),
            ("setting-tightened", "dates.future_publish_date", "False -> True", True, False),
        ),
        (
            lambda p: dataclasses.replace(p, title_en="Another title"),
            ("metadata-changed", "title_en", f"{EP_TITLE} -> Another title", False, False),
            ("metadata-changed", "title_en", f"Another title -> {EP_TITLE}", False, False),
        ),
        (
            lambda p: _rule_requiring(p, "extensions.data_scope"),
            ("rule-changed", "conditional-share-names-system", "EP-R001", True, True),
            ("rule-changed", "conditional-share-names-system", "EP-R001", True, True),
        ),
        (
            lambda p: dataclasses.replace(p, identifier_allow=frozenset({"internal"})),
            ("setting-loosened", "identifiers.allow", "[] -> ['internal']", False, True),
            ("setting-tightened", "identifiers.allow", "['internal'] -> []", True, False),
        ),
        (
            lambda p: dataclasses.replace(p, provider_code_scheme="org-code"),
            (
                "setting-changed",
                "identifiers.provider_code",
                "统一社会信用代码 -> org-code",
                True,
                True,
            ),
            (
                "setting-changed",
                "identifiers.provider_code",
                "org-code -> 统一社会信用代码",
                True,
                True,
            ),
        ),
    ],
)
def test_each_change_and_its_reverse(
    province: Pack,
    mutate: Callable[[Pack], Pack],
    forward: tuple[object, ...],
    backward: tuple[object, ...],
) -> None:
    new = bump(mutate(province))

    def rows(a: Pack, b: Pack) -> list[tuple[object, ...]]:
        return [
            (c.kind.value, c.subject, c.detail, c.breaks_backward, c.breaks_forward)
            for c in classify(a, b)
        ]

    assert rows(province, new) == [forward]
    assert rows(new, province) == [backward]


def test_a_removed_field_breaks_forward_only_when_it_was_required(province: Pack) -> None:
    for required in (True, False):
        with_field = add_field(province, "x", required)
        (change,) = classify(with_field, bump(province))
        assert (change.kind, change.subject, change.detail) == (
            ChangeKind.FIELD_REMOVED,
            "extensions.x",
            "新增x",
        )
        assert (change.breaks_backward, change.breaks_forward) == (False, required)


# ---------------------------------------------------------------- the property
Mutation = Callable[[Pack, Any, dict[str, Any]], Pack]
MUTATIONS: list[Mutation] = [
    lambda p, d, _r: make_required(p, d.draw(st.sampled_from(_optional(p)))),
    lambda p, d, _r: make_required(p, d.draw(st.sampled_from(_required(p))), False),
    lambda p, d, r: drop_value(p, *d.draw(st.sampled_from(_used_values(p, r)))),
    lambda p, d, _r: drop_value(p, *d.draw(st.sampled_from(_values(p)))),
    lambda p, _d, _r: restore_vocabulary(p, "share-mode-class"),
    lambda p, d, _r: set_severity(
        p, d.draw(st.sampled_from(_codes(p))), d.draw(st.sampled_from(list(Severity)))
    ),
    lambda p, d, _r: add_field(p, "added", d.draw(st.booleans())),
    lambda p, d, _r: add_rule(p, d.draw(st.sampled_from(_optional(p))), "EP-R001"),
    lambda p, _d, _r: drop_rules(p),
    lambda p, d, _r: shorten(p, "name", d.draw(st.integers(4, 12))),
]


LOOSENING: list[Mutation] = [
    lambda p, d, _r: make_required(p, d.draw(st.sampled_from(_required(p))), False),
    lambda p, _d, _r: restore_vocabulary(p, "share-mode-class"),
    lambda p, d, _r: set_severity(
        p,
        d.draw(st.sampled_from(_codes(p))),
        d.draw(st.sampled_from([Severity.WARNING, Severity.INFO])),
    ),
    lambda p, _d, _r: add_field(p, "added", False),
    lambda p, _d, _r: drop_rules(p),
]
"""Edits that loosen a pack (the backward property draws them most)."""
TIGHTENING: list[Mutation] = [
    lambda p, d, _r: make_required(p, d.draw(st.sampled_from(_optional(p)))),
    lambda p, d, _r: drop_value(p, *d.draw(st.sampled_from(_values(p)))),
    lambda p, d, _r: add_rule(p, d.draw(st.sampled_from(_optional(p))), "EP-R001"),
    lambda p, d, _r: shorten(p, "name", d.draw(st.integers(4, 12))),
    lambda p, _d, _r: add_field(p, "added", True),
]
"""Edits that tighten a pack (the forward property draws them most)."""


def _codes(p: Pack) -> list[str]:
    # Codes a generated catalog can meet, so that a raised severity matters.
    return ["GC-F003", "GC-S004", "GC-F011", "GC-F012", "GC-R013", "EP-R002", "GC-F006"]


def _used_values(p: Pack, rec: dict[str, Any]) -> list[tuple[str, str]]:
    used: list[tuple[str, str]] = []
    for spec in p.fields.resource_fields():
        if spec.kind is not FieldKind.VOCAB or not spec.vocabulary:
            continue
        objs = [rec] if spec.parent is None else rec.get(spec.parent) or []
        for obj in objs if isinstance(objs, list) else [objs]:
            value = obj.get(spec.key) if isinstance(obj, dict) else None
            labels = p.vocabulary(spec.vocabulary).labels()
            if isinstance(value, str) and value in labels and len(labels) > 1:
                used.append((spec.vocabulary, value))
    return used or _values(p)


def _optional(p: Pack) -> list[str]:
    return [
        f.id
        for f in p.fields.resource_fields()
        if not f.required
        and f.kind is FieldKind.TEXT
        and p.fields.get(f.parent or "name").kind is not FieldKind.GROUPS
    ]


def _required(p: Pack) -> list[str]:
    return [f.id for f in p.fields.resource_fields() if f.required]


def _values(p: Pack) -> list[tuple[str, str]]:
    return [
        (s, label)
        for s, v in sorted(p.vocabularies.items())
        for label in v.labels()
        if len(v.labels()) > 1
    ]


@st.composite
def resources(draw: st.DrawFn, pack: Pack) -> dict[str, Any]:
    def pick(scheme: str) -> str:
        return draw(st.sampled_from(pack.vocabulary(scheme).labels()))

    share_type = draw(st.sampled_from(["无条件共享", "有条件共享", "不予共享"]))
    share: dict[str, Any] = {"share_type": share_type}
    if share_type == "有条件共享":
        share["share_condition"] = "仅用于行政审批"
    elif share_type == "不予共享":
        share["share_condition"] = "依据《中华人民共和国保守国家秘密法》第九条"
    if share_type != "不予共享":
        share["share_mode_class"] = pick("share-mode-class")
        if share["share_mode_class"] == "共享平台方式":
            share["share_mode_type"] = pick("share-mode-type")
    fmt = draw(st.sampled_from([("数据库", "MySQL"), ("电子表格", "xlsx"), ("电子文件", "pdf")]))
    items = [
        {"name": f"信息项{i}", "data_type": pick("data-type"), "length": draw(st.integers(1, 50))}
        for i in range(draw(st.integers(1, 3)))
    ]
    rec: dict[str, Any] = {
        "category": {"lei": "部门信息资源目录", "xiang": "国务院", "mu": "005"},
        "name": draw(st.sampled_from(["企业登记信息", "社会保险参保信息", "不动产登记信息汇总表"])),
        "code": "303005/00001",
        "provider": "市市场监督管理局",
        "provider_code": "91350100M000100Y43",
        "abstract": "摘要",
        "format": {"format_class": fmt[0], "format_types": [fmt[1]]},
        "items": items,
        "share": share,
        "open": {"open_to_public": False},
        "update_cycle": pick("update-cycle"),
        "publish_date": "2024-03-01",
        "secrecy": pick("secrecy"),
        "extensions": {
            "info_system": "市场主体登记系统",
            "system_network": pick("system-network"),
            "department_office": "登记注册处",
        },
    }
    if draw(st.booleans()):
        rec["extensions"]["related_system"] = "数据共享交换平台"
    if draw(st.booleans()):
        rec["extensions"]["storage_gb"] = draw(st.sampled_from(["12", "0.5", "大约3G"]))
    if draw(st.booleans()):
        rec["备注"] = "无"
    return rec


def valid(pack: Pack, rec: dict[str, Any]) -> bool:
    doc = SourceDocument("c.json", None, iter([RawRecord(0, "/resources/0", rec)]), [])
    report = Validator(pack, OPTIONS).validate_document(doc)
    return not report.fails(Severity.ERROR)


_PROPERTY = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def _mutated(data: st.DataObject, old: Pack, rec: dict[str, Any], biased: list[Mutation]) -> Pack:
    """``old`` after one to three edits, drawn three times in four from ``biased``, so that the
    branch with the assertions runs on most examples (the events report how often)."""
    new = old
    for _ in range(data.draw(st.integers(1, 3))):
        pool = biased if data.draw(st.integers(0, 3)) else MUTATIONS
        new = data.draw(st.sampled_from(pool))(new, data, rec)
    return bump(new)


@_PROPERTY
@given(data=st.data())
def test_backward_compatible_new_version_accepts_old_catalogs(data: st.DataObject) -> None:
    old = get_pack("example-province@^1")
    rec = data.draw(resources(old))
    assume(valid(old, rec))
    new = _mutated(data, old, rec, LOOSENING)
    report = check_compat(new, old, CompatMode.BACKWARD)
    event("backward compatible" if report.compatible else "backward breaking")
    if report.compatible:
        assert valid(new, rec), [str(c) for c in report.changes]
    else:
        assert report.violations


@_PROPERTY
@given(data=st.data())
def test_forward_compatible_new_version_only_accepts_what_the_old_did(
    data: st.DataObject,
) -> None:
    old = get_pack("example-province@^1")
    rec = data.draw(resources(old))
    new = _mutated(data, old, rec, TIGHTENING)
    forward = check_compat(new, old, CompatMode.FORWARD)
    accepted = valid(new, rec)
    event(f"forward {'compatible' if forward.compatible else 'breaking'}, {accepted=}")
    if forward.compatible and accepted:
        assert valid(old, rec)
    if not forward.compatible:
        assert forward.violations


def test_a_removed_code_and_its_rule(province: Pack) -> None:
    entries = dict(province.codebook.entries)
    entries.pop("EP-R002")
    codebook = dataclasses.replace(province.codebook, entries=entries)
    new = bump(
        dataclasses.replace(province, codebook=codebook, declared_rules=province.declared_rules[:1])
    )
    rows = [
        (c.kind.value, c.subject, c.detail, c.breaks_backward, c.breaks_forward)
        for c in classify(province, new)
    ]
    # A published code is a contract both ways; its warning rule never refused a catalog.
    assert rows == [
        ("code-removed", "EP-R002", "", True, True),
        ("rule-removed", "storage-is-a-number", "EP-R002", False, False),
    ]
    back = classify(new, province)
    assert [(c.kind.value, c.subject, c.detail) for c in back] == [
        ("code-added", "EP-R002", "Stored volume must be a number"),
        ("rule-added", "storage-is-a-number", "EP-R002"),
    ]
    assert [(c.breaks_backward, c.breaks_forward) for c in back] == [(False, False), (False, False)]


def _rows(old: Pack, new: Pack) -> list[tuple[object, ...]]:
    return [
        (c.kind.value, c.subject, c.detail, c.breaks_backward, c.breaks_forward)
        for c in classify(old, new)
    ]


def test_a_renamed_code_breaks_both_ways(province: Pack) -> None:
    entries = dict(province.codebook.entries)
    entries["EP-R102"] = dataclasses.replace(entries.pop("EP-R002"), code="EP-R102")
    codebook = dataclasses.replace(province.codebook, entries=entries)
    new = bump(dataclasses.replace(province, codebook=codebook, declared_rules=()))
    renamed = [row for row in _rows(province, new) if row[0] == "code-renamed"]
    assert renamed == [("code-renamed", "EP-R002", "EP-R002 -> EP-R102", True, True)]


def test_a_lowered_max_length_names_the_field_and_both_lengths(province: Pack) -> None:
    assert _rows(province, bump(shorten(province, "name", 10))) == [
        ("max-length-lowered", "name", "50 -> 10", True, False)
    ]


def test_an_added_vocabulary_value_names_its_scheme(province: Pack) -> None:
    new = bump(restore_vocabulary(province, "share-mode-class"))
    assert _rows(province, new) == [
        ("vocabulary-value-added", "share-mode-class: 邮件方式", "", False, True)
    ]


def test_a_scheme_only_one_version_has_is_compared_through_its_fields(province: Pack) -> None:
    # The vocabularies of both versions are compared value by value; a scheme that one side
    # lacks has no values to compare (the fields that name it say what changed).
    vocabs = {k: v for k, v in province.vocabularies.items() if k != "catalog-level"}
    fewer = dataclasses.replace(province, vocabularies=vocabs)
    assert classify(fewer, bump(province)) == ()
    assert classify(province, bump(fewer)) == ()


def test_a_catalog_level_field_is_named_with_its_level(province: Pack) -> None:
    spec = province.fields.get("publisher", FieldLevel.CATALOG)
    required = dataclasses.replace(spec, required=True)
    new = bump(dataclasses.replace(province, fields=province.fields.with_fields([required])))
    assert _rows(province, new) == [
        ("field-made-required", "catalog.publisher", "编制单位", True, False)
    ]


def test_rule_modules_added_and_removed(province: Pack) -> None:
    old = dataclasses.replace(province, rule_modules=("ep.rules:one", "ep.rules:two"))
    new = bump(dataclasses.replace(province, rule_modules=("ep.rules:two", "ep.rules:three")))
    # What a Python rule set checks is not visible: adding one may refuse old catalogs,
    # removing one may let through what the old version refused.
    assert _rows(old, new) == [
        ("rule-added", "ep.rules:three", "rule module", True, False),
        ("rule-removed", "ep.rules:one", "rule module", False, True),
    ]


def test_changed_code_syntax_and_allow_lists_break_both_ways(province: Pack) -> None:
    rules = dataclasses.replace(province.code_rules, separator="-")
    new = bump(dataclasses.replace(province, code_rules=rules))
    ((kind, subject, detail, back, fwd),) = _rows(province, new)
    assert (kind, subject, back, fwd) == ("setting-changed", "code", True, True)
    assert str(detail).startswith("CodeRules(separator='/'") and "separator='-'" in str(detail)
    # One identifier dropped from the allow list and another added: neither looser nor tighter.
    old = dataclasses.replace(province, identifier_allow=frozenset({"A1"}))
    new = bump(dataclasses.replace(province, identifier_allow=frozenset({"B2"})))
    assert _rows(old, new) == [
        ("setting-changed", "identifiers.allow", "['A1'] -> ['B2']", True, True)
    ]


def test_deadline_changes_are_reported_and_break_nothing(province: Pack) -> None:
    base = next(iter(province.deadlines.values()))

    def limit(ident: str, days: int, extension: int, article: str) -> Deadline:
        return dataclasses.replace(
            base, id=ident, working_days=days, extension=extension, article=article
        )

    kept = limit("kept", 3, 0, "第九条")
    old = dataclasses.replace(
        province,
        deadlines={
            "a": limit("a", 10, 0, "第一条"),
            "b": limit("b", 15, 0, "第二条"),
            "kept": kept,
        },
    )
    new = dataclasses.replace(
        province,
        deadlines={"b": limit("b", 5, 2, "第三条"), "c": limit("c", 20, 0, "第四条"), "kept": kept},
    )
    assert _rows(old, bump(new)) == [
        ("metadata-changed", "deadline.a", "10+0 -> none working days (第一条)", False, False),
        ("metadata-changed", "deadline.b", "15+0 -> 5+2 working days (第三条)", False, False),
        ("metadata-changed", "deadline.c", "none -> 20+0 working days (第四条)", False, False),
    ]


def test_the_report_names_its_mode_and_the_newest_of_later_versions(province: Pack) -> None:
    v11 = bump(province)
    v12 = bump(v11)
    report = check_compat(province, [v12, v11], CompatMode.FORWARD)
    assert (report.mode, report.new, report.compared) == (
        CompatMode.FORWARD,
        "example-province@1.0.0",
        ("example-province@1.2.0",),
    )
    assert check_compat(province, [v11, v12]).compared == ("example-province@1.2.0",)
