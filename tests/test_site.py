"""The real site, built once: links and anchors resolve, every page is reachable, the banner is
on every page, every section of the article is covered, and links show both ways."""
from collections import deque
from urllib.parse import urlsplit

import pytest
import yaml

from generator.build.phases import check_project
from generator.build.project import Project
from conftest import ROOT
from site_html import read_site, resolve


@pytest.fixture(scope="session")
def site_pages(built_site):
    return read_site(built_site)


@pytest.fixture(scope="session")
def content():
    loaded, _, problems = check_project(Project.at(ROOT))
    assert problems == []
    return loaded


@pytest.fixture(scope="session")
def base_path():
    site_url = yaml.safe_load((ROOT / "site_config.yml").read_text())["site_url"]
    return urlsplit(site_url).path


def test_every_internal_link_and_anchor_resolves(built_site, site_pages, base_path):
    broken = []
    for path, page in site_pages.items():
        for tag, attribute, value in page.links:
            if value.startswith(("mailto:", "tel:", "data:")):
                continue
            target, fragment = resolve(path, value, built_site, base_path)
            if target is None:
                continue
            if not target.exists():
                broken.append(f"{path.relative_to(built_site)}: {value}")
            elif fragment and target.suffix == ".html" and \
                    fragment not in site_pages[target].ids:
                broken.append(f"{path.relative_to(built_site)}: {value} (no such anchor)")
    assert broken == []


def test_no_page_or_script_is_loaded_from_another_host(site_pages):
    external = [(path.name, value) for path, page in site_pages.items()
                for tag, attribute, value in page.links
                if tag not in ("a", "link[canonical]")
                and value.startswith(("http:", "https:", "//"))]
    assert external == []


def test_every_page_is_reachable_from_the_home_page(built_site, site_pages):
    home = built_site / "index.html"
    seen, queue = {home}, deque([home])
    while queue:
        current = queue.popleft()
        for tag, attribute, value in site_pages[current].links:
            if tag != "a":
                continue
            target, _ = resolve(current, value, built_site)
            if target in site_pages and target not in seen:
                seen.add(target)
                queue.append(target)
    unreachable = sorted(str(p.relative_to(built_site)) for p in site_pages
                         if p not in seen and p.name != "404.html")
    assert unreachable == ["offline/index.html"]  # shown by the service worker, not linked


def test_the_banner_is_on_every_page_with_the_number_and_a_link(built_site, site_pages):
    config = yaml.safe_load((ROOT / "site_config.yml").read_text())
    assert built_site / "404.html" in site_pages
    for path, page in site_pages.items():
        assert "red-flag-banner" in page.ids, path
        assert f"Call {config['emergency_number']} now" in page.text, path
        assert any(value.endswith(("red-flags/", "red-flags/index.html"))
                   for tag, attribute, value in page.links), path


def test_every_section_of_the_article_is_covered_by_a_built_page(built_site, content):
    sections = [line.split("\t")[0] for line in
                (ROOT / "tests/fixtures/sections.tsv").read_text().splitlines()[1:]]
    assert [section.id for section in content.source.sections] == sections
    from generator.render.urls import doc_path
    for section in content.source.sections:
        drawing = [page for page in content.pages if section.id in {r.id for r in page.sources}]
        if section.no_text:
            assert drawing == []
            continue
        assert drawing, section.id
        for page in drawing:
            built = built_site / doc_path(page).replace("index.md", "").replace(".md", "/")
            assert (built / "index.html").exists(), (section.id, page.id)


def test_links_declared_once_appear_on_both_pages(built_site, content, site_pages):
    from generator.render.urls import doc_path

    def html_of(page):
        return built_site / doc_path(page).replace("index.md", "").replace(".md", "/") / \
            "index.html"

    by_id = content.by_id()
    checked = 0
    for page in content.pages:
        for ref in (*page.causes, *page.links):
            if ref.id not in by_id:
                continue
            for source, target in ((page, by_id[ref.id]), (by_id[ref.id], page)):
                targets = {resolve(html_of(source), value, built_site)[0]
                           for tag, _, value in site_pages[html_of(source)].links if tag == "a"}
                assert html_of(target).resolve() in targets, (source.id, target.id)
                checked += 1
    assert checked > 300


def test_page_counts_by_kind(content):
    kinds = {}
    for page in content.pages:
        kinds[page.kind] = kinds.get(page.kind, 0) + 1
    assert kinds["location"] == 8 and kinds["situation"] == 7
    assert kinds["cause"] >= 40
    assert {group for page in content.pages if page.kind == "cause" for group in [page.group]} \
        == {"spine", "nerves", "vessels", "whole-body", "lifestyle", "pregnancy", "injuries"}


def test_the_glossary_is_one_definition_list_with_a_definition_for_each_term(built_site, content):
    html = (built_site / "glossary/index.html").read_text()
    article = html[html.index("<article"):html.index("</article>")]
    terms = len(content.glossary.terms)
    assert article.count("<dt>") == terms
    assert article.count("<dd>") == terms
    assert "<dd>\n<dl>" not in article
