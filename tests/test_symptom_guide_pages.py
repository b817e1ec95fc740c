"""The symptom guide's pages: the widget's script carries the published tree, and the list for
readers without JavaScript holds every step once across its numbered pages, each answer linking
to its step, every page under 60 KB of HTML: in the real guide and at 10 times the content
(built in-process, as the build runs mkdocs). The widget itself: test_symptom_guide_browser.py."""
import dataclasses
import html
import json
import re
from pathlib import Path

import pytest

from bench.measure import PAGE_LIMIT
from conftest import ROOT
from generator.build import phases
from generator.build.mkdocs_run import source_epoch
from generator.build.project import Project
from generator.model import NUMBER_PLACE
from generator.render import symptom_guide
from site_html import resolve

GUIDE = "symptom-guide"
QUESTION = re.compile(r'<h3 id="step-([\w-]+)">Question (\d+)</h3>(.*?)'
                      r'(?=<h[23] |<div class="care-card|$)', re.S)
RESULT = re.compile(r'<div class="care-card care-card--([\w-]+)">\s*<p class="care-card__label">'
                    r'.*?</p>\s*<h3 id="step-([\w-]+)">Result (\d+): (.*?)</h3>(.*?)</div>', re.S)
ANSWER = re.compile(r'<li><span>(.*?)</span>: go to <a href="([^"]+)">(?:question|result) \d+</a>')
SCRIPT = re.compile(r"\A(?://[^\n]*\n)+window\.symptomGuideTree = (.*);\n\Z", re.S)


@pytest.fixture(scope="module")
def grown_site(grown_root) -> Path:
    """The 10x synthetic set (bench/synthetic.py: its tree 281 steps) built in-process."""
    project = Project.at(grown_root)
    content, config = phases.checked(project)
    phases.write(project.build_dir, phases.render(project, content, config, project.build_dir))
    phases.run_mkdocs(project.build_dir / "mkdocs.yml", project.site_dir, source_epoch(content))
    return project.site_dir


@pytest.fixture(params=["1x", "10x"])
def site(request, built_site) -> Path:
    return built_site if request.param == "1x" else request.getfixturevalue("grown_site")


def published(site: Path) -> dict:
    return json.loads((site / symptom_guide.TREE_JSON).read_text(encoding="utf-8"))


def guide_pages(site: Path) -> list[Path]:
    """The guide's pages in order: the first, then page-2, ... as long as they exist."""
    pages = [site / GUIDE / "index.html"]
    while (later := site / GUIDE / f"page-{len(pages) + 1}" / "index.html").exists():
        pages.append(later)
    return pages


def fallback(page: Path) -> str:
    """The page's list of steps, without its pager."""
    text = page.read_text(encoding="utf-8")
    return re.split(r'<nav aria-label="[^"]*" class="pager">|</article>',
                    text.split('class="symptom-guide-fallback"', 1)[1])[0]


def steps_by_page(site: Path) -> list[tuple[Path, list[str]]]:
    """Each page and the ids of the steps it holds, in order."""
    return [(page, re.findall(r'<h3 id="step-([\w-]+)">', fallback(page)))
            for page in guide_pages(site)]


def test_the_widget_s_script_holds_the_published_tree_and_the_words_it_shows(site):
    script = (site / symptom_guide.TREE_SCRIPT).read_text(encoding="utf-8")
    tree_text = (site / symptom_guide.TREE_JSON).read_text(encoding="utf-8").strip()
    assert tree_text in script  # compiled once: the very text published
    data = json.loads(SCRIPT.match(script)[1])
    assert data["tree"] == published(site)
    for node in data["tree"]["nodes"].values():  # the JSON of DESIGN.md, with what tests read
        assert set(node) == {"question": {"kind", "danger", "text", "tier", "signs", "answers"},
                             "outcome": {"kind", "urgency", "title", "text", "links"}}[node["kind"]]
    links = {url for node in data["tree"]["nodes"].values() for url in node.get("links", ())}
    assert set(data["titles"]) == links and all(data["titles"].values())
    assert set(data["help"]) <= {node_id for node_id, node in data["tree"]["nodes"].items()
                                 if node["kind"] == "question"}
    assert data["numbered"] == {NUMBER_PLACE: "112"}


