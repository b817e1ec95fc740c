"""Write the generated mkdocs project, run mkdocs-material, and swap the new site in atomically."""
import contextlib
import ctypes
import fcntl
import logging
import os
import shutil
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone
from pathlib import Path

from generator import model
from generator.body_map import check_body_map, load_body_map
from generator.editorial import placeholder_problems, review_problems
from generator.errors import BuildError, Problem
from generator.load import load_content, load_site_config
from generator.render import render_site
from generator.safety import check_registry
from generator.tree import check_tree, load_tree
from generator.tree_signs import check_tree_signs
from generator.validate import citable_ids, linkable_ids, validate


@dataclass(frozen=True)
class Project:
    """Where a guide's inputs live (under root) and where its outputs go."""

    root: Path
    build_dir: Path
    site_dir: Path

    @classmethod
    def at(cls, root: Path, output: Path | None = None) -> "Project":
        """The project in root, writing build/ and site/ into output (default: root)."""
        output = output or root
        return cls(root=root, build_dir=output / "build", site_dir=output / "site")

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def config_file(self) -> Path:
        return self.root / "site_config.yml"

    @property
    def dist_dir(self) -> Path:
        return self.site_dir.parent / "dist"

    @property
    def theme_dir(self) -> Path:
        return self.root / "overrides"


def check(project: Project, today: date | None = None) \
        -> tuple[model.Content | None, model.SiteConfig | None, list[Problem]]:
    """Load and validate everything; return the model, the settings and every problem found.

    Given today's date, also warn about pages whose next review was due before it.
    """
    config, problems = load_site_config(project.config_file, project.root)
    content, content_problems = load_content(project.content, project.root)
    problems += content_problems
    if content is not None:
        problems += placeholder_problems(content)
    if content is not None and not content_problems:
        problems += validate(content) + check_registry(content)
    if content is not None and config is not None and today is not None:
        problems += review_problems(content, config, today)
    if content is not None and (project.content / "decision_tree.yml").exists():
        content, tree_problems = _with_tree(project, content)
        problems += tree_problems
    if content is not None and (project.content / "body_map.yml").exists():
        content, map_problems = _with_body_map(project, content)
        problems += map_problems
    return content, config, sorted(problems)


def _with_tree(project: Project, content: model.Content) -> tuple[model.Content, list[Problem]]:
    """Load and check the symptom guide's tree; return the content carrying it, and problems."""
    tree, problems = load_tree(project.content / "decision_tree.yml", project.root)
    if tree is None or problems:
        return content, problems
    return replace(content, tree=tree), check_tree(tree, linkable_ids(content)) + \
        check_tree_signs(tree, content.registry, citable_ids(content))


def _with_body_map(project: Project, content: model.Content) \
        -> tuple[model.Content, list[Problem]]:
    """Load and check the body map; return the content carrying it, and problems."""
    body_map, problems = load_body_map(project.content / "body_map.yml", project.root)
    if body_map is None or problems:
        return content, problems
    return replace(content, body_map=body_map), check_body_map(body_map, linkable_ids(content))


def checked(project: Project) -> tuple[model.Content, model.SiteConfig]:
    """Return the valid content and settings, or raise BuildError listing every error."""
    content, config, problems = check(project)
    errors = [problem for problem in problems if problem.severity == "error"]
    if errors or content is None or config is None:
        raise BuildError("\n".join(str(problem) for problem in errors))
    return content, config


def build(project: Project) -> None:
    """Build the site into site/; on any problem raise BuildError and leave site/ untouched."""
    content, config = checked(project)
    files = render_site(content, config, os.path.relpath(project.theme_dir, project.build_dir))
    with build_lock(project):
        write_project(project.build_dir, files)
        new_site = project.site_dir.with_name(".site.new")
        shutil.rmtree(new_site, ignore_errors=True)
        run_mkdocs(project.build_dir / "mkdocs.yml", new_site, source_epoch(content))
        swap_in(new_site, project.site_dir)


def write_project(build_dir: Path, files: dict[str, str]) -> list[str]:
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


def run_mkdocs(config_file: Path, site_dir: Path, source_epoch: int) -> None:
    """Run mkdocs build in strict mode into site_dir; raise BuildError on any warning."""
    from mkdocs import exceptions
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    os.environ["SOURCE_DATE_EPOCH"] = str(source_epoch)
    with mkdocs_warnings() as warnings:
        try:
            mkdocs_config = load_config(config_file=str(config_file),
                                        site_dir=str(site_dir.resolve()), strict=True)
            mkdocs_build(mkdocs_config)
        except (exceptions.MkDocsException, exceptions.Abort) as error:
            raise BuildError("\n".join([*warnings, f"mkdocs build failed: {error}"])) \
                from error


@contextlib.contextmanager
def mkdocs_warnings():
    """Collect mkdocs' warnings, as 'mkdocs: message' lines, while the block runs."""
    collector = _WarningCollector()
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.WARNING)
    logger.addHandler(collector)
    try:
        yield collector.messages
    finally:
        logger.removeHandler(collector)


class _WarningCollector(logging.Handler):
    """Keeps mkdocs' warnings so a failed build can say what went wrong."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(f"mkdocs: {record.getMessage()}")


def swap_in(new_site: Path, site_dir: Path) -> None:
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


def source_epoch(content: model.Content) -> int:
    """A fixed build time (the newest review date) so rebuilds are byte-identical."""
    dates = [content.source.last_reviewed, *(p.last_reviewed for p in content.pages
                                             if p.last_reviewed)]
    newest = max(dates)
    return int(datetime(newest.year, newest.month, newest.day, tzinfo=timezone.utc).timestamp())


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
