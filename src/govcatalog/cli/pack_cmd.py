"""``govcatalog pack``: author, check, build, compare and publish schema packs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from govcatalog.cli._common import fail
from govcatalog.cli._remote import is_service, list_remote, publish_remote, status_remote
from govcatalog.cli.app import EXIT_FINDINGS, EXIT_OK, app
from govcatalog.errors import GovCatalogError
from govcatalog.pack_check import check_pack
from govcatalog.packs.build import ARTEFACTS, ArtefactKind, build_artefacts
from govcatalog.packs.compat import Change, CompatMode, check_compat
from govcatalog.packs.effective import DumpFormat, dump_effective
from govcatalog.packs.pack import Pack, PackStatus
from govcatalog.packs.published import PackStore
from govcatalog.packs.registry import REGISTRY_URL_VARIABLE, PackRegistry, default_registry
from govcatalog.packs.scaffold import new_pack
from govcatalog.packs.versions import PackRef

pack_app = typer.Typer(
    name="pack",
    help="Author, check, build, compare and publish schema packs (local catalog standards).",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(pack_app)

RegistryOpt = Annotated[
    str | None,
    typer.Option(
        "--registry",
        envvar=REGISTRY_URL_VARIABLE,
        help="Registry database URL (also finds its published packs), or a service's "
        "https:// address for list, publish and status.",
    ),
]
RootOpt = Annotated[
    list[Path] | None,
    typer.Option("--root", help="Extra folder of <id>/<version>/ packs (repeatable)."),
]


def _registry(url: str | None, roots: list[Path] | None = None) -> PackRegistry:
    try:
        if url:
            store = PackStore.open(url)
            try:
                registry = store.registry()
            finally:
                store.close()
        else:
            registry = default_registry()
        for root in roots or ():
            if not root.is_dir():
                fail(f"--root {root}: not a folder")
            registry = registry.with_root(f"path:{root}", root)
    except GovCatalogError as exc:
        fail(str(exc))
    return registry


def _is_pack_dir(text: str) -> bool:
    return (Path(text) / "pack.toml").is_file()


def _load(registry: PackRegistry, ref: str) -> Pack:
    try:
        if _is_pack_dir(ref):
            return registry.load_path(Path(ref))
        return registry.load(PackRef.parse(ref))
    except (GovCatalogError, ValueError) as exc:
        fail(str(exc))


@pack_app.command("new")
def new_command(
    pack_id: Annotated[str, typer.Argument(metavar="ID", help="Pack id, e.g. my-province.")],
    folder: Annotated[Path, typer.Option("--dir", help="Folder of packs.")] = Path("standards"),
    version: Annotated[str, typer.Option("--version", help="First version.")] = "1.0.0",
    extends: Annotated[str, typer.Option("--extends", help="Parent, or '' for none.")] = (
        "gb-1272@^1"
    ),
    title_zh: Annotated[str, typer.Option("--title-zh", help="Chinese title.")] = "",
    title_en: Annotated[str, typer.Option("--title-en", help="English title.")] = "",
) -> None:
    """Create a new pack folder with commented files to fill in."""
    try:
        target = new_pack(
            folder,
            pack_id,
            version=version,
            extends=extends or None,
            title_zh=title_zh,
            title_en=title_en,
        )
    except GovCatalogError as exc:
        fail(str(exc))
    typer.echo(f"created {target}")


@pack_app.command("check")
def check_command(
    path: Annotated[Path, typer.Argument(help="The pack folder (with pack.toml).")],
    registry: RegistryOpt = None,
    root: RootOpt = None,
) -> None:
    """Report a pack's problems with file and line; exit 1 when there are any."""
    if not path.is_dir():
        fail(f"{path}: not a folder")
    result = check_pack(path, _registry(registry, root))
    for problem in result.problems:
        typer.echo(
            f"{path / problem.file}{'' if problem.line is None else f':{problem.line}'}: "
            f"{problem.message}"
        )
    if not result.ok:
        raise typer.Exit(EXIT_FINDINGS)
    assert result.pack is not None
    typer.echo(f"ok: {result.pack.ref} (lineage {' <- '.join(result.pack.lineage)})")


