"""The offline bundle: one zip that works from file:// with search, banner and links, and asks
no other host for anything."""
import zipfile
from datetime import date
from pathlib import Path

import yaml

from conftest import ROOT
from search_in_browser import ranked_pages

CONFIG = yaml.safe_load((ROOT / "site_config.yml").read_text())


def test_the_zip_is_named_from_the_config_and_the_build_date(bundle_zip):
    assert bundle_zip.name == f"{CONFIG['bundle_name']}-{date.today().isoformat()}.zip"
    with zipfile.ZipFile(bundle_zip) as archive:
        names = archive.namelist()
    assert f"{CONFIG['bundle_name']}/index.html" in names
    assert f"{CONFIG['bundle_name']}/search/search_index.js" in names
    assert all(name.startswith(CONFIG["bundle_name"] + "/") for name in names)


def test_the_readme_says_what_it_is_how_to_open_it_and_the_dates(unzipped_bundle):
    readme = (unzipped_bundle / "README.txt").read_text()
    assert "open index.html" in readme
    assert "Built on:" in readme and "Content last reviewed:" in readme
    assert f"call {CONFIG['emergency_number']}" in readme


def test_pages_use_file_links_and_the_local_search_shim(unzipped_bundle):
    html = (unzipped_bundle / "causes/diabetes.html").read_text()
    assert 'src="../assets/javascripts/iframe-worker-shim.js"' in html
    assert "unpkg.com" not in html and "fonts.googleapis" not in html
    assert '"navigation.instant"' not in html


def _open(page, unzipped_bundle: Path, relative: str, requests: list):
    page.on("request", lambda request: requests.append(request.url))
    page.goto((unzipped_bundle / relative).as_uri())


def test_from_file_the_banner_search_and_links_work_with_no_request_elsewhere(page,
                                                                            unzipped_bundle):
    requests = []
    _open(page, unzipped_bundle, "index.html", requests)
    assert page.locator("#red-flag-banner").is_visible()
    root = unzipped_bundle.as_uri() + "/"
    assert "causes/disc-hernia.html" in ranked_pages(page, "slipped disc", root)[:3]
    page.keyboard.press("Escape")
    page.locator("#red-flag-banner a", has_text="All the warning signs").click()
    page.wait_for_load_state()
    assert page.url == root + "red-flags.html"
    assert page.locator("h1").inner_text()
    assert [url for url in requests if not url.startswith(("file:", "data:", "blob:"))] == []


def test_every_internal_link_of_the_bundle_resolves_to_a_file(unzipped_bundle, built_site):
    from site_html import read_site, resolve

    pages = read_site(unzipped_bundle)
    broken = [(path.name, value) for path, page in pages.items()
              for tag, _, value in page.links
              if (target := resolve(path, value, unzipped_bundle)[0]) is not None
              and not value.startswith("data:") and not target.is_file()]
    # all but the 404 page and the service worker's offline page
    assert len(pages) == len(list(built_site.rglob("*.html"))) - 2
    assert broken == []
