"""The site diff: pages added, removed and changed between a git ref and the working tree."""
import re
import shutil
import subprocess

import pytest

from conftest import ROOT, run_generator
from generator.errors import BuildError
from generator.tools.sitediff import SiteDiff, export_ref, format_report, page_text, page_url
from helpers import edit, minimal_tree

SITTING = """title: Sitting still
summary: Sitting still for a long time can make legs numb.
group: lifestyle
also_called: [desk legs]
sources: [causes]
sections:
  - heading: What happens
    body: Sitting presses on the nerves.
get_help: [sudden-onset]
"""


def _git(repo, *args):
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=Test", "-c",
                    "user.email=test@example.org", "-c", "commit.gpgsign=false", *args],
                   check=True, capture_output=True)


def _committed_guide(tmp_path):
    """A git repository of the minimal guide (with the real generator), one page more, committed."""
    root = minimal_tree(tmp_path)
    shutil.copytree(ROOT / "generator", root / "generator",
                    ignore=shutil.ignore_patterns("__pycache__"))
    (root / "content/causes/sitting-still.yml").write_text(SITTING, encoding="utf-8")
    edit(root, "content/locations/feet.yml", "causes: [cold-feet]",
         "causes: [cold-feet, sitting-still]")
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "base")
    return root


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """The diff report after changing one page's text, adding a page and removing one."""
    root = _committed_guide(tmp_path_factory.mktemp("sitediff"))
    edit(root, "content/causes/cold-feet.yml", "Cold slows the blood.",
         "Cold slows the blood flow to the toes.")
    shutil.copy(root / "content/causes/sitting-still.yml", root / "content/causes/tight-shoes.yml")
    edit(root, "content/causes/tight-shoes.yml", "title: Sitting still", "title: Tight shoes")
    (root / "content/causes/sitting-still.yml").unlink()
    edit(root, "content/locations/feet.yml", "sitting-still", "tight-shoes")
    out = root.parent / "report.md"
    result = run_generator("diff", "--root", str(root), "--base", "HEAD", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8") == result.stdout
    assert not (root / "site").exists() and not (root / "build").exists()
    return result.stdout


def _section(report, heading):
    """The text under one '### heading' of the report."""
    match = re.search(rf"^### {heading}\n(.*?)(?=^### |\Z)", report, re.S | re.M)
    return match.group(1) if match else ""


def _diff_of(report, url):
    match = re.search(rf"<summary><code>{re.escape(url)}</code>.*?```diff\n(.*?)\n```", report,
                      re.S)
    return match.group(1).splitlines()


def test_report_counts_pages_added_removed_and_changed(report):
    assert "| Added | 1 |\n| Removed | 1 |\n| Changed | 4 |\n| Unchanged | 16 |" in report


def test_report_lists_exactly_the_pages_that_changed(report):
    assert re.findall(r"<code>(.*?)</code>", _section(report, "Added")) == ["/causes/tight-shoes/"]
    assert _section(report, "Removed").strip() == "- `/causes/sitting-still/`: Sitting still"
    # The causes index and the article's coverage name every cause, and the feet page lists the
    # renamed cause, so they change too; the about page only counts the pages, which stay as many.
    assert re.findall(r"<code>(.*?)</code>", _section(report, "Changed")) == [
        "/about/coverage/", "/causes/", "/causes/cold-feet/", "/locations/feet/"]


def test_changed_sentence_is_in_the_diff(report):
    lines = _diff_of(report, "/causes/cold-feet/")
    assert "-Cold slows the blood. See the doctor." in lines
    assert "+Cold slows the blood flow to the toes. See the doctor." in lines
    assert "-- Sitting still: Sitting still for a long time can make legs numb." in \
        _diff_of(report, "/causes/")


def test_added_page_shows_its_whole_text(report):
    assert _diff_of(report, "/causes/tight-shoes/")[1:5] == [
        "+# Tight shoes", "+Sitting still for a long time can make legs numb.",
        "+## What happens", "+Sitting presses on the nerves."]


def test_report_has_no_html_noise(report):
    for noise in ("<abbr", "href", "class=", "<script", "search_index", ".js", ".css", "assets/",
                  "<p>", "<li>", "&amp;", "{"):
        assert noise not in report, noise


def test_unknown_ref_is_reported_without_building(tmp_path):
    root = _committed_guide(tmp_path)
    result = run_generator("diff", "--root", str(root), "--base", "no-such-branch")
    assert result.returncode == 1
    assert result.stderr.strip() == (f"'no-such-branch' is not a commit in {root}; give a "
                                     "branch, tag or commit, e.g. BASE=origin/main")
    assert result.stdout == ""


def test_make_diff_passes_the_base_and_the_report_file():
    result = subprocess.run(["make", "--no-print-directory", "-n", "diff", "BASE=origin/main",
                             "DIFF_OUT=report.md"],
                            cwd=ROOT, capture_output=True, text=True, check=True)
    assert ".venv/bin/python -m generator diff --base origin/main --out report.md" in \
        result.stdout.splitlines()


def test_export_ref_writes_the_committed_files_only(tmp_path):
    root = _committed_guide(tmp_path)
    (root / "content/causes/sitting-still.yml").unlink()
    (root / "untracked.txt").write_text("x", encoding="utf-8")
    export_ref(root, "HEAD", tmp_path / "export")
    assert (tmp_path / "export/content/causes/sitting-still.yml").read_text() == SITTING
    assert not (tmp_path / "export/untracked.txt").exists()
    assert not (tmp_path / "export/.git").exists()
    with pytest.raises(BuildError):
        export_ref(root, "HEAD~5", tmp_path / "nothing")


PAGE = """<html><head><script>var x = "head";</script></head><body>
<nav>Menu text</nav>
<div class="md-content" data-md-component="content"><article class="md-content__inner">
<h1 id="t">Cold <abbr title="A tooltip">feet</abbr></h1>
<p>One &amp; two<br>three</p>
<script type="application/json">{"nodes": 1}</script>
<template><p>inert</p></template>
<svg><text>drawn</text></svg>
<ul><li>first<ul><li><p>nested</p></li></ul></li></ul>
<table><tr><th>Section</th><th>Pages</th></tr><tr><td>Causes</td><td>Cold</td></tr></table>
<div class="care-card"><p><span class="visually-hidden">Urgent: </span>See a doctor</p></div>
<img alt="A body map" src="x.svg">
</article></div>
<footer>Footer text</footer></body></html>"""


def test_page_text_keeps_what_readers_see_in_the_article_only():
    assert page_text(PAGE) == [
        "# Cold feet", "One & two", "three", "- first", "  - nested", "Section | Pages",
        "Causes | Cold", "Urgent: See a doctor", "[image: A body map]"]


def test_page_text_is_none_without_an_article():
    assert page_text("<html><body><p>Redirecting</p></body></html>") is None


def test_page_urls():
    assert page_url("index.html") == "/"
    assert page_url("causes/cold-feet/index.html") == "/causes/cold-feet/"
    assert page_url("404.html") == "/404.html"


def _diff(changed):
    return SiteDiff(base="main", added={}, removed={}, changed=changed, unchanged=2)


def test_no_change_says_so():
    report = format_report(_diff({}))
    assert "Readers will see the same text on every page." in report
    assert "<details>" not in report


def test_each_changed_page_gets_a_block_with_its_title_and_counts():
    changed = {"/b/": (["# Bee", "one", "two"], ["# Bee", "one", "2", "three"]),
               "/c/": ([], ["no heading"])}
    report = format_report(_diff(changed))
    assert report.count("<details>") == report.count("</details>") == 2
    assert "<summary><code>/b/</code>: Bee (+2 −1)</summary>" in report
    assert "<summary><code>/c/</code>: /c/ (+1 −0)</summary>" in report


def test_backticks_in_text_get_a_longer_fence():
    report = format_report(_diff({"/a/": (["# A", "x"], ["# A", "use ```code```"])}))
    assert "````diff\n" in report and "\n````\n" in report
