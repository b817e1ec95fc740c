"""The sign registry holds on the real content: no page talks about the article, no page grades
urgency in its own words, a sign shows in its own tier's card wherever it appears, and remedy
pages give no recipes."""
import re
from pathlib import Path

import pytest

from generator.build.phases import check_project
from generator.build.project import Project
from generator.render.site import render_site
from generator.checks.safety import URGENCY_WORDS

ROOT = Path(__file__).resolve().parent.parent
PROVENANCE_FILES = {"content/topics/about.yml", "content/source.yml"}
ABOUT_THE_SOURCE = re.compile(r"the (source )?article|the source|does not (say|explain)", re.I)
AMOUNT = re.compile(r"\b\d+\s*(g|ml|grams?|millilit(re|er)s?|%|per ?cent|spoons?|glass(es)?|"
                    r"days?|weeks?)\b", re.I)
CARD = re.compile(r'<div class="care-card care-card--([\w-]+)" markdown>(.*?)</div>', re.S)


@pytest.fixture(scope="module")
def real():
    content, config, problems = check_project(Project.at(ROOT))
    assert [str(p) for p in problems if p.severity == "error"] == []
    return content, config


def test_reader_text_names_the_source_only_in_the_about_page(real):
    content, _ = real
    files = [page.path for page in content.pages
             if page.path not in PROVENANCE_FILES and any(
                 ABOUT_THE_SOURCE.search(text) for text in
                 (page.title, page.summary, *(f"{s.heading} {s.body}" for s in page.sections)))]
    assert files == []
    assert not any(ABOUT_THE_SOURCE.search(term.definition) for term in content.glossary.terms)


def test_no_page_grades_urgency_in_its_own_words(real):
    content, _ = real
    for page in content.pages:
        for section in page.sections:
            assert not URGENCY_WORDS.search(section.body), (page.path, section.heading)


def test_each_sign_appears_only_in_the_card_of_its_own_tier(real):
    content, config = real
    docs = render_site(content, config, "../overrides")
    seen = 0
    for path, text in docs.items():
        for tier, card in CARD.findall(text):
            for sign in content.registry.signs:
                if f"- {sign.text}\n" in card:
                    assert sign.tier == tier, (path, sign.id, tier)
                    seen += 1
    pages_with_help = sum(len(page.get_help) for page in content.pages)
    assert seen >= pages_with_help + len(content.registry.signs)


def test_every_emergency_sign_is_on_the_banner_or_the_red_flags_page(real):
    content, config = real
    red_flags = render_site(content, config, "../overrides")["docs/red-flags.md"]
    assert all(f"- {sign.text}\n" in red_flags for sign in content.registry.signs)


@pytest.mark.parametrize("remedy", ["folk-remedies", "ointment", "exercises"])
def test_remedy_pages_give_no_recipes_or_amounts_and_warn_about_numb_skin(real, remedy):
    page = real[0].by_id()[remedy]
    text = " ".join(f"{s.heading} {s.body}" for s in page.sections)
    assert not AMOUNT.findall(text) or remedy == "exercises"
    assert "until they crunch" not in text and "raised arms" not in text.lower()
    if remedy != "exercises":
        assert re.search(r"burn|broken skin", text, re.I) and re.search(r"clot", text, re.I)