@pack_app.command("build")
def build_command(
    pack: Annotated[str, typer.Argument(help="Pack reference or folder.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Output folder.")],
    kind: Annotated[
        list[ArtefactKind] | None, typer.Option("--kind", help="Only these kinds (repeatable).")
    ] = None,
    registry: RegistryOpt = None,
    root: RootOpt = None,
) -> None:
    """Build the effective pack's artefacts and a manifest of their sha256 hashes."""
    the_pack = _load(_registry(registry, root), pack)
    try:
        result = build_artefacts(the_pack, output, kind or list(ARTEFACTS))
    except (GovCatalogError, OSError) as exc:
        fail(str(exc))
    for f in result.files:
        typer.echo(f"{f.sha256[:12]}  {f.path}")
    for s in result.skipped:
        typer.echo(f"skipped {s.kind}: {s.reason}", err=True)
    typer.echo(f"wrote {len(result.files)} files and manifest.json to {output}")


@pack_app.command("list")
def list_command(registry: RegistryOpt = None) -> None:
    """List every pack version found, with its status (installed distributions and the registry)."""
    if is_service(registry):
        assert registry is not None
        list_remote(registry)
        return
    reg = _registry(registry)
    try:
        sources = reg.sources()
    except GovCatalogError as exc:
        fail(str(exc))
    for s in sources:
        typer.echo(f"{s.ref:32} {s.status.value:10} {s.origin}")


@pack_app.command("show")
def show_command(
    pack: Annotated[str, typer.Argument(help="Pack reference or folder.")],
    effective: Annotated[
        bool, typer.Option("--effective", help="Print the inheritance-resolved pack.")
    ] = False,
    fmt: Annotated[DumpFormat, typer.Option("--format", "-f", help="Output format.")] = (
        DumpFormat.TOML
    ),
    registry: RegistryOpt = None,
    root: RootOpt = None,
) -> None:
    """Print a pack's manifest, or with --effective the whole effective pack."""
    the_pack = _load(_registry(registry, root), pack)
    if effective:
        typer.echo(dump_effective(the_pack, fmt))
        return
    meta = dict(the_pack.raw_manifest.get("pack", {}))  # type: ignore[call-overload]
    meta["lineage"] = list(the_pack.lineage)
    if fmt is DumpFormat.JSON:
        typer.echo(json.dumps(meta, ensure_ascii=False, indent=2))
    else:
        for key, value in meta.items():
            typer.echo(f"{key} = {json.dumps(value, ensure_ascii=False)}")


@pack_app.command("compat")
def compat_command(
    old: Annotated[str, typer.Argument(help="Older version: reference or folder.")],
    new: Annotated[str, typer.Argument(help="Newer version: reference or folder.")],
    mode: Annotated[CompatMode, typer.Option("--mode", "-m", help="Compatibility mode.")] = (
        CompatMode.BACKWARD
    ),
    registry: RegistryOpt = None,
    root: RootOpt = None,
) -> None:
    """Classify the changes from OLD to NEW; exit 1 when MODE is violated.

    Transitive modes compare NEW with OLD and every other version of the pack found
    that is older than NEW.
    """
    reg = _registry(registry, root)
    old_pack, new_pack_ = _load(reg, old), _load(reg, new)
    history = [old_pack]
    if mode.transitive:
        history.extend(
            _load(reg, s.ref)
            for s in reg.sources()
            if s.id == new_pack_.id and s.version < new_pack_.version and s.ref != old_pack.ref
        )
    report = check_compat(new_pack_, history, mode)
    typer.echo(f"{' , '.join(report.compared)} -> {report.new}  (mode {mode.value})")
    for change in report.changes:
        why = _directions(change, mode)
        typer.echo(f"  x {change}  [breaks {why}]" if why else f"  - {change}")
    latest = report.compared[-1] if report.compared else None
    for v in report.violations:
        if v.old != latest:
            typer.echo(f"  x {v}")
    if not report.compatible:
        typer.echo(f"NOT {mode.value.upper()} compatible: {len(report.violations)} violation(s)")
        raise typer.Exit(EXIT_FINDINGS)
    typer.echo(f"{mode.value.upper()} compatible")
    raise typer.Exit(EXIT_OK)


