"""Markdown rendering of the vocabularies (private helper of :mod:`govcatalog.vocab`).

The user documentation's value tables are this function's output, and a test compares them, so
the documentation cannot drift from ``vocab/*.ttl``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from govcatalog.vocab import Concept, Vocabulary

_Column = tuple[str, Callable[[Concept], str]]


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _labels(labels: Iterable[str]) -> str:
    return ", ".join(labels)


def _evidence(concept: Concept) -> str:
    text = concept.evidence.value
    if concept.notation_evidence is not None and concept.notation_evidence != concept.evidence:
        text += f" (code: {concept.notation_evidence.value})"
    return text


def _matches(concept: Concept) -> str:
    def link(sign: str, iri: str) -> str:
        return f"{sign} [{iri.rstrip('/').rsplit('/', 1)[-1]}]({iri})"

    parts = [link("=", iri) for iri in concept.exact_matches]
    parts += [link("≈", iri) for iri in concept.close_matches]
    return ", ".join(parts)


def _columns(vocabulary: Vocabulary, names: dict[str, str]) -> list[_Column]:
    concepts = vocabulary.concepts
    columns: list[_Column] = [("值 Value", lambda c: c.label_zh)]
    if any(c.broader for c in concepts):
        columns.append(
            ("上位 Broader", lambda c: names.get(c.broader, c.broader) if c.broader else "")
        )
    if any(c.notation is not None for c in concepts):
        columns.append(("代码 Code", lambda c: c.notation or ""))
    columns.append(("English", lambda c: c.label_en))
    columns.append(("Evidence", _evidence))
    if any(c.alt_labels for c in concepts):
        columns.append(("标准变体 Also standard", lambda c: _labels(c.alt_labels)))
    if any(c.hidden_labels for c in concepts):
        columns.append(("规范化并提示 Normalised, reported", lambda c: _labels(c.hidden_labels)))
    if any(c.exact_matches or c.close_matches for c in concepts):
        columns.append(("Matches", _matches))
    return columns


def _section(vocabulary: Vocabulary, names: dict[str, str]) -> list[str]:
    lines = [
        f"## {vocabulary.title_zh} — {vocabulary.title_en}",
        "",
        f"Scheme `{vocabulary.id}` (<{vocabulary.iri}>), file `vocab/{vocabulary.id}.ttl`.",
        "",
    ]
    columns = _columns(vocabulary, names)
    lines.append("| " + " | ".join(title for title, _ in columns) + " |")
    lines.append("|" + "---|" * len(columns))
    for concept in vocabulary.concepts:
        cells = (_cell(value(concept)) for _, value in columns)
        lines.append("| " + " | ".join(cells) + " |")
    defined = [c for c in vocabulary.concepts if c.definition_zh or c.definition_en]
    if defined:
        lines += ["", "Definitions:", ""]
        for concept in defined:
            parts = [p for p in (concept.definition_zh, concept.definition_en) if p]
            lines.append(f"- **{concept.label_zh}**: " + " — ".join(parts))
    lines.append("")
    return lines


def render(vocabularies: tuple[Vocabulary, ...]) -> str:
    """Render one Markdown section per vocabulary, in the given order."""
    names = {c.iri: c.label_zh for v in vocabularies for c in v.concepts}
    lines: list[str] = []
    for vocabulary in vocabularies:
        lines += _section(vocabulary, names)
    return "\n".join(lines)
