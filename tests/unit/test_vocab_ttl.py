"""The small Turtle reader of the vocabulary files reads them as rdflib does, or refuses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from hypothesis import given, settings
from hypothesis import strategies as st

from govcatalog import _vocab_rdf, _vocab_read
from govcatalog._vocab_ttl import Iri, Lit, Term, _UnsupportedTurtle, parse
from govcatalog.vocab import _vocab_dir, vocabulary_ids

REPO = Path(__file__).resolve().parents[2]
BASE = "https://w3id.org/govcatalog/vocab/test"


def _rdflib(text: str) -> set[tuple[str, str, Term]]:
    graph = rdflib.Graph().parse(data=text, format="turtle", publicID=BASE)
    found: set[tuple[str, str, Term]] = set()
    for s, p, o in graph:
        if isinstance(o, rdflib.Literal):
            lang = o.language.lower() if o.language else None
            found.add((str(s), str(p), Lit(str(o), lang, str(o.datatype) if o.datatype else None)))
        else:
            found.add((str(s), str(p), Iri(str(o))))
    return found


@pytest.mark.parametrize("name", ["govcat", *vocabulary_ids()])
def test_every_shipped_file_reads_as_rdflib_reads_it(name: str) -> None:
    text = (_vocab_dir() / f"{name}.ttl").read_text(encoding="utf-8")
    mine = parse(text)
    assert len(mine) > 10
    assert set(mine) == _rdflib(text) == set(_vocab_rdf.triples(name))
    if name != "govcat":
        by_rdflib = _vocab_read._Reader(_vocab_rdf.triples(name), name).vocabulary()
        assert _vocab_read.read_vocabulary(name) == by_rdflib
        assert _vocab_read.read_vocabulary(name).concepts == by_rdflib.concepts


_HEAD = (
    "@prefix : <https://example.org/v/> .\n@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(st.characters(exclude_categories=["Cs"]), max_size=12),
            st.none() | st.from_regex(r"\A[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,4})?\Z"),
            st.integers(-(10**12), 10**12),
        ),
        min_size=1,
        max_size=5,
    )
)
def test_generated_literals_read_as_rdflib_reads_them(
    values: list[tuple[str, str | None, int]],
) -> None:
    lines = [_HEAD, ":s a skos:Concept ;"]
    for text, lang, number in values:
        tag = f"@{lang}" if lang else ""
        lines.append(f"    skos:prefLabel {json.dumps(text, ensure_ascii=False)}{tag} ,")
        lines.append(f"        {json.dumps(text)} ;")  # \\u escapes too
        lines.append(f"    :order {number} ;")
    lines.append("    :flag true .")
    text = "\n".join(lines)
    assert set(parse(text)) == _rdflib(text)


@pytest.mark.parametrize(
    "text",
    [
        ":s :p [ :q 1 ] .",  # a blank node
        ':s :p """long""" .',  # a long string
        ":s :p 'single' .",
        ":s :p <relative> .",
        "@base <https://example.org/> . <a> :p 1 .",
        ":s :p ( 1 2 ) .",
        ":s undeclared:p 1 .",
        ":s :p 1.5e3 .",
        ":s :p 1 ",  # no closing dot
    ],
)
def test_what_it_does_not_read_it_refuses(text: str) -> None:
    with pytest.raises(_UnsupportedTurtle):
        parse("@prefix : <https://example.org/v/> .\n" + text)


def test_a_file_it_refuses_is_read_by_rdflib(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = "share-type"
    text = (_vocab_dir() / f"{name}.ttl").read_text(encoding="utf-8")
    odd = text + '\n:unconditional skos:scopeNote """a long\nnote"""@en .\n'
    (tmp_path / f"{name}.ttl").write_text(odd, encoding="utf-8")
    with pytest.raises(_UnsupportedTurtle):
        parse(odd)
    _vocab_rdf._parse.cache_clear()
    monkeypatch.setattr(_vocab_read, "_vocab_dir", lambda: tmp_path)
    monkeypatch.setattr(_vocab_rdf, "_vocab_dir", lambda: tmp_path)
    try:
        found = _vocab_read.triples(name)
        assert set(found) == _rdflib(odd) != _rdflib(text)
        assert _vocab_read.read_vocabulary(name).concepts
    finally:
        _vocab_rdf._parse.cache_clear()


def test_loading_every_vocabulary_imports_no_rdflib() -> None:
    code = (
        "import sys\nfrom govcatalog.vocab import load_vocabulary, vocabulary_ids\n"
        "assert all(load_vocabulary(v).concepts for v in vocabulary_ids())\n"
        "print('rdflib' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(REPO / "src")},
    )
    assert result.stdout.strip() == "False"
