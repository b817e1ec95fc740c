"""The named phases of a build, in order: load, check, render, write, run mkdocs, service worker,
swap.

The command line, the live preview and the benchmark all call these functions, so there is one
pipeline; build() runs them all."""
import os
import shutil
from dataclasses import dataclass, replace
from datetime import date

from generator import model
from generator.build.mkdocs_run import run_mkdocs, source_epoch
from generator.build.output import build_lock, swap, write
from generator.build.project import Project
from generator.build.service_worker import Precache, write_service_worker
from generator.checks.body_map import check_body_map
from generator.checks.editorial import placeholder_problems, review_problems
from generator.checks.pages import citable_ids, linkable_ids, validate
from generator.checks.safety import check_registry
from generator.checks.tree import check_tree
from generator.checks.tree_signs import check_tree_signs
from generator.checks.thesaurus import check_search_words
from generator.content.load import (load_body_map, load_content, load_site_config,
                                    load_thesaurus, load_tree)
from generator.errors import BuildError, Problem
from generator.render.site import render_site

# Content files a guide may leave out: file name -> (its loader, the Content field it fills).
OPTIONAL_FILES = {"decision_tree.yml": (load_tree, "tree"),
                  "body_map.yml": (load_body_map, "body_map"),
                  "synonyms.yml": (load_thesaurus, "thesaurus")}


@dataclass(frozen=True)
class Loaded:
    """What the load phase read: the model (None if unusable), the settings and the problems.
    complete: every content file read without a problem, so checks across files can run."""

    content: model.Content | None
    config: model.SiteConfig | None
    problems: tuple[Problem, ...]
    complete: bool


def load(project: Project) -> Loaded:
    """Phase 1: read site_config.yml and content/ (with its optional files) into the model."""
    config, problems = load_site_config(project.config_file, project.root)
    content, content_problems = load_content(project.content, project.root)
    problems += content_problems
    for name, (load_file, kind) in OPTIONAL_FILES.items():
        if content is not None and (project.content / name).exists():
            loaded, file_problems = load_file(project.content / name, project.root)
            problems += file_problems
            if loaded is not None and not file_problems:
                content = replace(content, **{kind: loaded})
    return Loaded(content, config, tuple(problems), complete=not content_problems)


def check(loaded: Loaded, today: date | None = None) -> list[Problem]:
    """Phase 2: every problem with what was loaded, sorted. Given today's date, also warn
    about pages whose next review was due before it."""
    content, config = loaded.content, loaded.config
    problems = list(loaded.problems)
    if content is None:
        return sorted(problems)
    problems += placeholder_problems(content)
    if loaded.complete:
        problems += validate(content) + check_registry(content)
    if config is not None and today is not None:
        problems += review_problems(content, config, today)
    if content.tree is not None:
        problems += check_tree(content.tree, linkable_ids(content)) + \
            check_tree_signs(content.tree, content.registry, citable_ids(content))
    if content.body_map is not None:
        problems += check_body_map(content.body_map, linkable_ids(content))
    problems += check_search_words(content)
    return sorted(problems)


def check_project(project: Project, today: date | None = None) \
        -> tuple[model.Content | None, model.SiteConfig | None, list[Problem]]:
    """Load and check; return the model, the settings and every problem found."""
    loaded = load(project)
    return loaded.content, loaded.config, check(loaded, today)


def checked(project: Project) -> tuple[model.Content, model.SiteConfig]:
    """Return the valid content and settings, or raise BuildError listing every error."""
    content, config, problems = check_project(project)
    errors = [problem for problem in problems if problem.severity == "error"]
    if errors or content is None or config is None:
        raise BuildError("\n".join(str(problem) for problem in errors))
    return content, config


def render(project: Project, content: model.Content, config: model.SiteConfig, build_dir,
           offline: bool = False, templates=None) -> dict[str, str]:
    """Phase 3: every file of the mkdocs project written into build_dir, as path -> text
    (templates: a Jinja environment to reuse, see render_site)."""
    return render_site(content, config, os.path.relpath(project.theme_dir, build_dir), offline,
                       templates)


def service_worker(site) -> Precache:
    """Phase 6: the hosted site's service worker, precaching it for offline use."""
    return write_service_worker(site)


def build(project: Project) -> Precache:
    """Build the site into site/; on any problem raise BuildError and leave site/ untouched.
    Return what its service worker precaches."""
    content, config = checked(project)
    files = render(project, content, config, project.build_dir)
    epoch = source_epoch(content)
    with build_lock(project):
        write(project.build_dir, files)
        del content, files  # mkdocs reads what was written: let the model and texts go first
        new_site = project.site_dir.with_name(".site.new")
        shutil.rmtree(new_site, ignore_errors=True)
        run_mkdocs(project.build_dir / "mkdocs.yml", new_site, epoch)
        precache = service_worker(new_site)
        swap(new_site, project.site_dir)
    return precache
