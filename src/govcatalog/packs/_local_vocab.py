"""Vocabularies a pack defines itself (``vocabularies.toml``), for the columns it adds.

The shared vocabularies live in ``vocab/*.ttl`` as SKOS schemes. A local standard that
adds a column with a closed list of values (系统部署网络: 电子政务外网, 互联网 …) writes
that list in its pack::

    [[scheme]]
    id = "system-network"
    title_zh = "系统部署网络"
    title_en = "Network a system is deployed on"
    concepts = [
      { zh = "电子政务外网", en = "E-government extranet", notation = "1", aliases = ["政务外网"] },
      { zh = "互联网", en = "Internet", notation = "2" },
    ]

``aliases`` are accepted and normalised to the label (reported as GC-F003), like the
hidden labels of the shared schemes. A pack's own scheme may not reuse a shared id.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping

from govcatalog.errors import PackError
from govcatalog.packs._lines import line_of, toml_error_line
from govcatalog.vocab import Concept, Evidence, Vocabulary, vocabulary_ids


def _concept(raw: Mapping[str, object], scheme_iri: str, scheme_id: str, order: int) -> Concept:
    zh = str(raw["zh"])
    notation = raw.get("notation")
    aliases = raw.get("aliases", ())
    return Concept(
        iri=f"{scheme_iri}/{notation if notation is not None else order}",
        scheme_id=scheme_id,
        notation=str(notation) if notation is not None else None,
        label_zh=zh,
        label_en=str(raw.get("en", zh)),
        alt_labels=(),
        hidden_labels=tuple(str(a) for a in aliases) if isinstance(aliases, list) else (),
        evidence=Evidence(str(raw.get("evidence", "UNCONFIRMED"))),
        broader=None,
        order=order,
        definition_zh=str(raw["definition_zh"]) if "definition_zh" in raw else None,
        definition_en=str(raw["definition_en"]) if "definition_en" in raw else None,
        exact_matches=(),
        close_matches=(),
        notation_evidence=Evidence.UNCONFIRMED if notation is not None else None,
    )


def parse_vocabularies(
    text: str, *, pack: str, pack_id: str, file: str = "vocabularies.toml"
) -> dict[str, Vocabulary]:
    """Parse a pack's ``vocabularies.toml``.

    Raises:
        PackError: On a syntax error, a malformed scheme, ambiguous labels or a shared id.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PackError(pack, file, str(exc), toml_error_line(exc)) from None
    shared = set(vocabulary_ids())
    out: dict[str, Vocabulary] = {}
    for raw in data.get("scheme", []):
        sid = str(raw.get("id", ""))
        line = line_of(text, f'"{sid}"')
        if not sid or sid in shared or sid in out:
            what = "a scheme needs an id" if not sid else f"scheme id {sid!r} is taken"
            raise PackError(pack, file, what, line)
        iri = f"https://w3id.org/govcatalog/pack/{pack_id}/vocab/{sid}"
        try:
            concepts = tuple(
                _concept(c, iri, sid, i) for i, c in enumerate(raw.get("concepts", []), start=1)
            )
            if not concepts:
                msg = "no concepts"
                raise ValueError(msg)
            out[sid] = Vocabulary(
                sid, iri, str(raw.get("title_zh", sid)), str(raw.get("title_en", sid)), concepts
            )
        except (KeyError, ValueError, TypeError) as exc:
            raise PackError(pack, file, f"scheme {sid}: {exc}", line) from None
    return out
