"""The Python client and the pack commands' ``--registry https://…`` answer with library types."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govcatalog import Report, validate
from govcatalog.cli.app import _register, app
from govcatalog.client import Client, IncompatiblePack, ServiceError
from govcatalog.diff import diff
from govcatalog.diff.result import CatalogDiff
from govcatalog.packs.pack import PackStatus
from govcatalog.packs.published import PublishedPack, StatusChange
from govcatalog.report import Lang
from govcatalog.resolve import build_index, load_base_pack, request_from_dict, resolve
from govcatalog.resolve.resolver import Resolution
from govcatalog.score import assess
from govcatalog.score.assess import Assessment
from govcatalog.store.history import CatalogVersion
from govcatalog.validate import ValidationOptions
from tests.service.conftest import CITY, CITY_ERRORS, Service
from tests.service.packs import pack_folder

TODAY = dt.date(2026, 1, 15)


def strip(report: Report) -> list[tuple[object, ...]]:
    """Every field of each finding but the file name."""
    return [
        (
            f.code,
            f.severity,
            f.message_zh,
            f.message_en,
            f.hint_en,
            f.value,
            f.clause,
            f.location.pointer,
            f.location.line,
            f.location.column,
            f.location.resource,
            f.location.provider,
        )
        for f in report.findings
    ]


def _unlined(report: Report) -> list[tuple[object, ...]]:
    """:func:`strip` without the line and column of a finding, nor the lines its messages name."""
    lines = re.compile(r"第 \d+ 行 |line \d+ ")
    return [
        tuple(lines.sub("", v) if isinstance(v, str) else v for v in t[:8] + t[10:])
        for t in strip(report)
    ]


_register()
runner = CliRunner()


def test_validate_gives_the_library_report(service: Service) -> None:
    expected = validate(CITY_ERRORS, options=ValidationOptions(today=TODAY))
    with Client(service.url) as client:
        from_path = client.validate(CITY_ERRORS, today=TODAY)
        from_dict = client.validate(
            json.loads(CITY_ERRORS.read_text(encoding="utf-8")), today=TODAY
        )
        broken = client.validate(b"{", filename="broken.json")
        sarif = client.render(CITY_ERRORS, "sarif")
    assert isinstance(from_path, Report)
    # the same findings, field for field, but the file name (the upload's, not the path)
    assert strip(from_path) == strip(expected)
    assert from_path.pack == expected.pack
    assert from_path.stats.resources == expected.stats.resources
    assert from_path.conforms is expected.conforms is False
    # a document sent as JSON is serialised anew: same findings, other line numbers (also
    # where a message names another resource's place: 另见 第 925 行 /信息资源/12/code)
    assert _unlined(from_dict) == _unlined(expected)
    assert [f.code for f in broken.findings] == ["GC-S001"]
    assert broken.findings[0].location.file == "broken.json"
    assert json.loads(sarif)["version"] == "2.1.0"


def test_other_jobs_and_errors(service: Service) -> None:
    request = {
        "requester": {"name": "某局"},
        "date": "2025-09-26",
        "items": ["身份证号码", "营业执照", "婚姻状态", "不存在的东西"],
        "keys": [{"kind": "公民身份号码", "value": "11010519491231002X"}],
    }
    with Client(service.url) as client:
        score = client.score(CITY_ERRORS, today=TODAY)
        changes = client.diff(CITY, CITY_ERRORS)
        markdown = client.render_diff(CITY, CITY_ERRORS, "markdown")
        same = client.diff(
            json.loads(CITY.read_text(encoding="utf-8")),
            json.loads(CITY.read_text(encoding="utf-8")),
        )
        resolved = client.resolve(request)
        packs = client.packs()
        version = client.pack("gb-1272", "1.0.0")
        schema = client.artefact("gb-1272", "1.0.0", "json-schema")
        with pytest.raises(ServiceError) as missing:
            client.pack("gb-1272", "9.9.9")
    # the library's own result types, equal to what the library gives in this process
    expected_score = assess(CITY_ERRORS, today=TODAY)
    assert isinstance(score, Assessment)
    assert (score.catalog, score.departments) == (
        expected_score.catalog,
        expected_score.departments,
    )
    assert (score.model, score.resources) == (expected_score.model, expected_score.resources)
    assert strip(score.report) == strip(expected_score.report) != []
    expected_diff = diff(CITY, CITY_ERRORS)
    assert isinstance(changes, CatalogDiff)
    assert changes.changes == expected_diff.changes != ()
    assert (changes.old_label, changes.new_label) == (CITY.name, CITY_ERRORS.name)
    assert [c.reason(Lang.ZH, changes.names) for c in changes] == [
        c.reason(Lang.ZH, expected_diff.names) for c in expected_diff
    ]
    assert markdown.startswith("#") or "|" in markdown
    assert not same
    bases = load_base_pack()
    expected = resolve(request_from_dict(request), build_index(bases), bases=bases)
    assert isinstance(resolved, Resolution)
    assert resolved == expected
    assert resolved.items[0].match is not None
    assert resolved.items[0].match.resource.database == "population"
    assert "gb-1272" in packs
    assert version["lineage"] == ["gb-1272@1.0.0"]
    assert b"$schema" in schema
    assert (missing.value.status, missing.value.kind) == (404, "not-found")


def test_publish_status_and_history(service: Service, tmp_path: Path) -> None:
    token = service.token("client-user", "publish:client-pack", "history:client-town")
    with Client(service.url, token=token) as client:
        published = client.publish(pack_folder(tmp_path / "a", "client-pack", "1.0.0"))
        with pytest.raises(IncompatiblePack) as refused:
            client.publish(pack_folder(tmp_path / "b", "client-pack", "1.1.0", raise_f006=True))
        change = client.set_status("client-pack", "1.0.0", PackStatus.RETIRED)
        added = client.add_version("client-town", CITY, label="first")
        versions = client.versions("client-town")
        document = client.document("client-town", "v1")
    assert isinstance(published, PublishedPack) and published.ref == "client-pack@1.0.0"
    assert refused.value.status == 409
    assert [v["subject"] for v in refused.value.incompatibilities] == ["GC-F006"]
    assert isinstance(change, StatusChange) and change.new is PackStatus.RETIRED
    assert isinstance(added, CatalogVersion) and added.label == "first"
    assert versions == [added]
    assert len(document["resources"]) == added.resource_count


def test_pack_commands_with_a_service_address(
    service: Service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = pack_folder(tmp_path, "cli-pack", "1.0.0")
    monkeypatch.delenv("GOVCATALOG_TOKEN", raising=False)
    no_token = runner.invoke(app, ["pack", "publish", str(folder), "--registry", service.url])
    assert no_token.exit_code == 2
    assert "GOVCATALOG_TOKEN" in no_token.output
    monkeypatch.setenv("GOVCATALOG_TOKEN", service.token("cli-user", "publish:cli-pack"))
    published = runner.invoke(app, ["pack", "publish", str(folder), "--registry", service.url])
    assert published.exit_code == 0, published.output
    assert published.stdout.startswith("published cli-pack@1.0.0 sha256=")
    again = runner.invoke(app, ["pack", "publish", str(folder), "--registry", service.url])
    assert again.exit_code == 1
    assert "published already" in again.output
    listed = runner.invoke(app, ["pack", "list", "--registry", service.url])
    assert listed.exit_code == 0
    assert any(
        line.startswith("cli-pack@1.0.0") and "active" in line
        for line in listed.stdout.splitlines()
    )
    status = runner.invoke(
        app, ["pack", "status", "cli-pack@1.0.0", "retired", "--registry", service.url]
    )
    assert status.exit_code == 0, status.output
    assert status.stdout.strip() == "cli-pack@1.0.0: active -> retired"
