"""A worried reader's first minute on a 390x844 phone: tap to call, the way into the symptom guide
on the first screen, the first question's answers on the first screen, calm headings, care cards
in tier order, large targets for the places on the legs, no Next/Previous footer."""
import re

import pytest
import yaml

from conftest import ROOT

PHONE = {"width": 390, "height": 844}
SETTINGS = yaml.safe_load((ROOT / "site_config.yml").read_text(encoding="utf-8"))
EMERGENCY_TEL = "tel:" + re.sub(r"[^\d+]", "", SETTINGS["emergency_number"])
URGENT_TEL = "tel:" + re.sub(r"[^\d+]", "", SETTINGS["urgent_care"]["phone"])
RANK = {"emergency": 0, "urgent": 1, "routine": 2, "self-care": 3}
CARD = re.compile(r'<div class="care-card care-card--([\w-]+)"')
CARD_BODY = re.compile(r'<div class="care-card care-card--(emergency|urgent)"[^>]*>(.*?)</div>',
                       re.S)


@pytest.fixture(scope="module")
def pages(built_site) -> dict[str, str]:
    return {path.relative_to(built_site).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(built_site.rglob("*.html"))}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


def test_the_banner_and_every_emergency_or_urgent_card_has_a_tap_to_call_link(pages):
    cards = 0
    for path, html in pages.items():
        banner = html.split('id="red-flag-banner"', 1)[1].split("</div>", 1)[0]
        assert f'href="{EMERGENCY_TEL}"' in banner, path
        for tier, body in CARD_BODY.findall(html):
            cards += 1
            assert f'href="{EMERGENCY_TEL if tier == "emergency" else URGENT_TEL}"' in body, \
                (path, tier)
            if tier == "urgent":
                assert SETTINGS["urgent_care"]["label"] in body, path
    assert cards > 50


def test_care_cards_come_in_tier_order_on_every_page(pages):
    checked = 0
    for path, html in pages.items():
        article = html.split("<article", 1)[-1]
        tiers = [RANK[tier] for tier in CARD.findall(article)]
        assert tiers == sorted(tiers), path
        checked += bool(tiers)
    assert checked > 40


def test_no_glossary_markup_in_titles_or_headings(pages):
    for path, html in pages.items():
        assert not re.search(r"<h[12][^>]*>(?:(?!</h[12]>).)*<abbr", html, re.S), path


def test_glossary_explanations_are_only_for_words_a_lay_reader_would_not_know(pages):
    terms = yaml.safe_load((ROOT / "content/glossary.yml").read_text(encoding="utf-8"))["terms"]
    everyday = {term["term"].lower() for term in terms if term.get("everyday")}
    explained = {text.lower() for html in pages.values()
                 for text in re.findall(r"<abbr [^>]*>(.*?)</abbr>", html, re.S)}
    assert {"numbness", "tingling", "diabetes"} <= everyday
    assert not explained & everyday
    assert {"polyneuropathy", "sciatica"} <= explained
    # Each term once per page at most, so a busy page such as the left leg stays readable
    left_leg = pages["locations/left-leg/index.html"].split("<article", 1)[1]
    tooltips = re.findall(r"<abbr [^>]*>(.*?)</abbr>", left_leg, re.S)
    assert len(tooltips) == len({tooltip.lower() for tooltip in tooltips}) < 29


def test_no_previous_and_next_footer_between_unrelated_pages(pages):
    assert not any("md-footer__link" in html for html in pages.values())


def test_home_page_shows_the_guide_link_and_the_call_button_on_the_first_screen(phone, site_url):
    phone.goto(site_url)
    for selector in ("a.action-link", f'#red-flag-banner a[href="{EMERGENCY_TEL}"]'):
        box = phone.locator(selector).bounding_box()
        assert box and box["y"] + box["height"] <= PHONE["height"], selector
    assert phone.locator("a.action-link").get_attribute("href").endswith("symptom-guide/")


def test_the_symptom_guides_first_answer_is_on_the_first_screen(phone, site_url):
    phone.goto(site_url + "symptom-guide/")
    button = phone.locator("#symptom-guide .symptom-guide__answers button").first
    button.wait_for()
    box = button.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"]
    assert phone.locator(".symptom-guide-disclaimer").count() == 1


@pytest.mark.parametrize("width", [PHONE["width"], 1280])
@pytest.mark.parametrize("path", ["", "locations/"])
def test_every_place_on_the_legs_is_a_target_of_at_least_44_px(phone, site_url, path, width):
    phone.set_viewport_size({"width": width, "height": PHONE["height"]})
    phone.goto(site_url + path)
    targets = phone.locator(".body-map__list a, .body-map a, .body-map [tabindex]")
    visible = [targets.nth(i).bounding_box() for i in range(targets.count())
               if targets.nth(i).is_visible()]
    assert len(visible) >= 8
    assert all(box["width"] >= 44 and box["height"] >= 44 for box in visible)


@pytest.mark.parametrize("width", [PHONE["width"], 1280])
def test_every_link_of_a_long_lists_pager_is_a_target_of_at_least_44_px(phone, site_url, width):
    phone.set_viewport_size({"width": width, "height": PHONE["height"]})
    phone.goto(site_url + "about/coverage/page-2/")  # the article's coverage: the real long list
    pager = phone.locator("nav.pager")
    assert pager.get_attribute("aria-label")
    boxes = [link.bounding_box() for link in pager.locator("a").all()]
    assert len(boxes) >= 4  # previous, next and page numbers
    assert all(box["width"] >= 44 and box["height"] >= 44 for box in boxes)
    assert all(box["x"] >= 0 and box["x"] + box["width"] <= width for box in boxes)


def test_the_phone_menu_opens_at_its_top_with_each_entry_once(phone, site_url):
    phone.goto(site_url + "locations/left-leg/")
    phone.locator(".md-header label[for=__drawer]").click()  # where a tap lands
    phone.wait_for_timeout(400)  # the drawer slides in
    shown = phone.evaluate("""() => [...document.querySelectorAll(
        '.md-nav--primary .md-nav__title, .md-nav--primary .md-nav__link')]
      .filter(item => !item.querySelector('.md-nav__link'))  // a row holds its link
      .filter(item => { const box = item.getBoundingClientRect()
        return box.width > 0 && box.height > 0 && box.left >= 0 && box.right <= innerWidth
          && getComputedStyle(item).visibility !== 'hidden' })
      .map(item => item.textContent.trim().replace(/\\s+/g, ' ')).filter(Boolean)""")
    assert {"Symptom guide", "Causes", "Where you feel it", "Glossary"} <= set(shown), shown
    assert len(shown) == len(set(shown)), " / ".join(shown)
