"""Pack versions sent to the registry as zip archives: unpacked in memory, within bounds."""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePosixPath

from govcatalog.packs.content import MAX_FILE_BYTES
from govcatalog.service.problems import Problem

MAX_ARCHIVE_FILES = 2000
"""Most files a published pack archive may hold."""


def unpack_archive(data: bytes, limit: int) -> dict[str, bytes]:
    """The files of a pack sent as a zip (the folder holding ``pack.toml`` is the root).

    Raises:
        Problem: 422 for anything but a bounded zip holding one pack.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = [i for i in archive.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise Problem(422, "invalid-pack", f"not a zip archive: {exc}") from None
    if len(infos) > MAX_ARCHIVE_FILES:
        raise Problem(422, "invalid-pack", f"more than {MAX_ARCHIVE_FILES} files")
    manifests = sorted(
        (i.filename for i in infos if PurePosixPath(i.filename).name == "pack.toml"),
        key=lambda n: n.count("/"),
    )
    if not manifests:
        raise Problem(422, "invalid-pack", "the archive holds no pack.toml")
    root = manifests[0][: -len("pack.toml")]
    files: dict[str, bytes] = {}
    total = 0
    for info in infos:
        name = info.filename
        parts = PurePosixPath(name).parts
        if name.startswith("/") or ".." in parts or "\\" in name:
            raise Problem(422, "invalid-pack", f"unsafe path in the archive: {name!r}")
        if not name.startswith(root):
            continue
        if info.file_size > MAX_FILE_BYTES or total + info.file_size > limit:
            raise Problem(422, "invalid-pack", f"{name}: the pack's files are too large")
        try:
            with archive.open(info) as fh:
                body = fh.read(MAX_FILE_BYTES + 1)
        except (zipfile.BadZipFile, OSError, RuntimeError, ValueError) as exc:
            raise Problem(422, "invalid-pack", f"{name}: cannot be read: {exc}") from None
        if len(body) > MAX_FILE_BYTES:
            raise Problem(422, "invalid-pack", f"{name}: larger than {MAX_FILE_BYTES} bytes")
        total += len(body)
        relative = name[len(root) :]
        if not PurePosixPath(relative).name.startswith("."):
            files[relative] = body
    return files


def pack_archive(files: dict[str, bytes]) -> bytes:
    """A pack's files as a zip, the same bytes for the same files (fixed dates, sorted)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in sorted(files.items()):
            archive.writestr(zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0)), data)
    return out.getvalue()
