"""Lifecycle in the registry store (SQLite and PostgreSQL): drafts refused on publish,
status changes recorded with their history, files untouched, ranges following them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govcatalog.cli.app import _register, app
from govcatalog.packs.pack import PackStatus
from govcatalog.packs.published import PackStore, PublishError, StatusChangeError
from govcatalog.packs.registry import default_registry
from govcatalog.store import open_database

ADD_OPTIONAL = '[[field]]\nid = "extensions.note"\nzh = "备注"\nen = "Note"\nkind = "text"\n'


def write_pack(root: Path, version: str, status: str, fields: str = "") -> Path:
    folder = root / version
    folder.mkdir(parents=True)
    (folder / "pack.toml").write_text(
        f'[pack]\nid = "city"\nversion = "{version}"\nstatus = "{status}"\n'
        'extends = "example-province@^1"\n',
        encoding="utf-8",
    )
    (folder / "fields.toml").write_text(fields, encoding="utf-8")
    return folder


@pytest.fixture
def store(db_url: str) -> Iterator[PackStore]:
    s = PackStore(open_database(db_url))
    yield s
    s.close()


def test_a_draft_is_published_only_when_allowed(store: PackStore, tmp_path: Path) -> None:
    folder = write_pack(tmp_path, "1.0.0", "draft")
    with pytest.raises(PublishError, match="draft"):
        store.publish(folder)
    assert store.versions() == ()
    published = store.publish(folder, allow_draft=True)
    assert published.status == "draft"
    with pytest.raises(Exception, match="only drafts match"):
        store.registry().resolve("city@^1")
    store.set_status("city", "1.0.0", PackStatus.ACTIVE)
    assert store.registry().resolve("city@^1").ref == "city@1.0.0"


def test_status_changes_keep_files_and_history(store: PackStore, tmp_path: Path) -> None:
    store.publish(write_pack(tmp_path, "1.0.0", "active"))
    store.publish(write_pack(tmp_path, "1.1.0", "active", ADD_OPTIONAL))
    before = {p.ref: p.content_hash for p in store.versions()}
    files = store.files("city", "1.1.0")
    assert store.registry().resolve("city@^1").ref == "city@1.1.0"

    first = store.set_status("city", "1.0.0", PackStatus.SUPERSEDED)
    second = store.set_status("city", "1.1.0", PackStatus.RETIRED)
    assert (first.old, first.new) == (PackStatus.ACTIVE, PackStatus.SUPERSEDED)
    assert (second.old, second.new) == (PackStatus.ACTIVE, PackStatus.RETIRED)

    assert store.statuses() == {"city@1.0.0": "superseded", "city@1.1.0": "retired"}
    assert {p.ref: p.content_hash for p in store.versions()} == before
    assert store.files("city", "1.1.0") == files
    reg = store.registry()
    assert reg.resolve("city@^1").ref == "city@1.0.0"  # the retired one is passed over
    assert reg.resolve("city@1.1.0").status is PackStatus.RETIRED  # unless named

    store.set_status("city", "1.0.0", PackStatus.RETIRED)
    history = store.status_history("city", "1.0.0")
    assert [(c.old, c.new) for c in history] == [
        (PackStatus.ACTIVE, PackStatus.SUPERSEDED),
        (PackStatus.SUPERSEDED, PackStatus.RETIRED),
    ]
    assert history[0].changed_at <= history[1].changed_at
    assert store.status_history("city", "1.1.0")[0].changed_at == second.changed_at


@pytest.mark.parametrize(
    ("steps", "refused", "reason"),
    [
        ((), PackStatus.SUPERSEDED, "active"),  # draft -> superseded
        ((PackStatus.ACTIVE,), PackStatus.DRAFT, "can only become"),
        ((PackStatus.ACTIVE, PackStatus.RETIRED), PackStatus.ACTIVE, "final"),
        ((PackStatus.ACTIVE,), PackStatus.ACTIVE, "already"),
    ],
)
def test_other_changes_are_refused_with_the_reason(
    store: PackStore,
    tmp_path: Path,
    steps: tuple[PackStatus, ...],
    refused: PackStatus,
    reason: str,
) -> None:
    store.publish(write_pack(tmp_path, "1.0.0", "draft"), allow_draft=True)
    for step in steps:
        store.set_status("city", "1.0.0", step)
    with pytest.raises(StatusChangeError, match=reason):
        store.set_status("city", "1.0.0", refused)
    assert len(store.status_history("city", "1.0.0")) == len(steps)


def test_an_unpublished_version_has_no_status(store: PackStore) -> None:
    with pytest.raises(LookupError, match="not published"):
        store.set_status("city", "9.9.9", PackStatus.ACTIVE)


def test_cli_status_and_warning_on_use(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _register()
    runner = CliRunner()
    url = f"sqlite:///{tmp_path / 'registry.sqlite'}"
    folder = write_pack(tmp_path, "1.0.0", "active")
    assert runner.invoke(app, ["pack", "publish", str(folder), "--registry", url]).exit_code == 0
    refused = runner.invoke(app, ["pack", "status", "city@1.0.0", "draft", "--registry", url])
    assert refused.exit_code == 1
    assert "active can only become" in refused.output
    not_exact = runner.invoke(app, ["pack", "status", "city@^1", "retired", "--registry", url])
    assert not_exact.exit_code == 2
    retired = runner.invoke(app, ["pack", "status", "city@1.0.0", "retired", "--registry", url])
    assert retired.exit_code == 0, retired.output
    assert "city@1.0.0: active -> retired" in retired.output
    listed = runner.invoke(app, ["pack", "list", "--registry", url]).output.splitlines()
    assert [line.split()[:2] for line in listed if line.startswith("city@")] == [
        ["city@1.0.0", "retired"]
    ]

    catalog = tmp_path / "c.json"
    catalog.write_text('{"resources": [{"name": "x"}]}', encoding="utf-8")
    monkeypatch.setenv("GOVCATALOG_REGISTRY_URL", url)
    default_registry.cache_clear()
    try:
        result = runner.invoke(
            app, ["validate", str(catalog), "--pack", "city@1.0.0", "-f", "json"]
        )
        active = runner.invoke(app, ["validate", str(catalog), "-f", "json"])
    finally:
        default_registry.cache_clear()
    assert "warning: pack city@1.0.0 is retired" in result.stderr
    report = json.loads(result.stdout)
    assert report["pack"] == "city@1.0.0"
    assert "retired" not in json.dumps(report)  # a warning, not a finding
    assert "warning" not in active.stderr
