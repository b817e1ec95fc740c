"""Live preview: on each edit, regenerate the Markdown and rebuild only the pages it changed;
mkdocs' live-reload server serves the site and reloads the browser."""
import contextlib
import os
import signal
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

from generator.build import phases
from generator.build.preview import PreviewSite
from generator.build.project import Project
from generator.render.site import TEMPLATES, template_environment

HOST = "127.0.0.1"
# inotify also reports the files the preview opens to read them, which are not edits.
NOT_EDITS = ("opened", "closed_no_write")


def serve(project: Project, port: int, say: Callable[[str], None]) -> int:
    """Serve a live preview on 127.0.0.1:port until interrupted; keep going through errors.
    say shows one line of news to the editor."""
    from mkdocs.livereload import LiveReloadServer

    with _stopped_by_sigterm(), tempfile.TemporaryDirectory(prefix="preview-") as site_dir:
        preview = Preview(project, PreviewSite(project.build_dir / "mkdocs.yml", Path(site_dir),
                                               HOST, port), say)
        if not preview.rebuild():
            return 1
        server = LiveReloadServer(builder=preview.rebuild, host=HOST, port=port, root=site_dir,
                                  mount_path=preview.site.mount_path)
        server.observer = _EditWatcher(preview)
        for folder in (project.content, TEMPLATES, project.theme_dir):
            server.watch(str(folder))
        server.watch(str(project.config_file.parent), recursive=False)
        say(f"preview at {server.url}")
        try:
            server.serve()
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
    return 0


@contextlib.contextmanager
def _stopped_by_sigterm():
    """Let SIGTERM stop the preview as Ctrl-C does (so it cleans up); restore it after."""
    before = signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)


class Preview:
    """Regenerates the Markdown from content and brings the preview site up to date."""

    def __init__(self, project: Project, site: PreviewSite, say: Callable[[str], None]):
        self.project = project
        self.site = site
        self.say = say
        self.templates = template_environment()  # compiled once, reloaded when edited
        self.theme_edited = False

    def rebuild(self) -> bool:
        """Regenerate and rebuild what changed; on problems list them in the terminal and on
        every page of the last good preview. Return False if there is nothing to show."""
        if self.theme_edited:
            self.theme_edited = False
            self.site.invalidate()
        try:
            return self._rebuild()
        except Exception as error:  # noqa: BLE001 - one bad rebuild must not stop the preview
            self.say(f"preview not updated: {error}")
            self.site.invalidate()
            return self.site.config_file.exists()

    def _rebuild(self) -> bool:
        started = time.monotonic()
        content, config, problems = phases.check_project(self.project)
        for problem in problems:
            self.say(str(problem))
        errors = [str(problem) for problem in problems if problem.severity == "error"]
        if errors or content is None or config is None:
            self.say("preview not updated: fix the problems above")
            return self.site.show_problems(errors)
        build_dir = self.project.build_dir
        files = phases.render(self.project, content, config, build_dir,
                              templates=self.templates)
        rebuilt = self.site.update(frozenset(files), phases.write(build_dir, files))
        if rebuilt.warnings:
            self.say("\n".join(rebuilt.warnings))
            self.say("preview shows these problems: fix them")
            return self.site.show_problems(rebuilt.warnings)
        pages = "every page" if rebuilt.pages is None else f"{rebuilt.pages} page(s)"
        self.say(f"preview updated: {pages} rebuilt in {time.monotonic() - started:.2f} s")
        return True


class _EditWatcher(Observer):
    """mkdocs' server watching with inotify (it polls every 0.5 s), passing on only edits."""

    def __init__(self, preview: Preview):
        super().__init__()
        self.preview = preview

    def schedule(self, event_handler, path, *, recursive=False, **options):
        return super().schedule(_EditsOnly(event_handler, self.preview), path,
                                recursive=recursive, **options)


class _EditsOnly(FileSystemEventHandler):
    """Passes on edits to content, templates, theme and settings; notes edits to the theme."""

    def __init__(self, handler: FileSystemEventHandler, preview: Preview):
        self.handler = handler
        self.preview = preview

    def dispatch(self, event):
        if event.is_directory or event.event_type in NOT_EDITS:
            return
        paths = [Path(os.fsdecode(path)) for path in (event.src_path, event.dest_path) if path]
        # Editors' swap, lock and backup files (.name.swp, .#name, name~) are not edits.
        paths = [path for path in paths if not path.name.startswith(".")
                 and not path.name.endswith("~")]
        project = self.preview.project
        if any(path.is_relative_to(project.theme_dir) for path in paths):
            self.preview.theme_edited = True
        elif not any(path == project.config_file or path.suffix in (".yml", ".j2")
                     for path in paths):
            return
        self.handler.dispatch(event)
