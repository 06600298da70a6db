"""Where in a pack file a problem is: line numbers for errors reported to authors.

``tomllib`` gives no positions for values, so a problem is located by searching the
file for the text that names it (a quoted id, a key); the first line that holds it is
reported. That is exact for the ids and codes packs are made of, which are unique.
"""

from __future__ import annotations

import re
import tomllib

_AT_LINE = re.compile(r"\(at line (\d+)")


def line_of(text: str | None, needle: str) -> int | None:
    """1-based number of the first line of ``text`` containing ``needle``, or None."""
    if not text or not needle:
        return None
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    return None


def toml_error_line(exc: tomllib.TOMLDecodeError) -> int | None:
    """The line a TOML syntax error points at."""
    lineno = getattr(exc, "lineno", None)
    if isinstance(lineno, int):
        return lineno
    m = _AT_LINE.search(str(exc))
    return int(m[1]) if m else None
