"""A bounded schemathesis run against the served OpenAPI schema finds no server error."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.service.conftest import Service, start_service

pytest.importorskip("schemathesis", reason="the fuzz test needs schemathesis (dev extra)")

SECONDS = 30
"""Time budget of the run."""


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    """A service of its own, so generated writes touch nothing else."""
    folder = tmp_path_factory.mktemp("fuzz")
    yield from start_service(f"sqlite:///{folder / 'store.sqlite'}", folder)


@pytest.mark.slow
def test_no_server_error_on_generated_requests(fuzzed: Service, tmp_path: Path) -> None:
    runner = shutil.which("schemathesis", path=str(Path(sys.executable).parent)) or shutil.which(
        "schemathesis"
    )
    if runner is None:
        pytest.skip("the schemathesis command is not installed")
    admin = fuzzed.token("fuzzer", "admin")
    command = [
        runner,
        "run",
        f"{fuzzed.url}/openapi.json",
        "--checks",
        "not_a_server_error",
        "--max-examples",
        "10",
        "--workers",
        "1",
        "--max-time",
        str(SECONDS),
        "--header",
        f"Authorization: Bearer {admin}",
        "--seed",
        "17",
        "--no-color",
    ]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=SECONDS + 120, cwd=tmp_path
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-6000:]
    assert "Server error" not in output
    tested = [line for line in output.splitlines() if "generated" in line]
    assert tested, output[-3000:]
