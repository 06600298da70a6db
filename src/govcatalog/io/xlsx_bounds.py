"""The bounds an untrusted workbook is read within: file size, parts, inflation and bytes.

A workbook is refused before its XML is parsed when the file is too large, is not a zip
(an encrypted workbook is an OLE container), has too many parts or declares too much
data; while it is read, every part is a :class:`BoundedStream` that stops when the
workbook's budget is spent or a part inflates far beyond its compressed size (zip bombs
lie about sizes).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from typing import IO, Final

from govcatalog.errors import LoadError

OLE_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The first bytes of an OLE compound file: an .xls, an .et, or an encrypted .xlsx."""


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on an untrusted workbook.

    Attributes:
        max_file_bytes: Largest file on disk.
        max_unzipped_bytes: Largest total of decompressed XML actually read.
        max_cells: Most cells read from the catalog sheets.
        max_parts: Most parts (files) in the zip.
        max_ratio: Most bytes one part may decompress to per compressed byte, once it
            is past ``ratio_floor`` (Apache POI refuses the same at 100:1). Real
            workbooks deflate 5–30 times; a bomb of blanks or empty rows ~1000 times.
        ratio_floor: Decompressed bytes of a part below which the ratio is not checked.
        max_row_bytes: Largest XML of one ``<row>`` (an unclosed row would otherwise
            be gathered up to the end of the part).
    """

    max_file_bytes: int = 512 * 1024**2
    max_unzipped_bytes: int = 2 * 1024**3
    max_cells: int = 50_000_000
    max_parts: int = 10_000
    max_ratio: int = 100
    ratio_floor: int = 16 * 1024**2
    max_row_bytes: int = 16 * 1024**2


def too_much(name: str) -> LoadError:
    """The error of a workbook that decompresses to more than its bound."""
    return LoadError(
        name,
        "工作簿解压后过大（疑为压缩炸弹），已拒绝读取",
        "the workbook decompresses to too much data (a zip bomb?); refused",
    )


@dataclass(slots=True)
class Budget:
    """What is left of the bytes a workbook may decompress to, shared by its parts."""

    name: str
    left: int

    def spend(self, n: int) -> None:
        self.left -= n
        if self.left < 0:
            raise too_much(self.name)


class BoundedStream:
    """A file-like view of a zip part that stops when the workbook's budget is spent,
    or when the part inflates more than ``max_ratio`` times its compressed size."""

    def __init__(self, raw: IO[bytes], budget: Budget, part_limit: int) -> None:
        self._raw = raw
        self._budget = budget
        self._left = part_limit

    def read(self, n: int = -1) -> bytes:
        data = self._raw.read(n if n > 0 else 1 << 20)
        self._budget.spend(len(data))
        self._left -= len(data)
        if self._left < 0:
            raise LoadError(
                self._budget.name,
                "工作簿部件的压缩比异常（疑为压缩炸弹），已拒绝读取",
                "a part of the workbook inflates far beyond its compressed size "
                "(a zip bomb?); refused",
            )
        return data

    def close(self) -> None:
        self._raw.close()


def sniff(path_bytes: bytes, name: str) -> None:
    """Refuse what is not a zip: an encrypted (OLE) workbook, a legacy .xls, anything else."""
    if path_bytes.startswith(OLE_MAGIC):
        raise LoadError(
            name,
            "工作簿已加密（设有打开密码）或为旧版 .xls 格式，无法读取；请取消密码并另存为 .xlsx",
            "the workbook is encrypted (password to open) or a legacy .xls file; "
            "remove the password and save it as .xlsx",
        )
    if not path_bytes.startswith(b"PK"):
        raise LoadError(
            name, "不是 .xlsx 工作簿（不是 zip 文件）", "not an .xlsx workbook (not a zip file)"
        )


def size_and_head(path: str, name: str) -> tuple[int, bytes]:
    """The size of the file and its first bytes (what says whether it is a zip)."""
    try:
        with open(path, "rb") as fh:  # noqa: PTH123 - a plain path string is what callers hold
            fh.seek(0, 2)
            size = fh.tell()
            fh.seek(0)
            head = fh.read(8)
    except OSError as exc:
        raise LoadError(
            name, f"无法打开文件：{exc.strerror}", f"cannot open: {exc.strerror}"
        ) from None
    return size, head


def check_parts(zf: zipfile.ZipFile, name: str, lim: Limits) -> None:
    """Refuse (closing the zip) too many parts, too much declared data or encrypted parts."""
    infos = zf.infolist()
    declared = sum(i.file_size for i in infos)
    if len(infos) > lim.max_parts or declared > lim.max_unzipped_bytes:
        zf.close()
        raise too_much(name)
    if any(i.flag_bits & 0x1 for i in infos):
        zf.close()
        raise LoadError(name, "工作簿的部件已加密，无法读取", "parts of the workbook are encrypted")
