"""pack.toml read by typed models: located errors, and a pack's settings over its parent's."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import tomlkit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govcatalog.errors import PackError
from govcatalog.identifiers import IdentifierKind
from govcatalog.packs import Pack, get_pack, load_pack
from govcatalog.packs._layering import settings_tables
from govcatalog.packs.manifest import read_manifest
from govcatalog.packs.value_forms import AbsentElements
from govcatalog.report import Severity

HEAD = '[pack]\nid = "city"\nversion = "1.0.0"\nextends = "gb-1272@^1"\n'


@pytest.fixture(scope="module")
def national() -> Pack:
    return get_pack("gb-1272@^1")


@pytest.mark.parametrize(
    ("extra", "line", "problem"),
    [
        (
            '[vocabularies]\n"share-type" = { include = "x" }\n',
            6,
            "[vocabularies] share-type.include ",
        ),
        (
            '[vocabularies."share-type"]\naliases = { a = 1 }\n',
            6,
            "share-type.aliases.a must be a list",
        ),
        ("[values]\nabsent_elements = 'some'\n", 6, "[values] absent_elements: 'some'"),
        ("[values]\ndefaults = { a = [1] }\n", 6, "[values] defaults: maps field ids to plain"),
        ("[values.open-types]\nopen = 'x'\n", 6, "[values] open-types.open must be a list"),
        ('[rules]\nmodules = ["nocolon"]\n', 6, '[rules] modules: "module:function" names'),
        ('[identifiers]\nprovider_code = "身份证"\n', 6, "unknown scheme '身份证'"),
        ('[severity]\nGC-F004 = "fatal"\n', 6, "[severity] GC-F004: 'fatal' is not a valid"),
        ('effective_from = "2025-02-30"\n', 5, "effective_from: '2025-02-30' is not a date"),
        ('status = "gone"\n', 5, "[pack] status: 'gone'"),
    ],
)
def test_a_malformed_setting_is_one_error_with_its_line(
    extra: str, line: int, problem: str
) -> None:
    text = HEAD + extra
    with pytest.raises(PackError) as caught:
        read_manifest(text, pack="city")
    assert (caught.value.file, caught.value.line) == ("pack.toml", line)
    assert caught.value.pack == "city@1.0.0"
    assert problem in caught.value.problem


def test_a_table_given_as_a_value_names_its_own_line() -> None:
    with pytest.raises(PackError) as caught:
        read_manifest('code = 5\n[pack]\nid = "c"\nversion = "1.0.0"\n', pack="folder")
    assert (caught.value.line, caught.value.problem) == (1, "[code] must be a table")


def test_an_unclear_id_is_reported_under_the_folder() -> None:
    with pytest.raises(PackError) as caught:
        read_manifest('[pack]\nid = "../up"\nversion = "1.0.0"\n', pack="folder")
    assert (caught.value.pack, caught.value.line) == ("folder", 2)


def test_a_manifest_without_a_pack_table_says_its_id_is_missing() -> None:
    with pytest.raises(PackError) as caught:
        read_manifest("[rules]\nignore = []\n", pack="folder")
    assert caught.value.pack == "folder"
    assert caught.value.problem.startswith("[pack] id: not a pack id: ''")


@pytest.mark.parametrize(
    ("extra", "problem"),
    [
        ("[code]\nximu_unit = true\n", "[code] ximu_unit must be an integer, not True"),
        ("[identifiers]\nstrict = 1\n", "[identifiers] strict must be true or false, not 1"),
        ("[rules]\nignore = [1]\n", "[rules] ignore must be a list of strings, not [1]"),
        ("[values]\nopen-types = 5\n", "[values] open-types must be a table, not 5"),
        ("[vocabularies]\nx = 5\n", "[vocabularies] x must be a table, not 5"),
        ("[severity]\nGC-F001 = 5\n", "[severity] GC-F001 must be a string, not 5"),
        (
            '[vocabularies.x]\ndescribed = { a = ["x", 2] }\n',
            "[vocabularies] x.described.a must be a list of strings, not ['x', 2]",
        ),
    ],
)
def test_a_setting_of_the_wrong_kind_says_what_it_must_be(extra: str, problem: str) -> None:
    with pytest.raises(PackError) as caught:
        read_manifest(HEAD + extra, pack="city")
    assert (caught.value.line, caught.value.problem) == (6, problem)


def test_settings_are_read_into_their_tables() -> None:
    text = HEAD + (
        'effective_from = 2025-08-01\n[identifiers]\nprovider_code = "统一社会信用代码"\nallow = ["A"]\n'
        '[values]\nabsent_elements = "per-file"\n[values.open-types]\nopen = ["x"]\n'
        '[vocabularies."share-type"]\naliases = { "甲" = ["无条件共享"] }\n'
        '[severity]\nGC-F004 = "info"\n'
    )
    manifest, _ = read_manifest(text, pack="city")
    assert manifest.pack.effective_from == dt.date(2025, 8, 1)
    assert manifest.identifiers.provider_code is IdentifierKind.USCC
    assert manifest.identifiers.allow == ("A",)
    assert manifest.values.absent_elements is AbsentElements.PER_FILE
    assert manifest.values.open_types.open == ("x",)
    assert manifest.vocabularies["share-type"].aliases == {"甲": ("无条件共享",)}
    assert manifest.severity == {"GC-F004": Severity.INFO}
    assert manifest.rules.ignore == ()


def test_keys_the_models_do_not_name_are_kept() -> None:
    manifest, raw = read_manifest(HEAD + 'evidence_levels = ["IMPL"]\n', pack="city")
    assert manifest.pack.extra == {"evidence_levels": ["IMPL"]}
    assert raw["pack"]["evidence_levels"] == ["IMPL"]


def test_every_shipped_manifest_reads() -> None:
    root = Path(__file__).resolve().parents[2] / "standards"
    refs = sorted(
        read_manifest(p.read_text(encoding="utf-8"), pack=str(p))[0].pack.ref
        for p in root.glob("*/*/pack.toml")
    )
    assert "gb-1272@1.0.0" in refs
    assert len(refs) == len(list(root.glob("*/*/pack.toml")))


SETTINGS = st.fixed_dictionaries(
    {},
    optional={
        "code": st.fixed_dictionaries(
            {},
            optional={
                "separator": st.sampled_from(["/", "-", "."]),
                "ximu_unit": st.integers(1, 4),
                "allow_alphanumeric": st.booleans(),
                "require_mu": st.booleans(),
            },
        ),
        "identifiers": st.fixed_dictionaries(
            {},
            optional={
                "provider_code": st.sampled_from([k.value for k in IdentifierKind]),
                "strict": st.booleans(),
                "allow": st.lists(st.sampled_from(["A1", "B2", "C3"]), unique=True),
            },
        ),
        "dates": st.fixed_dictionaries({}, optional={"future_publish_date": st.booleans()}),
        "rules": st.fixed_dictionaries(
            {},
            optional={"ignore": st.lists(st.sampled_from(["GC-F004", "GC-F006"]), unique=True)},
        ),
    },
)


def _expected(parent: dict[str, dict[str, Any]], own: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The parent's settings with the child's over them; lists of codes add up."""
    out = {table: dict(values) for table, values in parent.items()}
    for table, values in own.items():
        for key, value in values.items():
            if key in ("allow", "ignore"):
                out[table][key] = sorted({*out[table].get(key, []), *value})
            else:
                out[table][key] = value
    return out


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(own=SETTINGS)
def test_a_pack_takes_the_settings_it_gives_and_its_parent_s_for_the_rest(
    own: dict[str, dict[str, Any]], national: Pack, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("city")
    document = tomlkit.parse(HEAD)
    for table, values in own.items():
        document[table] = values
    (folder / "pack.toml").write_text(tomlkit.dumps(document), encoding="utf-8")
    child = load_pack(folder, national)
    expected = _expected(settings_tables(national), own)
    assert json.dumps(settings_tables(child), sort_keys=True) == json.dumps(
        expected, sort_keys=True
    )
