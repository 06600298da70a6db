"""Pack folders and zips for publishing tests."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from govcatalog.packs.scaffold import new_pack


def pack_folder(root: Path, pack_id: str, version: str, *, raise_f006: bool = False) -> Path:
    """A small active pack extending the national one; ``raise_f006`` makes GC-F006 an error
    (tightening: breaks backward compatibility)."""
    folder = new_pack(root, pack_id, version=version, extends="gb-1272@^1")
    manifest = folder / "pack.toml"
    text = manifest.read_text(encoding="utf-8").replace('status = "draft"', 'status = "active"')
    if raise_f006:
        text = text.replace('# "GC-F006" = "error"', '"GC-F006" = "error"')
        assert '"GC-F006" = "error"' in text.splitlines()
    manifest.write_text(text, encoding="utf-8")
    return folder


def zipped(folder: Path, prefix: str = "") -> bytes:
    """The folder as a zip (entries under ``prefix``)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, prefix + path.relative_to(folder).as_posix())
    return out.getvalue()
