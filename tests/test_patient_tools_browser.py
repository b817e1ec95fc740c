"""In Debian's Chromium: the body map's places are large buttons reached by keyboard, each lighting
up its place on the picture of the legs, and printing a page drops the navigation and search but
keeps the red-flag banner and the diary."""
import pytest
from playwright.sync_api import expect

REGIONS = ["groin", "thigh", "below-knee", "feet", "toes", "left-leg", "right-leg", "calves"]
LIT = "place => place.classList.contains('is-pointed')"
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective));
"""


def button(page, region_id: str):
    return page.locator(f'.body-map__list a[data-region="{region_id}"]')


def place(page, region_id: str):
    return page.locator(f'.body-map__region[data-region="{region_id}"]')


@pytest.mark.parametrize("path", ["", "locations/"])
def test_tab_reaches_every_place_in_order_and_lights_it_on_the_map(page, site_url, path):
    page.goto(site_url + path)
    assert not place(page, "thigh").evaluate(LIT)
    reached = []
    for _ in range(150):  # from the top of the page, through the header and navigation
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.getAttribute('data-region')"))
        if reached[-1] == "thigh":
            assert place(page, "thigh").evaluate(LIT)
            assert button(page, "thigh").evaluate("a => a.matches(':focus-visible')")
        if reached[-1] == REGIONS[-1]:
            break
    assert [name for name in reached if name] == REGIONS
    assert not place(page, "thigh").evaluate(LIT)  # focus moved on


def test_pointing_at_a_place_lights_it_and_the_map_holds_no_links(page, site_url):
    page.goto(site_url)
    button(page, "toes").hover()
    assert place(page, "toes").evaluate(LIT) and not place(page, "feet").evaluate(LIT)
    assert page.locator(".body-map svg a, .body-map [tabindex]").count() == 0
    assert page.locator(".body-map svg").get_attribute("aria-hidden") == "true"


def test_clicking_the_thigh_opens_the_thigh_page(page, site_url):
    page.goto(site_url)
    button(page, "thigh").click()
    page.wait_for_url("**/locations/thigh/")
    assert page.locator("h1").inner_text() == "Numb thigh"


def test_the_map_works_with_instant_navigation_without_errors(page, hosted_url):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(hosted_url + "red-flags/")
    page.wait_for_load_state("networkidle")  # instant navigation starts once it has the sitemap
    page.evaluate("window.loadedOnce = true")
    page.locator(".md-nav__link", has_text="Home").first.click()  # to the map, instantly
    page.wait_for_url(hosted_url)
    assert page.evaluate("window.loadedOnce") is True
    button(page, "thigh").click()
    page.wait_for_url("**/locations/thigh/")
    # The address changes as the page is fetched; its content follows
    expect(page.locator("h1")).to_have_text("Numb thigh")
    assert errors == []


def test_clicking_the_groin_opens_the_serious_signs(page, site_url):
    page.goto(site_url + "locations/")
    button(page, "groin").click()
    page.wait_for_url("**/red-flags/")


def test_clicking_the_thigh_in_the_offline_bundle(page, unzipped_bundle):
    page.goto((unzipped_bundle / "index.html").as_uri())
    button(page, "thigh").click()
    page.wait_for_url("**/locations/thigh.html")


@pytest.mark.parametrize("path", ["", "locations/", "appointment/", "symptom-guide/", "about/"])
def test_the_new_parts_break_no_content_security_rule(page, site_url, path):
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(site_url + path)
    page.wait_for_load_state("load")
    if path == "about/":
        page.locator(".tree-diagram summary").click()
        page.locator(".tree-diagram img").wait_for()
        assert page.locator(".tree-diagram img").evaluate("img => img.naturalWidth") > 1000
    assert page.evaluate("window.__violations") == []


def test_printing_hides_the_navigation_and_search_and_keeps_the_banner(page, site_url):
    page.goto(site_url + "appointment/")
    assert page.locator(".md-header").is_visible()
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-search", ".md-sidebar--primary", ".md-sidebar--secondary",
                   ".md-footer"):
        assert page.locator(chrome).first.is_hidden(), chrome
    assert page.locator("#red-flag-banner").is_visible()
    diary = page.locator(".symptom-diary table")
    assert diary.is_visible() and diary.locator("tbody tr").count() == 8
    cell = diary.locator("tbody td").first
    assert cell.evaluate("td => getComputedStyle(td).borderTopStyle") == "solid"
    assert diary.locator("tr").first.evaluate("tr => getComputedStyle(tr).breakInside") == \
        "avoid"
    link = page.locator(".md-content a", has_text="how doctors find the cause")
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert "diagnosis/" in after
