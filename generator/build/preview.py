"""The live preview's site: rebuild only the pages whose Markdown changed (mkdocs' dirty build),
or every page when the mkdocs config, the set of files or the theme changed."""
import itertools
import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin, event_priority

from generator.build.mkdocs_run import mkdocs_warnings

CONFIG_NAME = "mkdocs.yml"
# mkdocs warns at every dirty build; in the preview that is the point, not a problem.
DIRTY_NOTICE = "A 'dirty' build is being performed"


@dataclass(frozen=True)
class Rebuilt:
    """What one update of the preview did: how many pages it rebuilt (None: all of them), and
    mkdocs' warnings."""

    pages: int | None
    warnings: list[str]


class PreviewSite:
    """The preview's site folder, and what its last build used so that the next one does less."""

    def __init__(self, config_file: Path, site_dir: Path, host: str, port: int):
        self.config_file = config_file
        self.site_dir = site_dir
        self.host, self.port = host, port
        self.mount_path = "/"
        self._config = None  # the mkdocs config of the last good build; None: build every page
        self._files: frozenset[str] = frozenset()
        self._shown_problems: list[str] = []
        self._env = None  # (theme folders and locale, the Jinja environment made for them)
        self._unread_pages = UnreadPages(site_dir)

    def invalidate(self) -> None:
        """Make the next update rebuild every page, templates too (the theme changed, or a
        build failed)."""
        self._config = self._env = None

    def update(self, files: frozenset[str], changed: list[str]) -> Rebuilt:
        """Bring the site up to date with the project's files (changed: those just written)."""
        if self._config is None or files != self._files or CONFIG_NAME in changed:
            warnings = self._build(self._load_config(), dirty=False)
            self._files, self._shown_problems = files, []
            return Rebuilt(None, warnings)
        if not changed:
            return Rebuilt(0, [])
        warnings = self._build(self._config, dirty=True)
        if self._unread_pages.titles_changed:  # the other pages' navigation shows a page's title
            return Rebuilt(None, self._build(self._config, dirty=False))
        return Rebuilt(len([name for name in changed if name.endswith(".md")]), warnings)

    def show_problems(self, problems: list[str]) -> bool:
        """Rebuild the last good project listing the problems on every page; False if none."""
        if not self.config_file.exists():
            return False
        if problems != self._shown_problems:
            config = self._load_config()
            config.extra["preview_problems"] = problems
            self._build(config, dirty=False)
            self._shown_problems = problems
        self._config = None  # the next good build must take the problems off every page
        return True

    def _load_config(self):
        """Load the mkdocs config for serving: not strict (warnings are reported), our URL."""
        config = load_config(config_file=str(self.config_file), site_dir=str(self.site_dir),
                             strict=False)
        config.plugins.on_startup(command="serve", dirty=False)
        config.extra["live_preview"] = True  # the hooks leave out the CSP and prebuilt search
        config.plugins["generator-preview"] = self._unread_pages
        mount = urlsplit(config.site_url or "/").path.strip("/")
        self.mount_path = f"/{mount}/" if mount else "/"
        config.site_url = f"http://{self.host}:{self.port}{self.mount_path}"
        # mkdocs makes a new Jinja environment, recompiling every template, at each build. The
        # templates read the config from their context, so one environment serves every build
        # until the theme is edited (see invalidate).
        theme = (tuple(config.theme.dirs), str(config.theme.locale))
        if self._env is None or self._env[0] != theme:
            self._env = (theme, config.theme.get_env())
        env = self._env[1]
        config.theme.get_env = lambda: env
        return config

    def _build(self, config, dirty: bool) -> list[str]:
        """Build into the site folder; return mkdocs' warnings."""
        self._config = None
        self._unread_pages.dirty = dirty
        with mkdocs_warnings() as warnings:
            build(config, serve_url=config.site_url, dirty=dirty)
        self._config = config
        return [warning for warning in warnings if DIRTY_NOTICE not in warning]


class UnreadPages(BasePlugin):
    """Fills in what a dirty build leaves out about the pages it does not read: their titles and
    metadata (other pages' navigation and footers show them) and their search entries."""

    def __init__(self, site_dir: Path):
        super().__init__()
        self.index_file = site_dir / "search" / "search_index.json"
        self.dirty = False
        self.titles_changed = False
        self.pages: dict[str, tuple[str | None, dict]] = {}  # src_uri: (title, meta) last built
        self.search_docs: list[dict] = []

    def on_pre_build(self, *, config):
        self.titles_changed = False

    def on_nav(self, nav, *, config, files):
        for page in nav.pages:
            if not page.file.is_modified() and page.file.src_uri in self.pages:
                page.title, page.meta = self.pages[page.file.src_uri]
        return nav

    def on_page_context(self, context, *, page, config, nav):
        known = self.pages.get(page.file.src_uri)
        self.titles_changed |= known is not None and known[0] != page.title
        self.pages[page.file.src_uri] = (page.title, page.meta)
        return context

    @event_priority(-10)  # after the search plugin writes its index, before any hook reads it
    def on_post_build(self, *, config):
        index = json.loads(self.index_file.read_text(encoding="utf-8"))
        if self.dirty:
            index["docs"] = merged_search_docs(self.search_docs, index["docs"])
            # The same separators as mkdocs-material, so the file is the one a full build writes.
            self.index_file.write_text(json.dumps(index, separators=(",", ":"), default=str),
                                       encoding="utf-8")
        self.search_docs = index["docs"]


def merged_search_docs(old: list[dict], rebuilt: list[dict]) -> list[dict]:
    """The old index's entries, with each rebuilt page's entries in place of its old ones."""
    new_by_page = {}
    for doc in rebuilt:
        new_by_page.setdefault(_page_of(doc), []).append(doc)
    merged = []
    for page, docs in itertools.groupby(old, key=_page_of):
        merged += new_by_page.pop(page, list(docs))
    return merged + [doc for docs in new_by_page.values() for doc in docs]


def _page_of(doc: dict) -> str:
    """The page a search entry belongs to: its location without the section's anchor."""
    return doc["location"].split("#")[0]
