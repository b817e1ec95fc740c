"""The decision tree drawn as SVG at build time: well-formed, complete, escaped, laid out without
overlaps, the same bytes every time, and shown collapsed on the guide and about pages."""
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from generator.content.load import load_tree
from generator.render.tree_svg import tree_svg
from test_tree import SMALL_TREE

ROOT = Path(__file__).resolve().parent.parent
SVG = "{http://www.w3.org/2000/svg}"


def real_tree():
    tree, problems = load_tree(ROOT / "content/decision_tree.yml", ROOT)
    assert problems == []
    return tree


def small_tree(tmp_path, text=SMALL_TREE):
    file = tmp_path / "decision_tree.yml"
    file.write_text(text, encoding="utf-8")
    tree, problems = load_tree(file, tmp_path)
    assert problems == []
    return tree


def boxes(root) -> dict[str, tuple[int, int, int, int]]:
    """Map each node id to its box: left, top, right, bottom."""
    found = {}
    for group in root.iter(f"{SVG}g"):
        if "node" in group.get("class", "").split():
            rect = group.find(f"{SVG}rect")
            left, top = int(rect.get("x")), int(rect.get("y"))
            found[group.get("id").removeprefix("node-")] = (
                left, top, left + int(rect.get("width")), top + int(rect.get("height")))
    return found


def test_one_box_per_node_and_one_arrow_per_answer():
    tree = real_tree()
    root = ElementTree.fromstring(tree_svg(tree))
    assert set(boxes(root)) == set(tree.nodes())
    edges = [g for g in root.iter(f"{SVG}g") if g.get("class") == "edge"]
    answers = [answer for question in tree.questions for answer in question.answers]
    assert len(edges) == len(answers) > 20
    labels = [" ".join(t.text for t in edge.iter(f"{SVG}text")) for edge in edges]
    assert labels == [answer.label for answer in answers]  # short labels stay on one line


def test_it_names_itself_as_an_image():
    root = ElementTree.fromstring(tree_svg(real_tree()))
    assert root.get("role") == "img"
    assert root.get("aria-label").startswith("Flow chart of the symptom guide: ")
    assert root.find(f"{SVG}title").text == root.get("aria-label")


def test_text_is_escaped(tmp_path):
    text = SMALL_TREE.replace("Is your groin numb?", "Numb for <2 days & \"worse\"?") \
                     .replace('label: "Toes"', 'label: "Toes <b>"')
    svg = tree_svg(small_tree(tmp_path, text))
    assert "&lt;2 days &amp; \"worse\"?" in svg and "Toes &lt;b&gt;" in svg
    assert "<b>" not in svg
    root = ElementTree.fromstring(svg)
    words = [t.text for t in root.iter(f"{SVG}text")]
    assert "Numb for <2 days & \"worse\"?" in words and "Toes <b>" in words


def test_the_number_goes_into_emergency_titles(tmp_path):
    svg = tree_svg(small_tree(tmp_path), emergency_number="999")
    assert "Call 999 now" in svg and "the emergency number" not in svg


def test_boxes_do_not_overlap_and_every_arrow_points_down():
    tree = real_tree()
    placed = boxes(ElementTree.fromstring(tree_svg(tree)))
    items = sorted(placed.items())
    for n, (first, a) in enumerate(items):
        for second, b in items[n + 1:]:
            apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
            assert apart, (first, second)
    for question in tree.questions:
        for answer in question.answers:
            assert placed[answer.next.id][1] > placed[question.id][3], answer.label


def test_an_answer_that_skips_a_layer_passes_beside_the_boxes_between(tmp_path):
    root = ElementTree.fromstring(tree_svg(small_tree(tmp_path)))  # call-now: from two layers
    placed = boxes(root)
    assert placed["call-now"][1] > placed["stroke"][3] > placed["groin"][3]
    paths = [g.find(f"{SVG}path").get("d") for g in root.iter(f"{SVG}g")
             if g.get("class") == "edge"]
    groin_yes = [tuple(map(int, point.split())) for point in paths[0][1:].split("L")]
    assert len(groin_yes) == 4  # out of groin, down past the stroke layer, into call-now
    via_x, via_y = groin_yes[1]
    left, layer_top, right, _ = placed["stroke"]
    assert via_y == layer_top and not left <= via_x <= right


def test_danger_questions_come_first_straight_down_the_page():
    tree = real_tree()
    placed = boxes(ElementTree.fromstring(tree_svg(tree)))
    danger = [q.id for q in tree.questions if q.danger]
    assert danger and placed[tree.start.id][1] == min(box[1] for box in placed.values())
    assert len({placed[node_id][0] for node_id in danger}) == 1
    tops = [placed[node_id][1] for node_id in danger]
    assert tops == sorted(tops)


@pytest.mark.parametrize("kind, fill", [("danger", "#fde8ea"), ("question", "#f0f4f5"),
                                        ("emergency", "#b3001b"), ("routine", "#005eb8"),
                                        ("self-care", "#00703c")])
def test_boxes_are_coloured_by_kind_and_urgency(kind, fill):
    root = ElementTree.fromstring(tree_svg(real_tree()))
    groups = [g for g in root.iter(f"{SVG}g") if g.get("class") == f"node node--{kind}"]
    assert groups and all(g.find(f"{SVG}rect").get("fill") == fill for g in groups)


def test_the_same_tree_read_twice_draws_the_same_bytes():
    assert tree_svg(real_tree(), "112").encode() == tree_svg(real_tree(), "112").encode()


def test_the_built_site_has_the_diagram_as_a_file_shown_collapsed(built_site):
    published = (built_site / "assets/decision-tree.svg").read_text(encoding="utf-8")
    assert published == tree_svg(real_tree(), "112")
    guide = (built_site / "symptom-guide" / "index.html").read_text(encoding="utf-8")
    assert "tree-diagram" not in guide and 'href="../about/#symptom-guide-diagram"' in guide
    for page, src in (("about", "../assets/decision-tree.svg"),):
        html = (built_site / page / "index.html").read_text(encoding="utf-8")
        details = html.split('<details class="tree-diagram">', 1)[1].split("</details>", 1)[0]
        assert f'src="{src}"' in details and 'loading="lazy"' in details
        assert 'alt="Flow chart of the symptom guide: ' in details
        assert 'class="node ' not in html, page  # an image, not inline: pages stay light
