"""The Content-Security-Policy: on every page, and every page type works under it, hosted and
from the offline bundle, with no violation reported."""
import pytest

from search_in_browser import ranked_pages
from site_html import read_site

PAGE_TYPES = ["index.html", "causes/diabetes/index.html", "locations/thigh/index.html",
              "situations/at-night/index.html", "red-flags/index.html", "glossary/index.html",
              "symptom-guide/index.html", "symptom-guide/page-2/index.html", "about/index.html",
              "treatment/index.html", "404.html"]
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def test_every_page_carries_the_policy_first_in_its_head(built_site):
    for path in read_site(built_site):
        head = path.read_text().split("<head>", 1)[1].lstrip()
        assert head.startswith('<meta http-equiv="Content-Security-Policy" content="default-src '
                               "'none'; script-src 'self' 'sha256-"), path
        assert "unsafe-inline" not in head.split(">", 1)[0]


def test_the_bundle_allows_inline_scripts_only_by_hash(unzipped_bundle):
    for path in read_site(unzipped_bundle):
        head = path.read_text().split("<head>", 1)[1].lstrip()
        assert head.startswith('<meta http-equiv="Content-Security-Policy" content="default-src '
                               "'none'; script-src 'self' 'sha256-"), path
        assert "unsafe-inline" not in head.split(">", 1)[0]


def _violations(page, url, errors):
    page.on("console", lambda message: errors.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.goto(url)
    page.wait_for_load_state("load")
    return page.evaluate("window.__violations")


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_hosted_page_works_without_violations(page, site_url, path):
    page.add_init_script(RECORD_VIOLATIONS)
    errors = []
    assert _violations(page, site_url + path.removesuffix("index.html"), errors) == []
    assert page.locator("#red-flag-banner").is_visible()
    if path == "index.html":
        assert "causes/disc-hernia/" in ranked_pages(page, "slipped disc", site_url)[:3]
    if path == "symptom-guide/index.html":  # its tree, a script of the site's own, has run
        page.locator("#symptom-guide h2").wait_for()
    assert page.evaluate("window.__violations") == [] and errors == []


def test_bundle_pages_work_without_violations(page, unzipped_bundle):
    page.add_init_script(RECORD_VIOLATIONS)
    errors = []
    for path in ["index.html", "causes/diabetes.html", "symptom-guide.html",
                 "symptom-guide/page-2.html"]:
        assert _violations(page, (unzipped_bundle / path).as_uri(), errors) == [], path
        if path == "symptom-guide.html":  # its tree, a script of the bundle's own, has run
            page.locator("#symptom-guide h2").wait_for()
    root = unzipped_bundle.as_uri() + "/"
    page.goto(root + "index.html")
    assert "causes/disc-hernia.html" in ranked_pages(page, "slipped disc", root)[:3]
    assert page.evaluate("window.__violations") == [] and errors == []
