"""Exceptions for misuse and failure.

Problems in the *data* being validated are never raised: they are reported as
:class:`~govcatalog.report.Finding` objects. Exceptions are for callers who misuse
the API (an unknown pack, an unsupported format) and for input that cannot be read
at all.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any, Final, TypeVar

_E = TypeVar("_E", bound=BaseException)

_EXCEPTION_STATE: Final = frozenset(
    {"__traceback__", "__cause__", "__context__", "__suppress_context__", "__notes__"}
)


def raisable(cls: type[_E]) -> type[_E]:
    """Let a frozen dataclass exception carry the state Python sets while raising it.

    A ``@dataclass(frozen=True)`` exception refuses every attribute write, including the
    ``__traceback__`` that :func:`contextlib.contextmanager` sets when the exception
    leaves a ``with`` block — which turns the error into a ``FrozenInstanceError`` and
    hides its message. Apply this above ``@dataclass(frozen=True)``: the fields stay
    frozen; the exception's own bookkeeping is allowed.
    """
    frozen_setattr: Callable[[object, str, object], None] = cls.__setattr__
    frozen_delattr: Callable[[object, str], None] = cls.__delattr__

    def __setattr__(self: object, name: str, value: object) -> None:  # noqa: N807
        if name in _EXCEPTION_STATE:
            BaseException.__setattr__(self, name, value)
        else:
            frozen_setattr(self, name, value)

    def __delattr__(self: object, name: str) -> None:  # noqa: N807
        if name in _EXCEPTION_STATE:
            BaseException.__delattr__(self, name)
        else:
            frozen_delattr(self, name)

    def __reduce__(self: BaseException) -> tuple[type[BaseException], tuple[object, ...]]:  # noqa: N807
        # Rebuilt from its fields: an error raised in another process (a pool or a Dask
        # worker) reaches the caller as itself.
        return type(self), tuple(getattr(self, f.name) for f in fields(self))  # type: ignore[arg-type]

    cls.__setattr__ = __setattr__  # type: ignore[method-assign]
    cls.__delattr__ = __delattr__  # type: ignore[method-assign]
    cls.__reduce__ = __reduce__  # type: ignore[assignment,method-assign]
    return cls


class GovCatalogError(Exception):
    """Root of every exception govcatalog raises on purpose."""


@raisable
@dataclass(frozen=True)
class ResourceLimitExceeded(GovCatalogError, RuntimeError):
    """A run went over a configured bound (time or memory).

    Attributes:
        limit: Which bound, e.g. ``--max-seconds 30``.
    """

    limit: str

    def __str__(self) -> str:
        return f"stopped: over the limit {self.limit}"


@raisable
@dataclass(frozen=True)
class LoadError(GovCatalogError, ValueError):
    """Input could not be read as a catalog (syntax error, wrong encoding, too large).

    Attributes:
        source: The file name or description of the input.
        reason_zh: One-line reason in Chinese.
        reason_en: One-line reason in English.
        line: 1-based line of the problem, when known.
        column: 1-based column of the problem, when known.
        hint_zh: What to do about it, in Chinese, when the cause has its own advice.
        hint_en: The same in English.
    """

    source: str
    reason_zh: str
    reason_en: str
    line: int | None = None
    column: int | None = None
    hint_zh: str = ""
    hint_en: str = ""

    def __str__(self) -> str:
        where = self.source
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: {self.reason_en}"
        return f"{text} ({self.hint_en})" if self.hint_en else text


@raisable
@dataclass(frozen=True)
class UnknownPack(GovCatalogError, LookupError):
    """No installed pack matches the requested id and version range."""

    requested: str
    available: tuple[str, ...] = ()
    hint: str = ""

    def __str__(self) -> str:
        avail = ", ".join(self.available) or "none"
        text = f"no pack matches {self.requested!r} (available: {avail})"
        return f"{text}; {self.hint}" if self.hint else text


@raisable
@dataclass(frozen=True)
class PackError(GovCatalogError, ValueError):
    """A pack's files are inconsistent (unknown vocabulary, undeclared finding code, …)."""

    pack: str
    file: str
    problem: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"pack {self.pack}: {where}: {self.problem}"


@raisable
@dataclass(frozen=True)
class UnsupportedFormat(GovCatalogError, ValueError):
    """The input or output format is not supported."""

    name: str
    supported: tuple[str, ...]

    def __str__(self) -> str:
        return f"unsupported format {self.name!r}; supported: {', '.join(self.supported)}"


@raisable
@dataclass(frozen=True)
class MissingExtra(GovCatalogError, ImportError):
    """A feature needs an optional dependency that is not installed.

    Attributes:
        feature: What was asked for (``"the xlsx format"``, ``"resolve"``).
        module: The missing module.
        extra: The extra that installs it (``pip install 'govcatalog[EXTRA]'``).
    """

    feature: str
    module: str
    extra: str

    def __str__(self) -> str:
        return (
            f"{self.feature} needs {self.module}, which is not installed: "
            f"pip install 'govcatalog[{self.extra}]'"
        )


