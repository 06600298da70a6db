"""How a catalog file was read: layout, key → field mapping, skipped sheets, normalised values.

:func:`inspect` reads a file as :func:`govcatalog.validate` does and says how: the sheets and
heading rows of a workbook, every key or column and the field it was read into (or, when
unmapped, the nearest fields), the sheets skipped and why, and how many values of each element
were read from a non-standard form. :func:`write_profile` turns what is unmapped into an
editable pack that extends the one used, for ``validate --pack``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from govcatalog.io.records import SheetReading
from govcatalog.packs.fields import FieldKind, FieldTable
from govcatalog.packs.key_fold import fold_key
from govcatalog.packs.pack import Pack
from govcatalog.packs.registry import DEFAULT_PACK, get_pack
from govcatalog.records.read import iter_records, open_document

NORMALISING: frozenset[str] = frozenset({"GC-F003", "GC-F015", "GC-F016", "GC-F017"})
"""Codes that say a value was read from a non-standard form."""


@dataclass(frozen=True, slots=True)
class KeyReading:
    """One key (or column heading) of the file and what it was read as.

    Attributes:
        key: The key as written (a heading as ``group/heading``).
        scope: Where it was written: None for a resource, or a group id (``items``).
        field: The field id it was read into, or None when unmapped.
        nearest: For an unmapped key, the ids of the nearest fields.
        count: How many records carry it (for a column: None).
        where: For a column, its sheet and letters (``目录!C``).
    """

    key: str
    scope: str | None
    field: str | None
    nearest: tuple[str, ...] = ()
    count: int | None = None
    where: str = ""


@dataclass(frozen=True, slots=True)
class Normalised:
    """Values of one element read from a non-standard form, by finding code."""

    code: str
    field: str
    count: int
    example: str


@dataclass(frozen=True, slots=True)
class Inspection:
    """How a file was read (see the module docstring).

    Attributes:
        file: The file's name.
        pack: The pack it was read with.
        resources: How many resources were read.
        sheets: The sheets read as catalog data, with their heading band.
        skipped: (sheet, reason) of the sheets not read as catalog data.
        keys: Every key or column, mapped or not.
        normalised: Values read from non-standard forms, per element and code.
    """

    file: str
    pack: str
    resources: int
    sheets: tuple[SheetReading, ...]
    skipped: tuple[tuple[str, str], ...]
    keys: tuple[KeyReading, ...]
    normalised: tuple[Normalised, ...]

    @property
    def unmapped(self) -> tuple[KeyReading, ...]:
        """The keys no field took."""
        return tuple(k for k in self.keys if k.field is None)

    def to_dict(self) -> dict[str, object]:
        """Plain data (for JSON)."""
        return {
            "file": self.file,
            "pack": self.pack,
            "resources": self.resources,
            "sheets": [
                {
                    "sheet": s.sheet,
                    "heading_row": s.heading_row,
                    "group_row": s.group_row,
                    "first_data_row": s.first_data_row,
                    "form": s.form,
                    "notes": list(s.notes) if s.notes else None,
                }
                for s in self.sheets
            ],
            "skipped": [{"sheet": s, "reason": r} for s, r in self.skipped],
            "keys": [
                {
                    "key": k.key,
                    "scope": k.scope,
                    "field": k.field,
                    "nearest": list(k.nearest),
                    "count": k.count,
                    "where": k.where,
                }
                for k in self.keys
            ],
            "normalised": [
                {"code": n.code, "field": n.field, "count": n.count, "example": n.example}
                for n in self.normalised
            ],
        }

    def to_text(self) -> str:
        """A readable account, one line per sheet, key and normalised form."""
        lines = [f"{self.file}: {self.resources} resources read with {self.pack}"]
        for s in self.sheets:
            group = f", group headings in row {s.group_row}" if s.group_row else ""
            whose = "data items" if s.items else "resources"
            notes = (
                f"; notes below the data in rows {s.notes[0]}–{s.notes[1]}, not read as {whose}"
                if s.notes
                else ""
            )
            lines.append(
                f"sheet {s.sheet}: a registration form (one resource, each name beside its value)"
                if s.form
                else f"sheet {s.sheet}: headings in row {s.heading_row}{group}; "
                f"data from row {s.first_data_row}{notes}"
            )
        lines.extend(f"sheet {sheet}: skipped — {reason}" for sheet, reason in self.skipped)
        lines.append("keys:")
        for k in self.keys:
            k = KeyReading(  # noqa: PLW2901 - shown on one line
                " ".join(k.key.split()), k.scope, k.field, k.nearest, k.count, k.where
            )
            where = f" [{k.where}]" if k.where else ""
            count = f" ({k.count} records)" if k.count is not None else ""
            if k.field is not None:
                lines.append(f"  {k.key}{where}{count} → {k.field}")
            else:
                near = f"; nearest: {', '.join(k.nearest)}" if k.nearest else ""
                lines.append(f"  {k.key}{where}{count} → unmapped{near}")
        if self.normalised:
            lines.append("values read from non-standard forms:")
            lines.extend(
                f"  {n.field}: {n.count} × {n.code} (e.g. {n.example!r})" for n in self.normalised
            )
        return "\n".join(lines)


def _field_id(table: FieldTable, scope: str | None, key: str) -> str | None:
    spec = table.key_map(scope).get(fold_key(key))
    if spec is None:
        return None
    if spec.kind is FieldKind.GROUP and spec.main:
        return spec.main
    return spec.id if scope is None or "." in spec.id else f"{scope}.{spec.key}"


def _keys(table: FieldTable, data: object, counts: Counter[tuple[str | None, str]]) -> None:
    if not isinstance(data, dict):
        return
    for key, value in data.items():
        skey = str(key)
        counts[(None, skey)] += 1
        spec = table.key_map(None).get(fold_key(skey))
        if spec is None or spec.kind not in (FieldKind.GROUP, FieldKind.GROUPS):
            continue
        members = value if isinstance(value, list) else [value]
        seen: set[str] = set()
        for member in members:
            if isinstance(member, dict):
                seen.update(str(k) for k in member)
        for sub in seen:
            counts[(spec.id, sub)] += 1


def _pointer_field(pointer: str) -> str:
    return ".".join(p for p in pointer.strip("/").split("/") if p and not p.isdigit())


def inspect(source: str | Path, *, pack: Pack | str | None = None) -> Inspection:
    """Read a catalog file and say how it was read (see the module docstring).

    Raises:
        LoadError: When the file cannot be read.
        UnsupportedFormat: For a format govcatalog does not read.
    """
    the_pack = pack if isinstance(pack, Pack) else get_pack(pack or DEFAULT_PACK)
    table = the_pack.fields
    doc = open_document(source, the_pack)
    counts: Counter[tuple[str | None, str]] = Counter()
    forms: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], str] = {}
    resources = 0
    for read in iter_records(doc, the_pack):
        resources += 1
        if not doc.sheets:
            _keys(table, read.raw.data, counts)
        if read.coerced is None:
            continue
        for hit in read.coerced.hits:
            if hit.code in NORMALISING:
                k = (hit.code, _pointer_field(hit.pointer))
                forms[k] += 1
                examples.setdefault(k, str(hit.value))
    keys: list[KeyReading] = []
    for sheet in doc.sheets:
        for letters, heading, fid in sheet.columns:
            scope = "items" if fid and fid.startswith("items.") else None
            near = () if fid else tuple(f.id for f in table.nearest(heading.rpartition("/")[2]))
            keys.append(KeyReading(heading, scope, fid, near, None, f"{sheet.sheet}!{letters}"))
    for (scope, key), n in sorted(counts.items(), key=lambda kv: (kv[0][0] or "", kv[0][1])):
        fid = _field_id(table, scope, key)
        near = () if fid else tuple(f.id for f in table.nearest(key, scope))
        keys.append(KeyReading(key, scope, fid, near, n))
    skipped = tuple(
        (p.sheet or "", p.detail_en) for p in doc.problems if p.code == "GC-S010" and p.sheet
    )
    normalised = tuple(
        Normalised(code, fid, n, examples[(code, fid)])
        for (code, fid), n in sorted(forms.items(), key=lambda kv: (kv[0][1], kv[0][0]))
    )
    return Inspection(
        doc.name, the_pack.ref, resources, tuple(doc.sheets), skipped, tuple(keys), normalised
    )


def _slug(key: str, taken: set[str]) -> str:
    base = re.sub(r"[^0-9A-Za-z_\u4e00-\u9fff]+", "_", key).strip("_") or "field"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}_{n}", n + 1
    taken.add(slug)
    return slug


def write_profile(inspection: Inspection, pack: Pack, path: Path, *, pack_id: str) -> Path:
    """Write an editable pack for the file's unmapped keys; return its folder.

    Each unmapped key is declared as an extension field (so it is read and kept, and no longer
    reported as unknown), with the nearest fields named in a comment: to map the key onto one of
    them instead, replace the entry by ``id = "<field>"`` and ``aliases = ["<key>"]``.

    Raises:
        FileExistsError: When ``path`` exists and is not an empty folder.
    """
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise FileExistsError(path)
    path.mkdir(parents=True, exist_ok=True)
    major = pack.version.major
    (path / "pack.toml").write_text(
        "# A profile written by `govcatalog inspect --write-profile` for "
        f"{inspection.file}.\n# Edit fields.toml, then: govcatalog validate FILE --pack {path}\n\n"
        f'[pack]\nid = "{pack_id}"\nversion = "0.1.0"\n'
        f"title_zh = {_toml(inspection.file + ' 导出格式')}\n"
        f"title_en = {_toml('Export profile of ' + inspection.file)}\n"
        f'status = "active"\nextends = "{pack.id}@^{major}"\n',
        encoding="utf-8",
    )
    lines = [
        "# The keys the file uses that no field of the pack took, declared as extension fields.",
        "# To read a key into an element instead, replace its entry by, e.g.:",
        '#   [[field]]\n#   id = "provider"\n#   aliases = ["数据提供方"]',
        "",
    ]
    taken: set[str] = set()
    names: set[str] = set()
    for k in inspection.unmapped:
        name = k.key.rpartition("/")[2]
        if k.scope not in (None, "items") or fold_key(name) in names:
            continue
        names.add(fold_key(name))
        if k.nearest:
            lines.append(f"# {name!r}: nearest fields {', '.join(k.nearest)}")
        lines += [
            "[[field]]",
            f'id = "extensions.{_slug(name, taken)}"',
            f"zh = {_toml(name)}",
            f"en = {_toml(name)}",
            'kind = "text"',
            "",
        ]
    (path / "fields.toml").write_text("\n".join(lines), encoding="utf-8")
    return path


def _toml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
