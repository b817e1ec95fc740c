"""The live preview survives mistakes: it keeps running, shows the problems in the terminal and
on the page, and recovers when the file is fixed. An edit rebuilds only the pages whose Markdown
changed, and the site it leaves is byte for byte the one a full build makes; a new title, a new
page or a theme edit rebuilds every page."""
import os
import re
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import ROOT, _free_port
from generator.build.phases import check_project
from generator.build.project import Project
from generator.build.output import write
from generator.build.preview import PreviewSite, merged_search_docs
from generator.render.site import render_site
from generator.build.serve import Preview
from helpers import edit, minimal_tree

CAUSE = "content/causes/cold-feet.yml"


def _get(url):
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode()
    except OSError:
        return ""


def _wait_for(url, predicate, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        html = _get(url)
        if predicate(html):
            return html
        time.sleep(0.2)
    raise AssertionError(f"{url} never matched; last page:\n{html[:500]}")


@pytest.fixture
def preview(tmp_path):
    root = minimal_tree(tmp_path)
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--root", str(root),
                               "--port", str(port)], cwd=ROOT, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/test/causes/cold-feet/"  # served below site_url's path
    try:
        _wait_for(url, lambda html: "Cold feet" in html, seconds=60)
        yield root, url, server
    finally:
        server.terminate()
        server.wait(10)


def test_preview_shows_problems_keeps_running_and_recovers(preview):
    root, url, server = preview
    edit(root, CAUSE, "links: [treatment]", "links: [treatmnt]")
    html = _wait_for(url, lambda page: "preview-problems" in page)
    assert "link to unknown page &#39;treatmnt&#39; (did you mean &#39;treatment&#39;?)" in html \
        or "link to unknown page 'treatmnt'" in html
    assert server.poll() is None
    edit(root, CAUSE, "links: [treatmnt]", "links: [treatment]")
    edit(root, CAUSE, "title: Cold feet", "title: Chilly feet")
    html = _wait_for(url, lambda page: "Chilly feet" in page and "preview-problems" not in page)
    assert server.poll() is None
    # The preview removes any service worker, so an editor never sees a page saved earlier
    assert 'service-worker.js" data-preview' in html
    server.terminate()
    assert "content/causes/cold-feet.yml:14: link to unknown page 'treatmnt'" in \
        server.communicate(timeout=10)[1]


def _preview(root, site_dir):
    project = Project.at(root)
    return Preview(project, PreviewSite(project.build_dir / "mkdocs.yml", site_dir, "127.0.0.1",
                                        8000), say=lambda line: print(line, file=sys.stderr))


def _files(site_dir):
    return {path.relative_to(site_dir).as_posix(): path for path in sorted(site_dir.rglob("*"))
            if path.is_file()}


def _html_times(site_dir):
    return {name: path.stat().st_mtime_ns for name, path in _files(site_dir).items()
            if name.endswith(".html")}


