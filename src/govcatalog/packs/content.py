"""The content of a pack directory: its files and one hash over them.

The registry store records this hash when a version is published and checks it on every
read; the pack registry uses it to tell whether one version offered by two sources is
the same pack.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from importlib.resources.abc import Traversable

from govcatalog.errors import PackError

MAX_FILE_BYTES = 8 * 1024 * 1024
"""Largest file a pack may hold."""


def pack_files(root: Traversable) -> dict[str, bytes]:
    """Every file of a pack directory, by relative path (hidden files and caches left out).

    Raises:
        PackError: When a file is larger than :data:`MAX_FILE_BYTES`.
    """
    out: dict[str, bytes] = {}

    def walk(node: Traversable, prefix: str) -> None:
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            if child.name.startswith((".", "__pycache__")):
                continue
            path = f"{prefix}{child.name}"
            if child.is_dir():
                walk(child, path + "/")
            elif child.is_file():
                data = child.read_bytes()
                if len(data) > MAX_FILE_BYTES:
                    raise PackError(str(root), path, f"larger than {MAX_FILE_BYTES} bytes")
                out[path] = data

    walk(root, "")
    return out


def content_hash(files: Mapping[str, bytes]) -> str:
    """sha256 over the sorted paths and the sha256 of each file."""
    h = hashlib.sha256()
    for path in sorted(files):
        h.update(f"{path}\0{hashlib.sha256(files[path]).hexdigest()}\n".encode())
    return h.hexdigest()
