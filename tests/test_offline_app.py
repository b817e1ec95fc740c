"""Offline on a phone: after one visit the hosted guide keeps working without a network (a service
worker written by Workbox precaches it), installs to the home screen (a web app manifest that
Chromium finds no fault with), and gets a new version as a whole when the reader reloads."""
import json
import shutil

import pytest

from conftest import CHROMIUM, CHROMIUM_FLAGS, ROOT, run_generator, served
from search_in_browser import ranked_pages

PAGES = {"cause": "causes/sciatica/", "location": "locations/thigh/",
         "situation": "situations/at-night/", "red flags": "red-flags/", "glossary": "glossary/",
         "appointment": "appointment/", "symptom guide": "symptom-guide/",
         "symptom guide's list, page 2": "symptom-guide/page-2/"}
CONTROLLED = "() => navigator.serviceWorker.controller !== null"


@pytest.fixture(scope="module")
def installed(playwright, hosted_url, tmp_path_factory):
    """A phone's browser (a profile of its own, not incognito) that has visited the home page
    once, with the service worker in control."""
    context = playwright.chromium.launch_persistent_context(
        tmp_path_factory.mktemp("profile"), executable_path=CHROMIUM, args=CHROMIUM_FLAGS,
        viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(hosted_url)
    page.wait_for_function(CONTROLLED)
    yield context, page
    context.close()


def test_chromium_finds_the_guide_installable(installed):
    context, page = installed
    session = context.new_cdp_session(page)
    assert session.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
    manifest = session.send("Page.getAppManifest")
    assert manifest["errors"] == []
    fields = json.loads(manifest["data"])
    assert fields["display"] == "standalone" and fields["start_url"] == fields["scope"] == "./"
    assert {icon["purpose"] for icon in fields["icons"]} == {"any", "maskable"}


def test_every_kind_of_page_works_offline_after_one_visit(installed, hosted_url):
    context, page = installed
    context.set_offline(True)
    try:
        for kind, path in PAGES.items():
            page.goto(hosted_url + path)
            assert page.locator("article h1").first.is_visible(), kind
            assert page.locator("#red-flag-banner a[href^='tel:']").is_visible(), kind
        page.goto(hosted_url + PAGES["symptom guide"])
        page.locator("#symptom-guide .symptom-guide__answers button", has_text="No").first.click()
        assert "Question 2" in page.locator("#symptom-guide").inner_text()
        assert ranked_pages(page, "sciatica", hosted_url)[0] == "causes/sciatica/"
    finally:
        context.set_offline(False)


def test_an_address_not_saved_shows_the_offline_page(installed, hosted_url):
    context, page = installed
    context.set_offline(True)
    try:
        page.goto(hosted_url + "causes/no-such-page/")
        assert page.url == hosted_url + "offline/"
        assert page.locator("article h1").inner_text() == "You are offline"
        card = page.locator("article .care-card--emergency")
        assert card.locator("a[href^='tel:']").is_visible()
        for name in ("All the warning signs", "Symptom guide: check your symptoms"):
            page.locator("article a", has_text=name).click()
            assert page.locator("article h1").is_visible()
            page.go_back()
    finally:
        context.set_offline(False)


def test_nothing_from_another_host_is_cached(installed, hosted_url):
    _, page = installed
    urls = page.evaluate("""async () => {
        const urls = []
        for (const name of await caches.keys())
          for (const request of await (await caches.open(name)).keys())
            urls.push(request.url)
        return urls }""")
    assert len(urls) > 80
    assert all(url.startswith(hosted_url) for url in urls)


def test_a_new_version_reaches_a_returning_reader_whole(playwright, tmp_path):
    """Build, visit, rebuild with a new title: the reader is told, reloads, and every page is
    the new version; the old precache entries are gone."""
    root = tmp_path / "guide"
    for name in ("content", "overrides"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "site_config.yml", root)
    assert run_generator("build", "--root", str(root)).returncode == 0
    context = playwright.chromium.launch_persistent_context(
        tmp_path / "profile", executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
    with served(root / "site") as url:
        page = context.new_page()
        page.goto(url + "causes/sciatica/")
        page.wait_for_function(CONTROLLED)
        file = root / "content/causes/sciatica.yml"
        file.write_text(file.read_text().replace("title: Sciatica", "title: Sciatica (updated)"))
        assert run_generator("build", "--root", str(root)).returncode == 0
        page.reload()
        notice = page.locator("#guide-updated")
        notice.wait_for()
        assert page.locator("article h1").inner_text() == "Sciatica"  # still the old version
        notice.locator("button", has_text="Reload").click()
        page.wait_for_function("() => document.querySelector('article h1')"
                               ".textContent.includes('updated')")
        context.set_offline(True)
        page.goto(url + "causes/")
        assert page.locator("article", has_text="Sciatica (updated)").count() == 1
        cached = page.evaluate("""async () => {
            const texts = []
            for (const name of await caches.keys())
              for (const request of await (await caches.open(name)).keys())
                if (request.url.includes("causes/sciatica/"))
                  texts.push(await (await (await caches.open(name)).match(request)).text())
            return texts }""")
        assert len(cached) == 1 and "Sciatica (updated)" in cached[0]
    context.close()


def test_the_offline_bundle_has_no_service_worker(unzipped_bundle):
    assert not (unzipped_bundle / "sw.js").exists()
    assert not (unzipped_bundle / "offline").exists()
    home = (unzipped_bundle / "index.html").read_text(encoding="utf-8")
    assert "service-worker.js" not in home and 'rel="manifest"' not in home
