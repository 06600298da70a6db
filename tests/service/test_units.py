"""The service's pure parts: scopes, content negotiation, pack archives."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from govcatalog import render
from govcatalog.io.formats import InputFormat
from govcatalog.packs.compat import CompatMode
from govcatalog.render.dispatch import DiffFormat, ReportFormat, ScoreFormat
from govcatalog.service.archives import unpack_archive
from govcatalog.service.negotiate import (
    DIFF_MEDIA,
    REPORT_MEDIA,
    SCORE_MEDIA,
    diff_format,
    report_format,
    score_format,
)
from govcatalog.service.problems import Problem
from govcatalog.service.settings import ServiceSettings
from govcatalog.service.uploads import Upload, format_of
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


def test_the_service_offers_every_library_format() -> None:
    # the renderings are the library's enums: a format added there is answered here too
    assert render.ReportFormat is ReportFormat
    assert set(REPORT_MEDIA) == set(ReportFormat)
    assert set(DIFF_MEDIA) == set(DiffFormat)
    assert set(SCORE_MEDIA) == set(ScoreFormat)
    for fmt, media in REPORT_MEDIA.items():
        if fmt is not ReportFormat.GITHUB:  # plain text, as TEXT: asked for by ?format= only
            assert report_format(None, media.split(";")[0]) is fmt
    for diff, media in DIFF_MEDIA.items():
        assert diff_format(None, media.split(";")[0]) is diff
    for score, media in SCORE_MEDIA.items():
        assert score_format(None, media.split(";")[0]) is score


@pytest.mark.parametrize(
    ("upload", "given", "expected"),
    [
        (Upload(b"x", "c.xlsx", "application/json"), None, InputFormat.XLSX),
        (Upload(b"x", "c.unknown", "text/csv"), None, InputFormat.CSV),
        (Upload(b"x", None, "text/turtle"), None, InputFormat.RDF),
        (Upload(b"x", "c.json", None), InputFormat.YAML, InputFormat.YAML),
    ],
)
def test_upload_format(upload: Upload, given: InputFormat | None, expected: InputFormat) -> None:
    assert format_of(upload, given) is expected


def test_upload_without_a_format_is_415() -> None:
    with pytest.raises(Problem) as info:
        format_of(Upload(b"x", "c.bin", "application/octet-stream"))
    assert info.value.status == 415


def test_settings_reach_worker_processes_unchanged() -> None:
    settings = ServiceSettings(
        database_url="sqlite:///s.sqlite",
        max_upload_bytes=123,
        threads=3,
        default_mode=CompatMode.FULL,
    )
    assert ServiceSettings.from_environment(settings.to_environment()) == settings


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
