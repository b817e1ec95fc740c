"""Search understands worried readers: lay queries written before any tuning by people who saw
neither the search code nor the team's queries (search_in_browser.LAY_QUERIES).

The queries are split by a fixed rule (search_in_browser.half) into a tuning half and a held-out
half; the targets below hold on the held-out half, run through the theme's own search box in
Chromium, on the hosted site and in the offline bundle. Every query is also asked of our search
worker and of the theme's own straight from the page (the tuning half's figures, and the stock
theme's, without typing each query)."""
import pytest

from conftest import ROOT
from generator.build.phases import check_project
from generator.build.project import Project
from generator.render.urls import all_doc_paths, page_url
from search_in_browser import (KINDS, LAY_QUERIES, RUN_WORKER, half, measure, rank_of,
                               ranked_pages)

# The targets of issue 13 for the held-out half are recall@3 97% and recall@1 80%. The held-out
# half is that of the second, third and fourth query sets, never tuned on. Measured:
# - second set: recall@3 85.8% and recall@1 75.2% before any change for it, 90.3% and 81.4% after;
# - third set, before any change for it: 90.3% and 83.2%;
# - both, after the work of the session that wrote the third set: 96.5% and 88.5% (each set
#   96.5% at 3); then 96.0% and 88.9% once the symptom guide's results 7 to 27 went to its page 2,
#   which search leaves out.
# - fourth set (written 2026-12-01, a later session), before any change for it: 94.4% and 84.3%;
# - the second and third, after that session's work: 96.9% and 88.5%; the fourth: 96.3% and
#   86.1%; all three (334 queries): 96.7% and 87.7%.
# - the next session (words of how often left out; thesaurus phrases of any length): 97.0% (324)
#   and 87.7%: the target of 97% at 3 is the floor.
# The test fails below what is reached.
HELD_OUT_RECALL_AT_3 = 0.97
HELD_OUT_RECALL_AT_1 = 0.87
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


def held_out_only(run):
    """The held-out half through a site's search box (None for the tuning half, not run)."""
    return [run(case) if half(case) == "held-out" else None for case in LAY_QUERIES]


@pytest.fixture(scope="module")
def hosted_ranks(tab, site_url, paths):
    """The held-out half through the hosted site's search box."""
    tab.goto(site_url)
    return held_out_only(lambda case: rank_of(ranked_pages(tab, case["query"], site_url),
                                              expected(case, paths)))


@pytest.fixture(scope="module")
def offline_ranks(tab, unzipped_bundle, paths):
    """The held-out half through the offline bundle's search box."""
    root = unzipped_bundle.as_uri() + "/"
    tab.goto(root + "index.html")
    return held_out_only(lambda case: rank_of(ranked_pages(tab, case["query"], root),
                                              expected(case, paths, False)))


def worker_ranks(tab, site_url, built_site, paths, worker: str) -> list:
    """Every query asked of a search worker in the page, given the site's index, as the search
    box asks it (quicker than typing each one)."""
    tab.goto(site_url)
    [script] = (built_site / "assets/javascripts/workers").glob(worker)
    run = tab.evaluate(RUN_WORKER, {"worker": f"assets/javascripts/workers/{script.name}",
                                    "queries": [case["query"] for case in LAY_QUERIES],
                                    "locations": True})
    ranked = [list(dict.fromkeys(location.split("#")[0] for location in locations))
              for locations in run["results"]]
    return [rank_of(pages, expected(case, paths)) for pages, case in zip(ranked, LAY_QUERIES)]


@pytest.fixture(scope="module")
def our_worker_ranks(tab, site_url, built_site, paths):
    """Our search worker (the tuning half's figures; the held-out half's match the box's)."""
    return worker_ranks(tab, site_url, built_site, paths, "search-prebuilt.*.js")


@pytest.fixture(scope="module")
def stock_ranks(tab, site_url, built_site, paths):
    """The theme's own search worker, given the same index and queries."""
    return worker_ranks(tab, site_url, built_site, paths, "search.*.min.js")


def table(runs: dict[str, tuple[list, tuple[str, ...]]]) -> str:
    """Recall at 1 and 3 and MRR, by half and by kind, for each run: name -> (ranks, halves)."""
    lines = ["| run, half, kind | queries | recall@1 | recall@3 | MRR |", "|---|---|---|---|---|"]
    for name, (ranks, halves) in runs.items():
        for part in halves:
            chosen = [(rank, case) for rank, case in zip(ranks, LAY_QUERIES) if half(case) == part]
            lines.append(measure([rank for rank, _ in chosen]).row(f"{name}, {part}"))
            for kind in KINDS:
                lines.append(measure([rank for rank, case in chosen if case["kind"] == kind])
                             .row(f"{name}, {part}, {kind}"))
    return "\n".join(lines)


def held_out(ranks: list, kind: str | None = None):
    return measure([rank for rank, case in zip(ranks, LAY_QUERIES)
                    if half(case) == "held-out" and kind in (None, case["kind"])])


def report(name: str, ranks: list) -> str:
    """A run's held-out table, for a failure message: counts only, so no one tunes on held-out
    queries."""
    return "\n" + table({name: (ranks, ("held-out",))})


def test_the_lay_queries_are_many_of_every_kind_and_point_at_real_pages(paths):
    assert len(LAY_QUERIES) >= 150
    assert {case["kind"] for case in LAY_QUERIES} == set(KINDS)
    assert {page_id for case in LAY_QUERIES for page_id in case["expect"]} <= set(paths)
    for kind in KINDS:
        assert {half(case) for case in LAY_QUERIES if case["kind"] == kind} == \
            set(HALVES)


def test_the_held_out_half_meets_the_targets_on_the_hosted_site(
        hosted_ranks, offline_ranks, our_worker_ranks, stock_ranks, capsys):
    with capsys.disabled():
        print("\n" + table({"ours hosted": (hosted_ranks, ("held-out",)),
                            "ours offline": (offline_ranks, ("held-out",)),
                            "ours, worker": (our_worker_ranks, HALVES),
                            "stock": (stock_ranks, HALVES)}))
    result = held_out(hosted_ranks)
    assert result.recall_at_3 >= HELD_OUT_RECALL_AT_3, report("ours hosted", hosted_ranks)
    assert result.recall_at_1 >= HELD_OUT_RECALL_AT_1, report("ours hosted", hosted_ranks)


def test_the_held_out_half_meets_the_targets_in_the_offline_bundle(offline_ranks):
    result = held_out(offline_ranks)
    assert result.recall_at_3 >= HELD_OUT_RECALL_AT_3, report("ours offline", offline_ranks)
    assert result.recall_at_1 >= HELD_OUT_RECALL_AT_1, report("ours offline", offline_ranks)


@pytest.mark.parametrize("kind", KINDS)
def test_no_kind_of_query_does_worse_than_the_theme_s_own_search(kind, hosted_ranks,
                                                                 stock_ranks):
    ours, stock = held_out(hosted_ranks, kind), held_out(stock_ranks, kind)
    assert ours.recall_at_3 >= stock.recall_at_3
    assert ours.recall_at_1 >= stock.recall_at_1
