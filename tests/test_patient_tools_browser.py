"""In Debian's Chromium: the body map's regions are links reached by keyboard with a visible focus,
and printing a page drops the navigation and search but keeps the red-flag banner and the diary."""
import pytest

REGIONS = ["groin", "thigh", "below-knee", "feet", "toes", "left-leg", "right-leg", "calves"]
SHAPE_STYLE = """link => {
  const style = getComputedStyle(link.querySelector('.body-map__shape'));
  return [style.fill, style.stroke, style.strokeWidth, getComputedStyle(link).outlineStyle];
}"""
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective));
"""


def region(page, region_id: str):
    return page.locator(f'.body-map a[data-region="{region_id}"]')


@pytest.mark.parametrize("path", ["", "locations/"])
def test_tab_reaches_every_region_and_its_focus_is_visible(page, site_url, path):
    page.goto(site_url + path)
    unfocused = region(page, "thigh").evaluate(SHAPE_STYLE)
    reached = []
    for _ in range(150):  # from the top of the page, through the header and navigation
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.getAttribute('data-region')"))
        if reached[-1] == "thigh":
            assert region(page, "thigh").evaluate(SHAPE_STYLE) != unfocused
            assert region(page, "thigh").evaluate("a => a.matches(':focus-visible')")
        if reached[-1] == REGIONS[-1]:
            break
    assert [name for name in reached if name] == REGIONS


def test_each_region_has_a_name_and_the_list_after_the_map_has_the_same_links(page, site_url):
    page.goto(site_url)
    names = [region(page, name).get_attribute("aria-label") for name in REGIONS]
    assert all(names) and names[REGIONS.index("thigh")] == "Thigh"
    for name, label in zip(REGIONS, names):
        listed = page.locator(".body-map__list a", has_text=label)
        assert listed.count() == 1
        target = page.evaluate("href => new URL(href, location.href).href",
                               region(page, name).get_attribute("xlink:href"))
        assert listed.evaluate("a => a.href") == target


def test_clicking_the_thigh_opens_the_thigh_page(page, site_url):
    page.goto(site_url)
    region(page, "thigh").locator(".body-map__shape").first.click()
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
    region(page, "thigh").locator(".body-map__shape").first.click()
    page.wait_for_url("**/locations/thigh/")
    assert page.locator("h1").inner_text() == "Numb thigh"
    assert errors == []


def test_clicking_the_groin_opens_the_serious_signs(page, site_url):
    page.goto(site_url + "locations/")
    region(page, "groin").click()
    page.wait_for_url("**/red-flags/")


def test_clicking_the_thigh_in_the_offline_bundle(page, unzipped_bundle):
    page.goto((unzipped_bundle / "index.html").as_uri())
    region(page, "thigh").locator(".body-map__shape").first.click()
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
