"""Live preview: on each edit, regenerate the Markdown and rebuild only the pages it changed;
mkdocs' live-reload server serves the site and reloads the browser."""
import os
import signal
import sys
import tempfile
import time
from pathlib import Path

from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

from generator.build import Project, check, write_project
from generator.preview_site import PreviewSite
from generator.render import TEMPLATES, render_site

HOST = "127.0.0.1"
# inotify also reports the files the preview opens to read them, which are not edits.
NOT_EDITS = ("opened", "closed_no_write")


def serve(project: Project, port: int) -> int:
    """Serve a live preview on 127.0.0.1:port until interrupted; keep going through errors."""
    from mkdocs.livereload import LiveReloadServer

    signal.signal(signal.SIGTERM, signal.default_int_handler)  # clean up when terminated too
    with tempfile.TemporaryDirectory(prefix="preview-") as site_dir:
        preview = Preview(project, PreviewSite(project.build_dir / "mkdocs.yml", Path(site_dir),
                                               HOST, port))
        if not preview.rebuild():
            return 1
        server = LiveReloadServer(builder=preview.rebuild, host=HOST, port=port, root=site_dir,
                                  mount_path=preview.site.mount_path)
        server.observer = _EditWatcher(preview)
        for folder in (project.content, TEMPLATES, project.theme_dir):
            server.watch(str(folder))
        server.watch(str(project.config_file.parent), recursive=False)
        print(f"preview at {server.url}", file=sys.stderr)
        try:
            server.serve()
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
    return 0


class Preview:
    """Regenerates the Markdown from content and brings the preview site up to date."""

    def __init__(self, project: Project, site: PreviewSite):
        self.project = project
        self.site = site
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
            print(f"preview not updated: {error}", file=sys.stderr)
            self.site.invalidate()
            return self.site.config_file.exists()

    def _rebuild(self) -> bool:
        started = time.monotonic()
        content, config, problems = check(self.project)
        for problem in problems:
            print(problem, file=sys.stderr)
        errors = [str(problem) for problem in problems if problem.severity == "error"]
        if errors or content is None or config is None:
            print("preview not updated: fix the problems above", file=sys.stderr)
            return self.site.show_problems(errors)
        theme_dir = os.path.relpath(self.project.theme_dir, self.project.build_dir)
        files = render_site(content, config, theme_dir)
        rebuilt = self.site.update(frozenset(files), write_project(self.project.build_dir, files))
        if rebuilt.warnings:
            print("\n".join(rebuilt.warnings), file=sys.stderr)
            print("preview shows these problems: fix them", file=sys.stderr)
            return self.site.show_problems(rebuilt.warnings)
        pages = "every page" if rebuilt.pages is None else f"{rebuilt.pages} page(s)"
        print(f"preview updated: {pages} rebuilt in {time.monotonic() - started:.2f} s",
              file=sys.stderr)
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
