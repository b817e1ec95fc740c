"""The benchmark's synthetic content sets: valid, twice the pages, each copy linked to itself."""
import pytest
from conftest import ROOT, run_generator

from bench import synthetic
from generator.load import load_content
from generator.tree import load_tree


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


def test_inline_links_and_the_tree_point_into_the_same_copy(root):
    feet = (root / "content" / "locations" / "feet-x2.yml").read_text(encoding="utf-8")
    assert "](sciatica-x2)" in feet and "](sciatica)" not in feet
    assert "](diagnosis)" in feet  # topics are not copied
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
