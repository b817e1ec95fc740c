"""The service worker Workbox writes at build time: what it precaches, at the guide's size and for
a site too large to download at once."""
import re
import shutil

import pytest

from generator.build.service_worker import CORE_ONLY_ABOVE, write_service_worker

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
    assert {"search/search_index.json", "search/prebuilt_index.json", "assets/decision-tree.json",
            "assets/stylesheets/guide.css", "assets/javascripts/symptom-guide.js",
            "manifest.webmanifest"} <= set(precached)
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
    worker = (site / "sw.js").read_text(encoding="utf-8")
    assert "pages-read" in worker  # the cache of pages read
