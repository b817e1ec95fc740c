"""The offline bundle: the site built for file://, with a README, zipped into dist/."""
import os
import shutil
import zipfile
from datetime import date, datetime, timezone
from pathlib import Path

from generator.render import mkdocs_config
from generator.build import phases
from generator.build.mkdocs_run import source_epoch
from generator.build.output import build_lock
from generator.build.project import Project
from generator.model.dates import long_date, reviewed_dates

SHIM = Path(__file__).parents[1] / "hooks" / "iframe_worker_shim.js"


def bundle(project: Project, built_on: date) -> Path:
    """Build the offline site and zip it as dist/<bundle_name>-<date>.zip; return the zip's path."""
    content, config = phases.checked(project)
    build_dir = project.build_dir / "offline"
    files = phases.render(project, content, config, build_dir, offline=True)
    files[f"docs/{mkdocs_config.OFFLINE_SHIM}"] = SHIM.read_text(encoding="utf-8")
    name = f"{config.bundle_name}-{built_on.isoformat()}"
    with build_lock(project):
        phases.write(build_dir, files)
        site = project.build_dir / "offline-site"
        shutil.rmtree(site, ignore_errors=True)
        epoch = source_epoch(content)
        phases.run_mkdocs(build_dir / "mkdocs.yml", site, epoch)
        # Over file:// no server shows a 404 page, and its links are absolute: leave it out.
        (site / "404.html").unlink()
        (site / "README.txt").write_text(_readme(content, config, built_on), encoding="utf-8")
        return _zip(site, project.dist_dir / f"{name}.zip", config.bundle_name, epoch)


def _readme(content, config, built_on: date) -> str:
    reviews = [reviewed_dates(page, content, config)[0] for page in content.pages]
    return "\n".join([
        f"{config.site_name}: offline copy",
        "",
        config.site_description,
        "",
        "How to open it: unzip this file, then open index.html (inside the folder) in a web",
        "browser. It works without an internet connection; search and all links work.",
        "",
        f"In an emergency call {config.emergency_number}. This guide gives general information;",
        "it does not diagnose. See a doctor about your symptoms.",
        "",
        f"Built on: {long_date(built_on)}",
        f"Content last reviewed: between {long_date(min(reviews))} and {long_date(max(reviews))}",
        f"Source: {content.source.title} ({content.source.publisher}), "
        f"last reviewed {long_date(content.source.last_reviewed)}",
        "",
    ])


def _zip(site: Path, target: Path, folder: str, epoch: int) -> Path:
    """Zip site/ under one top folder, with fixed timestamps; replace the old zip in one step."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    stamp = datetime.fromtimestamp(epoch, timezone.utc).timetuple()[:6]
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(p for p in site.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{folder}/{file.relative_to(site).as_posix()}", stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, file.read_bytes())
    os.replace(partial, target)
    for old in target.parent.glob("*.zip"):
        if old != target and old.name.startswith(folder):
            old.unlink()
    return target
