"""Errors as RFC 9457 problem details: a type, a title, a status, a detail, and finding codes.

A :class:`Problem` is raised anywhere in the service and answered as
``application/problem+json``. Problems caused by the data carry the finding code the
library reports for it (``GC-S001`` for an unreadable catalog) and the findings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

PROBLEM_BASE = "https://govcatalog.readthedocs.io/en/latest/service/#problem-"
"""Problem types are anchors of the service's documentation page."""

MEDIA_TYPE = "application/problem+json"

TITLES: Mapping[str, str] = {
    "bad-request": "The request is malformed",
    "unauthorized": "A bearer token is needed",
    "forbidden": "The token does not grant this",
    "not-found": "No such resource",
    "not-acceptable": "No rendering for the Accept header",
    "conflict": "The write conflicts with what is stored",
    "incompatible": "The version breaks the pack's compatibility mode",
    "too-large": "The request body is too large",
    "unsupported-media-type": "The body's format is not one govcatalog reads",
    "unreadable": "The input cannot be read",
    "invalid-pack": "The pack is invalid",
    "invalid-request": "The request's parameters are invalid",
    "busy": "The service is busy",
    "timeout": "The request took too long",
    "internal": "The service failed",
}
"""The title of each problem type."""


@dataclass
class Problem(Exception):
    """An error answered as problem details.

    Attributes:
        status: HTTP status.
        kind: The problem type's slug (a key of :data:`TITLES`).
        detail: What happened to this request, in words.
        code: The finding code, when the problem is one the library reports as a finding.
        extra: More members of the problem document (findings, incompatibilities, …).
        headers: Response headers (``WWW-Authenticate``, ``Retry-After``).
    """

    status: int
    kind: str
    detail: str
    code: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.status} {self.kind}: {self.detail}"

    def document(self, instance: str | None = None) -> dict[str, Any]:
        """The problem details document."""
        doc: dict[str, Any] = {
            "type": PROBLEM_BASE + self.kind,
            "title": TITLES.get(self.kind, self.kind),
            "status": self.status,
            "detail": self.detail,
        }
        if instance:
            doc["instance"] = instance
        if self.code:
            doc["code"] = self.code
        doc.update(self.extra)
        return doc
