"""Write the generated mkdocs project, and swap a new site in atomically, under a build lock."""
import contextlib
import ctypes
import fcntl
import os
import shutil
from pathlib import Path

from generator.build.project import Project
from generator.errors import BuildError


def write(build_dir: Path, files: dict[str, str]) -> list[str]:
    """Make build_dir hold exactly these files, writing only what changed; return what changed."""
    changed = []
    for relative, text in files.items():
        target = build_dir / relative
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            changed.append(relative)
    docs = build_dir / "docs"
    for stale in sorted(docs.rglob("*.md")) if docs.exists() else ():
        if stale.relative_to(build_dir).as_posix() not in files:
            stale.unlink()
            changed.append(stale.relative_to(build_dir).as_posix())
    return changed


def swap(new_site: Path, site_dir: Path) -> None:
    """Put new_site in place of site_dir in one step where the system allows it."""
    if site_dir.exists() and _exchange(new_site, site_dir):
        shutil.rmtree(new_site)
        return
    old_site = site_dir.with_name(".site.old")
    shutil.rmtree(old_site, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old_site)
    new_site.rename(site_dir)
    shutil.rmtree(old_site, ignore_errors=True)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two directories atomically with renameat2(RENAME_EXCHANGE); False if unsupported."""
    rename_exchange, at_fdcwd = 2, -100
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        result = libc.renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second),
                                rename_exchange)
    except (AttributeError, OSError):
        return False
    return result == 0


@contextlib.contextmanager
def build_lock(project: Project):
    """Hold the project's build lock, or raise BuildError if another build holds it."""
    project.build_dir.mkdir(parents=True, exist_ok=True)
    with open(project.build_dir / ".lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildError("another build is running in this folder; wait for it to "
                             "finish") from None
        yield
