"""``pack new``: the files of a new pack, ready to edit."""

from __future__ import annotations

from pathlib import Path

from govcatalog.errors import GovCatalogError
from govcatalog.packs.versions import PackRef, Version

_PACK = """# {title_zh}
[pack]
id = "{id}"
version = "{version}"
title_zh = "{title_zh}"
title_en = "{title_en}"
publisher = "{publisher}"
basis = "发改高技〔2017〕1272号"
status = "draft"
{extends}
[vocabularies]
# Narrow a vocabulary of the parent, e.g.:
# "share-mode-class" = {{ exclude = ["邮件方式"] }}

[severity]
# Raise or lower a finding code, e.g.:
# "GC-F006" = "error"

[rules]
# Switch finding codes off:
ignore = []
"""

_FIELDS = """# Fields this pack adds or changes. Added columns live under `extensions.`:
#
# [[field]]
# id = "extensions.info_system"
# zh = "信息系统名称"
# en = "Information system"
# kind = "text"
# required = true
# aliases = ["所属信息系统"]
#
# An entry naming a parent field without `kind` changes only what it gives:
#
# [[field]]
# id = "secrecy"
# required = true
"""

_CODEBOOK = """# Finding codes this pack adds (inherited codes are never redefined), e.g.:
#
# [{prefix}-R001]
# severity = "error"
# title_zh = "…"
# title_en = "…"
# message_zh = "缺少“{{element_zh}}”。"
# message_en = "{{element_en}} is missing."
# hint_zh = "…"
# hint_en = "…"
# clause = "…"
"""

_RULES = """# Rules written as data, e.g.:
#
# [[rule]]
# id = "conditional-share-names-system"
# code = "{prefix}-R001"
# when = {{ field = "share.share_type", equals = "有条件共享" }}
# require = ["extensions.info_system"]
"""


def new_pack(
    folder: Path,
    pack_id: str,
    *,
    version: str = "1.0.0",
    extends: str | None = "gb-1272@^1",
    title_zh: str = "",
    title_en: str = "",
    publisher: str = "",
) -> Path:
    """Write a new pack to ``folder/<id>/<version>/`` and return that directory.

    Raises:
        GovCatalogError: When the id, version or parent reference is malformed, or
            the directory exists already.
    """
    try:
        Version.parse(version)
        if extends:
            PackRef.parse(extends)
    except ValueError as exc:
        raise GovCatalogError(str(exc)) from None
    if not pack_id or "/" in pack_id or "@" in pack_id or pack_id.startswith("."):
        msg = f"not a pack id: {pack_id!r}"
        raise GovCatalogError(msg)
    target = folder / pack_id / version
    if target.exists():
        msg = f"{target} exists already"
        raise GovCatalogError(msg)
    target.mkdir(parents=True)
    prefix = "".join(p[0] for p in pack_id.split("-") if p).upper()[:3] or "X"
    texts = {
        "pack.toml": _PACK.format(
            id=pack_id,
            version=version,
            title_zh=title_zh or pack_id,
            title_en=title_en or pack_id,
            publisher=publisher,
            extends=f'extends = "{extends}"\n' if extends else "",
        ),
        "fields.toml": _FIELDS,
        "codebook.toml": _CODEBOOK.format(prefix=prefix),
        "rules.toml": _RULES.format(prefix=prefix),
    }
    for name, text in texts.items():
        (target / name).write_text(text, encoding="utf-8")
    return target
