"""What the service keeps between requests: its store, and caches that the store's content keys.

Packs, validators and the resolver index are costly to build and cheap to keep. The
registry of packs (installed + published) is rebuilt when the store's pack tables change —
also when another instance sharing the PostgreSQL store wrote them — checked at most once
a second.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import func, select

from govcatalog.packs.pack import Pack
from govcatalog.packs.published import PackStore
from govcatalog.packs.registry import PackRegistry
from govcatalog.packs.versions import PackRef
from govcatalog.resolve.bases import BaseDataPack, build_index, load_base_pack
from govcatalog.resolve.index import ResolveIndex
from govcatalog.service.settings import ServiceSettings
from govcatalog.store.access import AccessStore
from govcatalog.store.database import Database
from govcatalog.store.history import History
from govcatalog.store.registry import PackStatusRow, PackVersionRow
from govcatalog.validate import ValidationOptions, Validator

K = TypeVar("K")
V = TypeVar("V")

log = logging.getLogger("govcatalog.service")


@dataclass(frozen=True, slots=True)
class ResolveBase:
    """The base-data pack and the index ``/resolve`` answers from."""

    bases: BaseDataPack
    index: ResolveIndex


@dataclass
class ServiceState:
    """The open store and the caches of one service process.

    Attributes:
        settings: The settings.
        db: The open, migrated store.
    """

    settings: ServiceSettings
    db: Database
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _fingerprint: tuple[object, ...] | None = None
    _registry: PackRegistry | None = None
    _packs: dict[str, Pack] = field(default_factory=dict)
    _validators: dict[tuple[str, ValidationOptions], Validator] = field(default_factory=dict)
    _resolve: ResolveBase | None = None
    _resolve_lock: threading.Lock = field(default_factory=threading.Lock)
    _builds: dict[str, Any] = field(default_factory=dict)

    @property
    def packs(self) -> PackStore:
        """The registry of published packs."""
        return PackStore(self.db)

    @property
    def access(self) -> AccessStore:
        """Tokens, write log and pack modes."""
        return AccessStore(self.db)

    @property
    def history(self) -> History:
        """Catalog versions."""
        return History(self.db)

    def _store_fingerprint(self) -> tuple[object, ...]:
        with self.db.session() as session:
            versions = session.execute(
                select(func.count(PackVersionRow.id), func.max(PackVersionRow.id))
            ).one()
            statuses = session.execute(
                select(func.count(PackStatusRow.id), func.max(PackStatusRow.id))
            ).one()
        return (*versions, *statuses)

    def registry(self) -> PackRegistry:
        """Installed packs and the store's published ones, with their current statuses."""
        # Every call asks the store (one small query): another service process may have
        # published a moment ago, and a client that published must read what it wrote.
        fingerprint = self._store_fingerprint()
        with self._lock:
            if self._registry is not None and fingerprint == self._fingerprint:
                return self._registry
        registry = self.packs.registry()
        with self._lock:
            self._registry, self._fingerprint = registry, fingerprint
            self._packs.clear()
            self._validators.clear()
        return registry

    def refresh(self) -> None:
        """Forget the registry (after this process wrote to it)."""
        with self._lock:
            self._registry = None

    def pack(self, ref: str) -> Pack:
        """The effective pack for a reference (cached while the registry is unchanged).

        Raises:
            UnknownPack: When nothing matches.
            PackError: When the pack is inconsistent.
            ValueError: When ``ref`` is not a reference.
        """
        registry = self.registry()
        source = registry.resolve(PackRef.parse(ref))
        key = f"{source.origin}|{source.ref}"
        return self._cached(self._packs, key, lambda: registry.load(source.ref))

    def validator(self, pack: Pack, options: ValidationOptions) -> Validator:
        """A validator for the pack and options (cached)."""
        return self._cached(self._validators, (pack.ref, options), lambda: Validator(pack, options))

    def resolve_base(self) -> ResolveBase:
        """The base-data pack and its index (built once, by the first caller; others wait)."""
        base = self._resolve
        if base is not None:
            return base
        with self._resolve_lock:
            if self._resolve is None:
                bases = load_base_pack(self.settings.base_pack)
                self._resolve = ResolveBase(bases, build_index(bases))
            return self._resolve

    @property
    def resolve_ready(self) -> bool:
        """Whether :meth:`resolve_base` answers at once."""
        return self._resolve is not None

    def warm(self) -> threading.Thread:
        """Build the resolver's index in a background thread, so no request waits for it."""

        def build() -> None:
            try:
                self.resolve_base()
            except Exception:  # the first /resolve builds it again and answers the error
                log.warning("the resolver's index could not be built at start", exc_info=True)

        thread = threading.Thread(target=build, name="govcatalog-warm", daemon=True)
        thread.start()
        return thread

    def cached_build(self, key: str, make: Callable[[], V]) -> V:
        """A pack version's built artefacts (versions never change once published)."""
        built: V = self._cached(self._builds, key, make)
        return built

    def _cached(self, cache: dict[K, V], key: K, make: Callable[[], V]) -> V:
        with self._lock:
            if key in cache:
                return cache[key]
        value = make()
        with self._lock:
            cache[key] = value
        return value
