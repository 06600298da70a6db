"""Finding packs: installed distributions register pack roots under an entry-point group.

A pack root is a directory of ``<id>/<version>/pack.toml`` trees. The built-in packs
come through the same entry-point group as third-party ones. Nothing is scanned at
import time: the registry looks when it is first asked.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cache
from importlib.metadata import entry_points
from importlib.resources.abc import Traversable
from pathlib import Path

from govcatalog.errors import PackError, UnknownPack
from govcatalog.packs._lines import line_of
from govcatalog.packs.content import content_hash, pack_files
from govcatalog.packs.manifest import MANIFEST, read_manifest
from govcatalog.packs.pack import Pack, PackStatus, load_pack
from govcatalog.packs.versions import PackRef, Version, check_pack_id

ENTRY_POINT_GROUP = "govcatalog.packs"
"""Entry-point group under which distributions register a callable returning a pack root."""

REGISTRY_URL_VARIABLE = "GOVCATALOG_REGISTRY_URL"
"""Environment variable naming a registry database whose published packs are found too."""

DEFAULT_PACK = "gb-1272@^1"
"""The national pack, used when neither the caller nor the catalog names one."""

PREFERRED = frozenset({PackStatus.ACTIVE, PackStatus.SUPERSEDED})
"""Statuses a version range picks before any other."""


@dataclass(frozen=True, slots=True)
class PackSource:
    """Where one pack version lives.

    Attributes:
        id: Pack id.
        version: Pack version.
        root: The pack's directory.
        origin: The entry point (or path) it came from.
        status: Its lifecycle status: the manifest's, or the one a registry recorded later.
    """

    id: str
    version: Version
    root: Traversable
    origin: str
    status: PackStatus = PackStatus.DRAFT

    @property
    def ref(self) -> str:
        """``id@version``."""
        return f"{self.id}@{self.version}"


def _scan_root(root: Traversable, origin: str) -> Iterable[PackSource]:
    if not root.is_dir():
        return
    for pack_dir in sorted(root.iterdir(), key=lambda t: t.name):
        if not pack_dir.is_dir():
            continue
        for version_dir in sorted(pack_dir.iterdir(), key=lambda t: t.name):
            manifest = version_dir / "pack.toml"
            if not manifest.is_file():
                continue
            yield _source(version_dir, origin)


def _source(version_dir: Traversable, origin: str) -> PackSource:
    try:
        text = (version_dir / "pack.toml").read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        msg = "missing: not a pack folder (a pack folder holds pack.toml)"
        raise PackError(str(version_dir), "pack.toml", msg) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(str(version_dir), "pack.toml", f"unreadable: {exc}") from None
    try:
        meta = tomllib.loads(text)["pack"]
        if not isinstance(meta, dict):
            raise TypeError("[pack] must be a table")
        version = Version.parse(meta["version"])
        status = PackStatus(meta.get("status", PackStatus.DRAFT.value))
        return PackSource(check_pack_id(meta["id"]), version, version_dir, origin, status)
    except (tomllib.TOMLDecodeError, KeyError, ValueError, TypeError) as exc:
        raise PackError(str(version_dir), "pack.toml", f"unreadable manifest: {exc}") from None


def _entry_point_roots() -> list[tuple[str, Traversable]]:
    roots: list[tuple[str, Traversable]] = []
    seen: set[str] = set()
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: (e.name, e.value)):
        # The same distribution can be visible twice (an editable install beside a
        # built one); the same entry point value is one root, not two.
        if ep.value in seen:
            continue
        seen.add(ep.value)
        origin = f"{ep.dist.name if ep.dist else '?'}:{ep.name}"
        try:
            factory: Callable[[], Traversable] = ep.load()
            roots.append((origin, factory()))
        except Exception as exc:  # a broken distribution must not look like a missing pack
            msg = f"entry point {ENTRY_POINT_GROUP}:{ep.name} = {ep.value} failed: {exc}"
            raise PackError(origin, "entry_points.txt", msg) from exc
    return roots


class PackRegistry:
    """Finds pack versions and loads effective packs, resolving ``extends``.

    Args:
        roots: Pack roots as ``(origin, directory)`` pairs; by default those the
            installed distributions register under :data:`ENTRY_POINT_GROUP`.
        statuses: Status changes recorded after publication, by ``(origin, id@version)``;
            they take the place of the status in the manifest.
    """

    def __init__(
        self,
        roots: Iterable[tuple[str, Traversable]] | None = None,
        statuses: Mapping[tuple[str, str], PackStatus] | None = None,
    ) -> None:
        self._roots = list(roots) if roots is not None else None
        self._statuses = dict(statuses or {})
        self._sources: tuple[PackSource, ...] | None = None

    def with_root(
        self, origin: str, root: Traversable, statuses: Mapping[str, PackStatus] | None = None
    ) -> PackRegistry:
        """A new registry that also searches ``root``.

        Args:
            origin: How packs from ``root`` are labelled.
            root: A folder of ``<id>/<version>/`` packs.
            statuses: Current statuses by ``id@version`` overriding those of the manifests.
        """
        recorded = {**self._statuses, **{(origin, r): s for r, s in (statuses or {}).items()}}
        return PackRegistry([*self._all_roots(), (origin, root)], recorded)

    def _all_roots(self) -> list[tuple[str, Traversable]]:
        if self._roots is None:
            self._roots = _entry_point_roots()
        return self._roots

    def sources(self) -> tuple[PackSource, ...]:
        """Every pack version found, sorted by id then version."""
        if self._sources is None:
            found = [
                replace(s, status=self._statuses.get((s.origin, s.ref), s.status))
                for origin, root in self._all_roots()
                for s in _scan_root(root, origin)
            ]
            self._sources = tuple(sorted(found, key=lambda s: (s.id, s.version)))
        return self._sources

    def resolve(self, ref: str | PackRef) -> PackSource:
        """The newest version matching ``ref``, by status.

        An exact version resolves whatever its status. A range picks the newest
        ``active`` or ``superseded`` match; failing those, the newest ``retired`` one;
        never a ``draft``.

        Raises:
            UnknownPack: When nothing matches, only drafts match a range, or two
                origins provide the newest match.
        """
        pref = PackRef.parse(ref) if isinstance(ref, str) else ref
        matches = [s for s in self.sources() if s.id == pref.id and s.version in pref.range]
        if not matches:
            raise UnknownPack(str(pref), tuple(s.ref for s in self.sources()))
        if not pref.range.exact:
            matches = _by_status(pref, matches)
        newest = max(s.version for s in matches)
        top = [s for s in matches if s.version == newest]
        if len(top) > 1 and len({_digest(s.root) for s in top}) > 1:
            origins = ", ".join(s.origin for s in top)
            raise UnknownPack(f"{pref} (ambiguous: {top[0].ref} is provided by {origins})")
        return top[0]

    def load(self, ref: str | PackRef) -> Pack:
        """Load the effective pack for ``ref`` (parents first).

        Raises:
            UnknownPack: When the pack or a parent cannot be found.
            PackError: When a pack is inconsistent or ``extends`` forms a cycle.
        """
        return self._load(self.resolve(ref).root, ())

    def load_path(self, path: Traversable) -> Pack:
        """Load a pack from a directory (its parents come from this registry)."""
        return self._load(path, ())

    def _load(self, root: Traversable, seen: tuple[str, ...]) -> Pack:
        source = _source(root, "path")
        if source.ref in seen:
            chain = " -> ".join((*seen, source.ref))
            text = (root / "pack.toml").read_text(encoding="utf-8")
            line = line_of(text, "extends")
            msg = f"extends forms a cycle: {chain}"
            raise PackError(source.ref, "pack.toml", msg, line)
        text = (root / MANIFEST).read_text(encoding="utf-8")
        extends = read_manifest(text, pack=source.ref)[0].pack.extends
        parent = None
        if extends:
            parent_root = self.resolve(extends).root
            parent = self._load(parent_root, (*seen, source.ref))
        return load_pack(root, parent)


def _by_status(pref: PackRef, matches: list[PackSource]) -> list[PackSource]:
    """The matches a range may pick: the preferred statuses, else retired, never drafts."""
    preferred = [s for s in matches if s.status in PREFERRED]
    if preferred:
        return preferred
    retired = [s for s in matches if s.status is PackStatus.RETIRED]
    if retired:
        return retired
    drafts = tuple(dict.fromkeys(s.ref for s in matches))  # sorted by version already
    hint = (
        f"only drafts match: {', '.join(drafts)}; a range never picks a draft, "
        f"name one exactly (e.g. {drafts[-1]})"
    )
    raise UnknownPack(str(pref), drafts, hint)


def _digest(root: Traversable) -> str:
    """The same version from two origins is one pack when its files are the same."""
    return content_hash(pack_files(root))


@cache
def default_registry() -> PackRegistry:
    """The process-wide registry (created on first use): the installed entry points and,
    when ``$GOVCATALOG_REGISTRY_URL`` names a registry database, its published packs."""
    url = os.environ.get(REGISTRY_URL_VARIABLE)
    if not url:
        return PackRegistry()
    from govcatalog.packs.published import PackStore  # noqa: PLC0415 - only when configured

    store = PackStore.open(url)
    try:
        return store.registry()
    finally:
        store.close()


def get_pack(ref: str | Path = DEFAULT_PACK) -> Pack:
    """Load a pack by reference (``gb-1272@^1``) or from a directory path."""
    if isinstance(ref, Path) or (isinstance(ref, str) and ("/" in ref or ref.startswith("."))):
        path = Path(ref)
        if path.is_dir():
            return default_registry().load_path(path)
    return default_registry().load(str(ref))
