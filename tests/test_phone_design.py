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


@pytest.mark.parametrize("path", ["", "locations/"])
def test_every_place_on_the_legs_is_a_target_of_at_least_44_px(phone, site_url, path):
    phone.goto(site_url + path)
    targets = phone.locator(".body-map__list a, .body-map__region")
    visible = [targets.nth(i).bounding_box() for i in range(targets.count())
               if targets.nth(i).is_visible()]
    assert len(visible) >= 8
    assert all(box["width"] >= 44 and box["height"] >= 44 for box in visible)
