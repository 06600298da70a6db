"""信息资源代码 in the forms compilation workbooks and catalog systems write: each form that
spells one code reads as it (GC-F003, the original in the message); a form that spells none,
or more than one, is GC-F005 saying what is wrong. The code expected of each form is the plain
code the form was made from."""

from __future__ import annotations

import pytest

from govcatalog import validate
from govcatalog.model.code import CodeProblem, CodeRules, between_levels, problem_text
from govcatalog.model.code_forms import read_code
from govcatalog.packs import Pack
from govcatalog.records.coerce import PARSED_CODE, Coercer
from tests.code_forms import FORMS
from tests.helpers import resource

PLAIN = ("307001/000001", "30700102/000001", "101001/1")
"""Plain codes: no 细目, a 细目, a short 顺序码."""


@pytest.mark.parametrize("plain", PLAIN)
@pytest.mark.parametrize("form", FORMS)
def test_a_form_reads_as_the_code_it_was_made_from(pack: Pack, form: str, plain: str) -> None:
    written = FORMS[form](plain)
    assert written != plain
    assert str(read_code(written)) == plain
    out = Coercer(pack).resource({"code": written, "related_codes": [written]})
    assert out is not None
    assert out.record["code"] == plain
    assert str(out.record[PARSED_CODE]) == plain
    assert out.record["related_codes"] == [plain]
    said = [
        (
            h.code,
            h.pointer,
            h.value,
            str(h.params["canonical"]) if "canonical" in h.params else None,
        )
        for h in out.hits
        if h.code != "GC-F001"
    ]
    assert said == [
        ("GC-F003", "/code", written, plain),
        ("GC-F003", "/related_codes/0", written, plain),
    ]


def test_the_message_keeps_the_original() -> None:
    written = "1-01-001\\000001"
    found = validate({"resources": [resource(code=written)]}).with_codes({"GC-F003"})
    assert [(f.location.pointer, f.message_en) for f in found.findings] == [
        (
            "/resources/0/code",
            f'Resource code value "{written}" is a non-standard form; read as "101001/000001".',
        )
    ]
    assert written in found.findings[0].message_zh


@pytest.mark.parametrize("plain", PLAIN)
def test_a_plain_code_is_read_as_written(pack: Pack, plain: str) -> None:
    out = Coercer(pack).resource({"code": plain})
    assert out is not None
    assert out.record["code"] == plain
    assert [h for h in out.hits if h.code in {"GC-F003", "GC-F005"}] == []


OPEN_OR_WRONG = [
    # no slash and several dashes: the 顺序码 cannot be told from the levels
    ("3-07-001-000001", CodeProblem.DASHES),
    ("3-07-001-02", CodeProblem.DASHES),  # a 分类码 with 细目 02, or 02 as the 顺序码?
    ("307001-000001-1", CodeProblem.DASHES),
    ("307001——000001", CodeProblem.DASHES),
    # a dash inside a level
    ("3-070-01/000001", CodeProblem.LEVELS),
    ("30-7001/000001", CodeProblem.LEVELS),
    ("-307001/000001", CodeProblem.LEVELS),
    ("3--07-001/000001", CodeProblem.LEVELS),
    ("3-7-001/000001", CodeProblem.LEVELS),
    # read through the dashes, then wrong as any code is
    ("3-07-01/000001", CodeProblem.MU),
    ("407001-000001", CodeProblem.LEI),
    ("307001/000001/1", CodeProblem.SEPARATOR),
    ("307001\\000001/1", CodeProblem.SEPARATOR),
    ("307001_000001", CodeProblem.SEPARATOR),
    ("307001/0000-01", CodeProblem.SEQUENCE),
    ("307001-", CodeProblem.SEQUENCE),
]


@pytest.mark.parametrize(("written", "problem"), OPEN_OR_WRONG)
def test_a_form_that_spells_no_one_code_says_why(
    pack: Pack, written: str, problem: CodeProblem
) -> None:
    assert read_code(written) is problem
    out = Coercer(pack).resource({"code": written, "related_codes": [written]})
    assert out is not None
    assert out.record["code"] == written  # kept as written, never guessed
    assert PARSED_CODE not in out.record
    zh, en = problem_text(problem)
    reason = {"reason_zh": zh, "reason_en": en}
    assert [(h.code, h.pointer, h.params, h.value) for h in out.hits if h.code != "GC-F001"] == [
        ("GC-F005", "/code", reason, written),
        ("GC-F005", "/related_codes/0", reason, written),
    ]


def test_the_reasons_of_the_dash_forms_are_their_own() -> None:
    texts = {problem_text(p) for p in CodeProblem}
    assert len(texts) == len(CodeProblem)
    assert "顺序码" in problem_text(CodeProblem.DASHES)[0]
    assert "类(1位)、项(2位)、目(3位)" in problem_text(CodeProblem.LEVELS)[0]


def test_dashes_in_a_detail_code_of_whole_units() -> None:
    rules = CodeRules(ximu_unit=2)
    assert str(read_code("3-07-001-02-01/000001", rules)) == "3070010201/000001"
    assert read_code("3-07-001-020-1/000001", rules) is CodeProblem.LEVELS
    assert [p for p in range(1, 11) if between_levels(p, rules)] == [1, 3, 6, 8, 10]


def test_a_pack_with_letters_reads_the_forms_too() -> None:
    rules = CodeRules(allow_alphanumeric=True)
    assert str(read_code("3-07-001-A1\\B2", rules)) == "307001A1/B2"


def _without_notes(report: object) -> list[tuple[str, str | None, str]]:
    findings = report.findings  # type: ignore[attr-defined]
    return sorted(
        (f.code, f.location.pointer, f.message_en) for f in findings if f.code != "GC-F003"
    )


def test_duplicate_and_related_rules_see_the_canonical_code() -> None:
    plain = [
        resource(code="101001/000001", related_codes=["101001/000002", "101001/000001"]),
        resource(code="101001/000001", name="另一资源", related_codes=["101001/000009"]),
    ]
    written = [
        resource(code="1-01-001/000001", related_codes=["101001-000002", "101001\\000001"]),
        resource(code="101001－000001", name="另一资源", related_codes=["1-01-001/000009"]),
    ]
    seen = validate({"resources": written})
    assert _without_notes(seen) == _without_notes(validate({"resources": plain}))
    assert {f.code for f in seen.findings} >= {"GC-R008", "GC-C001", "GC-C002"}