@raisable
@dataclass(frozen=True)
class UnknownExample(GovCatalogError, LookupError):
    """No shipped example catalog has this name."""

    name: str
    available: tuple[str, ...]

    def __str__(self) -> str:
        return f"unknown example {self.name!r}; choose from {', '.join(self.available)}"


@raisable
@dataclass(frozen=True)
class InvalidSource(GovCatalogError, TypeError):
    """What was passed as a catalog is none of the accepted kinds of input."""

    given: str

    def __str__(self) -> str:
        return (
            f"cannot read a catalog from {self.given}: pass a path, a mapping, JSON/YAML text, "
            "bytes or a binary file object"
        )


class UnknownVocabulary(GovCatalogError, LookupError):
    """No vocabulary file has the requested scheme id.

    Attributes:
        scheme_id: The id asked for.
        available: The ids that exist.
    """

    def __init__(self, scheme_id: str, available: tuple[str, ...] = ()) -> None:
        """Record the requested id and the available ones."""
        super().__init__(scheme_id, available)
        self.scheme_id = scheme_id
        self.available = available

    def __str__(self) -> str:
        """Name the unknown id and list the known ones."""
        known = ", ".join(self.available) or "none"
        return f"unknown vocabulary {self.scheme_id!r} (available: {known})"


@raisable
@dataclass(frozen=True)
class ConfigError(GovCatalogError, ValueError):
    """A settings file is malformed.

    Attributes:
        path: The file.
        reason: What is wrong, in one line.
    """

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class RuleConflict(GovCatalogError, ValueError):
    """Raised by :meth:`RuleSet.extend` when a rule id is already taken."""


class PublishError(GovCatalogError):
    """A pack version could not be published."""


class AlreadyPublished(PublishError):
    """The version exists in the registry already (published versions are immutable)."""


class StatusChangeError(PublishError):
    """A status change is not allowed (see :data:`~govcatalog.packs.lifecycle.TRANSITIONS`)."""


class PackIntegrityError(GovCatalogError):
    """A published pack's files no longer match the content hash recorded at publication."""


class BuildError(GovCatalogError):
    """A builder failed or returned something that is not an artefact."""


@raisable
@dataclass(frozen=True)
class HistoryError(GovCatalogError, LookupError):
    """A catalog or version asked for is not in the store, or a write failed.

    Attributes:
        problem: What went wrong.
    """

    problem: str

    def __str__(self) -> str:
        return self.problem


class ShaclUnavailable(GovCatalogError, ImportError):
    """pySHACL is not installed (``pip install govcatalog[shacl]``)."""

    def __str__(self) -> str:
        return "the SHACL engine needs pySHACL: pip install 'govcatalog[shacl]'"


@raisable
@dataclass(frozen=True)
class PatchError(GovCatalogError, ValueError):
    """A JSON Patch operation does not fit the document.

    Attributes:
        index: Position of the operation in the patch.
        problem: What is wrong.
    """

    index: int
    problem: str

    def __str__(self) -> str:
        return f"patch operation {self.index}: {self.problem}"


@raisable
@dataclass(frozen=True)
class AccessError(GovCatalogError, ValueError):
    """A token or scope is malformed, or a token name is taken or unknown.

    Attributes:
        problem: What is wrong.
    """

    problem: str

    def __str__(self) -> str:
        return self.problem


@raisable
@dataclass(frozen=True)
class IndexDamaged(GovCatalogError, ValueError):
    """Rows of the persisted resolver index do not match their digests.

    Attributes:
        catalogs: The damaged catalogs, by id.
        detail: The first problem found, in one line.
    """

    catalogs: tuple[str, ...]
    detail: str

    def __str__(self) -> str:
        return (
            f"the resolver index is damaged ({self.detail}); "
            "sync the catalog again or rebuild the index in a new database"
        )


@raisable
@dataclass(frozen=True)
class ServiceError(GovCatalogError):
    """The service answered a client with a problem (RFC 9457).

    Attributes:
        status: HTTP status.
        kind: The problem type's last part (``not-found``, ``conflict``, ``forbidden`` …).
        detail: What happened.
        code: The finding code, when there is one.
        document: The whole problem document.
    """

    status: int
    kind: str
    detail: str
    code: str | None = None
    document: Mapping[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.status} {self.kind}: {self.detail}"


@raisable
@dataclass(frozen=True)
class IncompatiblePack(ServiceError):
    """A publish refused because the version breaks the pack's compatibility mode."""

    @property
    def incompatibilities(self) -> list[dict[str, Any]]:
        """Each change the mode forbids (``old``, ``new``, ``kind``, ``subject``, …)."""
        return list(self.document.get("incompatibilities", []))
