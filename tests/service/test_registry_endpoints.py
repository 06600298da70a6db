"""The pack registry over HTTP: reads are public, writes need a token with the right scope."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

from govcatalog.packs.build import ArtefactKind
from tests.service.conftest import Service
from tests.service.packs import pack_folder, zipped

ZIP = {"Content-Type": "application/zip"}


def test_list_packs_and_read_a_version(service: Service) -> None:
    with service.client() as http:
        packs = http.get("/packs").json()["packs"]
        national = http.get("/packs/gb-1272").json()
        version = http.get("/packs/gb-1272/1.0.0").json()
        missing = http.get("/packs/no-such-pack")
        missing_version = http.get("/packs/gb-1272/9.9.9")
    ids = {p["id"] for p in packs}
    assert {"gb-1272", "base-databases"} <= ids
    assert national["mode"] == "backward"
    assert national["versions"][0]["status"] == "active"
    assert version["manifest"]["id"] == "gb-1272"
    assert version["lineage"] == ["gb-1272@1.0.0"]
    assert set(version["links"]["artefacts"]) == {k.value for k in ArtefactKind}
    assert missing.status_code == 404 and missing.json()["type"].endswith("#problem-not-found")
    assert missing_version.status_code == 404


def test_artefacts_carry_their_sha256_as_etag(service: Service) -> None:
    with service.client() as http:
        manifest = http.get("/packs/gb-1272/1.0.0/manifest").json()
        for kind in ("json-schema", "shacl", "xsd", "xlsx-template", "docs", "effective"):
            r = http.get(f"/packs/gb-1272/1.0.0/artefacts/{kind}")
            assert r.status_code == 200, (kind, r.text)
            digest = hashlib.sha256(r.content).hexdigest()
            assert r.headers["ETag"] == f'"{digest}"' == manifest["etags"][kind]
            again = http.get(
                f"/packs/gb-1272/1.0.0/artefacts/{kind}",
                headers={"If-None-Match": r.headers["ETag"]},
            )
            assert again.status_code == 304 and again.content == b""
        schema = http.get("/packs/gb-1272/1.0.0/artefacts/json-schema")
        archive = http.get("/packs/gb-1272/1.0.0/archive")
    listed = {a["path"]: a["sha256"] for a in manifest["artefacts"]}
    assert listed["catalog.schema.json"] == hashlib.sha256(schema.content).hexdigest()
    assert schema.headers["content-type"] == "application/schema+json"
    assert "$schema" in schema.json()
    names = zipfile.ZipFile(io.BytesIO(archive.content)).namelist()
    assert "pack.toml" in names


def test_writes_need_a_token_with_the_scope(service: Service, tmp_path: Path) -> None:
    body = zipped(pack_folder(tmp_path, "scoped-pack", "1.0.0"))
    other = service.token("other-publisher", "publish:another-pack")
    with service.client() as anonymous:
        none = anonymous.post("/packs", content=body, headers=ZIP)
    with service.client("gct_not-a-real-token") as forged:
        bad = forged.post("/packs", content=body, headers=ZIP)
    with service.client(other) as http:
        wrong = http.post("/packs", content=body, headers=ZIP)
        status = http.put("/packs/gb-1272/1.0.0/status", json={"status": "retired"})
        history = http.post(
            "/history/city-x", content=b"{}", headers={"Content-Type": "application/json"}
        )
        writes = http.get("/writes")
    assert none.status_code == 401
    assert none.headers["WWW-Authenticate"].startswith("Bearer")
    assert bad.status_code == 401
    assert wrong.status_code == 403
    assert wrong.json()["required_scope"] == "publish:scoped-pack"
    assert status.status_code == 403
    assert history.status_code == 403
    assert writes.status_code == 403


def test_publish_then_conflicts_then_status(service: Service, admin: str, tmp_path: Path) -> None:
    publisher = service.token("city-publisher", "publish:city-pack")
    v1 = zipped(pack_folder(tmp_path / "a", "city-pack", "1.0.0"), prefix="city-pack/1.0.0/")
    v11 = zipped(pack_folder(tmp_path / "b", "city-pack", "1.1.0", raise_f006=True))
    v2 = zipped(pack_folder(tmp_path / "c", "city-pack", "2.0.0", raise_f006=True))
    with service.client(publisher) as http:
        created = http.post("/packs", content=v1, headers=ZIP)
        again = http.post("/packs", files={"file": ("city-pack.zip", v1)})
        incompatible = http.post("/packs", content=v11, headers=ZIP)
        major = http.post("/packs", content=v2, headers=ZIP)
        superseded = http.put("/packs/city-pack/1.0.0/status", json={"status": "superseded"})
        back = http.put("/packs/city-pack/1.0.0/status", json={"status": "active"})
        unknown = http.put("/packs/city-pack/7.0.0/status", json={"status": "retired"})
        listed = http.get("/packs/city-pack").json()
        validated = http.post(
            "/validate",
            params={"pack": "city-pack@^2"},
            files={
                "file": (
                    "c.json",
                    Path(__file__)
                    .parents[2]
                    .joinpath("src/govcatalog/_data/examples/city-catalog.json")
                    .read_bytes(),
                )
            },
        )
    assert created.status_code == 201, created.text
    assert created.headers["Location"] == "/packs/city-pack/1.0.0"
    assert created.json()["ref"] == "city-pack@1.0.0"
    assert again.status_code == 409
    assert again.json()["type"].endswith("#problem-conflict")
    assert incompatible.status_code == 409
    problem = incompatible.json()
    assert problem["type"].endswith("#problem-incompatible")
    assert problem["mode"] == "backward"
    (violation,) = problem["incompatibilities"]
    assert violation["kind"] == "severity-raised"
    assert violation["subject"] == "GC-F006"
    assert violation["old"] == "city-pack@1.0.0"
    assert violation["breaks_backward"] is True
    assert major.status_code == 201, major.text
    assert major.json()["compatibility"]["incompatibilities"][0]["subject"] == "GC-F006"
    assert superseded.status_code == 200
    assert (superseded.json()["old"], superseded.json()["new"]) == ("active", "superseded")
    assert superseded.json()["changed_by"] == "city-publisher"
    assert back.status_code == 409
    assert unknown.status_code == 404
    statuses = {v["version"]: v["status"] for v in listed["versions"]}
    assert statuses == {"1.0.0": "superseded", "2.0.0": "active"}
    assert validated.status_code == 200
    assert validated.headers["Govcatalog-Pack"] == "city-pack@2.0.0"
    with service.client(admin) as http:
        log = http.get("/writes", params={"limit": 1000}).json()["writes"]
    mine = [(w["action"], w["target"], w["status"]) for w in log if w["actor"] == "city-publisher"]
    assert ("publish", "city-pack@1.0.0", 201) in mine
    assert ("publish", "city-pack@1.0.0", 409) in mine
    assert ("publish", "city-pack@1.1.0", 409) in mine
    assert ("status", "city-pack@1.0.0", 200) in mine
    assert ("status", "city-pack@1.0.0", 409) in mine
    assert all(w["at"].endswith("+00:00") for w in log)


def test_mode_decides_what_is_compatible(service: Service, tmp_path: Path) -> None:
    publisher = service.token("mode-publisher", "publish:mode-pack")
    with service.client(publisher) as http:
        assert (
            http.post(
                "/packs",
                content=zipped(pack_folder(tmp_path / "a", "mode-pack", "1.0.0")),
                headers=ZIP,
            ).status_code
            == 201
        )
        set_mode = http.put("/packs/mode-pack/mode", json={"mode": "none"})
        bad_mode = http.put("/packs/mode-pack/mode", json={"mode": "sideways"})
        tightened = http.post(
            "/packs",
            content=zipped(pack_folder(tmp_path / "b", "mode-pack", "1.1.0", raise_f006=True)),
            headers=ZIP,
        )
        mode = http.get("/packs/mode-pack/mode").json()
    assert set_mode.status_code == 200
    assert bad_mode.status_code == 422
    assert tightened.status_code == 201, tightened.text
    assert mode == {"id": "mode-pack", "mode": "none"}


def test_invalid_packs_are_422(service: Service, admin: str, tmp_path: Path) -> None:
    folder = pack_folder(tmp_path, "broken-pack", "1.0.0")
    (folder / "codebook.toml").write_text("[codes\nbroken", encoding="utf-8")
    with service.client(admin) as http:
        broken = http.post("/packs", content=zipped(folder), headers=ZIP)
        not_zip = http.post("/packs", content=b"PK-not-really", headers=ZIP)
        empty = io.BytesIO()
        zipfile.ZipFile(empty, "w").writestr("readme.txt", "no pack here")
        no_manifest = http.post("/packs", content=empty.getvalue(), headers=ZIP)
        evil = io.BytesIO()
        with zipfile.ZipFile(evil, "w") as z:
            z.writestr("pack.toml", "[pack]")
            z.writestr("../escape.toml", "x")
        traversal = http.post("/packs", content=evil.getvalue(), headers=ZIP)
    assert broken.status_code == 422
    problem = broken.json()
    assert problem["type"].endswith("#problem-invalid-pack")
    assert any(p["file"] == "codebook.toml" for p in problem["problems"])
    assert not_zip.status_code == 422
    assert no_manifest.status_code == 422
    assert traversal.status_code == 422
    assert "unsafe path" in traversal.json()["detail"]


def test_history_add_read_and_diff(service: Service, tmp_path: Path) -> None:
    examples = Path(__file__).parents[2] / "src" / "govcatalog" / "_data" / "examples"
    keeper = service.token("history-keeper", "history:town")
    with service.client(keeper) as http:
        first = http.post(
            "/history/town",
            params={"label": "2024 first"},
            files={"file": ("city.json", (examples / "city-catalog.json").read_bytes())},
        )
        same = http.post(
            "/history/town",
            files={"file": ("city.json", (examples / "city-catalog.json").read_bytes())},
        )
        second = http.post(
            "/history/town",
            params={"effective": "2025-06-01"},
            files={"file": ("e.json", (examples / "city-catalog-with-errors.json").read_bytes())},
        )
        unreadable = http.post("/history/town", files={"file": ("x.json", b"{")})
        catalogs = http.get("/history").json()["catalogs"]
        versions = http.get("/history/town").json()["versions"]
        v1 = http.get("/history/town/v1").json()
        in_force = http.get("/history/town/2025-07-01").json()
        changes = http.get("/history/town/diff", params={"old": "v1", "new": "v2"}).json()
        scored = http.get("/history/town/v1/score", params={"today": "2026-01-15"})
        missing = http.get("/history/town/v9")
        unknown = http.get("/history/nowhere")
    assert first.status_code == 201, first.text
    assert first.json()["label"] == "2024 first"
    assert same.status_code == 200 and same.json()["created"] is False
    assert second.status_code == 201 and second.json()["number"] == 2
    assert unreadable.status_code == 422 and unreadable.json()["code"] == "GC-S001"
    assert {"catalog": "town", "versions": 2} in catalogs
    assert [v["number"] for v in versions] == [1, 2]
    assert v1["sha256"] == versions[0]["sha256"]
    assert (
        hashlib.sha256(
            json.dumps(
                v1["document"], ensure_ascii=False, sort_keys=True, separators=(",", ":")
            ).encode()
        ).hexdigest()
        == v1["sha256"]
    )
    assert in_force["number"] == 2
    assert changes["summary"]["breaking"] > 0
    assert scored.status_code == 200, scored.text
    assert 0 < scored.json()["catalog"]["points"] <= 100
    assert scored.json()["file"] == "town@v1.json"
    assert missing.status_code == 404
    assert unknown.status_code == 404
