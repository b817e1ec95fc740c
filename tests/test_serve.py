"""The live preview survives mistakes: it keeps running, shows the problems in the terminal and
on the page, and recovers when the file is fixed."""
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import ROOT, _free_port
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
    server.terminate()
    assert "content/causes/cold-feet.yml:14: link to unknown page 'treatmnt'" in \
        server.communicate(timeout=10)[1]
