"""The service worker: Workbox's, kept in the repository, with its precache list filled in at
build time; what it precaches, at the guide's size and for a site too large to download at once."""
import hashlib
import re
import shutil
import subprocess

import pytest

from conftest import ROOT
from generator.build.service_worker import (CORE_ONLY_ABOVE, STAND_IN, TOO_LARGE, WORKERS,
                                            write_service_worker)

SCRIPT = ROOT / "generator/build/service_worker.mjs"

PRECACHED = re.compile(r'\{url:"([^"]+)",revision:')
CORE_PAGES = ["index.html", "offline/index.html", "red-flags/index.html",
              "symptom-guide/index.html"]


@pytest.fixture
def site(built_site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    return copy


def test_the_built_site_precaches_every_page_and_what_they_need(built_site):
    precached = PRECACHED.findall((built_site / "sw.js").read_text(encoding="utf-8"))
    pages = {path.relative_to(built_site).as_posix() for path in built_site.rglob("index.html")}
    assert pages <= set(precached)
    assert {"search/search_index.json", "search/prebuilt_index.bin", "assets/decision-tree.json",
            "assets/stylesheets/guide.css", "assets/javascripts/symptom-guide.js",
            "assets/javascripts/symptom-guide-tree.js", "manifest.webmanifest"} <= set(precached)
    assert not [url for url in precached if ":" in url or url.startswith("/")]  # this site only


def test_at_the_guide_s_size_everything_is_precached(site):
    saved = write_service_worker(site)
    assert not saved.core and saved.size < CORE_ONLY_ABOVE
    assert sum(file.endswith(".html") for file in saved.files) >= 80
    assert 0 < saved.gzipped(site) < 3_000_000


def test_a_site_too_large_precaches_its_core_and_saves_other_pages_as_read(site):
    saved = write_service_worker(site, core_only_above=1)
    assert saved.core
    assert sorted(file for file in saved.files if file.endswith(".html")) == CORE_PAGES
    assert "search/search_index.json" in saved.files
    assert "assets/javascripts/symptom-guide-tree.js" in saved.files  # the guide works offline
    worker = (site / "sw.js").read_text(encoding="utf-8")
    assert "pages-read" in worker  # the cache of pages read


def test_the_kept_service_workers_are_what_workbox_writes(tmp_path):
    """After an update of workbox-build, `make service-workers` rewrites them."""
    made = subprocess.run(["node", str(SCRIPT), str(ROOT / "node_modules"), str(tmp_path)],
                          capture_output=True, text=True, check=False)
    assert made.returncode == 0, made.stderr
    for kept in WORKERS.values():
        assert (tmp_path / kept.name).read_text(encoding="utf-8") == \
            kept.read_text(encoding="utf-8"), f"run make service-workers to rewrite {kept.name}"
        assert kept.read_text(encoding="utf-8").count(STAND_IN) == 1


def test_each_file_s_revision_is_its_contents_hash_unless_its_name_has_one(site):
    write_service_worker(site)
    worker = (site / "sw.js").read_text(encoding="utf-8")
    revisions = dict(re.findall(r'\{url:"([^"]+)",revision:("[0-9a-f]{32}"|null)\}', worker))
    assert revisions["index.html"] == \
        f'"{hashlib.md5((site / "index.html").read_bytes()).hexdigest()}"'
    hashed = [url for url in revisions if re.search(r"\.[0-9a-f]{8}\.min\.js$", url)]
    assert hashed and all(revisions[url] == "null" for url in hashed)
    assert STAND_IN not in worker


def test_a_file_too_large_to_precache_is_left_to_the_network_and_named(site):
    with open(site / "search" / "huge.json", "wb") as huge:
        huge.truncate(TOO_LARGE + 1)
    saved = write_service_worker(site)
    assert saved.too_large == ("search/huge.json",)
    assert "search/huge.json" not in saved.files
    assert "search/huge.json" not in (site / "sw.js").read_text(encoding="utf-8")
