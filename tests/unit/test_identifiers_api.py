"""The public surface of govcatalog.identifiers: pinned names, docstrings, lazy data."""

from __future__ import annotations

import doctest
import importlib
import inspect
import re
import subprocess
import sys
from pathlib import Path

from govcatalog import identifiers

PUBLIC = [
    "DIVISION_LIST_VERSION",
    "USCC_REGISTRATION_TABLE",
    "CheckResult",
    "Division",
    "DivisionLevel",
    "DivisionName",
    "IdentifierKind",
    "Problem",
    "RegistrationDepartment",
    "check_citizen_id",
    "check_division_code",
    "check_identifier",
    "check_license_id",
    "check_org_code",
    "check_uscc",
    "division_name",
    "get_division",
    "iter_divisions",
]


def test_all_is_pinned() -> None:
    assert identifiers.__all__ == PUBLIC
    for name in PUBLIC:
        assert hasattr(identifiers, name)


def test_public_objects_have_docstrings() -> None:
    for name in PUBLIC:
        obj = getattr(identifiers, name)
        if inspect.isclass(obj) or inspect.isfunction(obj):
            assert inspect.getdoc(obj), name
            for member_name, member in vars(obj).items():
                if member_name.startswith("_"):
                    continue
                if inspect.isfunction(member) or isinstance(member, property):
                    assert inspect.getdoc(member), f"{name}.{member_name}"


def test_signatures_are_keyword_only_after_the_value() -> None:
    for name in PUBLIC:
        if not name.startswith("check_"):
            continue
        params = list(inspect.signature(getattr(identifiers, name)).parameters.values())
        positional = [p for p in params if p.kind is not inspect.Parameter.KEYWORD_ONLY]
        assert [p.name for p in positional] in (["value"], ["kind", "value"]), name
        assert params[-1].kind is inspect.Parameter.KEYWORD_ONLY


def test_division_list_is_not_read_at_import() -> None:
    code = (
        "import govcatalog.identifiers as i, govcatalog.identifiers._division_data as d;"
        "assert d._divisions.cache_info().currsize == 0;"
        "i.division_name('110105');"
        "assert d._divisions.cache_info().currsize == 1"
    )
    subprocess.run([sys.executable, "-c", code], check=True, env=None)


def test_docstring_examples_run() -> None:
    modules = [
        identifiers,
        *(
            importlib.import_module(f"govcatalog.identifiers.{name}")
            for name in (
                "_citizen_id",
                "_dispatch",
                "_division",
                "_division_data",
                "_license_id",
                "_org_code",
                "_uscc",
            )
        ),
    ]
    for module in modules:
        outcome = doctest.testmod(module, extraglobs=vars(identifiers))
        assert outcome.failed == 0, module.__name__
    assert doctest.testmod(identifiers).attempted > 0


def test_user_page_examples_run() -> None:
    page = Path(__file__).parents[2] / "docs" / "identifiers.md"
    blocks = re.findall(r"```python\n(.*?)```", page.read_text(encoding="utf-8"), re.DOTALL)
    assert blocks
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    # The page's examples build on each other, so they run as one doctest.
    test = parser.get_doctest("\n".join(blocks), {}, "identifiers.md", str(page), 0)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
