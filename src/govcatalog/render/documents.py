"""A resolution as a whole JSON document, and back: what the service sends its clients.

:meth:`Resolution.to_json_dict` is the form to read (names, reasons, due dates as text);
this one carries every field, so that :func:`resolution_from_document` rebuilds the
library's :class:`~govcatalog.resolve.resolver.Resolution` equal to the one resolved. The
rules applied (a pack) and the licence-type catalog are sent by name — ``id@version`` of
the pack and of the base-data pack — and read from the installed packs again.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from govcatalog._codec import Hooks, decode, encode
from govcatalog.packs.pack import Pack
from govcatalog.packs.registry import get_pack
from govcatalog.resolve.bases import load_base_pack
from govcatalog.resolve.licences import LicenceCatalog
from govcatalog.resolve.resolver import Resolution


def _hooks(base_pack: str | None) -> Hooks:
    def licences_to(catalog: LicenceCatalog) -> str | None:
        return base_pack if catalog.types else None

    def licences_from(ref: str | None) -> LicenceCatalog:
        return load_base_pack(ref).licences if ref else LicenceCatalog()

    return {
        Pack: (lambda pack: pack.ref, get_pack),
        LicenceCatalog: (licences_to, licences_from),
    }


def resolution_document(result: Resolution, base_pack: str) -> dict[str, Any]:
    """The whole resolution as JSON values (``base_pack``: ``id@version`` it was given with)."""
    document: dict[str, Any] = encode(result, _hooks(base_pack))
    return document


def resolution_from_document(data: Mapping[str, Any]) -> Resolution:
    """The resolution of :func:`resolution_document`.

    Raises:
        ValueError: When ``data`` is not such a document.
        UnknownPack: When a pack it names is not installed here.
    """
    result: Resolution = decode(Resolution, data, _hooks(None))
    return result
