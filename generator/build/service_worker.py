"""The hosted site's service worker, so the guide keeps working offline after one visit.

Workbox writes the worker once (service_worker.mjs, `make service-workers`) with a stand-in for
its precache list; a build fills the list in: each file the site needs, with a revision (the MD5
of its contents, as Workbox's own manifest has)."""
import gzip
import hashlib
import json
import os
import re
from dataclasses import dataclass
from fnmatch import translate
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


def _any_of(patterns: tuple[str, ...]) -> re.Pattern:
    """One pattern matching what any of these shell patterns matches (as fnmatch does)."""
    return re.compile("|".join(f"(?:{translate(pattern)})" for pattern in patterns))


_IGNORED, _CORE = _any_of(IGNORED), _any_of(CORE)


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
    sizes = {url: os.path.getsize(site / url)  # in the order of their paths' parts
             for url in sorted(_site_files(site), key=lambda url: url.split("/"))
             if _precached(url)}
    too_large = tuple(url for url, size in sizes.items() if size > TOO_LARGE)
    files = {url: site / url for url, size in sizes.items() if size <= TOO_LARGE}
    core = sum(sizes[url] for url in files) > core_only_above
    if core:
        files = {url: path for url, path in files.items() if _CORE.match(url)}
    entries = ",".join(f"{{url:{json.dumps(url)},revision:{_revision(url, path)}}}"
                       for url, path in files.items())
    worker = WORKERS[core].read_text(encoding="utf-8").replace(STAND_IN, f"[{entries}]")
    (site / "sw.js").write_text(worker, encoding="utf-8")
    return Precache(len(files), sum(sizes[url] for url in files), tuple(files), core,
                    too_large)


def _site_files(site: Path):
    """Yield the path of each file in the site, relative to it, with "/" between folders."""
    for folder, _, names in os.walk(site):
        relative = os.path.relpath(folder, site)
        for name in names:
            yield name if relative == "." else f"{relative}/{name}".replace(os.sep, "/")


def _precached(url: str) -> bool:
    return url.endswith(PRECACHED_TYPES) and not _IGNORED.match(url)


def _revision(url: str, path: Path) -> str:
    if HASHED_NAME.search(url):
        return "null"
    return json.dumps(hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest())
