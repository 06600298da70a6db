"""Bounds on requests, tokens from the command line, and the command without its extra."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import govcatalog.service
from govcatalog.cli.app import _register, app
from tests.service.conftest import CITY, Service, httpx, start_service

_register()
runner = CliRunner()


def test_oversized_upload_is_413(service: Service) -> None:
    with service.client() as http:
        limit = http.get("/health").json()["limits"]["max_upload_bytes"]
    big = b"[" + b"0," * (limit // 2) + b"0]"
    assert len(big) > limit
    with service.client() as http:
        declared = http.post("/validate", content=big, headers={"Content-Type": "application/json"})

        def chunks() -> Iterator[bytes]:  # no Content-Length: the body is counted as it comes
            for start in range(0, len(big), 1 << 16):
                yield big[start : start + (1 << 16)]

        streamed = http.post(
            "/validate", content=chunks(), headers={"Content-Type": "application/json"}
        )
        multipart = http.post("/validate", files={"file": ("big.json", big)})
        fine = http.post("/validate", files={"file": ("city.json", CITY.read_bytes())})
    for r in (declared, streamed, multipart):
        assert r.status_code == 413, r.text[:300]
        assert r.headers["content-type"] == "application/problem+json"
        assert r.json()["limit"] == limit
    assert fine.status_code == 200


@pytest.fixture(scope="module")
def tight(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    """A service allowing one request at a time, 1 s each, waiting 0.1 s for a slot."""
    folder = tmp_path_factory.mktemp("tight")
    yield from start_service(
        f"sqlite:///{folder / 'store.sqlite'}",
        folder,
        "--timeout",
        "1",
        "--concurrency",
        "1",
        "--queue-timeout",
        "0.1",
    )


def test_request_time_and_concurrency_are_bounded(tight: Service) -> None:
    doc = json.loads(CITY.read_text(encoding="utf-8"))
    key = next(k for k in doc if isinstance(doc[k], list))
    doc[key] = doc[key] * 500  # 500 times the city's resources (43 MB): seconds of work
    body = json.dumps(doc, ensure_ascii=False).encode("utf-8")
    answers: dict[str, httpx.Response] = {}

    def slow_request() -> None:
        with tight.client() as http:
            answers["slow"] = http.post(
                "/validate", content=body, headers={"Content-Type": "application/json"}
            )

    worker = threading.Thread(target=slow_request)
    worker.start()
    time.sleep(0.4)  # the slow request holds the only slot now
    with tight.client() as http:
        answers["busy"] = http.get("/health")
    worker.join(60)
    with tight.client() as http:
        answers["after"] = http.get("/health")
    slow, busy = answers["slow"], answers["busy"]
    assert slow.status_code == 503, slow.text[:300]
    assert slow.json()["type"].endswith("#problem-timeout")
    assert slow.headers["Retry-After"] == "1"
    assert slow.elapsed.total_seconds() < 10  # answered at its deadline, not when the work ends
    assert busy.status_code == 503, busy.text[:300]
    assert busy.json()["type"].endswith("#problem-busy")
    assert answers["after"].status_code == 200


def test_token_commands(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 's.sqlite'}"
    created = runner.invoke(
        app, ["token", "create", "ci-bot", "-s", "publish:gb-1272", "--registry", url]
    )
    assert created.exit_code == 0, created.output
    secret = created.stdout.splitlines()[0]
    assert secret.startswith("gct_") and len(secret) > 40
    assert secret not in (tmp_path / "s.sqlite").read_bytes().decode("latin-1")
    listed = runner.invoke(app, ["token", "list", "--registry", url])
    assert "ci-bot" in listed.stdout and "publish:gb-1272" in listed.stdout
    assert secret not in listed.stdout
    duplicate = runner.invoke(app, ["token", "create", "ci-bot", "-s", "admin", "--registry", url])
    assert duplicate.exit_code == 2
    bad_scope = runner.invoke(app, ["token", "create", "x", "-s", "root", "--registry", url])
    assert bad_scope.exit_code == 2
    assert "not a scope" in bad_scope.output
    revoked = runner.invoke(app, ["token", "revoke", "ci-bot", "--registry", url])
    assert revoked.exit_code == 0
    assert "revoked" in runner.invoke(app, ["token", "list", "--registry", url]).stdout


def test_revoked_token_is_refused(service: Service) -> None:
    secret = service.token("short-lived", "history:gone")
    with service.client(secret) as http:
        ok = http.post("/history/gone", files={"file": ("c.json", CITY.read_bytes())})
    result = runner.invoke(app, ["token", "revoke", "short-lived", "--registry", service.db_url])
    assert result.exit_code == 0
    with service.client(secret) as http:
        refused = http.post("/history/gone", files={"file": ("c.json", CITY.read_bytes())})
    assert ok.status_code == 201
    assert refused.status_code == 401
    assert "revoked" in refused.json()["detail"]


def test_serve_without_the_extra_names_it() -> None:
    # a process in which FastAPI cannot be imported, as after a plain `pip install govcatalog`
    code = (
        "import sys; sys.modules['fastapi'] = None; sys.argv = ['govcatalog', 'serve'];"
        "from govcatalog.cli import main; main()"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines() == [f"govcatalog: {govcatalog.service.MISSING_EXTRA}"]
    assert "pip install 'govcatalog[serve]'" in done.stderr
    assert done.stdout == ""


def test_openapi_and_docs_are_served(service: Service) -> None:
    with service.client() as http:
        schema = http.get("/openapi.json").json()
        docs = http.get("/docs")
    assert schema["info"]["title"] == "govcatalog"
    paths = set(schema["paths"])
    assert {"/validate", "/diff", "/resolve", "/score", "/packs", "/history", "/writes"} <= paths
    assert "/packs/{pack_id}/{version}/artefacts/{kind}" in paths
    assert schema["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    assert docs.status_code == 200
    assert isinstance(httpx.__version__, str)


def test_deeply_nested_input_is_unreadable_not_a_failure(service: Service) -> None:
    deep = b'{"resources": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    with service.client() as http:
        answers = [
            http.post("/validate", content=deep, headers={"Content-Type": "application/json"}),
            http.post("/resolve", content=deep, headers={"Content-Type": "application/json"}),
            http.post(
                "/diff",
                content=b'{"old": ' + deep + b', "new": {}}',
                headers={"Content-Type": "application/json"},
            ),
            http.post("/score", content=deep, headers={"Content-Type": "application/json"}),
        ]
    for r in answers:
        assert r.status_code == 422, (r.request.url, r.text[:300])
        assert r.json()["code"] == "GC-S001"
