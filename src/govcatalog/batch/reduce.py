"""The reduce step: catalog-wide rules over the summaries of every file of one catalog.

Each file's task sends back one :class:`~govcatalog.rules.catalog.ResourceSummary` per
resource (code, name, provider, related codes, a few fixed positions); the rules that look
across resources — unique codes (GC-R008), related codes that resolve (GC-C001) and are not
the resource itself (GC-C002), one name per provider (GC-C003) — run here over all of them,
so a duplicate or a related code in another file is seen as it is in one file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from govcatalog.batch.files import FileOutcome
from govcatalog.report import Finding
from govcatalog.rules.catalog import check_catalog
from govcatalog.validate import Validator


def catalog_findings(
    outcomes: Sequence[FileOutcome], validator_of: Callable[[str], Validator]
) -> list[Finding]:
    """The catalog-wide findings of files read as parts of one catalog.

    Args:
        outcomes: The files' outcomes, in the order the files were given.
        validator_of: The validator of a pack reference (each finding is worded by the pack
            its file was judged under).
    """
    # every summary of an outcome names the outcome's file
    pack_of = {s.file: o.pack for o in outcomes if o.pack for s in o.summaries[:1]}
    validators = {ref: validator_of(ref) for ref in set(pack_of.values())}
    summaries = [s for o in outcomes for s in o.summaries]
    findings: list[Finding] = []
    for hit in check_catalog(summaries):
        file = hit.summary.file or ""
        ref = pack_of.get(file)
        if ref is None:
            continue
        f = validators[ref].catalog_finding(hit, file)
        if f is not None:
            findings.append(f)
    return findings
