"""The field table as the one element table: the RDF plan, XML names and columns compiled from it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import rdflib

from govcatalog import get_pack
from govcatalog.errors import PackError
from govcatalog.packs.fields import FieldTable, parse_fields
from govcatalog.rdf.plan import Agent, Node, compile_plan, national_plan
from govcatalog.rdf.terms import GOVCAT

ROOT = Path(__file__).parents[2]


def _declared() -> set[str]:
    onto = rdflib.Graph().parse(ROOT / "vocab" / "govcat.ttl", format="turtle")
    return {str(s) for s in onto.subjects(rdflib.RDF.type, None)}


def test_every_govcat_term_of_the_plan_is_in_the_ontology() -> None:
    plan = national_plan()
    terms = {leaf.prop.iri for leaf in plan.catalog}
    for step in plan.resource:
        if isinstance(step, Node):
            terms |= {step.via.iri, step.cls.iri, *(leaf.prop.iri for leaf in step.leaves)}
        elif isinstance(step, Agent):
            terms |= {step.via.iri, step.name.prop.iri}
        else:
            terms.add(step.prop.iri)
    govcat = {t for t in terms if t.startswith(GOVCAT)}
    assert len(govcat) > 30
    assert govcat - _declared() == set()


def test_an_agent_is_written_once_its_name_and_code_are_known() -> None:
    steps = national_plan().resource
    names = [s.name.source if isinstance(s, Agent) else getattr(s, "source", None) for s in steps]
    assert names.index(("provider",)) == names.index(("provider_code",)) + 1


def _table(**changes: object) -> FieldTable:
    table = get_pack("gb-1272").fields
    spec = replace(table.get("share.share_type"), **changes)  # type: ignore[arg-type]
    return table.with_fields([spec])


@pytest.mark.parametrize(
    "rdf",
    [
        ("govcat:a", "govcat:b", "govcat:c"),  # three steps
        ("govcat:elsewhere", "govcat:shareType"),  # two steps through no node of its group
    ],
)
def test_a_path_the_layout_cannot_hold_is_refused(rdf: tuple[str, ...]) -> None:
    with pytest.raises(ValueError, match=r"share\.share_type"):
        compile_plan(_table(rdf=rdf))


def test_a_group_node_needs_a_class() -> None:
    table = get_pack("gb-1272").fields
    share = replace(table.get("share"), rdf_class=None)
    with pytest.raises(ValueError, match="rdf_class"):
        compile_plan(table.with_fields([share]))


def test_a_column_entry_with_an_unknown_key_is_a_pack_error() -> None:
    text = '[[field]]\nid = "extensions.x"\nzh = "甲"\nen = "X"\nkind = "text"\n'
    text += "column = { header = 1 }\n"
    with pytest.raises(PackError, match="column: unknown keys") as info:
        parse_fields(text, pack="p@1")
    assert info.value.line == 2  # the line of the entry's id


def test_an_xml_name_used_twice_in_one_scope_is_a_pack_error(tmp_path: Path) -> None:
    (tmp_path / "pack.toml").write_text(
        '[pack]\nid = "clash"\nversion = "1.0.0"\nextends = "gb-1272@^1"\nstatus = "draft"\n',
        encoding="utf-8",
    )
    (tmp_path / "fields.toml").write_text(
        '[[field]]\nid = "abstract"\nxml = "resTitle"\n', encoding="utf-8"
    )
    with pytest.raises(PackError, match="'resTitle' names both"):
        get_pack(tmp_path)