@pytest.fixture
def served(tmp_path, monkeypatch):
    """A minimal guide built once by the preview, as served (not yet edited)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # the sitemap's dates, for comparing
    root = minimal_tree(tmp_path)
    preview = _preview(root, tmp_path / "served")
    assert preview.rebuild()
    return root, preview


def test_an_edit_rebuilds_only_the_pages_it_changes_and_the_site_matches_a_full_build(
        served, tmp_path, capsys):
    root, preview = served
    before = _html_times(preview.site.site_dir)
    edit(root, CAUSE, "summary: Cold can make feet numb.", "summary: Frost can make feet numb.")
    assert preview.rebuild()
    after = _html_times(preview.site.site_dir)
    rebuilt = {name for name in after if after[name] != before[name]} - {"404.html"}
    assert "causes/cold-feet/index.html" in rebuilt
    assert {"about/index.html", "glossary/index.html"}.isdisjoint(rebuilt)
    assert len(rebuilt) < len(after) / 2
    assert f"preview updated: {len(rebuilt)} page(s) rebuilt" in capsys.readouterr().err
    full = _preview(root, tmp_path / "full")
    assert full.rebuild()
    served_files, full_files = _files(preview.site.site_dir), _files(full.site.site_dir)
    assert served_files.keys() == full_files.keys()
    assert [name for name in served_files
            if served_files[name].read_bytes() != full_files[name].read_bytes()] == []
    assert "Frost can make feet numb" in (preview.site.site_dir / "search" /
                                          "search_index.json").read_text()


def test_a_new_title_or_a_new_page_rebuilds_every_page(served, capsys):
    root, preview = served
    site_dir = preview.site.site_dir
    edit(root, CAUSE, "title: Cold feet", "title: Chilly feet")
    before = _html_times(site_dir)
    assert preview.rebuild()
    assert "preview updated: every page rebuilt" in capsys.readouterr().err
    after = _html_times(site_dir)
    assert all(after[name] != before[name] for name in before)
    assert "Chilly feet" in (site_dir / "about" / "coverage" / "index.html").read_text()
    (root / CAUSE).rename(root / "content/causes/frozen-feet.yml")
    edit(root, "content/locations/feet.yml", "cold-feet", "frozen-feet")
    assert preview.rebuild()
    assert "preview updated: every page rebuilt" in capsys.readouterr().err
    assert (site_dir / "causes" / "frozen-feet" / "index.html").exists()
    assert not (site_dir / "causes" / "cold-feet").exists()


def test_a_theme_edit_rebuilds_every_page(served, capsys):
    root, preview = served
    preview.theme_edited = True
    assert preview.rebuild()
    assert "preview updated: every page rebuilt" in capsys.readouterr().err


def test_problems_go_on_every_page_and_come_off_when_fixed(served, capsys):
    root, preview = served
    site_dir = preview.site.site_dir
    edit(root, CAUSE, "links: [treatment]", "links: [treatmnt]")
    assert preview.rebuild()
    assert "link to unknown page 'treatmnt'" in capsys.readouterr().err
    pages = [path for name, path in _files(site_dir).items() if name.endswith(".html")]
    assert all("preview-problems" in page.read_text() for page in pages)
    edit(root, CAUSE, "links: [treatmnt]", "links: [treatment]")
    assert preview.rebuild()
    assert not any("preview-problems" in page.read_text() for page in pages)


def test_merged_search_docs_replace_each_rebuilt_page_in_place():
    old = [{"location": ""}, {"location": "#a"}, {"location": "x/"}, {"location": "x/#b"},
           {"location": "y/"}]
    rebuilt = [{"location": "x/", "new": True}, {"location": "x/#c", "new": True}]
    assert merged_search_docs(old, rebuilt) == [old[0], old[1], *rebuilt, old[4]]


def test_write_project_writes_only_what_changed_and_removes_stale_pages(tmp_path):
    build_dir = tmp_path / "build"
    assert write(build_dir, {"mkdocs.yml": "a", "docs/x.md": "x", "docs/y.md": "y"}) == \
        ["mkdocs.yml", "docs/x.md", "docs/y.md"]
    os.utime(build_dir / "docs" / "x.md", ns=(1, 1))
    assert write(build_dir, {"mkdocs.yml": "a", "docs/x.md": "x", "docs/z.md": "z"}) == \
        ["docs/z.md", "docs/y.md"]
    assert (build_dir / "docs" / "x.md").stat().st_mtime_ns == 1  # untouched keeps its mtime
    assert sorted(path.name for path in (build_dir / "docs").iterdir()) == ["x.md", "z.md"]


def test_a_page_title_that_other_pages_show_rebuilds_every_page(served):
    root, preview = served
    project = preview.project
    content, config, _ = check_project(project)
    files = render_site(content, config, os.path.relpath(project.theme_dir, project.build_dir))
    index = project.build_dir / "docs" / "locations" / "index.md"
    title = re.search(r"^title: (.*)$", index.read_text(), re.M)[1]
    index.write_text(index.read_text().replace(f"title: {title}", "title: Numb places"))
    assert preview.site.update(frozenset(files), ["docs/locations/index.md"]).pages is None
    index_page = (preview.site.site_dir / "locations" / "index.html").read_text()
    assert "<title>Numb places" in index_page
