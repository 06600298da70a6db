"""The service's pure parts: scopes, content negotiation, pack archives."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from govcatalog.service.negotiate import ReportFormat, report_format
from govcatalog.service.packs_api import unpack_archive
from govcatalog.service.problems import Problem
from govcatalog.store.access import AccessError, Token, check_scope

NOW = dt.datetime(2026, 1, 15, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("scopes", "asked", "allowed"),
    [
        (("admin",), "publish:gb-1272", True),
        (("admin",), "admin", True),
        (("publish:gb-1272",), "publish:gb-1272", True),
        (("publish:gb-1272",), "publish:gb-12720", False),
        (("publish:gb-1272",), "history:gb-1272", False),
        (("publish:*",), "publish:anything", True),
        (("publish:*",), "history:anything", False),
        (("publish:*", "history:*"), "admin", False),
        (("history:city-x",), "history:city-x", True),
    ],
)
def test_scopes(scopes: tuple[str, ...], asked: str, allowed: bool) -> None:
    assert Token(1, "t", scopes, NOW).allows(asked) is allowed
    assert Token(1, "t", scopes, NOW, revoked=True).allows(asked) is False


@pytest.mark.parametrize("scope", ["root", "publish:", "publish:../x", "history: x", "admin:all"])
def test_malformed_scopes_are_refused(scope: str) -> None:
    with pytest.raises(AccessError):
        check_scope(scope)


@pytest.mark.parametrize(
    ("given", "accept", "expected"),
    [
        (None, None, ReportFormat.JSON),
        (None, "*/*", ReportFormat.JSON),
        (None, "text/html,application/xhtml+xml,*/*;q=0.8", ReportFormat.HTML),
        (None, "application/json;q=0.2, application/sarif+json", ReportFormat.SARIF),
        (None, "image/png, text/csv;q=0.1", ReportFormat.CSV),
        (ReportFormat.JUNIT, "text/html", ReportFormat.JUNIT),
    ],
)
def test_report_format(
    given: ReportFormat | None, accept: str | None, expected: ReportFormat
) -> None:
    assert report_format(given, accept) is expected


def test_nothing_acceptable_is_406() -> None:
    with pytest.raises(Problem) as info:
        report_format(None, "image/png, text/plain;q=0")
    assert info.value.status == 406


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return out.getvalue()


def test_archive_root_is_the_shallowest_pack_toml() -> None:
    files = unpack_archive(
        _zip(
            {
                "p/1.0.0/pack.toml": b"[pack]",
                "p/1.0.0/vocab/a.ttl": b"x",
                "other.txt": b"y",
                "p/1.0.0/.hidden": b"z",
            }
        ),
        1 << 20,
    )
    assert files == {"pack.toml": b"[pack]", "vocab/a.ttl": b"x"}


def test_archive_bounds() -> None:
    bomb = _zip({"pack.toml": b"[pack]", "big.ttl": b"0" * (2 << 20)})
    with pytest.raises(Problem) as info:
        unpack_archive(bomb, 1 << 20)  # 2 MiB inflated from a few KiB, over a 1 MiB budget
    assert info.value.status == 422
    many = _zip({"pack.toml": b"", **{f"f{i}.toml": b"" for i in range(2001)}})
    with pytest.raises(Problem):
        unpack_archive(many, 1 << 20)
