"""Run queries through the theme's own search box in Chromium and score the results."""
import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).parent
QUERIES = yaml.safe_load((HERE / "search_queries.yml").read_text())
# Lay queries, each with a kind (question, fragment, misspelling, everyday) and the pages that
# answer it, in four sets, each written before the tuning that followed it by someone who saw
# neither the search code nor the thesaurus nor the sets before: the first (lay_queries.yml) was
# tuned on; the second (lay_queries_unseen.yml), third (lay_queries_third.yml) and fourth
# (lay_queries_fourth.yml) came later.
# A query already in an earlier set counts once, there.
LAY_QUERY_SETS = ("lay_queries.yml", "lay_queries_unseen.yml", "lay_queries_third.yml",
                  "lay_queries_fourth.yml")
LAY_QUERIES = list({case["query"]: {**case, "set": name} for name in reversed(LAY_QUERY_SETS)
                    for case in yaml.safe_load((HERE / name).read_text())}.values())
KINDS = ("question", "fragment", "misspelling", "everyday")
SETTLE_MS = 300  # without our worker's note, wait this long for the theme to render results
# Enters a query in the theme's search box, in one call into the page: opens the search if it is
# closed, sets the box's value and sends the keyup the theme reads queries on. Resolves to the
# results' links once the theme has answered this query: the line above the results ("3 matching
# documents"), which the theme writes in the same task as it draws the first results, changes
# while our worker's note (sent before each answer) names this query.
ASK = """async ({ query, opener, links, timeout }) => {
  const box = document.querySelector(".md-search__input")
  if (!box.checkVisibility())
    document.querySelector(opener).click()
  const note = document.getElementById("search-note")
  if (note)
    note.dataset.query = ""
  const answered = new Promise((resolve, reject) => {
    const watch = new MutationObserver(() => {
      if (document.getElementById("search-note")?.dataset.query === query) {
        watch.disconnect()
        resolve()
      }
    })
    watch.observe(document.querySelector(".md-search-result__meta"),
                  { childList: true, characterData: true, subtree: true })
    setTimeout(() => {
      watch.disconnect()
      reject(new Error(`no answer to ${JSON.stringify(query)} within ${timeout} ms`))
    }, timeout)
  })
  box.focus()
  box.value = query
  box.dispatchEvent(new KeyboardEvent("keyup", { key: "End", bubbles: true }))
  await answered
  return [...document.querySelectorAll(links)].map(link => link.href)
}"""
ANSWER_TIMEOUT_MS = 20_000
# Starts a search worker in the page, sets it up with the site's index and returns its answers
# to the queries (and the index it captured, with CAPTURE_WORKER in test_search_index.py); with
# locations, each answer is only its result groups' first locations, best first (much less to
# hand back from the page).
RUN_WORKER = """async ({ worker, queries, locations }) => {
  const index = await (await fetch("search/search_index.json")).json()
  const inbox = [], waiting = []
  const next = () => inbox.length ? Promise.resolve(inbox.shift())
    : new Promise(resolve => waiting.push(resolve))
  const search = new Worker(worker)
  search.onmessage = ({ data }) => {
    if (data.type === "guide:search-note")  // our worker's note, before each result
      return
    waiting.length ? waiting.shift()(data) : inbox.push(data)
  }
  search.postMessage({ type: 0, data: { config: index.config, docs: index.docs,
                                        options: { suggest: true } } })
  await next()
  const results = []
  let captured
  for (const query of queries) {
    search.postMessage({ type: 2, data: query })
    let answer = await next()
    if (answer.type === 99) {
      captured = answer.data
      answer = await next()
    }
    results.push(locations ? answer.data.items.map(group => group[0].location) : answer.data)
  }
  search.terminate()
  return { ...captured, results }
}"""
RESULT_LINKS = ".md-search-result__list > .md-search-result__item > a.md-search-result__link"
# What opens the search: the icon in its box, or the header's button on a phone
SEARCH_OPENER = "label.md-search__icon, .md-header__button[for=__search]"


def half(case: dict) -> str:
    """The fixed rule that splits the lay queries: the first set is for tuning (its held-out half
    was measured often while tuning); each later set is split by the first byte of the query's
    SHA-256, odd for held-out."""
    later = case["set"] != LAY_QUERY_SETS[0]
    return "held-out" if later and hashlib.sha256(case["query"].encode()).digest()[0] % 2 \
        else "tuning"


def ranked_pages(page, query: str, site_root: str, noted: bool = True) -> list[str]:
    """Enter the query in the search box; return the result pages' paths, best first. noted:
    wait for our search worker's note that says which query the results are for (otherwise
    type it, after clearing the box, and give the theme time to answer)."""
    if noted:
        hrefs = page.evaluate(ASK, {"query": query, "opener": SEARCH_OPENER,
                                    "links": RESULT_LINKS, "timeout": ANSWER_TIMEOUT_MS})
    else:
        box = page.locator(".md-search__input")
        if not box.is_visible():
            page.locator(SEARCH_OPENER).first.click()
        box.fill("")
        box.press("End")  # the theme reads the query on key events
        page.wait_for_function(
            "() => document.querySelector('.md-search-result__meta').textContent"
            ".includes('Type')")
        box.fill(query)
        box.press("End")
        page.wait_for_function(
            "() => !document.querySelector('.md-search-result__meta').textContent.includes('Type')")
        page.wait_for_timeout(SETTLE_MS)
        hrefs = page.eval_on_selector_all(RESULT_LINKS, "links => links.map(link => link.href)")
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
    """Run every query of the team's set; url_of maps a page id to its path below site_root."""
    hits, reciprocal, misses = 0, 0.0, []
    for case in QUERIES:
        ranked = ranked_pages(page, case["query"], site_root)
        expected = url_of(case["expect"])
        rank = ranked.index(expected) + 1 if expected in ranked else None
        hits += bool(rank and rank <= 3)
        reciprocal += 1 / rank if rank else 0
        if not rank or rank > 3:
            misses.append(f"{case['query']!r}: expected {expected or 'the home page'}, "
                          f"got {ranked[:3]}")
    return Score(hits / len(QUERIES), reciprocal / len(QUERIES), misses)


@dataclass(frozen=True)
class Measure:
    """Recall at 1 and 3 and mean reciprocal rank of a set of queries."""

    count: int
    recall_at_1: float
    recall_at_3: float
    mrr: float

    def row(self, name: str) -> str:
        return f"| {name} | {self.count} | {self.recall_at_1:.1%} | {self.recall_at_3:.1%} | " \
               f"{self.mrr:.3f} |"


def rank_of(ranked: list[str], expected: list[str]) -> int | None:
    """The rank of the first expected page among the results (1 is first), or None."""
    return next((number for number, path in enumerate(ranked, 1) if path in expected), None)


def measure(ranks: list[int | None]) -> Measure:
    count = len(ranks)
    return Measure(count, sum(rank == 1 for rank in ranks) / count,
                   sum(bool(rank and rank <= 3) for rank in ranks) / count,
                   sum(1 / rank for rank in ranks if rank) / count)
