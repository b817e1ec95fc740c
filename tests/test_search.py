"""Search finds pages from the words lay readers use: a query set run in Chromium."""
from generator.build.phases import check_project
from generator.build.project import Project
from generator.render.urls import all_doc_paths
from conftest import ROOT
from search_in_browser import QUERIES, score

TARGET_RECALL_AT_3 = 0.95


def hosted_url(doc: str) -> str:
    return doc.removesuffix("index.md").removesuffix(".md") + ("/" if not
                                                               doc.endswith("index.md") else "")


def test_the_query_set_is_large_and_points_at_real_pages():
    content, _, _ = check_project(Project.at(ROOT))
    assert len(QUERIES) >= 40
    assert {case["expect"] for case in QUERIES} <= set(all_doc_paths(content))


def test_lay_words_find_the_right_page_on_the_hosted_site(page, site_url, capsys):
    content, _, _ = check_project(Project.at(ROOT))
    paths = all_doc_paths(content)
    page.goto(site_url)
    result = score(page, site_url, lambda page_id: hosted_url(paths[page_id]))
    with capsys.disabled():
        print(f"\nsearch (hosted): recall@3 {result.recall_at_3:.1%}, "
              f"MRR {result.mean_reciprocal_rank:.3f}, misses: {result.misses}")
    assert result.recall_at_3 >= TARGET_RECALL_AT_3, result.misses
