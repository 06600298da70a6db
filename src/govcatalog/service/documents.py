"""JSON documents the service answers with, built from the library's result types."""

from __future__ import annotations

from typing import Any

from govcatalog.packs.compat import CompatReport, Violation
from govcatalog.packs.published import PublishedPack
from govcatalog.packs.registry import PackSource
from govcatalog.report import Lang, Report
from govcatalog.store.access import Write
from govcatalog.store.history import CatalogVersion


def report_document(report: Report, lang: Lang) -> dict[str, Any]:
    """The report as ``--format json`` gives it, every text also in both languages.

    The ``message_zh`` / ``message_en`` / ``hint_zh`` / ``hint_en`` and ``regime_zh`` /
    ``regime_en`` members let a client rebuild the library's report whole
    (:meth:`~govcatalog.report.Report.from_dict`).
    """
    return report.to_dict(lang, bilingual=True)


def violation_document(v: Violation) -> dict[str, Any]:
    """One incompatibility."""
    return {
        "old": v.old,
        "new": v.new,
        "kind": v.change.kind.value,
        "subject": v.change.subject,
        "detail": v.change.detail,
        "breaks_backward": v.change.breaks_backward,
        "breaks_forward": v.change.breaks_forward,
        "text": str(v),
    }


def compat_document(report: CompatReport) -> dict[str, Any]:
    """A compatibility check."""
    return {
        "mode": report.mode.value,
        "new": report.new,
        "compared": list(report.compared),
        "compatible": report.compatible,
        "changes": [
            {
                "kind": c.kind.value,
                "subject": c.subject,
                "detail": c.detail,
                "breaks_backward": c.breaks_backward,
                "breaks_forward": c.breaks_forward,
            }
            for c in report.changes
        ],
        "incompatibilities": [violation_document(v) for v in report.violations],
    }


def published_document(p: PublishedPack) -> dict[str, Any]:
    """A published version."""
    return {
        "id": p.id,
        "version": str(p.version),
        "ref": p.ref,
        "status": p.status,
        "extends": p.extends,
        "content_hash": p.content_hash,
        "published_at": p.published_at.isoformat(),
    }


def source_document(s: PackSource) -> dict[str, Any]:
    """A pack version found by the registry."""
    origin = "registry" if s.origin.startswith("registry:") else s.origin
    return {"version": str(s.version), "ref": s.ref, "status": s.status.value, "origin": origin}


def version_document(v: CatalogVersion) -> dict[str, Any]:
    """A stored catalog version."""
    return {
        "catalog": v.catalog,
        "number": v.number,
        "ref": v.ref,
        "sha256": v.sha256,
        "effective": v.effective.isoformat(),
        "created_at": v.created_at.isoformat(),
        "label": v.label,
        "resource_count": v.resource_count,
    }


def write_document(w: Write) -> dict[str, Any]:
    """An entry of the write log."""
    return {
        "at": w.at.isoformat(),
        "actor": w.actor,
        "action": w.action,
        "target": w.target,
        "status": w.status,
        "detail": w.detail,
    }
