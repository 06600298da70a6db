"""The built wheel carries the packs, vocabularies and examples, and its CLI runs from elsewhere.

A plain install (no extras) is a fresh virtual environment holding the wheel and only its
runtime dependencies: every command starts, the main jobs run, and an optional feature says
which extra to install.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from importlib.metadata import Distribution, PackageNotFoundError, distribution
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from govcatalog.cli.app import COMMANDS

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (found,) = out.glob("govcatalog-*.whl")
    return found


def test_wheel_contains_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "govcatalog/_data/standards/gb-1272/1.0.0/pack.toml" in names
    assert "govcatalog/_data/standards/gb-1272/1.0.0/codebook.toml" in names
    assert "govcatalog/_data/vocab/share-type.ttl" in names
    assert "govcatalog/py.typed" in names
    assert any(n.startswith("govcatalog/_data/examples/") for n in names)


def test_installed_cli_runs_outside_the_repository(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    catalog = work / "c.json"
    catalog.write_text(
        json.dumps({"resources": [{"name": "x"}]}, ensure_ascii=False), encoding="utf-8"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    probe = subprocess.run(
        [sys.executable, "-c", "import govcatalog; print(govcatalog.__file__)"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert probe.stdout.strip().startswith(str(target))
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "govcatalog",
            "validate",
            "c.json",
            "--format",
            "json",
            "--lang",
            "en",
        ],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["pack"] == "gb-1272@1.0.0"
    assert any(f["code"] == "GC-F001" for f in report["findings"])


OPTIONAL = ("numpy", "rapidfuzz", "openpyxl", "defusedxml", "pyshacl", "psycopg", "pandas")
"""Modules only the extras install."""


def _runtime_closure() -> list[Distribution]:
    """The distributions a plain ``pip install govcatalog`` brings, as installed here."""
    seen: dict[str, Distribution] = {}
    todo = [
        Requirement(r)
        for r in distribution("govcatalog").requires or []
        if Requirement(r).marker is None
    ]
    while todo:
        req = todo.pop()
        key = canonicalize_name(req.name)
        if key in seen:
            continue
        try:
            dist = distribution(req.name)
        except PackageNotFoundError:  # an environment marker excluded it here
            continue
        seen[key] = dist
        for text in dist.requires or []:
            sub = Requirement(text)
            if sub.marker is None or sub.marker.evaluate({"extra": ""}):
                todo.append(sub)
    return list(seen.values())


@pytest.fixture(scope="module")
def plain_venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel (pip, no dependencies) and the runtime dependencies only.

    The dependencies are linked from this environment's installed copies, so the test needs
    no network; the set is the closure of the wheel's requirements without extras.
    """
    venv = tmp_path_factory.mktemp("plain") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    here = Path(sysconfig.get_paths()["purelib"])
    for dist in _runtime_closure():
        for file in dist.files or []:
            source = Path(str(dist.locate_file(file)))
            if not source.is_relative_to(here) or not source.is_file():
                continue  # scripts and other files outside site-packages
            target = site / source.relative_to(here)
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                target.symlink_to(source)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return venv


