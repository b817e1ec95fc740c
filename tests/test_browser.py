"""In Debian's Chromium: the banner is visible without scrolling on a phone, and no page asks
another host for anything."""
from urllib.parse import urlsplit

import pytest

PAGES = ["", "causes/diabetes/", "locations/thigh/", "red-flags/", "glossary/", "about/",
         "no-such-page/"]
PHONE = {"width": 360, "height": 640}


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_banner_is_visible_without_scrolling_and_no_other_host_is_asked(phone_page, site_url,
                                                                        path):
    requested = []
    phone_page.on("request", lambda request: requested.append(request.url))
    phone_page.goto(site_url + path)
    if path == "no-such-page/":  # python's http.server has no 404 page: load the site's own
        phone_page.goto(site_url + "404.html")
    banner = phone_page.locator("#red-flag-banner")
    assert banner.is_visible()
    box = banner.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]
    assert banner.get_attribute("role") == "region"
    assert "Call 112 now" in banner.inner_text()
    assert banner.get_by_role("link", name="Call 112 now").get_attribute("href") == "tel:112"
    assert phone_page.locator("#red-flag-banner button").count() == 0  # cannot be dismissed
    hosts = {urlsplit(url).netloc for url in requested if not url.startswith("data:")}
    assert hosts == {urlsplit(site_url).netloc}


def test_glossary_terms_show_their_meaning_on_keyboard_focus(phone_page, site_url):
    phone_page.goto(site_url + "causes/sciatica/")
    term = phone_page.locator(".md-content abbr[title]").first
    assert term.get_attribute("tabindex") == "0"
    term.focus()
    assert phone_page.evaluate("document.activeElement.tagName") == "ABBR"
