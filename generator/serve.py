"""Live preview: regenerate the Markdown when content or templates change, served by mkdocs."""
import os
import sys
import threading

import yaml
from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

from generator.build import Project, check, write_project
from generator.render import TEMPLATES, render_site


def serve(project: Project, port: int) -> int:
    """Serve a live preview on 127.0.0.1:port until interrupted; keep going through errors."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    if not regenerate(project) and not (project.build_dir / "mkdocs.yml").exists():
        return 1
    observer = Observer()
    handler = _Regenerate(project)
    for folder in (project.content, TEMPLATES):
        observer.schedule(handler, str(folder), recursive=True)
    observer.schedule(handler, str(project.config_file.parent), recursive=False)
    observer.start()
    try:
        mkdocs_serve(config_file=str(project.build_dir / "mkdocs.yml"), livereload=True,
                     watch_theme=True, dev_addr=f"127.0.0.1:{port}")
    finally:
        observer.stop()
    return 0


def regenerate(project: Project) -> bool:
    """Re-render the mkdocs project from content; on problems print them and keep the last one."""
    content, config, problems = check(project)
    errors = [problem for problem in problems if problem.severity == "error"]
    for problem in problems:
        print(problem, file=sys.stderr)
    if errors or content is None or config is None:
        print("preview not updated: fix the problems above", file=sys.stderr)
        _show_on_preview(project, [str(problem) for problem in errors])
        return False
    theme_dir = os.path.relpath(project.theme_dir, project.build_dir)
    write_project(project.build_dir, render_site(content, config, theme_dir))
    return True


def _show_on_preview(project: Project, problems: list[str]) -> None:
    """Add the problems to the last good mkdocs config, so every preview page lists them."""
    config_file = project.build_dir / "mkdocs.yml"
    if not config_file.exists():
        return
    settings = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    settings.setdefault("extra", {})["preview_problems"] = problems
    config_file.write_text(yaml.safe_dump(settings, sort_keys=False, allow_unicode=True),
                           encoding="utf-8")


class _Regenerate(FileSystemEventHandler):
    """Regenerates on any change to a YAML file or template, one run at a time."""

    def __init__(self, project: Project):
        self.project = project
        self.lock = threading.Lock()

    def on_any_event(self, event):
        path = str(event.src_path)
        if event.event_type in ("opened", "closed", "closed_no_write") or \
                not path.endswith((".yml", ".j2")):
            return
        with self.lock:
            regenerate(self.project)
