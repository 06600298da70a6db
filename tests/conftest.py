"""Shared fixtures: the national pack, the reference material, and both store databases."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Generator, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from govcatalog.packs import Pack, get_pack

# `make mutation` runs the properties once per mutant: ten examples each keep a module's run in
# minutes (tests/mutation/run.py passes --hypothesis-profile=mutation).
settings.register_profile("mutation", max_examples=10)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
REFERENCE = SHARED / "reference"
TODAY = dt.date(2026, 1, 15)
"""A fixed day of validation, so date rules give the same findings every day."""


@pytest.fixture(params=["1", "0"], ids=["fast", "text"])
def reader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """JSON read by the fast path ("1") and by the text reader ("0"): GOVCATALOG_FAST set."""
    monkeypatch.setenv("GOVCATALOG_FAST", request.param)
    return str(request.param)


@pytest.fixture(scope="session")
def pack() -> Pack:
    """The national pack."""
    return get_pack("gb-1272@^1")


REQUIRED = {
    "reference": "GOVCATALOG_REQUIRE_REFERENCE",
    "browser": "GOVCATALOG_REQUIRE_BROWSER",
}
"""Marker → environment variable that turns the marked tests' skips into failures (CI sets them)."""


@pytest.fixture(scope="session")
def reference() -> Path:
    """Third-party reference material (DCAT-AP shapes, SHACL test suite); skipped when absent,
    unless ``GOVCATALOG_REQUIRE_REFERENCE`` is set (as CI does), where it fails instead."""
    if not REFERENCE.is_dir():
        reason = "reference material ../shared/reference is not present (a fresh clone)"
        if os.environ.get(REQUIRED["reference"]):
            pytest.fail(f"{reason}, and {REQUIRED['reference']} requires it")
        pytest.skip(reason)
    return REFERENCE


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "browser: needs headless Chromium (GOVCATALOG_REQUIRE_BROWSER: may not skip)"
    )


def _required_by(item: pytest.Item, reason: str) -> str | None:
    """The variable that forbids this test to skip, if one is set."""
    for marker, variable in REQUIRED.items():
        if not os.environ.get(variable):
            continue
        if item.get_closest_marker(marker) is not None:
            return variable
        if marker == "reference" and "../shared" in reason:
            return variable
    return None


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """A skip of a test whose material CI requires is a failure there, never a silent skip."""
    report: pytest.TestReport = yield
    if report.skipped and not hasattr(report, "wasxfail"):
        longrepr = report.longrepr
        reason = str(longrepr[2]) if isinstance(longrepr, tuple) else str(longrepr)
        variable = _required_by(item, reason)
        if variable is not None:
            report.outcome = "failed"
            report.longrepr = f"{variable} is set, so this test may not skip: {reason}"
    return report


def _postgres_url() -> str | None:
    url = os.environ.get(
        "GOVCATALOG_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
    )
    try:
        import psycopg  # noqa: F401
        from sqlalchemy import create_engine, text

        engine = create_engine(url)
        with engine.connect() as conn:
            conn.execute(text("select 1"))
        engine.dispose()
    except Exception as exc:
        if os.environ.get("GOVCATALOG_REQUIRE_PG"):
            pytest.fail(f"PostgreSQL is required (GOVCATALOG_REQUIRE_PG) but unreachable: {exc}")
        return None
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database URL: an SQLite file, then a private PostgreSQL schema.

    PostgreSQL tests skip with a reason when no server is reachable, unless
    ``GOVCATALOG_REQUIRE_PG`` is set (as CI does), where they fail instead.
    """
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite'}"
        return
    url = _postgres_url()
    if url is None:
        pytest.skip("no PostgreSQL server reachable (set GOVCATALOG_TEST_PG_URL)")
    from sqlalchemy import create_engine, text

    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in url else "?"
    try:
        yield f"{url}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
