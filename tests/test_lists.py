"""Long lists on numbered pages: the listings, the article's coverage and related pages stay within
the limit at 10 times the content (rendered in-process, without mkdocs), and the real guide's short
lists are as they were."""
import posixpath
import re

import pytest
import yaml
from pathspec.gitignore import GitIgnoreSpec

from conftest import ROOT
from generator import model
from generator.build.phases import check_project
from generator.build.project import Project
from generator.render import lists, urls
from generator.render.mkdocs_config import left_out_of_navigation, not_in_nav
from generator.render.site import render_site

LINK = re.compile(r"\]\(([^)#\s]+)(#[^)\s]*)?\)")
PAGER = re.compile(r'<nav class="pager" aria-label="[^"]+" markdown>(.*?)</nav>', re.S)
ENTRY = re.compile(r"^- \[.*?\]\(([^)]+)\)(?::|$)", re.M)  # not the body map's "){: ..."
LISTINGS = {"causes/index.md": "cause", "locations/index.md": "location",
            "situations/index.md": "situation", urls.COVERAGE_PATH: None}
GUIDE = urls.GENERATED_PATHS["symptom-guide"]


@pytest.fixture(scope="module")
def grown(grown_root):
    """The 10x synthetic set, loaded and rendered: (content, files)."""
    content, config, problems = check_project(Project.at(grown_root))
    assert problems == []
    return content, render_site(content, config, "../overrides")


@pytest.fixture(scope="module")
def real():
    content, config, problems = check_project(Project.at(ROOT))
    assert problems == []
    return content, render_site(content, config, "../overrides")


def list_pages(files: dict[str, str], first: str) -> list[str]:
    """The docs of a list's pages, in order: first, then page-2.md, ... as long as they exist."""
    docs = [first]
    while f"docs/{urls.list_page_doc(first, len(docs) + 1)}" in files:
        docs.append(urls.list_page_doc(first, len(docs) + 1))
    return docs


def entries(text: str, doc: str) -> list[str]:
    """The docs that the entries (bullet points) of a list page's Markdown link to."""
    return [posixpath.normpath(posixpath.join(posixpath.dirname(doc), target))
            for target in ENTRY.findall(PAGER.sub("", text))]


def pager_targets(files: dict[str, str], doc: str) -> list[str]:
    [pager] = PAGER.findall(files[f"docs/{doc}"])
    return [posixpath.normpath(posixpath.join(posixpath.dirname(doc), target))
            for target, _ in LINK.findall(pager)]


def test_a_list_is_split_in_order_with_each_entry_on_one_page():
    parts = lists.split(list(range(2 * lists.LIST_LIMIT + 1)), "causes/index.md")
    assert [part.doc for part in parts] == ["causes/index.md", "causes/page-2.md",
                                            "causes/page-3.md"]
    assert [entry for part in parts for entry in part.entries] == \
        list(range(2 * lists.LIST_LIMIT + 1))
    assert [len(part.entries) for part in parts] == [lists.LIST_LIMIT, lists.LIST_LIMIT, 1]
    assert [part.position for part in parts] == [" (page 1 of 3)", " (page 2 of 3)",
                                                 " (page 3 of 3)"]
    [alone] = lists.split([1, 2], "locations/index.md")
    assert alone.docs == ("locations/index.md",) and alone.position == ""


def test_a_list_may_keep_to_a_smaller_limit_and_a_first_page_no_index_keeps_the_others_under_it():
    parts = lists.split(list(range(7)), "symptom-guide.md", limit=3)
    assert [part.doc for part in parts] == ["symptom-guide.md", "symptom-guide/page-2.md",
                                            "symptom-guide/page-3.md"]
    assert [part.entries for part in parts] == [(0, 1, 2), (3, 4, 5), (6,)]


def test_no_page_of_content_can_take_a_list_pages_name():
    name = posixpath.basename(urls.list_page_doc("causes/index.md", 12)).removesuffix(".md")
    assert model.LIST_PAGE_ID.fullmatch(name)


@pytest.mark.parametrize("number, count, shown", [
    (1, 1, [1]), (1, 3, [1, 2, 3]), (1, 8, [1, 2, None, 8]), (4, 8, [1, 2, 3, 4, 5, None, 8]),
    (5, 9, [1, None, 4, 5, 6, None, 9]), (8, 8, [1, None, 7, 8]), (2, 4, [1, 2, 3, 4])])
def test_the_pager_links_the_ends_and_the_pages_near_this_one(number, count, shown):
    docs = tuple(urls.list_page_doc("causes/index.md", n) for n in range(1, count + 1))
    assert lists.ListPage(number, docs, ()).pager() == shown


def test_runs_keep_the_order_and_repeat_a_key_that_comes_back():
    pages = [model.Page("cause", i, "", 1, i, "", (), (), (), group=group)
             for i, group in [("a", "spine"), ("b", "spine"), ("c", "nerves"), ("d", "spine")]]
    assert [(key, [p.id for p in run]) for key, run in lists.runs(pages, "group")] == \
        [("spine", ["a", "b"]), ("nerves", ["c"]), ("spine", ["d"])]


@pytest.mark.parametrize("first", LISTINGS)
def test_every_entry_of_a_long_list_is_on_exactly_one_of_its_pages(grown, first):
    content, files = grown
    docs = list_pages(files, first)
    on_pages = [entries(files[f"docs/{doc}"].split("\n---\n", 1)[1], doc) for doc in docs]
    assert len(docs) > 1 and all(0 < len(shown) <= lists.LIST_LIMIT for shown in on_pages)
    linked = sorted(target for shown in on_pages for target in shown)
    if LISTINGS[first]:
        assert linked == sorted(urls.doc_path(page) for page in content.pages
                                if page.kind == LISTINGS[first])


