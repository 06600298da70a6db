"""A read-only directory tree held in memory, usable wherever a pack root is expected.

Packs published to a registry database are served as a :class:`MemoryTree` of
``<id>/<version>/<file>`` so that :class:`~govcatalog.packs.registry.PackRegistry`
reads them exactly like packs installed on disk, without writing temporary files.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator, Mapping
from importlib.resources.abc import Traversable
from typing import IO, Any


class MemoryTree(Traversable):
    """A node of an in-memory tree: a directory or a file.

    Args:
        files: Every file below this node, by ``/``-separated relative path.
        name: The node's name.
        content: The bytes of a file node (None for a directory).
    """

    def __init__(
        self, files: Mapping[str, bytes], name: str = "", content: bytes | None = None
    ) -> None:
        self._files = dict(files)
        self._name = name
        self._content = content

    @property
    def name(self) -> str:
        """The last part of the node's path."""
        return self._name

    def is_dir(self) -> bool:
        """True for a directory that holds at least one file."""
        return self._content is None and bool(self._files)

    def is_file(self) -> bool:
        """True for a file."""
        return self._content is not None

    def iterdir(self) -> Iterator[MemoryTree]:
        """The children of a directory, sorted by name."""
        for child in sorted({p.split("/", 1)[0] for p in self._files}):
            yield self.joinpath(child)

    def joinpath(self, *descendants: str | os.PathLike[str]) -> MemoryTree:
        """The node at a relative path (which need not exist)."""
        node = self
        for part in "/".join(os.fspath(d) for d in descendants).split("/"):
            if not part:
                continue
            content = node._files.get(part)
            prefix = part + "/"
            below = {p[len(prefix) :]: b for p, b in node._files.items() if p.startswith(prefix)}
            node = MemoryTree(below, part, content)
        return node

    def __truediv__(self, child: str | os.PathLike[str]) -> MemoryTree:
        return self.joinpath(child)

    def open(self, mode: str = "r", *args: Any, **kwargs: Any) -> IO[Any]:
        """Open a file node for reading (``r`` or ``rb``)."""
        if self._content is None:
            raise FileNotFoundError(self._name)
        if "b" in mode:
            return io.BytesIO(self._content)
        return io.TextIOWrapper(io.BytesIO(self._content), *args, **kwargs)

    def read_bytes(self) -> bytes:
        """The bytes of a file node."""
        if self._content is None:
            raise FileNotFoundError(self._name)
        return self._content

    def read_text(self, encoding: str | None = None) -> str:
        """The text of a file node."""
        return self.read_bytes().decode(encoding or "utf-8")

    def __str__(self) -> str:
        return f"<memory>/{self._name}"
