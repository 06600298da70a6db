"""A real service process on 127.0.0.1 for the tests to talk to over HTTP."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the service tests need the 'serve' extra")
pytest.importorskip("uvicorn", reason="the service tests need the 'serve' extra")
pytest.importorskip("orjson", reason="the service tests need the 'serve' extra")
httpx = pytest.importorskip("httpx", reason="the service tests need the 'client' extra")

from govcatalog.store import open_database  # noqa: E402
from govcatalog.store.access import AccessStore  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[2] / "src" / "govcatalog" / "_data" / "examples"
CITY = EXAMPLES / "city-catalog.json"
CITY_ERRORS = EXAMPLES / "city-catalog-with-errors.json"
SMALL_YAML = EXAMPLES / "small-catalog.yaml"


def free_port() -> int:
    """A port nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Service:
    """A running ``govcatalog serve`` process.

    Attributes:
        url: Its base URL.
        db_url: Its store.
        process: The process.
        log: Where its output goes.
    """

    url: str
    db_url: str
    process: subprocess.Popen[bytes]
    log: Path

    def token(self, name: str, *scopes: str) -> str:
        """Create a token in the service's store and return its secret."""
        db = open_database(self.db_url)
        try:
            return AccessStore(db).create_token(name, list(scopes)).secret
        finally:
            db.dispose()

    def client(self, token: str | None = None) -> httpx.Client:
        """An httpx client for the service."""
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=60)


def start_service(db_url: str, folder: Path, *args: str) -> Iterator[Service]:
    """Start ``govcatalog serve`` on a free port, wait for /health, stop it afterwards."""
    port = free_port()
    log = folder / "service.log"
    env = {**os.environ, "XDG_DATA_HOME": str(folder / "xdg")}
    env.pop("GOVCATALOG_REGISTRY_URL", None)
    env.pop("GOVCATALOG_DATABASE_URL", None)
    command = [
        sys.executable,
        "-c",
        "from govcatalog.cli import main; main()",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--registry",
        db_url,
        "--log-level",
        "warning",
        *(() if "--workers" in args else ("--workers", "1")),
        *args,
    ]
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    try:
        while True:
            if process.poll() is not None:
                pytest.fail(f"the service exited: {log.read_text(errors='replace')[-2000:]}")
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("the service did not answer /health within 60 s")
            time.sleep(0.2)
        yield Service(url, db_url, process, log)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


@pytest.fixture(scope="session")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    """One service on an SQLite store for the session, with a 4 MiB upload limit."""
    folder = tmp_path_factory.mktemp("service")
    db_url = f"sqlite:///{folder / 'store.sqlite'}"
    yield from start_service(db_url, folder, "--max-upload", str(4 * 1024 * 1024))


@pytest.fixture(scope="session")
def admin(service: Service) -> str:
    """An admin token."""
    return service.token("root", "admin")
