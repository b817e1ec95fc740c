"""The symptom guide in Debian's Chromium: one question at a time, state in the URL, keyboard and
screen-reader friendly, from http:// and file://, and the whole tree without JavaScript."""
import json
import math
import re
from pathlib import Path

import pytest

from conftest import served
from generator.render.symptom_guide import STEPS_PER_PAGE
from scenario_walk import PEOPLE, outcome_for

ROOT = Path(__file__).resolve().parent.parent
GUIDE = "symptom-guide/"
WIDGET = "#symptom-guide"
FIRST_QUESTION = "Do you have any of these signs of a stroke?"
SECOND_QUESTION = re.compile(r"^Is your numbness like any of these\?")
THIRD_QUESTION = "Do you also have any of these?"
SIGN_QUESTIONS = 10  # seven about emergency signs, then three about urgent ones
SLOWLY = "Slowly, over weeks or longer, or it comes and goes"
PRESSURE = "After sitting, kneeling or a tight shoe, and it went within minutes of moving"


@pytest.fixture
def guide(page, site_url):
    """The guide page, loaded over http, with its widget running."""
    page.goto(site_url + GUIDE)
    page.locator(f"{WIDGET} h2").wait_for()
    return page


def heading(page) -> str:
    return page.locator(f"{WIDGET} h2").inner_text()


def answer(page, label: str) -> None:
    page.locator(f"{WIDGET} .symptom-guide__answers").get_by_role(
        "button", name=label, exact=True).click()


def test_the_widget_replaces_the_no_javascript_list(guide):
    assert guide.locator(WIDGET).is_visible()
    assert guide.locator("#symptom-guide-fallback").is_hidden()
    assert heading(guide) == FIRST_QUESTION
    assert guide.locator(f"{WIDGET} .symptom-guide__step").inner_text() == "Question 1"
    assert "does not diagnose" in guide.locator(".symptom-guide-disclaimer").inner_text()


def test_yes_to_the_first_danger_question_says_call_the_number_now(guide):
    answer(guide, "Yes")
    card = guide.locator(f"{WIDGET} .care-card--emergency")
    assert card.is_visible()
    assert heading(guide) == "Call 112 now"
    assert card.locator(".visually-hidden").inner_text().strip() == "Immediate action required:"
    assert guide.evaluate("location.hash") == "#answers=0"
    assert guide.locator(f"{WIDGET} .symptom-guide__signs li").count() == 0
    card.get_by_role("link", name="Warning signs").click()
    guide.wait_for_url("**/red-flags/")


def test_the_first_question_lists_its_signs_in_the_registry_words(guide):
    signs = guide.locator(f"{WIDGET} .symptom-guide__signs li").all_inner_texts()
    assert signs == ["One side of your face droops or feels numb.",
                     "Slurred speech, or trouble finding words or understanding others.",
                     "Sudden weakness, or you cannot move part of your body.",
                     "Sudden loss of sight, or seeing double."]


def test_no_to_every_danger_sign_then_a_pattern_reaches_its_outcome(guide):
    for _ in range(SIGN_QUESTIONS):
        answer(guide, "No")
    assert heading(guide) == "How did the numbness start?"
    answer(guide, SLOWLY)
    for _ in range(6):  # back pain, diabetes, walking, pregnancy, medicines or alcohol, night
        answer(guide, "No")
    assert heading(guide) == "Where do you feel the numbness most?"
    answer(guide, "Toes")
    card = guide.locator(f"{WIDGET} .care-card--routine")
    assert heading(guide) == "Book an appointment about your numb toes"
    assert card.locator(".visually-hidden").inner_text().strip() == "Non-urgent advice:"
    card.get_by_role("link", name="Numb toes").click()
    guide.wait_for_url("**/locations/toes/")


def test_numbness_that_passes_on_moving_is_self_care(guide):
    for _ in range(SIGN_QUESTIONS):
        answer(guide, "No")
    answer(guide, PRESSURE)
    answer(guide, "No")  # it does not keep happening
    assert guide.locator(f"{WIDGET} .care-card--self-care").is_visible()
    assert heading(guide) == "Move about and let it pass"


