"""The benchmark's report: every target of the issue with its figure and a verdict."""
import re

from bench import report
from bench.measure import Child, Timing


def _size(size: int, pages: int, cpu: float, search_ms: float, stock_ms: float) -> dict:
    stages = {name: Timing(0.1 * size, 0.05 * size)
              for name in ("load", "validate", "render", "write")}
    build = Child(wall=cpu * 1.5, cpu=cpu, peak_memory=100_000_000 + pages * 1000, returncode=0,
                  output="")
    site = {"bytes": pages * 40_000, "pages": pages, "html_mean": 30_000.0, "html_max": 58_000,
            "html_max_page": "glossary/index.html", "oversize": [],
            "search_index": (pages * 400, pages * 70), "prebuilt_index": (pages * 900, pages * 200)}
    search = {"ours": {"median_ms": search_ms, "times_ms": {"numb feet": [search_ms] * 3}},
              "stock": {"median_ms": stock_ms, "times_ms": {"numb feet": [stock_ms]}}}
    return {"size": size, "entities": pages - 7, "stages": stages, "mkdocs": Timing(cpu, cpu),
            "build": build, "site": site, "plain": build, "plain_site": site,
            "bundle_bytes": pages * 15_000, "load": 1.0, "search": search,
            "build_rounds": 1 if size == 100 else 2,
            "round_ratios": [1.0] if size == 100 else [1.1, 1.4],
            "paired_ratios": [] if size == 100 else [1.2, 1.0, 1.1]}


PREVIEW = {"load": 1.0, "startup": 4.0, "rebuilds": [],
           **{name: {"median": wait, "max": wait + 0.5, "cpu_median": 0.7, "cpu_max": 0.9}
              for name, wait in (("summary", 0.9), ("causes_list", 1.1), ("title", 3.0))}}


def test_each_target_gets_a_verdict_from_the_figures():
    sizes = [_size(1, 82, 3.0, 300, 320), _size(10, 676, 17.0, 150, 1300),
             _size(100, 6616, 170.0, 5000, 20000)]
    sizes[2]["plain"] = Child(wall=100.0, cpu=100.0, peak_memory=1, returncode=0, output="")
    text = report.markdown(sizes, {"guide.js": (3000, 1200)}, (None, "not installed"), PREVIEW,
                           "# Benchmark results")
    rows = re.findall(r"^\| ([^|]+?) \| [^|]+ \| ([^|]+?) \| ([^|]*?) ?\|$", text, re.M)
    verdicts = {target: result for target, result, _ in rows}
    reasons = {target: why for target, _, why in rows}
    assert verdicts["search: first results at most 200 ms at 10x"] == "met"
    assert verdicts["search at 100x: at most a fifth of the stock theme's time"] == \
        "**missed** by 0.05"
    assert verdicts["preview at 1x, a cause's summary: at most 2 s"] == "met"
    assert verdicts["preview at 1x, a cause's title: at most 2 s"] == "**missed** by 1.00 s"
    assert verdicts["each page's HTML at most 60 KB (100x)"] == "met"
    assert "Lighthouse did not run: not installed" in text
    assert "every page is rebuilt" in reasons["preview at 1x, a cause's title: at most 2 s"]
    assert reasons["preview at 1x, a cause's summary: at most 2 s"] == ""
    assert "mkdocs-material alone" in reasons["1000 pages built in at most 10 s"]
    assert "| prebuilt search index (prebuilt_index.bin): bytes / gzip | 0.1 MB / 0.0 MB |" in text
    assert "| times timed, ours / stock | 3 / 1 | 3 / 1 | 3 / 1 |" in text
    assert "| runs of each build, in turn (the least CPU time kept) | 2 | 2 | 1 |" in text
    assert "| our build / plain build, round by round: median (range) | 1.25 (1.10-1.40) |" in text
    assert ("| our build / plain build, at the same moment on the two cores: median (range) | "
            "1.10 (1.00-1.20) | 1.10 (1.00-1.20) | not measured |") in text
    assert verdicts["our build at most 1.3x the CPU time of plain mkdocs-material (10x)"] == "met"
    assert "our build at most 1.3x the CPU time of plain mkdocs-material (1x)" not in verdicts
    assert verdicts["our build at most 1.3x the CPU time of plain mkdocs-material (100x)"] == \
        "**missed** by 0.40"


def test_saved_figures_write_the_same_report(tmp_path):
    from bench import measure

    sizes = [_size(1, 82, 3.0, 300, 320), _size(10, 676, 17.0, 150, 1300)]
    figures = (sizes, {"guide.js": (3000, 1200)}, (None, "not installed"), PREVIEW)
    measure.save_figures(tmp_path / "figures.json", *figures)
    assert report.markdown(*measure.load_figures(tmp_path / "figures.json"), "# B") == \
        report.markdown(*figures, "# B")
