"""Run queries through the theme's own search box in Chromium and score the results."""
from dataclasses import dataclass
from pathlib import Path

import yaml

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text())
SETTLE_MS = 300  # the theme renders results after its search worker answers


def ranked_pages(page, query: str, site_root: str) -> list[str]:
    """Type the query into the search box; return the result pages' paths, best first."""
    box = page.locator(".md-search__input")
    if not box.is_visible():
        page.locator("label.md-search__icon, .md-header__button[for=__search]").first.click()
    box.fill("")
    box.press("End")  # the theme reads the query on key events
    page.wait_for_function(
        "() => document.querySelector('.md-search-result__meta').textContent.includes('Type')")
    box.fill(query)
    box.press("End")
    page.wait_for_function(
        "() => !document.querySelector('.md-search-result__meta').textContent.includes('Type')")
    page.wait_for_timeout(SETTLE_MS)
    hrefs = page.eval_on_selector_all(
        ".md-search-result__list > .md-search-result__item > a.md-search-result__link",
        "links => links.map(link => link.href)")
    paths = []
    for href in hrefs:
        path = href.removeprefix(site_root).split("#")[0].split("?")[0]
        if path not in paths:
            paths.append(path)
    return paths


@dataclass
class Score:
    recall_at_3: float
    mean_reciprocal_rank: float
    misses: list


def score(page, site_root: str, url_of) -> Score:
    """Run every query of the set; url_of maps a page id to its path below site_root."""
    hits, reciprocal, misses = 0, 0.0, []
    for case in QUERIES:
        ranked = ranked_pages(page, case["query"], site_root)
        expected = url_of(case["expect"])
        rank = ranked.index(expected) + 1 if expected in ranked else None
        hits += bool(rank and rank <= 3)
        reciprocal += 1 / rank if rank else 0
        if not rank or rank > 3:
            misses.append(f"{case['query']!r}: expected {expected}, got {ranked[:3]}")
    return Score(hits / len(QUERIES), reciprocal / len(QUERIES), misses)