def test_the_browser_back_button_and_the_back_link_step_back(guide):
    answer(guide, "No")
    answer(guide, "No")
    assert heading(guide) == THIRD_QUESTION
    guide.go_back()
    guide.locator(f"{WIDGET} h2", has_text=SECOND_QUESTION).wait_for()
    guide.go_back()
    guide.locator(f"{WIDGET} h2", has_text=FIRST_QUESTION).wait_for()
    answer(guide, "No")
    answer(guide, "Yes")
    guide.locator(f"{WIDGET} .symptom-guide__nav button", has_text="Back").click()
    guide.locator(f"{WIDGET} h2", has_text=SECOND_QUESTION).wait_for()
    guide.go_forward()  # the back link stepped back in the history, as the browser does
    guide.locator(f"{WIDGET} h2", has_text="Call 112 now").wait_for()
    guide.go_back()
    guide.locator(f"{WIDGET} h2", has_text=SECOND_QUESTION).wait_for()
    guide.locator(f"{WIDGET} .symptom-guide__nav button", has_text="Start again").click()
    assert heading(guide) == FIRST_QUESTION
    assert guide.locator(f"{WIDGET} .symptom-guide__nav").count() == 0


def test_a_bookmarked_step_is_restored(page, site_url):
    page.goto(site_url + GUIDE + "#answers=" + ".".join(["1"] * SIGN_QUESTIONS) + ".0.1")
    page.locator(f"{WIDGET} .care-card--self-care").wait_for()
    assert heading(page) == "Move about and let it pass"
    page.locator(f"{WIDGET} .symptom-guide__nav button", has_text="Back").click()
    assert heading(page) == "Does this keep happening?"  # not off the page
    page.goto(site_url + GUIDE + "#answers=1.1.9")  # no such answer: stop at the last good step
    page.locator(f"{WIDGET} h2").wait_for()
    assert heading(page) == THIRD_QUESTION


def test_focus_moves_to_each_new_question_and_changes_are_announced(guide):
    answer(guide, "No")
    focused = guide.evaluate("[document.activeElement.tagName, document.activeElement.textContent]")
    assert focused[0] == "H2" and re.match(SECOND_QUESTION, focused[1])
    live = guide.locator(f"{WIDGET} [aria-live=polite]")
    assert live.inner_text() == "Question 2: Is your numbness like any of these?"
    answer(guide, "Yes")
    assert guide.evaluate("document.activeElement.textContent") == "Call 112 now"
    assert live.inner_text() == "Emergency: Call 112 now"


def test_keyboard_only_walk_to_an_outcome(guide):
    for _ in range(80):  # from the top of the page, Tab until an answer button has focus
        guide.keyboard.press("Tab")
        if guide.evaluate("document.activeElement.closest('#symptom-guide') !== null"):
            break
    assert guide.evaluate("document.activeElement.textContent") == "Yes"
    guide.keyboard.press("Tab")
    guide.keyboard.press("Enter")  # "No" to the first question
    assert re.match(SECOND_QUESTION, guide.evaluate("document.activeElement.textContent"))
    guide.keyboard.press("Tab")
    guide.keyboard.press("Enter")  # "Yes" to the second question
    assert heading(guide) == "Call 112 now"
    guide.keyboard.press("Tab")
    assert guide.evaluate("document.activeElement.closest('.care-card a') !== null")


def test_it_runs_after_instant_navigation_and_the_back_button_redraws_it(page, hosted_url):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(hosted_url)
    page.wait_for_load_state("networkidle")  # instant navigation starts once it has the sitemap
    page.evaluate("window.loadedOnce = true")  # lost if the browser loads a page the usual way
    page.locator(".md-nav__link", has_text="Symptom guide").first.click()
    page.wait_for_url("**/symptom-guide/")
    page.locator(f"{WIDGET} h2").wait_for()
    answer(page, "No")
    answer(page, "Yes")
    assert heading(page) == "Call 112 now"
    page.go_back()
    page.locator(f"{WIDGET} h2", has_text=SECOND_QUESTION).wait_for()
    page.go_back()
    page.locator(f"{WIDGET} h2", has_text=FIRST_QUESTION).wait_for()
    page.go_back()
    page.wait_for_url(hosted_url)
    page.go_forward()
    page.locator(f"{WIDGET} h2", has_text=FIRST_QUESTION).wait_for()
    assert page.evaluate("window.loadedOnce") is True
    assert errors == []


def test_it_runs_from_file(page, built_site):
    page.goto((built_site / GUIDE / "index.html").as_uri())
    page.locator(f"{WIDGET} h2").wait_for()
    answer(page, "Yes")
    assert heading(page) == "Call 112 now"
    link = page.locator(f"{WIDGET} .care-card").get_by_role("link", name="Warning signs",
                                                            exact=True)
    assert link.get_attribute("href") == "../red-flags/"  # as the page's own links


def test_its_links_work_on_a_site_served_under_a_path(page, built_site, tmp_path):
    (tmp_path / "leg-numbness").symlink_to(built_site)
    with served(tmp_path) as url:
        page.goto(url + "leg-numbness/" + GUIDE + "#answers=" + ".".join(["1"] * SIGN_QUESTIONS))
        page.locator(f"{WIDGET} h2", has_text="How did the numbness start?").wait_for()
        answer(page, PRESSURE)
        answer(page, "No")
        card = page.locator(f"{WIDGET} .care-card--self-care")
        assert card.get_by_role("link").first.get_attribute("href").startswith("../")
        card.get_by_role("link").first.click()
        page.wait_for_url(url + "leg-numbness/**")
        assert page.locator("article h1").is_visible()