def _directions(change: Change, mode: CompatMode) -> str:
    found = [
        name
        for name, on, broken in (
            ("BACKWARD", mode.backward, change.breaks_backward),
            ("FORWARD", mode.forward, change.breaks_forward),
        )
        if on and broken
    ]
    return "+".join(found)


@pack_app.command("publish")
def publish_command(
    path: Annotated[Path, typer.Argument(help="The pack folder to publish.")],
    registry: RegistryOpt = None,
    mode: Annotated[
        CompatMode, typer.Option("--mode", "-m", help="Compatibility with published versions.")
    ] = CompatMode.BACKWARD,
    root: RootOpt = None,
    allow_draft: Annotated[
        bool, typer.Option("--allow-draft", help="Publish it even when its status is draft.")
    ] = False,
) -> None:
    """Publish a pack to the registry database (immutable once published).

    Refuses a change that breaks MODE against the published versions unless the major
    version is raised, a version that is published already, and a draft without
    --allow-draft (exit 1).
    """
    if not (path / "pack.toml").is_file():
        fail(f"{path}: not a pack folder (no pack.toml)")
    if is_service(registry):
        assert registry is not None
        publish_remote(registry, path, allow_draft)
        return
    try:
        store = PackStore.open(registry)
    except GovCatalogError as exc:
        fail(str(exc))
    try:
        reg = _registry(None, root).with_root(store.origin, store.root(), store.statuses())
        published = store.publish(path, registry=reg, mode=mode, allow_draft=allow_draft)
    except GovCatalogError as exc:
        typer.echo(f"govcatalog: {exc}", err=True)
        raise typer.Exit(EXIT_FINDINGS) from None
    finally:
        store.close()
    typer.echo(f"published {published.ref} sha256={published.content_hash}")


@pack_app.command("status")
def status_command(
    ref: Annotated[str, typer.Argument(metavar="ID@VERSION", help="A published version.")],
    status: Annotated[PackStatus, typer.Argument(help="Its new status.")],
    registry: RegistryOpt = None,
) -> None:
    """Change the status of a published version; its files stay as they are.

    Allowed: draft -> active, active -> superseded, active -> retired, superseded ->
    retired; any other change is refused (exit 1). Version ranges pick active and
    superseded versions only.
    """
    try:
        pref = PackRef.parse(ref)
    except ValueError as exc:
        fail(str(exc))
    if not pref.range.exact:
        fail(f"{ref}: name one version exactly, as ID@1.2.3")
    if is_service(registry):
        assert registry is not None
        status_remote(registry, pref.id, str(pref.range.low), status)
        return
    try:
        store = PackStore.open(registry)
    except GovCatalogError as exc:
        fail(str(exc))
    try:
        change = store.set_status(pref.id, str(pref.range.low), status)
    except (GovCatalogError, LookupError) as exc:
        typer.echo(f"govcatalog: {exc}", err=True)
        raise typer.Exit(EXIT_FINDINGS) from None
    finally:
        store.close()
    typer.echo(f"{change.ref}: {change.old.value} -> {change.new.value}")


@pack_app.command("export")
def export_command(
    dest: Annotated[Path, typer.Argument(help="Folder to write <id>/<version>/ into.")],
    registry: RegistryOpt = None,
) -> None:
    """Write every published pack to a folder, usable as a pack root (--root)."""
    try:
        store = PackStore.open(registry)
        try:
            folders = store.export(dest)
        finally:
            store.close()
    except GovCatalogError as exc:
        fail(str(exc))
    for folder in folders:
        typer.echo(str(folder))
