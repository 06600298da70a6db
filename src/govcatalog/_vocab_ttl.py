"""The triples of a shipped vocabulary file, read without rdflib (private helper of
:mod:`govcatalog.vocab`).

Every command that loads a pack reads a dozen ``vocab/*.ttl`` files; importing rdflib and
running its Turtle parser over them was a quarter of a command's start-up. The files use a
small part of Turtle: ``@prefix``, absolute IRIs, prefixed names, ``a``, predicate and object
lists, strings with a language tag or a datatype, integers, decimals and booleans, comments.
This reader reads that part and refuses anything else (:class:`_UnsupportedTurtle`), in which case
the caller parses the file with rdflib as before. ``tests/unit/test_vocab_ttl.py`` reads every
shipped file both ways and compares the vocabularies.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


class _UnsupportedTurtle(ValueError):
    """Turtle this reader does not read (rdflib does)."""


class Iri(str):
    """An IRI object (a plain ``str`` subclass, told apart from a literal's text)."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Lit:
    """A literal: its lexical form, language tag (lower case) and datatype IRI."""

    text: str
    language: str | None = None
    datatype: str | None = None


Term = Iri | Lit

_TOKEN = re.compile(
    r"""(?P<ws>\s+|\#[^\n]*)
    |(?P<iri><[^<>"{}|^`\\\s]*>)
    |(?P<string>"(?:[^"\\\n\r]|\\.)*")
    |(?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
    |(?P<hats>\^\^)
    |(?P<number>[+-]?(?:\d+\.\d+|\d+)(?![\w.:]))
    |(?P<pname>(?:[A-Za-z][\w-]*)?:(?:[\w-]|\.(?=[\w-]))*)
    |(?P<word>[A-Za-z]+)
    |(?P<punct>[.,;])
    """,
    re.VERBOSE,
)
_ESCAPES = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.DOTALL)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def _tokens(text: str) -> Iterator[tuple[str, str]]:
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:
            raise _UnsupportedTurtle(f"offset {pos}: {text[pos : pos + 20]!r}")
        pos = m.end()
        kind = m.lastgroup
        assert kind is not None
        if kind == "ws":
            continue
        if kind == "lang" and m[0] == "@prefix":
            kind = "prefix"
        yield kind, m[0]


def _unescape(body: str) -> str:
    def one(m: re.Match[str]) -> str:
        if m[1] or m[2]:
            return chr(int(m[1] or m[2], 16))
        if m[3] not in _ESCAPES:
            raise _UnsupportedTurtle(f"escape \\{m[3]}")
        return _ESCAPES[m[3]]

    return _ESCAPE.sub(one, body) if "\\" in body else body


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = list(_tokens(text))
        self.at = 0
        self.prefixes: dict[str, str] = {}

    def next(self) -> tuple[str, str]:
        if self.at >= len(self.tokens):
            raise _UnsupportedTurtle("unexpected end")
        token = self.tokens[self.at]
        self.at += 1
        return token

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def iri(self, kind: str, value: str) -> str:
        if kind == "iri":
            iri = _unescape(value[1:-1])
            if not _SCHEME.match(iri):
                raise _UnsupportedTurtle(f"relative IRI {value}")
            return iri
        if kind == "pname":
            prefix, _, local = value.partition(":")
            if prefix not in self.prefixes:
                raise _UnsupportedTurtle(f"undeclared prefix {prefix!r}")
            return self.prefixes[prefix] + local
        raise _UnsupportedTurtle(f"expected an IRI, found {value!r}")

    def triples(self) -> Iterator[tuple[str, str, Term]]:
        while self.peek() is not None:
            kind, value = self.next()
            if kind == "prefix":
                name = self.next()
                if name[0] != "pname" or not name[1].endswith(":"):
                    raise _UnsupportedTurtle(f"@prefix {name[1]!r}")
                self.prefixes[name[1][:-1]] = self.iri(*self.next())
                if self.next() != ("punct", "."):
                    raise _UnsupportedTurtle("@prefix without '.'")
                continue
            yield from self.statement(self.iri(kind, value))

    def statement(self, subject: str) -> Iterator[tuple[str, str, Term]]:
        while True:
            kind, value = self.next()
            predicate = RDF_TYPE if (kind, value) == ("word", "a") else self.iri(kind, value)
            while True:
                yield subject, predicate, self.term()
                sep = self.next()
                if sep == ("punct", ","):
                    continue
                break
            if sep == ("punct", "."):
                return
            if sep != ("punct", ";"):
                raise _UnsupportedTurtle(f"expected ';' or '.', found {sep[1]!r}")
            while self.peek() == ("punct", ";"):
                self.next()
            if self.peek() == ("punct", "."):
                self.next()
                return

    def term(self) -> Term:
        kind, value = self.next()
        if kind == "string":
            text = _unescape(value[1:-1])
            after = self.peek()
            if after is not None and after[0] == "lang" and after[1] != "@prefix":
                self.next()
                return Lit(text, after[1][1:].lower())
            if after is not None and after[0] == "hats":
                self.next()
                return Lit(text, None, self.iri(*self.next()))
            return Lit(text)
        if kind == "number":
            if "." in value:
                return Lit(value, None, XSD + "decimal")
            return Lit(str(int(value)), None, XSD + "integer")  # as rdflib writes it
        if kind == "word" and value in ("true", "false"):
            return Lit(value, None, XSD + "boolean")
        return Iri(self.iri(kind, value))


def parse(text: str) -> list[tuple[str, str, Term]]:
    """The triples of a Turtle text in the part of Turtle described above.

    Raises:
        _UnsupportedTurtle: For anything else (a blank node, a collection, a relative IRI, a long
            or single-quoted string, ``@base`` …).
    """
    return list(_Parser(text).triples())
