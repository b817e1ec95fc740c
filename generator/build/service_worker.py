"""The hosted site's service worker, so the guide keeps working offline after one visit.

Workbox writes the worker once (service_worker.mjs, `make service-workers`) with a stand-in for
its precache list; a build fills the list in: each file the site needs, with a revision (the MD5
of its contents, as Workbox's own manifest has)."""
import gzip
import hashlib
import json
import re
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

HERE = Path(__file__).parent
WORKERS = {False: HERE / "service_worker.everything.js", True: HERE / "service_worker.core.js"}
STAND_IN = '[{url:"__PRECACHE__",revision:"__PRECACHE__"}]'  # as service_worker.mjs writes it
# Above this many bytes (about 3 MB gzipped for this guide's text) a first visit would download
# too much on a phone: only the core is precached, and other pages are saved as they are read.
CORE_ONLY_ABOVE = 12_000_000
TOO_LARGE = 20 * 1024 * 1024  # a file larger than this is left to the network
OFFLINE_PAGE = "offline/"  # as spelt in service_worker.mjs
PRECACHED_TYPES = (".html", ".css", ".js", ".json", ".bin", ".svg", ".png", ".webmanifest",
                   ".xml")
# English search needs no other languages, source maps are not for readers; the sitemap is kept,
# as instant navigation reads it
IGNORED = ("sw.js", "404.html", "assets/javascripts/lunr/*", "*.map")
CORE = ("index.html", "red-flags/index.html", "symptom-guide/index.html", "offline/index.html",
        "search/*", "assets/*", "manifest.webmanifest", "sitemap.xml")
HASHED_NAME = re.compile(r"\.[0-9a-f]{8}\.min\.(js|css)$")  # its name changes with its contents


@dataclass(frozen=True)
class Precache:
    """What a first visit downloads for the precache: files, bytes, and bytes gzipped; core:
    only the core pages, as the whole site was too large; too_large: files left out."""

    count: int
    size: int
    files: tuple[str, ...]
    core: bool
    too_large: tuple[str, ...] = ()

    def gzipped(self, site: Path) -> int:
        """The precache's size as a server sending gzip would send it."""
        return sum(len(gzip.compress((site / file).read_bytes(), 6)) for file in self.files)


def write_service_worker(site: Path, core_only_above: int = CORE_ONLY_ABOVE) -> Precache:
    """Write site/sw.js, precaching the site (or its core, above core_only_above bytes)."""
    sizes = {path: path.stat().st_size for path in sorted(site.rglob("*"))
             if path.is_file() and _precached(path.relative_to(site).as_posix())}
    too_large = tuple(_url(path, site) for path, size in sizes.items() if size > TOO_LARGE)
    files = {_url(path, site): path for path, size in sizes.items() if size <= TOO_LARGE}
    core = sum(sizes[path] for path in files.values()) > core_only_above
    if core:
        files = {url: path for url, path in files.items()
                 if any(fnmatch(url, pattern) for pattern in CORE)}
    entries = ",".join(f"{{url:{json.dumps(url)},revision:{_revision(url, path)}}}"
                       for url, path in files.items())
    worker = WORKERS[core].read_text(encoding="utf-8").replace(STAND_IN, f"[{entries}]")
    (site / "sw.js").write_text(worker, encoding="utf-8")
    return Precache(len(files), sum(sizes[path] for path in files.values()), tuple(files), core,
                    too_large)


def _precached(url: str) -> bool:
    return url.endswith(PRECACHED_TYPES) and not any(fnmatch(url, pattern) for pattern in IGNORED)


def _url(path: Path, site: Path) -> str:
    return path.relative_to(site).as_posix()


def _revision(url: str, path: Path) -> str:
    if HASHED_NAME.search(url):
        return "null"
    return json.dumps(hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest())
