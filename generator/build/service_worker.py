"""The hosted site's service worker, so the guide keeps working offline after one visit: written
by Workbox's workbox-build (service_worker.mjs, run with Node) into a built site."""
import gzip
import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from generator.errors import BuildError

SCRIPT = Path(__file__).with_name("service_worker.mjs")
NODE_MODULES = "GUIDE_NODE_MODULES"  # where workbox-build is, if not in this repository
# Above this many bytes (about 3 MB gzipped for this guide's text) a first visit would download
# too much on a phone: only the core is precached, and other pages are saved as they are read.
CORE_ONLY_ABOVE = 12_000_000
OFFLINE_PAGE = "offline/"  # as spelt in SCRIPT


@dataclass(frozen=True)
class Precache:
    """What a first visit downloads for the precache: files, bytes, and bytes gzipped; core:
    only the core pages, as the whole site was too large."""

    count: int
    size: int
    files: tuple[str, ...]
    core: bool

    def gzipped(self, site: Path) -> int:
        """The precache's size as a server sending gzip would send it."""
        return sum(len(gzip.compress((site / file).read_bytes(), 6)) for file in self.files)


def node_modules() -> Path:
    """The node_modules folder with workbox-build: $GUIDE_NODE_MODULES, or this repository's."""
    return Path(os.environ.get(NODE_MODULES) or Path(__file__).resolve().parents[2] / "node_modules")


def write_service_worker(site: Path, core_only_above: int = CORE_ONLY_ABOVE) -> Precache:
    """Write site/sw.js, precaching the site (or its core, above core_only_above bytes);
    raise BuildError if Workbox fails."""
    request = {"site": str(site), "node_modules": str(node_modules()),
               "core_only_above": core_only_above}
    try:
        result = subprocess.run(["node", str(SCRIPT)], input=json.dumps(request),
                                capture_output=True, text=True, timeout=300, check=False)
    except FileNotFoundError:
        raise BuildError("the service worker needs Node.js: run make build, which installs "
                         "what it needs") from None
    if result.returncode != 0:
        raise BuildError(f"the service worker could not be written (Workbox): "
                         f"{result.stderr.strip()[-2000:]}")
    made = json.loads(result.stdout)
    return Precache(made["count"], made["size"], tuple(made["files"]), made["core"])
