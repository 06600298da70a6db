"""Pack regular expressions are checked for catastrophic backtracking before use.

Python's ``re`` backtracks: ``^(a+)+$`` against ``"a" * 40 + "b"`` runs for hours. A
pack is data from a registry, so its patterns are untrusted. Rather than add a second
regex engine, a pattern is refused at ``pack check`` (and whenever a pack is loaded)
when its syntax tree shows the shapes that make backtracking exponential:

* a repetition of varying length inside another (``(a+)+``, ``(a*b?)*``,
  ``(\\d{1,9})+``), unless the inner one is possessive or atomic (a fixed count such
  as ``(?:\\d{2}){1,3}`` is fine);
* alternatives inside a repetition that can start with the same character
  (``(a|ab)+``, ``(ab|a\\d)*``);
* backreferences (``(a)\\1``), which no linear-time engine supports either.

Patterns in govcatalog packs are short checks on codes and names; none needs these
shapes. The ``--max-seconds`` budget of the command line stops any run that still
takes too long (``re`` checks for signals while it matches).
"""

from __future__ import annotations

import importlib
import warnings
from typing import Any, Final

_parser: Any = importlib.import_module("re._parser")  # the stdlib's own regex parser

_REPEATS: Final = frozenset({"MAX_REPEAT", "MIN_REPEAT"})
_ATOMIC: Final = frozenset({"POSSESSIVE_REPEAT", "ATOMIC_GROUP"})
_ALL: Final = (0, 0x10FFFF)


def regex_problem(pattern: str) -> str | None:
    """Why ``pattern`` may backtrack catastrophically, or None when it is safe to run."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the parser's FutureWarnings on odd sets
            tree = _parser.parse(pattern)
    except Exception as exc:  # re.error, or a pattern too deep for the parser
        return f"not a valid regular expression: {exc}"
    return _walk(list(tree), in_repeat=False)


def _walk(items: list[tuple[Any, Any]], *, in_repeat: bool) -> str | None:
    for op, av in items:
        name = str(op)
        found: str | None = None
        if name in _REPEATS:
            low, high, body = av
            variable = high > low  # a fixed count ({2}) leaves the matcher no choice
            if in_repeat and variable:
                return "a repetition inside a repetition (such as (a+)+) can take exponential time"
            found = _walk(list(body), in_repeat=in_repeat or (variable and high > 1))
        elif name in _ATOMIC:
            continue  # possessive and atomic parts never backtrack into themselves
        elif name == "SUBPATTERN":
            found = _walk(list(av[3]), in_repeat=in_repeat)
        elif name == "BRANCH":
            branches = [list(b) for b in av[1]]
            if in_repeat and _overlapping(branches):
                return (
                    "alternatives that can start alike inside a repetition (such as (a|ab)+) "
                    "can take exponential time"
                )
            for b in branches:
                found = found or _walk(b, in_repeat=in_repeat)
        elif name in ("GROUPREF", "GROUPREF_EXISTS"):
            return "backreferences are not allowed in pack patterns"
        elif name in ("ASSERT", "ASSERT_NOT"):
            found = _walk(list(av[1]), in_repeat=in_repeat)
        if found:
            return found
    return None


def _first(items: list[tuple[Any, Any]]) -> list[tuple[int, int]] | None:
    """Code-point ranges the sequence can start with; None when it can be empty."""
    for op, av in items:
        name = str(op)
        if name == "AT":
            continue
        if name == "LITERAL":
            return [(av, av)]
        if name == "IN":
            return _set_ranges(list(av))
        if name == "SUBPATTERN":
            return _first(list(av[3]))
        if name in _REPEATS or name in _ATOMIC:
            body = av[2] if name != "ATOMIC_GROUP" else av
            if (name in _REPEATS or name == "POSSESSIVE_REPEAT") and av[0] == 0:
                return [_ALL]  # may be skipped: be conservative
            return _first(list(body))
        if name == "BRANCH":
            out: list[tuple[int, int]] = []
            for b in av[1]:
                first = _first(list(b))
                if first is None:
                    return None
                out.extend(first)
            return out
        return [_ALL]  # ANY, categories, lookarounds: anything
    return None


def _set_ranges(items: list[tuple[Any, Any]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            out.append((av, av))
        elif name == "RANGE":
            out.append((av[0], av[1]))
        else:  # NEGATE, categories (\w, \d): anything, conservatively
            return [_ALL]
    return out


def _overlapping(branches: list[list[tuple[Any, Any]]]) -> bool:
    firsts = [_first(b) for b in branches]
    if any(f is None for f in firsts):
        return True  # an empty alternative inside a repetition
    seen: list[tuple[int, int]] = []
    for ranges in firsts:
        assert ranges is not None
        for lo, hi in ranges:
            if any(lo <= h and l <= hi for l, h in seen):  # noqa: E741
                return True
        seen.extend(ranges)
    return False
