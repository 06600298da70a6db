"""Mutation testing of the core with mutmut: ``make mutation`` (slow; not part of CI).

Each module group is mutated on its own, in a scratch folder under ``.mutation/<group>``, and
only the tests that exercise it are run against each mutant, so a group finishes in minutes.
The score of a group is the share of its mutants killed (a timeout counts as killed), leaving
out the mutants listed in ``equivalent.toml`` — each with the reason it cannot be told apart
from the original. Run ``python tests/mutation/run.py --list`` for the groups,
``python tests/mutation/run.py score diff`` for some of them,
``python tests/mutation/run.py --survivors score`` to print the diffs of the survivors, and
``python tests/mutation/run.py --again score`` to re-run only the survivors (and the mutants not
yet checked) of the last run against the tests as they are now. Properties run ten examples
per mutant (the ``mutation`` Hypothesis profile of ``tests/conftest.py``).

Each group's score is printed, then each of its modules'. Exit status: 0 when every module
run reaches ``--floor`` (default 85 %), 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORK = ROOT / ".mutation"
EQUIVALENT = Path(__file__).with_name("equivalent.toml")
LINKED = ("src", "tests", "standards", "vocab", "examples", "docs", "pyproject.toml", "mkdocs.yml")


@dataclass(frozen=True)
class Group:
    """Source files mutated together, and the tests run against their mutants."""

    sources: tuple[str, ...]
    tests: tuple[str, ...]
    deselect: str = ""
    """A pytest ``-k`` expression leaving out tests too slow to run once per mutant."""


GROUPS: dict[str, Group] = {
    # Tests are the fast ones that exercise each group; the long property runs stay out, so
    # that a mutant costs seconds (mutmut stops at the first failing test).
    "score": Group(("src/govcatalog/score/assess.py",), ("tests/unit/test_score.py",)),
    "compat": Group(
        ("src/govcatalog/packs/compat.py",),
        ("tests/unit/test_pack_compat.py",),
        "not compatible_new_version",  # the two properties validate 60 catalogs each
    ),
    "diff": Group(
        ("src/govcatalog/diff/match.py", "src/govcatalog/diff/compare.py"),
        (
            "tests/unit/test_diff_compare.py",
            "tests/unit/test_diff_catalogue.py",
            "tests/unit/test_diff_codeless.py",
            "tests/unit/test_diff_values.py",
        ),
        "not through_the_cli",  # a subprocess per mutant
    ),
    "identifiers": Group(
        (
            "src/govcatalog/identifiers/_citizen_id.py",
            "src/govcatalog/identifiers/_uscc.py",
            "src/govcatalog/identifiers/_org_code.py",
            "src/govcatalog/identifiers/_division.py",
            "src/govcatalog/identifiers/_license_id.py",
            "src/govcatalog/identifiers/_text.py",
            "src/govcatalog/identifiers/_dispatch.py",
            "src/govcatalog/_lenient.py",  # the identifiers' lenient reading, moved down
        ),
        (
            "tests/unit/test_identifiers_api.py",
            "tests/unit/test_identifiers_divisions.py",
            "tests/unit/test_identifiers_matrix.py",
            "tests/unit/test_identifiers_modes.py",
            "tests/unit/test_identifiers_properties.py",
            "tests/unit/test_identifiers_messages.py",
            "tests/unit/test_identifiers_dated.py",
        ),
    ),
    "resolve": Group(
        ("src/govcatalog/resolve/normalise.py", "src/govcatalog/resolve/index.py"),
        (
            "tests/unit/test_resolve_normalise.py",
            "tests/unit/test_resolve_index.py",
            "tests/unit/test_resolve_resolver.py",
        ),
    ),
    "coerce": Group(
        (
            "src/govcatalog/records/coerce.py",
            "src/govcatalog/records/coerced.py",
            "src/govcatalog/records/values.py",
        ),
        (
            "tests/unit/test_coerce.py",
            "tests/unit/test_coerce_values.py",
            "tests/unit/test_coerce_remembered.py",
            "tests/unit/test_value_forms.py",
            "tests/unit/test_required_empty.py",
            "tests/unit/test_validate_rules.py",
        ),
    ),
    "rules": Group(
        (  # named one by one: a pattern rules/*.py would match rules/builtin/ as well
            "src/govcatalog/rules/engine.py",
            "src/govcatalog/rules/catalog.py",
            "src/govcatalog/rules/declared.py",
            "src/govcatalog/rules/document.py",
        ),
        (
            "tests/unit/test_rule_layer.py",
            "tests/unit/test_validate_rules.py",
            "tests/conformance/test_cases.py",
        ),
    ),
    # The built-in rule functions, against the tests that call them on one record: the
    # conformance cases would run a few hundred documents per surviving mutant.
    "builtin": Group(
        ("src/govcatalog/rules/builtin/*.py",),
        (
            "tests/unit/test_builtin_rules.py",
            "tests/unit/test_rule_layer.py",
            "tests/unit/test_validate_rules.py",
        ),
    ),
}

_KILLED = {1, 3, 36, 24, -24, 152, 255}  # failed, pytest error, timeouts
_LABELS = {0: "survived", 5: "no tests", 33: "no tests", 34: "skipped", None: "not checked"}


def _equivalent() -> dict[str, str]:
    table = tomllib.loads(EQUIVALENT.read_text(encoding="utf-8"))
    return {m["name"]: m["reason"] for m in table.get("mutant", [])}


def _prepare(name: str, group: Group) -> Path:
    work = WORK / name
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    for entry in LINKED:
        (work / entry).symlink_to(ROOT / entry)
    _configure(work, group)
    return work


def _configure(work: Path, group: Group) -> None:
    only = "\n    ".join(group.sources)
    tests = "\n    ".join(group.tests)
    deselect = f"    -k\n    {group.deselect}\n" if group.deselect else ""
    (work / "setup.cfg").write_text(
        "[mutmut]\n"
        "source_paths = src\n"
        f"only_mutate =\n    {only}\n"
        f"pytest_add_cli_args_test_selection =\n    {tests}\n"
        f"pytest_add_cli_args =\n    -p\n    no:cacheprovider\n    -q\n"
        f"    --hypothesis-profile=mutation\n{deselect}"
        "also_copy =\n    src/govcatalog/_data\n    standards\n    vocab\n    examples\n"
        "    docs\n    mkdocs.yml\n",
        encoding="utf-8",
    )


def _results(work: Path) -> dict[str, dict[str, int | None]]:
    """Exit codes of the mutants, by module (``packs/compat.py``) and mutant name."""
    by_module: dict[str, dict[str, int | None]] = {}
    base = work / "mutants" / "src" / "govcatalog"
    for meta in sorted(base.rglob("*.py.meta")):
        data = json.loads(meta.read_text(encoding="utf-8"))
        module = meta.relative_to(base).as_posix().removesuffix(".meta")
        by_module[module] = dict(data["exit_code_by_key"])
    return by_module


@dataclass(frozen=True)
class Score:
    """Killed and checked mutants (equivalent ones left out), the survivors' names, and how many
    mutants a run stopped before checking."""

    killed: int
    checked: int
    equivalent: int
    unchecked: int
    survivors: tuple[str, ...]

    @property
    def percent(self) -> float:
        return 100.0 * self.killed / self.checked if self.checked else 0.0

    @property
    def complete(self) -> bool:
        return self.unchecked == 0

    def line(self, label: str) -> str:
        left = f"{len(self.survivors)} left, {self.equivalent} equivalent"
        if self.unchecked:
            left += f", {self.unchecked} not checked"
        return f"{label:28} {self.percent:5.1f} % killed ({self.killed}/{self.checked}, {left})"


def _score(codes: dict[str, int | None]) -> Score:
    equivalent = _equivalent()
    counted = {k: v for k, v in codes.items() if k not in equivalent}
    checked = {k: v for k, v in counted.items() if v is not None}
    killed = sum(1 for v in checked.values() if v in _KILLED)
    survivors = tuple(sorted(k for k, v in checked.items() if v not in _KILLED))
    return Score(
        killed, len(checked), len(codes) - len(counted), len(counted) - len(checked), survivors
    )


def run_group(
    name: str, group: Group, children: int, *, again: bool = False
) -> dict[str, dict[str, int | None]]:
    """Run one group (or, ``again``, the survivors of its last run); return the exit codes of
    its mutants by module."""
    work = WORK / name
    names: list[str] = []
    if again and (work / "mutants").is_dir():
        # mutmut runs the copy of the tests it made; bring it up to date, and run the tests
        # it has not seen yet (it collects their coverage first).
        _configure(work, group)
        shutil.copytree(ROOT / "tests", work / "mutants" / "tests", dirs_exist_ok=True)
        # mutmut runs against a mutant only the tests that called its function when it last
        # collected coverage; a test changed since then would be left out.
        (work / "mutants" / "mutmut-stats.json").unlink(missing_ok=True)
        codes = _results(work)
        names = sorted(k for m in codes.values() for k, v in m.items() if v not in _KILLED)
        if not names:
            return codes
    else:
        work = _prepare(name, group)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    mutmut = Path(sys.executable).with_name("mutmut")
    cmd = ["nice", "-n", "15", str(mutmut), "run", "--max-children", str(children), *names]
    subprocess.run(cmd, cwd=work, env=env, check=False, stdout=subprocess.DEVNULL)
    return _results(work)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("groups", nargs="*", help="groups to run (default: all)")
    parser.add_argument("--list", action="store_true", help="list the groups and exit")
    parser.add_argument("--children", type=int, default=2, help="parallel mutants")
    parser.add_argument("--floor", type=float, default=85.0, help="lowest score that passes")
    parser.add_argument("--survivors", action="store_true", help="print survivors' diffs")
    parser.add_argument(
        "--again", action="store_true", help="re-run only the survivors of the last run"
    )
    parser.add_argument(
        "--report", action="store_true", help="print the scores of the last run, run nothing"
    )
    args = parser.parse_args(argv)
    if args.list:
        for name, group in GROUPS.items():
            print(f"{name}: {', '.join(group.sources)}")
        return 0
    names = args.groups or list(GROUPS)
    unknown = sorted(set(names) - set(GROUPS))
    if unknown:
        parser.error(f"unknown groups: {', '.join(unknown)}")
    ok = True
    for name in names:
        if args.report:
            codes = _results(WORK / name)
        else:
            codes = run_group(name, GROUPS[name], args.children, again=args.again)
        print(_score({k: v for m in codes.values() for k, v in m.items()}).line(name))
        survivors: list[str] = []
        for module, module_codes in codes.items():
            if not module_codes:
                # mutmut does not mutate decorated functions nor module-level code
                print(f"  {module:26} no mutants")
                continue
            score = _score(module_codes)
            ok = ok and score.complete and score.percent >= args.floor
            print(score.line(f"  {module}"))
            survivors.extend(score.survivors)
        if args.survivors:
            mutmut = Path(sys.executable).with_name("mutmut")
            for key in survivors:
                print(f"--- {key}")
                subprocess.run([str(mutmut), "show", key], cwd=WORK / name, check=False)
        sys.stdout.flush()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
