"""No module above 400 lines, no function above 60 without a ``# long:`` reason (tests/sizes.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sizes import FUNCTION_LIMIT, MODULE_LIMIT, oversized_functions, oversized_modules


def test_no_module_is_over_400_lines() -> None:
    assert oversized_modules() == []


def test_no_function_is_over_60_lines_without_a_reason() -> None:
    assert oversized_functions() == []


def _body(lines: int, indent: str = "    ") -> str:
    return "".join(f"{indent}x{i} = {i}\n" for i in range(lines))


@pytest.mark.parametrize(
    ("source", "offenders"),
    [
        (f"def short():\n{_body(FUNCTION_LIMIT - 1)}", []),
        (f"def long():\n{_body(FUNCTION_LIMIT)}", ["m.py: long"]),
        (f"class C:\n    def run(self):\n{_body(FUNCTION_LIMIT - 1, ' ' * 8)}", []),
        (f"class C:\n    def run(self):\n{_body(FUNCTION_LIMIT, ' ' * 8)}", ["m.py: C.run"]),
        (f"# long: one table, row by row\ndef long():\n{_body(FUNCTION_LIMIT)}", []),
        (f"@decorated\ndef long():  # long: one table\n{_body(FUNCTION_LIMIT)}", []),
        (f"def long():\n    # long: one table\n{_body(FUNCTION_LIMIT)}", []),
        (f"# long\ndef long():\n{_body(FUNCTION_LIMIT)}", ["m.py: long"]),
        (f"# long: far above\n\ndef long():\n{_body(FUNCTION_LIMIT)}", ["m.py: long"]),
    ],
)
def test_a_long_function_needs_a_reason(tmp_path: Path, source: str, offenders: list[str]) -> None:
    (tmp_path / "m.py").write_text(source, encoding="utf-8")
    assert [f.name for f in oversized_functions(tmp_path)] == offenders


def test_a_long_module_is_counted(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "big.py").write_text("x = 1\n" * (MODULE_LIMIT + 1), encoding="utf-8")
    (tmp_path / "small.py").write_text("x = 1\n" * MODULE_LIMIT, encoding="utf-8")
    assert [(m.name, m.lines) for m in oversized_modules(tmp_path)] == [
        ("pkg/big.py", MODULE_LIMIT + 1)
    ]
