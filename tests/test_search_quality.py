"""Search understands worried readers: lay queries written before any tuning by people who saw
neither the search code nor the team's queries (search_in_browser.LAY_QUERIES), run through the
theme's own search box in Chromium, on the hosted site and in the offline bundle, against the
theme's own search.

The queries are split by a fixed rule (search_in_browser.half) into a tuning half and a held-out
half; the targets below hold on the held-out half."""
import pytest

from conftest import ROOT
from generator.build.phases import check_project
from generator.build.project import Project
from generator.render.urls import all_doc_paths, page_url
from search_in_browser import (KINDS, LAY_QUERIES, RUN_WORKER, half, measure, rank_of,
                               ranked_pages)

# The targets of issue 13 for the held-out half are recall@3 97% and recall@1 80%. On the held-out
# half of the second query set, never tuned on, measured on 2026-12-01 before any change for it:
# recall@3 85.8%, recall@1 75.2%. The test fails below what is reached (and below the targets
# once they are reached).
HELD_OUT_RECALL_AT_3 = 0.85
HELD_OUT_RECALL_AT_1 = 0.75
HALVES = ("tuning", "held-out")


@pytest.fixture(scope="module")
def paths():
    content, _, _ = check_project(Project.at(ROOT))
    return all_doc_paths(content)


def expected(case, paths, directory_urls=True) -> list[str]:
    """The URL paths (below the site root) of the pages that answer a query."""
    return [page_url(paths[page_id], directory_urls).removeprefix("./")
            for page_id in case["expect"]]


@pytest.fixture(scope="module")
def tab(browser):
    context = browser.new_context()
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def hosted_ranks(tab, site_url, paths):
    tab.goto(site_url)
    return [rank_of(ranked_pages(tab, case["query"], site_url), expected(case, paths))
            for case in LAY_QUERIES]


@pytest.fixture(scope="module")
def offline_ranks(tab, unzipped_bundle, paths):
    """The held-out half in the offline bundle (None for the tuning half, not run there)."""
    root = unzipped_bundle.as_uri() + "/"
    tab.goto(root + "index.html")
    return [rank_of(ranked_pages(tab, case["query"], root), expected(case, paths, False))
            if half(case) == "held-out" else None for case in LAY_QUERIES]


@pytest.fixture(scope="module")
def stock_ranks(tab, site_url, built_site, paths):
    """The theme's own search worker, given the same index and queries."""
    tab.goto(site_url)
    [stock] = (built_site / "assets/javascripts/workers").glob("search.*.min.js")
    run = tab.evaluate(RUN_WORKER, {"worker": f"assets/javascripts/workers/{stock.name}",
                                    "queries": [case["query"] for case in LAY_QUERIES]})
    ranked = [list(dict.fromkeys(group[0]["location"].split("#")[0] for group in result["items"]))
              for result in run["results"]]
    return [rank_of(pages, expected(case, paths)) for pages, case in zip(ranked, LAY_QUERIES)]


def table(runs: dict[str, list]) -> str:
    """Recall at 1 and 3 and MRR, by half and by kind, for each run."""
    lines = ["| run, half, kind | queries | recall@1 | recall@3 | MRR |", "|---|---|---|---|---|"]
    for name, ranks in runs.items():
        for part in HALVES if "offline" not in name else ("held-out",):
            chosen = [rank for rank, case in zip(ranks, LAY_QUERIES) if half(case) == part]
            lines.append(measure(chosen).row(f"{name}, {part}"))
            for kind in KINDS:
                lines.append(measure([rank for rank, case in zip(ranks, LAY_QUERIES)
                                      if half(case) == part and case["kind"] == kind])
                             .row(f"{name}, {part}, {kind}"))
    return "\n".join(lines)


def held_out(ranks: list, kind: str | None = None):
    return measure([rank for rank, case in zip(ranks, LAY_QUERIES)
                    if half(case) == "held-out" and kind in (None, case["kind"])])


def report(runs: dict[str, list]) -> str:
    """The table, for a failure message: counts only, so no one tunes on held-out queries."""
    return "\n" + table(runs)


def test_the_lay_queries_are_many_of_every_kind_and_point_at_real_pages(paths):
    assert len(LAY_QUERIES) >= 150
    assert {case["kind"] for case in LAY_QUERIES} == set(KINDS)
    assert {page_id for case in LAY_QUERIES for page_id in case["expect"]} <= set(paths)
    for kind in KINDS:
        assert {half(case) for case in LAY_QUERIES if case["kind"] == kind} == \
            set(HALVES)


def test_the_held_out_half_meets_the_targets_on_the_hosted_site(hosted_ranks, offline_ranks,
                                                                stock_ranks, capsys):
    with capsys.disabled():
        print("\n" + table({"ours hosted": hosted_ranks, "ours offline": offline_ranks,
                            "stock": stock_ranks}))
    result = held_out(hosted_ranks)
    assert result.recall_at_3 >= HELD_OUT_RECALL_AT_3, report({"ours hosted": hosted_ranks})
    assert result.recall_at_1 >= HELD_OUT_RECALL_AT_1, report({"ours hosted": hosted_ranks})


def test_the_held_out_half_meets_the_targets_in_the_offline_bundle(offline_ranks):
    result = held_out(offline_ranks)
    assert result.recall_at_3 >= HELD_OUT_RECALL_AT_3, report({"ours offline": offline_ranks})
    assert result.recall_at_1 >= HELD_OUT_RECALL_AT_1, report({"ours offline": offline_ranks})


@pytest.mark.parametrize("kind", KINDS)
def test_no_kind_of_query_does_worse_than_the_theme_s_own_search(kind, hosted_ranks,
                                                                 stock_ranks):
    ours, stock = held_out(hosted_ranks, kind), held_out(stock_ranks, kind)
    assert ours.recall_at_3 >= stock.recall_at_3
    assert ours.recall_at_1 >= stock.recall_at_1