def _run(venv: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["COLUMNS"] = "100"
    return subprocess.run(
        [str(venv / "bin" / "govcatalog"), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_plain_venv_has_no_extra(plain_venv: Path) -> None:
    code = f"import importlib.util as u; print([m for m in {OPTIONAL!r} if u.find_spec(m)])"
    out = subprocess.run(
        [str(plain_venv / "bin" / "python"), "-I", "-c", code],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert out.strip() == "[]"


def _subcommands() -> list[list[str]]:
    from govcatalog.cli.history_cmd import history_app
    from govcatalog.cli.pack_cmd import pack_app
    from govcatalog.cli.token_cmd import token_app

    out: list[list[str]] = [[name] for name in COMMANDS]
    for group, sub in (("pack", pack_app), ("history", history_app), ("token", token_app)):
        out += [[group, str(c.name)] for c in sub.registered_commands]
    return out


_HELP_SCRIPT = """
import contextlib, io, json, sys
import typer
from govcatalog.cli.app import app
group = typer.main.get_group(app)
out = {}
for words in json.loads(sys.argv[1]):
    text = io.StringIO()
    try:
        with contextlib.redirect_stdout(text):
            group.main([*words, "--help"], prog_name="govcatalog")
    except SystemExit as exc:
        code = exc.code
    out[" ".join(words)] = [code, text.getvalue()]
print(json.dumps(out))
"""


def test_every_help_works_without_extras(plain_venv: Path, tmp_path: Path) -> None:
    top = _run(plain_venv, "--help", cwd=tmp_path)
    assert top.returncode == 0, top.stderr
    for name in COMMANDS:
        assert name in top.stdout
    words = _subcommands()
    # one process for all the rest: each command's module is imported as `govcatalog CMD` does
    run = subprocess.run(
        [str(plain_venv / "bin" / "python"), "-I", "-c", _HELP_SCRIPT, json.dumps(words)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    helps = json.loads(run.stdout)
    assert len(helps) == len(words)
    for name, (code, text) in helps.items():
        assert code == 0, name
        assert text.startswith("Usage: govcatalog " + name), name
        assert "<bool>" not in text, name


def test_main_jobs_run_without_extras(plain_venv: Path, tmp_path: Path) -> None:
    ok = _run(plain_venv, "validate", "--example", "city", "--lang", "en", cwd=tmp_path)
    assert ok.returncode == 0, ok.stderr
    bad = _run(plain_venv, "validate", "--example", "city-errors", "-f", "json", cwd=tmp_path)
    assert bad.returncode == 1, bad.stderr
    assert json.loads(bad.stdout)["findings"]

    schema = _run(plain_venv, "schema", cwd=tmp_path)
    assert schema.returncode == 0, schema.stderr
    assert json.loads(schema.stdout)["$schema"].startswith("https://json-schema.org/")

    city = subprocess.run(
        [
            str(plain_venv / "bin" / "python"),
            "-I",
            "-c",
            "from govcatalog import examples; print(examples.path('city'))",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    assert Path(city).is_file()
    assert Path(city).is_relative_to(plain_venv)

    ttl = _run(plain_venv, "export", city, "--to", "ttl", "-o", "city.ttl", cwd=tmp_path)
    assert ttl.returncode == 0, ttl.stderr
    assert "dcat:Dataset" in (tmp_path / "city.ttl").read_text(encoding="utf-8")

    old = json.loads(Path(city).read_text(encoding="utf-8"))
    resources = old["信息资源"] if "信息资源" in old else old["resources"]
    resources.pop()
    (tmp_path / "new.json").write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    changes = _run(plain_venv, "diff", city, "new.json", "-f", "json", cwd=tmp_path)
    assert changes.returncode in (0, 1), changes.stderr
    assert json.loads(changes.stdout)["changes"]


def test_in_memory_api_without_extras(plain_venv: Path) -> None:
    code = (
        "import io, json\n"
        "from govcatalog import examples, validate\n"
        "path = examples.path('city-errors')\n"
        "data = json.loads(path.read_text(encoding='utf-8'))\n"
        "counts = [len(validate(s)) for s in (path, data, path.read_bytes(),"
        " io.BytesIO(path.read_bytes()))]\n"
        "print(json.dumps([counts, dict(validate(data).counts())]))\n"
    )
    out = subprocess.run(
        [str(plain_venv / "bin" / "python"), "-I", "-c", code],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    counts, by_severity = json.loads(out)
    assert len(set(counts)) == 1
    assert counts[0] > 20
    assert sorted(by_severity) == ["error", "info", "warning"]


@pytest.mark.parametrize(
    ("args", "extra"),
    [
        (["template", "t.xlsx"], "xlsx"),
        (["export", "CITY", "--to", "xlsx", "-o", "c.xlsx"], "xlsx"),
        (["resolve", "request.json"], "resolve"),
        (["validate", "--example", "city", "--engine", "shacl"], "shacl"),
    ],
)
def test_optional_features_name_their_extra(
    plain_venv: Path, tmp_path: Path, args: list[str], extra: str
) -> None:
    city = str(plain_venv)  # replaced below: the example inside the venv
    from_venv = subprocess.run(
        [
            str(plain_venv / "bin" / "python"),
            "-I",
            "-c",
            "from govcatalog import examples; print(examples.path('city'))",
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    city = from_venv.stdout.strip()
    (tmp_path / "request.json").write_text(
        json.dumps({"items": [{"name": "姓名"}]}, ensure_ascii=False), encoding="utf-8"
    )
    result = _run(plain_venv, *[city if a == "CITY" else a for a in args], cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert f"pip install 'govcatalog[{extra}]'" in lines[0]
    assert "Traceback" not in result.stderr
