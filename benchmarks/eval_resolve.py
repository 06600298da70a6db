"""Precision and recall of the resolver on the evaluation set of request item names.

    python benchmarks/eval_resolve.py [--set tests/fixtures/resolve-eval/requests.csv]

The set (``tests/fixtures/resolve-eval/requests.csv``) lists item names in the forms departments
write, each with the expected base database, resource and item (an empty item: the name is a
resource's, whose items are listed; an empty database: nothing should match). An answer is a
match of one item (or one resource); it is right when database, resource and item agree.
Precision = right answers / answers; recall = right answers / names that expect one. Every miss
is printed. Not a timed test: it measures answers, not speed.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

from govcatalog.resolve import (
    BaseDataPack,
    DataRequest,
    MatchKind,
    Requester,
    build_index,
    load_base_pack,
    resolve,
)
from govcatalog.resolve.resolver import ItemResolution

DEFAULT_SET = Path(__file__).resolve().parent.parent / "tests/fixtures/resolve-eval/requests.csv"


@dataclass(frozen=True)
class Case:
    """One name of the set and what it should resolve to."""

    requested: str
    database: str | None
    resource: str | None
    item: str | None
    source: str


@dataclass(frozen=True)
class Score:
    """The outcome over the set."""

    cases: int
    expected: int
    answered: int
    right: int
    misses: tuple[tuple[Case, ItemResolution], ...]

    @property
    def precision(self) -> float:
        """Right answers / answers."""
        return self.right / self.answered if self.answered else 1.0

    @property
    def recall(self) -> float:
        """Right answers / names expecting one."""
        return self.right / self.expected if self.expected else 1.0


def load_cases(path: Path = DEFAULT_SET) -> list[Case]:
    """Read the evaluation set."""
    with path.open(encoding="utf-8", newline="") as f:
        return [
            Case(r["requested"], r["database"] or None, r["resource"] or None, r["item"] or None,
                 r["source"])
            for r in csv.DictReader(f)
        ]  # fmt: skip


def _answer(r: ItemResolution) -> tuple[str | None, str | None, str | None] | None:
    if r.match is None:
        return None
    res = r.match.resource
    return res.database, res.name, None if r.kind is MatchKind.RESOURCE else r.match.name


def evaluate(cases: list[Case], bases: BaseDataPack | None = None) -> Score:
    """Resolve every name of the set (one request) and compare with what is expected."""
    the_bases = bases if bases is not None else load_base_pack()
    index = build_index(the_bases)
    request = DataRequest(
        Requester("评测"), None, tuple(c.requested for c in cases), (), dt.date(2025, 9, 26)
    )
    result = resolve(request, index, bases=the_bases)
    answered = right = 0
    misses = []
    for case, r in zip(cases, result.items, strict=True):
        got = _answer(r)
        want = None if case.database is None else (case.database, case.resource, case.item)
        answered += got is not None
        if got is not None and got == want:
            right += 1
        elif got != want:
            misses.append((case, r))
    expected = sum(1 for c in cases if c.database is not None)
    return Score(len(cases), expected, answered, right, tuple(misses))


def main(argv: list[str] | None = None) -> int:
    """Print precision, recall and every miss."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=DEFAULT_SET, help="evaluation set (CSV)")
    args = parser.parse_args(argv)
    score = evaluate(load_cases(args.set))
    print(f"names: {score.cases}  expecting a match: {score.expected}  answered: {score.answered}")
    print(f"right: {score.right}  precision: {score.precision:.1%}  recall: {score.recall:.1%}")
    for case, r in score.misses:
        got = _answer(r)
        want = (case.database, case.resource, case.item) if case.database else "no match"
        print(f"MISS {case.requested}: expected {want}, got {got or 'no match'}"
              f" [{r.kind.value} {r.score:.0f}] ({case.source})")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
