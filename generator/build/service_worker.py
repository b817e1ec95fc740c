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
OFFLINE_PAGE = "offline/"  # as spelt in SCRIPT


@dataclass(frozen=True)
class Precache:
    """What a first visit downloads for the precache: files, bytes, and bytes gzipped."""

    count: int
    size: int
    files: tuple[str, ...]

    def gzipped(self, site: Path) -> int:
        """The precache's size as a server sending gzip would send it."""
        return sum(len(gzip.compress((site / file).read_bytes(), 6)) for file in self.files)


def node_modules() -> Path:
    """The node_modules folder with workbox-build: $GUIDE_NODE_MODULES, or this repository's."""
    return Path(os.environ.get(NODE_MODULES) or Path(__file__).resolve().parents[2] / "node_modules")


def write_service_worker(site: Path) -> Precache:
    """Write site/sw.js, precaching the site; raise BuildError if Workbox fails."""
    request = {"site": str(site), "node_modules": str(node_modules())}
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
    return Precache(made["count"], made["size"], tuple(made["files"]))
