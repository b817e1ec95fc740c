"""The benchmark's synthetic content sets: valid, twice the pages, each copy linked to itself."""
import pytest
from conftest import ROOT, run_generator

from bench import synthetic
from generator.content.load import load_content
from generator.content.load import load_tree
from generator.build.phases import check_project
from generator.build.project import Project


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    """A synthetic set with two copies of every copied page."""
    return synthetic.make_set(ROOT, tmp_path_factory.mktemp("bench") / "set", 2)


def test_a_2x_set_is_valid_with_twice_the_copied_pages_linked_within_their_copy(root):
    result = run_generator("check", "--root", str(root))
    assert result.returncode == 0, result.stderr
    real, _ = load_content(ROOT / "content", ROOT)
    grown, _ = load_content(root / "content", root)
    copied = {page.id for page in real.pages if page.kind != "topic"}
    assert len(grown.pages) == len(real.pages) + len(copied)
    assert 1.5 * len(real.pages) < len(grown.pages) <= 2 * len(real.pages)
    pages = grown.by_id()
    for page in real.pages:
        if page.id in copied:
            twin = pages[synthetic.copy_id(page.id, 2)]
            assert [ref.id for ref in (*twin.links, *twin.causes)] == [
                synthetic.copy_id(ref.id, 2) if ref.id in copied else ref.id
                for ref in (*page.links, *page.causes)]


def test_a_set_with_the_most_tree_copies_passes_the_tree_checks(tmp_path):
    """From MAX_TREE_COPIES copies on, the tree stops growing; its copy questions must pass the
    same checks as the real tree (each answer but one says what it stands for)."""
    root = synthetic.make_set(ROOT, tmp_path / "set", synthetic.MAX_TREE_COPIES)
    assert load_tree(root / "content" / "decision_tree.yml", root)[1] == []
    problems = check_project(Project.at(root))[2]
    assert [str(problem) for problem in problems if problem.path.endswith("decision_tree.yml")] \
        == []


def test_inline_links_and_the_tree_point_into_the_same_copy(root):
    left_leg = (root / "content" / "locations" / "left-leg-x2.yml").read_text(encoding="utf-8")
    assert "](transient-ischaemic-attack-x2)" in left_leg
    assert "](transient-ischaemic-attack)" not in left_leg
    assert "](diagnosis)" in left_leg  # topics are not copied
    real, _ = load_tree(ROOT / "content" / "decision_tree.yml", ROOT)
    grown, problems = load_tree(root / "content" / "decision_tree.yml", root)
    assert problems == []
    nodes = grown.nodes()
    hub = nodes[synthetic.HUB]
    [entry] = hub.answers
    assert entry.next.id.endswith("-x2") and entry.next.id in nodes
    copies = [node for node_id, node in nodes.items() if node_id.endswith("-x2")]
    assert len(nodes) > len(real.nodes()) and copies
    linked = [ref.id for node in copies for ref in getattr(node, "links", ())]
    assert "diabetes-x2" in linked and "diabetes" not in linked


def test_a_section_too_large_for_the_menu_shows_only_its_index_on_numbered_pages_and_builds(
        root, tmp_path):
    from generator.render import lists, mkdocs_config

    grown, _ = load_content(root / "content", root)
    causes = [page for page in grown.pages if page.kind == "cause"]
    assert lists.LIST_LIMIT < len(causes) <= 2 * lists.LIST_LIMIT
    [section] = [entry["Causes"] for entry in mkdocs_config.navigation(grown) if "Causes" in entry]
    assert section == ["causes/index.md"]
    assert "causes/diabetes-x2.md" in mkdocs_config.left_out_of_navigation(grown)
    result = run_generator("build", "--root", str(root), "--output", str(tmp_path))
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "causes" / "diabetes" / "index.html").read_text()
    menu = page[:page.index("<article")]
    assert 'href="../sciatica/"' not in menu and 'href="../sciatica-x2/"' not in menu
    first = (tmp_path / "site" / "causes" / "index.html").read_text()
    second = (tmp_path / "site" / "causes" / "page-2" / "index.html").read_text()
    assert 'href="page-2/"' in first and 'href="../"' in second
    assert all((f'href="{page.id}/"' in first) != (f'href="../{page.id}/"' in second)
               for page in causes)


def test_the_real_site_lists_every_cause_in_the_menu():
    from generator.render import mkdocs_config

    real, _ = load_content(ROOT / "content", ROOT)
    assert mkdocs_config.left_out_of_navigation(real) == []


def test_a_childs_peak_memory_is_its_own_not_the_benchmarks():
    import sys

    from bench import measure

    held = b"x" * 150_000_000  # the benchmark process is large after an in-process build
    child = measure.run_child([sys.executable, "-c", "x = bytearray(50_000_000); "
                               "import time; time.sleep(0.3)"], ROOT)
    assert child.returncode == 0 and len(held) == 150_000_000
    assert 50_000_000 < child.peak_memory < 120_000_000


def test_our_build_and_the_plain_one_take_turns_going_first_each_from_no_output(tmp_path,
                                                                                monkeypatch):
    from pathlib import Path

    from bench import run
    from bench.measure import Child

    started = []

    def finished(command: list[str]) -> Child:
        if "generator" in command:
            out = Path(command[command.index("--output") + 1])
            started.append(("ours", out.exists()))
            (out / "build").mkdir(parents=True)
            (out / "build" / "mkdocs.yml").write_text(
                "theme: {name: material}\nmarkdown_extensions: []\n", encoding="utf-8")
        else:
            site = Path(command[command.index("--site-dir") + 1])
            started.append(("plain", site.exists()))
            site.mkdir()
        return Child(wall=1.0, cpu=1.0, peak_memory=1, returncode=0, output="")

    monkeypatch.setattr(run, "_required", finished)
    builds, plains = run.timed_builds(tmp_path / "set", tmp_path / "out", tmp_path / "plain", 3)
    assert started == [("ours", False), ("plain", False), ("plain", False), ("ours", False),
                       ("ours", False), ("plain", False)]
    assert len(builds) == len(plains) == 3


def test_paired_runs_time_both_at_once_and_keep_the_other_core_busy_until_the_first_ends(
        tmp_path):
    import sys
    import time

    from bench import measure

    starts = tmp_path / "starts"
    first = [sys.executable, "-c", "import time; end = time.process_time() + 0.6\n"
             "while time.process_time() < end: pass"]
    second = [sys.executable, "-c", f"open({str(starts)!r}, 'a').write('x'); "
              "import time; end = time.process_time() + 0.1\n"
              "while time.process_time() < end: pass"]
    pairs = measure.paired_runs([first, first], [second, second], ROOT)
    assert len(pairs) == 2
    assert all(mine.returncode == other.returncode == 0 for mine, other in pairs)
    assert all(mine.cpu > 0.5 and 0.05 < other.cpu < 0.5 for mine, other in pairs)
    started = starts.read_text().count("x")
    assert started > 2 * 2  # the second ran again while the first went on
    time.sleep(0.5)
    assert starts.read_text().count("x") == started  # and stopped when it ended
