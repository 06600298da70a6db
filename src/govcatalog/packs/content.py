"""The content of a pack directory: its files and one hash over them.

The registry store records this hash when a version is published and checks it on every
read; the pack registry uses it to tell whether one version offered by two sources is
the same pack.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from importlib.resources.abc import Traversable
from pathlib import Path

from govcatalog.errors import PackError

MAX_FILE_BYTES = 8 * 1024 * 1024
"""Largest file a pack may hold."""


def pack_files(root: Traversable) -> dict[str, bytes]:
    """Every file of a pack directory, by relative path (hidden files and caches left out).

    A pack on disk is read as it stands in its folder: a symbolic link, or anything
    else that leads outside the folder, is refused rather than followed (publishing
    ``notes.txt -> /etc/passwd`` must not copy that file into a registry).

    Raises:
        PackError: When a file is larger than :data:`MAX_FILE_BYTES`, or is a link or
            not inside the pack folder.
    """
    out: dict[str, bytes] = {}
    inside = root.resolve() if isinstance(root, Path) else None

    def walk(node: Traversable, prefix: str) -> None:
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            if child.name.startswith((".", "__pycache__")):
                continue
            path = f"{prefix}{child.name}"
            if isinstance(child, Path) and inside is not None:
                _check_inside(child, inside, root, path)
            if child.is_dir():
                walk(child, path + "/")
            elif child.is_file():
                data = child.read_bytes()
                if len(data) > MAX_FILE_BYTES:
                    raise PackError(str(root), path, f"larger than {MAX_FILE_BYTES} bytes")
                out[path] = data

    walk(root, "")
    return out


def _check_inside(child: Path, inside: Path, root: Traversable, path: str) -> None:
    if child.is_symlink():
        raise PackError(str(root), path, "is a symbolic link; packs may hold only plain files")
    if not child.resolve().is_relative_to(inside):
        raise PackError(str(root), path, "lies outside the pack folder")


def inside(dest: Path, rel: str) -> Path:
    """``dest / rel``, when that stays inside ``dest`` (links resolved); else PackError.

    Every path written from stored or untrusted names goes through here: an absolute
    name, a ``..`` segment, a backslash or a link that leads elsewhere is refused.
    """
    parts = rel.split("/")
    if (
        not rel
        or "\\" in rel
        or "\0" in rel
        or rel.startswith("/")
        or any(p in ("", ".", "..") for p in parts)
        or (len(parts[0]) >= 2 and parts[0][1] == ":")
    ):
        raise PackError(str(dest), rel, "not a plain relative path; refusing to write it")
    target = dest / rel
    base = dest.resolve()
    if not target.resolve().is_relative_to(base):
        raise PackError(str(dest), rel, "leads outside the destination folder; refused")
    return target


def content_hash(files: Mapping[str, bytes]) -> str:
    """sha256 over the sorted paths and the sha256 of each file."""
    h = hashlib.sha256()
    for path in sorted(files):
        h.update(f"{path}\0{hashlib.sha256(files[path]).hexdigest()}\n".encode())
    return h.hexdigest()
