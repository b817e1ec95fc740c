"""Builds are atomic and exclusive: a build killed at any point leaves site/ as the old complete
site or the new one, never a mix; a second build started at once is refused clearly."""
import signal
import subprocess
import sys
import time

import pytest

from conftest import ROOT
from helpers import edit, minimal_tree


def _snapshot(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _start_build(root):
    return subprocess.Popen([sys.executable, "-m", "generator", "build", "--root", str(root)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture(scope="module")
def old_and_new(tmp_path_factory):
    """A tree built once (old site), then edited; and the new site that edit builds into."""
    root = minimal_tree(tmp_path_factory.mktemp("atomic"))
    assert _start_build(root).wait() == 0
    old = _snapshot(root / "site")
    edit(root, "content/causes/cold-feet.yml", "title: Cold feet", "title: Chilly feet")
    reference = minimal_tree(tmp_path_factory.mktemp("reference"))
    edit(reference, "content/causes/cold-feet.yml", "title: Cold feet", "title: Chilly feet")
    assert _start_build(reference).wait() == 0
    return root, old, _snapshot(reference / "site")


@pytest.mark.parametrize("kill_signal", [signal.SIGTERM, signal.SIGKILL])
@pytest.mark.parametrize("delay", [0.05, 0.3, 0.6, 0.9, 1.2, 1.6])
def test_a_killed_build_leaves_the_old_site_or_the_new_one(old_and_new, kill_signal, delay):
    root, old, new = old_and_new
    build = _start_build(root)
    time.sleep(delay)
    build.send_signal(kill_signal)
    build.wait()
    site = _snapshot(root / "site")
    assert site in (old, new)
    if site == new:  # put the old site back for the next case
        edit(root, "content/causes/cold-feet.yml", "title: Chilly feet", "title: Cold feet")
        assert _start_build(root).wait() == 0
        edit(root, "content/causes/cold-feet.yml", "title: Cold feet", "title: Chilly feet")
        assert _snapshot(root / "site") == old


def test_two_builds_at_once_one_waits_its_turn_and_the_site_is_whole(tmp_path):
    root = minimal_tree(tmp_path)
    first, second = _start_build(root), _start_build(root)
    results = [(first.wait(), first.stderr.read()), (second.wait(), second.stderr.read())]
    codes = sorted(code for code, _ in results)
    assert codes in ([0, 0], [0, 1])
    if codes == [0, 1]:
        refused = next(err for code, err in results if code == 1)
        assert "another build is running in this folder; wait for it to finish" in refused
    assert (root / "site/index.html").exists()
    assert (root / "site/causes/cold-feet/index.html").exists()
