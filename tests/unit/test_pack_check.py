"""``pack check``: each kind of authoring mistake is reported with its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from govcatalog.pack_check import check_pack
from govcatalog.packs.registry import PackRegistry


def write_pack(root: Path, pack_id: str, version: str, extends: str | None, **files: str) -> Path:
    folder = root / pack_id / version
    folder.mkdir(parents=True)
    parent = f'extends = "{extends}"\n' if extends else ""
    manifest = f'[pack]\nid = "{pack_id}"\nversion = "{version}"\n{parent}' + files.pop("pack", "")
    (folder / "pack.toml").write_text(manifest, encoding="utf-8")
    for name, text in files.items():
        (folder / f"{name.replace('_', '-')}.toml").write_text(text, encoding="utf-8")
    return folder


FIELD = '[[field]]\nid = "extensions.net"\nzh = "部署网络"\nen = "Network"\nkind = "vocab"\n'


def problems(
    folder: Path, registry: PackRegistry | None = None
) -> list[tuple[str, int | None, str]]:
    result = check_pack(folder, registry or PackRegistry())
    assert result.ok is (not result.problems)
    return [(p.file, p.line, p.message) for p in result.problems]


def test_the_shipped_province_pack_is_clean() -> None:
    folder = Path(__file__).resolve().parents[2] / "standards" / "example-province" / "1.0.0"
    result = check_pack(folder, PackRegistry())
    assert result.ok, result.problems
    assert result.pack is not None
    assert result.pack.ref == "example-province@1.0.0"


def test_unknown_vocabulary(tmp_path: Path) -> None:
    folder = write_pack(
        tmp_path,
        "p",
        "1.0.0",
        "gb-1272@^1",
        fields="# added\n\n" + FIELD + 'vocabulary = "no-such"\n',
    )
    [(file, line, message)] = problems(folder)
    assert (file, line) == ("fields.toml", 8)
    assert "unknown vocabulary 'no-such'" in message


def test_vocab_field_without_vocabulary(tmp_path: Path) -> None:
    folder = write_pack(tmp_path, "p", "1.0.0", "gb-1272@^1", fields=FIELD)
    [(file, line, message)] = problems(folder)
    assert (file, line) == ("fields.toml", 2)
    assert "needs a vocabulary" in message


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ('note = "no_such_note"', "update_cycle: note = 'no_such_note' names no field"),
        ('main = "share.no_such"', "share: main = 'share.no_such' names no field"),
        ('main = "open.open_condition"', "share: main = 'open.open_condition' is not a field"),
        ('compound = "format.nothing"', "compound = 'format.nothing' names no field"),
    ],
)
def test_a_field_naming_no_field(tmp_path: Path, override: str, message: str) -> None:
    # Before, such a pack loaded and validation then failed with a KeyError.
    field = {"note": "update_cycle", "compound": "share.share_mode_class"}.get(
        override.split(" ", maxsplit=1)[0], "share"
    )
    fields = f'[[field]]\nid = "{field}"\n{override}\n'
    folder = write_pack(tmp_path, "p", "1.0.0", "gb-1272@^1", fields=fields)
    [(file, line, found)] = problems(folder)
    assert (file, line) == ("fields.toml", 2)
    assert message in found


def test_unknown_value_in_narrowed_vocabulary(tmp_path: Path) -> None:
    pack = '\n[vocabularies]\n"share-type" = { exclude = ["全部共享"] }\n'
    folder = write_pack(tmp_path, "p", "1.0.0", "gb-1272@^1", pack=pack)
    [(file, line, message)] = problems(folder)
    assert (file, line) == ("pack.toml", 7)
    assert "全部共享" in message


def test_rule_emitting_an_undeclared_code(tmp_path: Path) -> None:
    rules = (
        '[[rule]]\nid = "a"\ncode = "X-R001"\nrequire = ["abstract"]\n\n'
        '[[rule]]\nid = "b"\ncode = "X-R404"\nrequire = ["abstract"]\n'
    )
    codebook = (
        '[X-R001]\nseverity = "error"\ntitle_zh = "t"\ntitle_en = "t"\nmessage_zh = "m"\n'
        'message_en = "m"\nhint_zh = "h"\nhint_en = "h"\n'
    )
    folder = write_pack(tmp_path, "p", "1.0.0", "gb-1272@^1", rules=rules, codebook=codebook)
    [(file, line, message)] = problems(folder)
    assert (file, line) == ("rules.toml", 8)
    assert "X-R404" in message
    assert "no codebook declares" in message


def test_rule_on_an_unknown_field(tmp_path: Path) -> None:
    rules = '[[rule]]\nid = "a"\ncode = "GC-F001"\nrequire = ["extensions.nothing"]\n'
    folder = write_pack(tmp_path, "p", "1.0.0", "gb-1272@^1", rules=rules)
    [(file, line, message)] = problems(folder)
    assert (file, line) == ("rules.toml", 4)
    assert "extensions.nothing" in message


def test_cycle_in_extends(tmp_path: Path) -> None:
    active = 'status = "active"\n'  # a range resolves active versions only
    write_pack(tmp_path, "a", "1.0.0", "b@^1", pack=active)
    folder_b = write_pack(tmp_path, "b", "1.0.0", "c@^1", pack=active)
    write_pack(tmp_path, "c", "1.0.0", "a@^1", pack=active)
    registry = PackRegistry().with_root("test", tmp_path)
    [(file, line, message)] = problems(folder_b, registry)
    assert (file, line) == ("pack.toml", 4)
    assert "cycle" in message
    assert "b@1.0.0" in message


def test_unknown_parent(tmp_path: Path) -> None:
    folder = write_pack(tmp_path, "p", "1.0.0", "nowhere@^3")
    [(file, _, message)] = problems(folder)
    assert file == "pack.toml"
    assert "nowhere@^3" in message


def test_syntax_errors_of_every_file_are_reported(tmp_path: Path) -> None:
    folder = write_pack(
        tmp_path, "p", "1.0.0", "gb-1272@^1", fields="[[field]\n", rules="\n\nx = = 1\n"
    )
    found = problems(folder)
    assert [(f, ln) for f, ln, _ in found] == [("fields.toml", 1), ("rules.toml", 3)]


def test_redefining_an_inherited_code(tmp_path: Path) -> None:
    codebook = (
        '[GC-F001]\nseverity = "error"\ntitle_zh = "t"\ntitle_en = "t"\nmessage_zh = "m"\n'
        'message_en = "m"\nhint_zh = "h"\nhint_en = "h"\n'
    )
    folder = write_pack(tmp_path, "p", "1.0.0", "gb-1272@^1", codebook=codebook)
    [(file, _, message)] = problems(folder)
    assert file == "codebook.toml"
    assert "GC-F001" in message


@pytest.mark.parametrize("version", ["1.0", "v1.0.0", ""])
def test_bad_version(tmp_path: Path, version: str) -> None:
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "pack.toml").write_text(
        f'[pack]\nid = "p"\nversion = "{version}"\n', encoding="utf-8"
    )
    [(file, _, message)] = problems(folder)
    assert file == "pack.toml"
    assert "version" in message or "manifest" in message