def test_only_the_first_page_loads_the_tree_and_holds_the_widget(site):
    first, *later = [page.read_text(encoding="utf-8") for page in guide_pages(site)]
    assert first.count('<script defer src="../assets/javascripts/symptom-guide-tree.js">') == 1
    assert first.index("symptom-guide-tree.js") < first.index("javascripts/symptom-guide.js")
    assert 'id="symptom-guide"' in first and 'id="symptom-guide-fallback"' in first
    assert '<h1 id="symptom-guide-title">Symptom guide</h1>' in first
    for urgency in ("emergency", "urgent"):
        assert f'<template data-urgency="{urgency}"><p class="symptom-guide__action">' in first
    for number, text in enumerate(later, 2):
        assert f"Symptom guide (page {number} of {len(later) + 1})</h1>" in text
        assert "symptom-guide-tree.js" not in text and 'id="symptom-guide"' not in text
        assert "It does not diagnose" in text
        assert '<a href="../#step-stroke-signs">question 1</a>' in text  # where to start


def test_every_step_is_on_exactly_one_page_and_the_danger_questions_on_the_first(site):
    tree = published(site)
    pages = steps_by_page(site)
    on_pages = [step for _, steps in pages for step in steps]
    assert sorted(on_pages) == sorted(tree["nodes"]) and len(set(on_pages)) == len(on_pages)
    assert all(0 < len(steps) <= symptom_guide.STEPS_PER_PAGE for _, steps in pages)
    danger = {node_id for node_id, node in tree["nodes"].items() if node.get("danger")}
    assert danger and danger <= set(pages[0][1])
    assert pages[0][1][0] == tree["start"]
    if len(tree["nodes"]) > symptom_guide.STEPS_PER_PAGE:
        assert len(pages) > 1


def test_each_answer_links_to_its_next_step_and_each_result_is_as_published(site):
    tree = published(site)
    held = {step: page for page, steps in steps_by_page(site) for step in steps}
    questions = results = 0
    for page in guide_pages(site):
        text = fallback(page)
        for step, _, body in QUESTION.findall(text):
            answers = tree["nodes"][step]["answers"]
            links = ANSWER.findall(body)
            assert [html.unescape(label) for label, _ in links] == [a["label"] for a in answers]
            for (_, href), answer in zip(links, answers):
                target, anchor = resolve(page, href, site)
                assert (target.resolve(), anchor) == (held[answer["next"]].resolve(),
                                                      f"step-{answer['next']}"), (page, href)
            questions += 1
        for urgency, step, _, _, body in RESULT.findall(text):
            node = tree["nodes"][step]
            assert urgency == node["urgency"]
            assert body.count("<li><a href=") == len(node["links"])
            assert ('class="call-button' in body) == (urgency in ("emergency", "urgent"))
            results += 1
    kinds = [node["kind"] for node in tree["nodes"].values()]
    assert (questions, results) == (kinds.count("question"), kinds.count("outcome"))


def test_every_page_of_the_guide_is_at_most_60_kb(site):
    sizes = {page.relative_to(site).as_posix(): page.stat().st_size for page in guide_pages(site)}
    assert max(sizes.values()) <= PAGE_LIMIT, sizes


def test_the_pages_after_the_first_are_left_out_of_search(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    searched = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert f"{GUIDE}/" in searched
    assert not [location for location in searched if location.startswith(f"{GUIDE}/page-")]
    [intro] = [doc["text"] for doc in index["docs"] if doc["location"] == f"{GUIDE}/"]
    assert "does not diagnose" in intro and "Call" not in intro  # not the widget's templates


def test_the_danger_questions_come_first_whatever_the_tree_s_order():
    content, _ = phases.checked(Project.at(ROOT))
    reordered = dataclasses.replace(content.tree, questions=content.tree.questions[::-1])
    steps = symptom_guide.steps(reordered)
    danger = [q for q in reordered.questions if q.danger]
    assert [step.node for step in steps[:len(danger)]] == danger
    assert [step.name for step in steps[:2]] == ["question 1", "question 2"]
    assert [step.kind for step in steps] == ["question"] * len(reordered.questions) + \
        ["outcome"] * len(reordered.outcomes)