def test_it_runs_in_the_offline_bundle_with_its_html_links(page, unzipped_bundle):
    page.goto((unzipped_bundle / "symptom-guide.html").as_uri())
    page.locator(f"{WIDGET} h2").wait_for()
    answer(page, "No")
    answer(page, "Yes")
    assert heading(page) == "Call 112 now"
    link = page.locator(f"{WIDGET} .care-card").get_by_role("link", name="Warning signs")
    assert link.get_attribute("href") == "red-flags.html"
    page.go_back()
    page.locator(f"{WIDGET} h2", has_text=SECOND_QUESTION).wait_for()
    answer(page, "Yes")
    link.click()
    page.wait_for_url("**/red-flags.html")


def test_without_javascript_the_whole_tree_is_there_across_its_pages(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + GUIDE)
    assert page.locator(WIDGET).is_hidden()
    fallback = page.locator("#symptom-guide-fallback")
    assert fallback.is_visible()
    tree = json.loads(page.evaluate("fetch('../assets/decision-tree.json').then(r => r.text())"))
    questions = [n for n in tree["nodes"].values() if n["kind"] == "question"]
    outcomes = [n for n in tree["nodes"].values() if n["kind"] == "outcome"]
    assert fallback.get_by_text(FIRST_QUESTION).is_visible()
    first = fallback.locator("li", has_text="Yes: go to").first
    first.get_by_role("link").click()
    assert page.evaluate("location.hash") == "#step-call-now-stroke"
    assert fallback.locator("#step-call-now-stroke").inner_text() == "Result 1: Call 112 now"
    later = fallback.locator("li a[href*='page-2/#step-']").first  # a step on the next page
    step = later.get_attribute("href").split("#")[1]
    later.click()
    page.wait_for_url(f"**/{GUIDE}page-2/#{step}")
    assert page.locator(f"#{step}").is_visible()
    page.goto(site_url + GUIDE)
    counts = [0, 0, 0]  # questions, results, signs
    while True:
        content = page.locator("article")
        counts[0] += content.locator("h3", has_text=re.compile(r"^Question \d+$")).count()
        counts[1] += content.locator(".care-card").count()
        counts[2] += content.locator(".symptom-guide__signs li").count()
        following = page.locator("nav.pager a[rel=next]")
        if not following.count():
            break
        following.click()
        page.wait_for_load_state()
    pages = math.ceil(len(tree["nodes"]) / STEPS_PER_PAGE)
    assert pages > 1 and page.url.endswith(f"{GUIDE}page-{pages}/")
    assert counts == [len(questions), len(outcomes), sum(len(q["signs"]) for q in questions)]
    page.get_by_role("link", name="Numb toes").first.click()
    page.wait_for_url("**/locations/toes/")
    context.close()


def test_people_walk_the_widget_to_a_safe_result(guide, built_site):
    """Every person of tests/scenarios.yml, on one page: the widget reads the tree from its
    script, not from the page, whose list holds only the first steps, and people reach their
    results wherever those are listed."""
    published = json.loads((built_site / "assets" / "decision-tree.json").read_text())
    held = set(guide.locator("#symptom-guide-fallback h3[id^=step-]").evaluate_all(
        "headings => headings.map(heading => heading.id.slice(5))"))
    assert held < set(published["nodes"])
    elsewhere = []
    for person in PEOPLE:
        if guide.locator(f"{WIDGET} .symptom-guide__nav").count():
            guide.locator(f"{WIDGET} .symptom-guide__nav button", has_text="Start again").click()
        outcome, steps = outcome_for(published, set(person["facts"]))
        for question, given in steps:
            assert heading(guide) == question["text"], person["name"]
            answer(guide, given["label"])
        card = guide.locator(f"{WIDGET} .care-card--{outcome['urgency']}")
        assert card.is_visible(), person["name"]
        assert heading(guide) == outcome["title"].replace("the emergency number", "112")
        hrefs = card.locator("li a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        assert hrefs == ["../" + ("" if link == "./" else link) for link in outcome["links"]]
        elsewhere += [node_id for node_id, node in published["nodes"].items()
                      if node is outcome and node_id not in held]
    assert len(PEOPLE) >= 40 and elsewhere


def test_the_widget_is_small():
    script = ROOT / "overrides" / "assets" / "javascripts" / "symptom-guide.js"
    assert script.stat().st_size < 7 * 1024