def test_every_page_is_listed_once_under_each_section_it_draws_on(grown):
    content, files = grown
    listed = []
    for doc in list_pages(files, urls.COVERAGE_PATH):
        for section in files[f"docs/{doc}"].split("\n## ")[1:]:
            section_id = re.match(r".*{: #section-([\w-]+) }", section).group(1)
            listed += [(section_id, target) for target in entries(section, doc)]
    expected = [(section.id, urls.doc_path(page))
                for section in content.source.sections for page in content.pages
                if section.id in {ref.id for ref in page.sources}]
    assert sorted(listed) == sorted(expected)


@pytest.mark.parametrize("first", [*LISTINGS, GUIDE])
def test_the_pager_links_the_next_and_previous_pages_and_pages_that_exist(grown, first):
    _, files = grown
    docs = list_pages(files, first)
    for number, doc in enumerate(docs):
        targets = pager_targets(files, doc)
        assert all(f"docs/{target}" in files for target in targets), doc
        assert docs[0] in targets and docs[-1] in targets and doc in targets
        if number > 0:
            assert targets[0] == docs[number - 1]  # Previous page, first
        if number < len(docs) - 1:
            assert targets[-1] == docs[number + 1]  # Next page, last
        assert files[f"docs/{doc}"].count('aria-current="page"') == 1


def test_the_pages_after_the_first_are_out_of_the_menu_but_in_the_site(grown):
    content, files = grown
    spec = GitIgnoreSpec.from_lines(yaml.safe_load(files["mkdocs.yml"])["not_in_nav"].split("\n"))
    later = {doc for first in [*LISTINGS, GUIDE] for doc in list_pages(files, first)[1:]}
    unlisted = {path.removeprefix("docs/") for path in files
                if path.endswith(".md") and spec.match_file(path.removeprefix("docs/"))}
    assert later and later <= unlisted
    assert urls.COVERAGE_PATH in unlisted and "causes/index.md" not in unlisted
    # Only the pages of sections too long for the menu and the later pages of lists: the menu
    # (or the first page of a list) names every other page.
    assert unlisted == {*left_out_of_navigation(content), *later, urls.COVERAGE_PATH,
                        *urls.SERVICE_PATHS.values()}
    assert len(spec.patterns) < 60  # a wildcard a section, not a line a page (mkdocs tries each)


@pytest.mark.parametrize("left_out", [[], ["a.md"], ["b/x.md", "b/y.md", "b/z.md"],
                                      ["b/x.md", "b/y.md", "b/z.md", "b/w.md", "c/q.md"],
                                      ["gone.md", "b/x.md"]])
def test_not_in_nav_matches_exactly_the_pages_left_out(left_out):
    docs = ["index.md", "a.md", "b/index.md", "b/w.md", "b/x.md", "b/y.md", "b/z.md", "b/c/v.md",
            "c/q.md", "c/index.md"]
    spec = GitIgnoreSpec.from_lines(not_in_nav(left_out, docs))
    assert {doc for doc in [*docs, "gone.md"] if spec.match_file(doc)} == set(left_out)


def test_a_long_group_of_related_pages_shows_the_limit_and_links_to_its_listing(grown):
    content, files = grown
    linked = {page.id for page in content.pages if page.kind == "cause" and "diagnosis" in
              {ref.id for ref in (*page.links, *page.causes)}}
    linked |= {ref.id for ref in content.by_id()["diagnosis"].links
               if content.by_id()[ref.id].kind == "cause"}
    assert len(linked) > lists.LIST_LIMIT
    related = files["docs/diagnosis.md"].split("## Related pages", 1)[1]
    causes = related.split("**Possible causes**", 1)[1].split("**", 1)[0]
    assert len(ENTRY.findall(causes)) == lists.LIST_LIMIT
    assert f"These are {lists.LIST_LIMIT} of {len(linked)}: find the others on the page " \
           "[Causes](causes/index.md)." in causes


def test_the_about_page_counts_the_pages_of_each_section_and_links_to_their_list(grown, real):
    content, files = grown
    about = files["docs/about.md"]
    rows = re.findall(r"^\| (.+?) \| .+? \| \[(\d+) pages?\]\(([^)#]+)#([^)]+)\) \|$", about,
                      re.M)
    assert len(rows) == len([s for s in content.source.sections if not s.no_text])
    for heading, count, target, anchor in rows:
        assert f"## {heading} {{: #{anchor} }}" in files[f"docs/{target}"]
    listed = [entries(files[f"docs/{doc}"], doc) for doc in list_pages(files, urls.COVERAGE_PATH)]
    assert sum(int(count) for _, count, _, _ in rows) == sum(map(len, listed))
    _, real_files = real
    assert len(LINK.findall(about)) == len(LINK.findall(real_files["docs/about.md"]))  # no growth


def test_the_real_guides_listings_and_related_pages_have_no_pager(real):
    """Only the article's coverage and the symptom guide's steps (test_symptom_guide_pages.py)
    are long enough for numbered pages."""
    _, files = real
    paged = {name for name, text in files.items() if 'class="pager"' in text}
    assert paged == {f"docs/{doc}" for first in (urls.COVERAGE_PATH, GUIDE)
                     for doc in list_pages(files, first)}
    assert not any("find the others on the page" in text for text in files.values())
    assert not any(re.search(r"/page-\d+\.md$", name) and "coverage" not in name
                   and not name.startswith("docs/symptom-guide/") for name in files)
