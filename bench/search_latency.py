"""Search latency in Chromium: time from the keystroke that completes a query in the search box
to the first results on screen, from a cold start (a new browser profile, the page loaded, then
the query entered at once, as pasted, and a key pressed).
With --typed the query is typed a key at a time and the clock starts at the first key, whose
one-letter query matches most pages.

    python -m bench.search_latency --site DIR [--stock] [--queries N] [--rounds N]

--stock serves mkdocs-material's own search worker in place of ours, so the stock theme is timed on
the same pages. Prints the median and each query's time as JSON.
"""
import argparse
import json
import socket
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
QUERIES = [case["query"] for case in
           yaml.safe_load((ROOT / "tests" / "search_queries.yml").read_text(encoding="utf-8"))]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]
RESULTS_TIMEOUT_MS = 120_000
# Records, in the page's clock, the first keydown in the search box and the first results shown
# after it. early: results were already shown at that keydown (the theme also searches the box's
# text when its worker becomes ready, which can fall between pasting and the key): such a run
# times nothing, and is run again.
TIMER = """() => {
  window.__latency = {}
  const box = document.querySelector(".md-search__input")
  const list = document.querySelector(".md-search-result__list")
  box.addEventListener("keydown", () => {
    if (window.__latency.key === undefined) {
      window.__latency.key = performance.now()
      window.__latency.early = list.children.length > 0
    }
  })
  new MutationObserver(() => {
    if (list.children.length && window.__latency.key !== undefined)
      window.__latency.results ??= performance.now()
  }).observe(list, { childList: true })
}"""
TRIES = 3  # runs of one query, each of them early, before giving up


def measure(site_dir: Path, queries: list[str], stock: bool = False, typed: bool = False,
            rounds: int = 1) -> dict:
    """Time each query from a cold start on the site, rounds times (a fresh profile each time);
    return the median of them all and every time in ms, by query."""
    from playwright.sync_api import sync_playwright

    times = {query: [] for query in queries}
    with _served(site_dir) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            for _ in range(rounds):
                for query in queries:
                    times[query].append(_cold_query(browser, url, query, stock, typed, site_dir))
        finally:
            browser.close()
    every = [time for query_times in times.values() for time in query_times]
    return {"worker": "stock" if stock else "prebuilt", "typed": typed,
            "pages": _page_count(site_dir), "median_ms": round(statistics.median(every), 1),
            "times_ms": times}


def _cold_query(browser, url: str, query: str, stock: bool, typed: bool, site_dir: Path) -> float:
    """Time one query from a cold start: a new context, the page loaded, the query entered."""
    for _ in range(TRIES):
        latency = _cold_run(browser, url, query, stock, typed, site_dir)
        if not latency["early"]:
            return round(latency["results"] - latency["key"], 1)
    raise RuntimeError(f"{query!r}: results were shown before the key {TRIES} times")


def _cold_run(browser, url: str, query: str, stock: bool, typed: bool, site_dir: Path) -> dict:
    # No service worker: it would answer the route that swaps in the theme's own search worker
    # (and a first visit's precache would compete with the search being timed)
    context = browser.new_context(viewport={"width": 1280, "height": 800},
                                  service_workers="block")
    try:
        if stock:
            theme_worker = next((site_dir / "assets/javascripts/workers").glob("search.*.min.js"))
            context.route("**/workers/search-prebuilt.*.js",
                          lambda route: route.fulfill(path=theme_worker,
                                                      content_type="text/javascript"))
        page = context.new_page()
        page.goto(url, wait_until="load")
        # Playwright puts its own script in the page on first waiting for a function (about
        # 60 ms of the page's time): done now, so it is not timed with the search
        page.wait_for_function("() => true")
        page.focus(".md-search__input")
        page.evaluate(TIMER)
        if typed:
            page.keyboard.type(query)
        else:
            page.keyboard.insert_text(query)
        page.keyboard.press("End")
        page.wait_for_function("() => window.__latency.results !== undefined"
                               " || window.__latency.early", timeout=RESULTS_TIMEOUT_MS)
        return page.evaluate("() => window.__latency")
    finally:
        context.close()


def _page_count(site_dir: Path) -> int:
    return sum(1 for _ in site_dir.rglob("index.html"))


@contextmanager
def _served(site_dir: Path):
    """Serve site_dir on a free port of 127.0.0.1; yield its base URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind",
                               "127.0.0.1", "--directory", str(site_dir)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, required=True, help="a built site/ folder")
    parser.add_argument("--stock", action="store_true",
                        help="time mkdocs-material's own search worker instead of ours")
    parser.add_argument("--queries", type=int, default=5,
                        help="how many queries of tests/search_queries.yml to time")
    parser.add_argument("--rounds", type=int, default=1,
                        help="how many times to time each query (the median is of them all)")
    parser.add_argument("--typed", action="store_true",
                        help="type each query a key at a time (the clock starts at its first key)")
    args = parser.parse_args(argv)
    step = max(1, len(QUERIES) // args.queries)
    queries = QUERIES[::step][:args.queries]
    print(json.dumps(measure(args.site, queries, args.stock, args.typed, args.rounds), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
