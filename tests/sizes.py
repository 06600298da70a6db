"""Module and function sizes of the library: ``python tests/sizes.py``.

The house rule is small modules with one job: no module above 400 lines and no function
above 60 lines unless a comment says why it reads best long. Such a comment starts with
``# long:`` and stands on the ``def`` line, in the comment lines right above it (below any
decorators or above them) or on the first line of the body::

    # long: one table of the guide's elements, row by row
    def element_table() -> ...:

The script prints the counts and every offender; ``tests/unit/test_sizes.py`` fails when an
offender is not on its list of known ones (``make lint`` runs it).
"""

from __future__ import annotations

import argparse
import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "src" / "govcatalog"
MODULE_LIMIT = 400
FUNCTION_LIMIT = 60
_REASON = re.compile(r"#\s*long:\s*\S")


@dataclass(frozen=True, order=True)
class Oversize:
    """A module or function over its limit.

    Attributes:
        name: ``package/module.py`` for a module, ``package/module.py: qualified.name`` for
            a function.
        lines: Its length in lines.
    """

    name: str
    lines: int


def _modules(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        if relative.parts[0] != "_data" and "migrations" not in relative.parts:
            yield path


def _has_reason(lines: list[str], node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """True when a ``# long:`` comment explains the function's length."""
    first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
    above = first - 2  # 0-based index of the line above the function
    while above >= 0 and lines[above].lstrip().startswith("#"):
        if _REASON.search(lines[above]):
            return True
        above -= 1
    body = node.body[0].lineno - 1
    own = lines[first - 1 : body + 1]
    return any(_REASON.search(line) for line in own)


def _functions(
    tree: ast.AST, prefix: str = ""
) -> Iterator[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield f"{prefix}{node.name}", node
            yield from _functions(node, f"{prefix}{node.name}.")
        elif isinstance(node, ast.ClassDef):
            yield from _functions(node, f"{prefix}{node.name}.")


def oversized_modules(root: Path = SOURCE) -> list[Oversize]:
    """Modules below ``root`` longer than :data:`MODULE_LIMIT` lines."""
    found = []
    for path in _modules(root):
        count = len(path.read_text(encoding="utf-8").splitlines())
        if count > MODULE_LIMIT:
            found.append(Oversize(path.relative_to(root).as_posix(), count))
    return sorted(found)


def oversized_functions(root: Path = SOURCE) -> list[Oversize]:
    """Functions below ``root`` longer than :data:`FUNCTION_LIMIT` lines, no ``# long:`` reason."""
    found = []
    for path in _modules(root):
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        module = path.relative_to(root).as_posix()
        for name, node in _functions(ast.parse(text)):
            count = (node.end_lineno or node.lineno) - node.lineno + 1
            if count > FUNCTION_LIMIT and not _has_reason(lines, node):
                found.append(Oversize(f"{module}: {name}", count))
    return sorted(found)


def main() -> None:
    """Print the counts and the offenders."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args()
    modules, functions = oversized_modules(), oversized_functions()
    print(f"modules over {MODULE_LIMIT} lines: {len(modules)}")
    for item in modules:
        print(f"  {item.lines:5d}  {item.name}")
    print(f"functions over {FUNCTION_LIMIT} lines without a '# long:' reason: {len(functions)}")
    for item in functions:
        print(f"  {item.lines:5d}  {item.name}")


if __name__ == "__main__":
    main()
