"""Rendering: Markdown pages and the mkdocs config, as data, from a small valid tree."""
import json

import pytest
import yaml

from generator.build.phases import check_project
from generator.build.project import Project
from generator.render.mkdocs_config import GLOSSARY_EXTENSION
from generator.render.site import render_site, template_environment
from helpers import edit, minimal_tree


@pytest.fixture
def rendered(tmp_path):
    content, config, problems = check_project(Project.at(minimal_tree(tmp_path)))
    assert problems == []
    return render_site(content, config, "../overrides")


def test_every_page_and_index_is_rendered(rendered):
    assert {"docs/index.md", "docs/causes/cold-feet.md", "docs/locations/feet.md",
            "docs/treatment/index.md", "docs/red-flags.md", "docs/causes/index.md",
            "docs/locations/index.md", "docs/situations/index.md", "docs/glossary.md",
            "mkdocs.yml"} <= set(rendered)


def test_a_link_declared_once_shows_on_both_pages(rendered):
    assert "[Cold feet](../causes/cold-feet.md): Cold can make feet numb." in \
        rendered["docs/locations/feet.md"]
    assert "**Where you may feel it**\n\n- [Numb feet](../locations/feet.md)" in \
        rendered["docs/causes/cold-feet.md"]


def test_inline_links_point_at_page_files(rendered):
    assert "See [the doctor](../diagnosis.md#about-diagnosis)." in \
        rendered["docs/causes/cold-feet.md"]


def test_links_with_brackets_in_their_text_or_a_title_point_at_page_files(tmp_path):
    root = minimal_tree(tmp_path)
    edit(root, "content/causes/cold-feet.yml", "[the doctor](diagnosis#about-diagnosis)",
         '[the [nerve] doctor](diagnosis) or [tests](diagnosis "How it is found")')
    content, config, problems = check_project(Project.at(root))
    assert problems == []
    page = render_site(content, config, "../overrides")["docs/causes/cold-feet.md"]
    assert '[the [nerve] doctor](../diagnosis.md) or [tests](../diagnosis.md "How it is found")' \
        in page


def test_urgent_sections_are_care_cards_with_a_screen_reader_prefix(rendered):
    page = rendered["docs/red-flags.md"]
    assert '<div class="care-card care-card--emergency" markdown>' in page
    assert '<span class="visually-hidden">Immediate action required: </span>' \
           "Call 999 now" in page
    assert "- Numbness that came on suddenly." in page  # the registry's words


def test_sources_and_review_dates_are_shown(rendered):
    page = rendered["docs/causes/cold-feet.md"]
    assert 'sections: "Causes".' in page
    assert "**Page last reviewed:** 10 January 2025 by Dr Test" in page
    assert "**Next review due:** 10 January 2027" in page
    assert "**Page last reviewed:** 29 February 2024" in rendered["docs/locations/feet.md"]
    assert "**Next review due:** 28 February 2026" in rendered["docs/locations/feet.md"]


def test_about_page_has_the_coverage_table_and_the_coverage_lists_the_pages(rendered):
    about = rendered["docs/about.md"]
    assert "| Causes | 3-4 | [2 pages](about/coverage/index.md#section-causes) |" in about
    assert "| Who to ask? | 5 | *No text in the article: a heading only.* |" in about
    coverage = rendered["docs/about/coverage/index.md"]
    assert "## Causes {: #section-causes }\n\nLines 3-4 of the article.\n\n" \
           "- [Cold feet](../../causes/cold-feet.md)\n- [Numb feet](../../locations/feet.md)\n" \
        in coverage
    assert "search:\n  exclude: true\n" in coverage and 'class="pager"' not in coverage


def test_mkdocs_config_has_theme_navigation_and_glossary(rendered):
    config = yaml.safe_load(rendered["mkdocs.yml"])
    assert config["theme"]["font"] is False
    assert config["theme"]["custom_dir"] == "../overrides"
    assert config["extra"] == {"generator": False, "emergency_number": "999", "emergency_tel": "999",
                               "banner_signs": "sudden numbness",
                               "red_flags_url": "red-flags/",
                               "search_words": json.dumps({"synonyms": [], "danger": [],
                                                           "danger_page": "red-flags/"}),
                               "service_worker": True}
    assert {"Causes": ["causes/index.md", {"Deficiencies, posture and lifestyle": [
        {"Cold feet": "causes/cold-feet.md"}]}]} in config["nav"]
    abbreviations = next(ext[GLOSSARY_EXTENSION] for ext in config["markdown_extensions"]
                         if isinstance(ext, dict) and GLOSSARY_EXTENSION in ext)
    assert abbreviations["glossary"] == {"nerve": "A thin thread that carries messages.",
                                         "Nerve": "A thin thread that carries messages."}


def test_front_matter_is_valid_yaml_whatever_the_title(tmp_path):
    root = minimal_tree(tmp_path)
    file = root / "content/causes/cold-feet.yml"
    file.write_text(file.read_text().replace("title: Cold feet", 'title: "Cold: feet # 1"'))
    content, config, _ = check_project(Project.at(root))
    page = render_site(content, config, "../overrides")["docs/causes/cold-feet.md"]
    assert yaml.safe_load(page.split("---")[1])["title"] == "Cold: feet # 1"


def test_relative_links_match_posixpath_between_every_pair_of_folders():
    import itertools
    import posixpath

    from generator.render import urls as pages

    docs = ["index.md", "glossary.md", "causes/index.md", "causes/diabetes.md",
            "treatment/index.md", "treatment/vitamins.md", "a/b/c.md"]
    for source, target in itertools.product(docs, repeat=2):
        expected = posixpath.relpath(target, posixpath.dirname(source) or ".")
        assert pages.relative_link(source, target) == expected


def test_a_build_renders_with_templates_it_does_not_reload_but_the_preview_does(monkeypatch):
    """Each page's get_template would otherwise look at the template's file on disk again."""
    from conftest import ROOT
    from generator.render import site

    made = []
    monkeypatch.setattr(site, "template_environment",
                        lambda reload=True: made.append(reload) or template_environment(reload))
    content, config, _ = check_project(Project.at(ROOT))
    render_site(content, config, "../overrides")
    assert made == [False]
    assert template_environment().auto_reload
    assert not template_environment(reload=False).auto_reload
