"""The lifecycle of a pack version: which status changes are allowed, and why not.

A version starts as ``draft`` (being written), becomes ``active`` (the one to use),
then ``superseded`` (a newer one exists; still valid) and finally ``retired`` (no longer
to be used). Version ranges pick ``active`` and ``superseded`` versions only; see
:meth:`govcatalog.packs.registry.PackRegistry.resolve`.
"""

from __future__ import annotations

from govcatalog.packs.pack import PackStatus

TRANSITIONS: frozenset[tuple[PackStatus, PackStatus]] = frozenset(
    {
        (PackStatus.DRAFT, PackStatus.ACTIVE),
        (PackStatus.ACTIVE, PackStatus.SUPERSEDED),
        (PackStatus.ACTIVE, PackStatus.RETIRED),
        (PackStatus.SUPERSEDED, PackStatus.RETIRED),
    }
)
"""The allowed ``(from, to)`` status changes."""

WARN_ON_USE = frozenset({PackStatus.DRAFT, PackStatus.RETIRED})
"""Statuses whose use deserves a warning."""


def transition_problem(old: PackStatus, new: PackStatus) -> str | None:
    """Why ``old`` may not become ``new``, or None when the change is allowed."""
    if (old, new) in TRANSITIONS:
        return None
    if old == new:
        return f"it is {old.value} already"
    allowed = sorted(t.value for f, t in TRANSITIONS if f == old)
    if not allowed:
        return f"{old.value} is final"
    return f"{old.value} can only become {' or '.join(allowed)}"


def use_warning(ref: str, status: PackStatus) -> str | None:
    """A one-line warning for using pack ``ref`` in ``status``, or None when it is fine."""
    if status is PackStatus.DRAFT:
        return f"pack {ref} is a draft: it may still change before it is published as active"
    if status is PackStatus.RETIRED:
        return f"pack {ref} is retired: it is no longer to be used; use a newer version"
    return None
