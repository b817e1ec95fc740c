"""python -m generator new KIND ID: a new page file that fails the check until it is filled in."""
import pytest

from generator.cli import main
from helpers import minimal_tree, problem_lines

NEW = "content/locations/shin.yml"
# The value an editor writes in place of each placeholder, in the order they appear.
FILLED = ["Numb shin", "The front of the lower leg can go numb.", "numb shinbone", "causes",
          "Where", "The front of the leg, below the knee.", "cold-feet", "sudden-onset"]


def _new(root, *names):
    return main(["new", *names, "--root", str(root)])


def test_new_page_fails_the_check_until_every_placeholder_is_filled(tmp_path, capsys):
    root = minimal_tree(tmp_path)
    assert _new(root, "location", "shin") == 0
    assert capsys.readouterr().err == f"created {NEW}: replace every TODO, then run make check\n"
    text = (root / NEW).read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schema/location.json"
    placeholder = "placeholder text 'TODO' left in '{}'; replace it with the real text"
    assert problem_lines(root) == [
        f"{NEW}:2: {placeholder.format('title')}",
        f"{NEW}:3: {placeholder.format('summary')}",
        f"{NEW}:4: {placeholder.format('also_called')}",
        f"{NEW}:5: unknown source 'TODO'; cite a section id of content/source.yml or a reference "
        "id of content/references.yml",
        f"{NEW}:7: {placeholder.format('body')}",
        f"{NEW}:7: {placeholder.format('heading')}",
        f"{NEW}:10: unknown cause 'TODO'; causes are the files in content/causes/",
        f"{NEW}:11: unknown warning sign 'TODO'; see content/warning_signs.yml"]
    assert text.count("TODO") == len(FILLED)
    for value in FILLED:
        text = text.replace("TODO", value, 1)
    (root / NEW).write_text(text, encoding="utf-8")
    assert problem_lines(root) == []


def test_new_cause_asks_for_a_group_from_the_list(tmp_path):
    root = minimal_tree(tmp_path)
    assert _new(root, "cause", "chilblains") == 0
    assert "content/causes/chilblains.yml:10: 'group' is 'TODO'; use one of spine, nerves, " \
           "vessels, whole-body, lifestyle, pregnancy, injuries" in problem_lines(root)


@pytest.mark.parametrize("kind, folder", [("situation", "situations"), ("topic", "topics"),
                                          ("treatment", "treatment")])
def test_every_page_kind_can_be_started(tmp_path, kind, folder):
    root = minimal_tree(tmp_path)
    assert _new(root, kind, "new-page") == 0
    assert f"content/{folder}/new-page.yml:2: placeholder text 'TODO' left in 'title'; replace " \
           "it with the real text" in problem_lines(root)


REFUSALS = {
    "existing id": (("cause", "feet"), "the id 'feet' is taken by content/locations/feet.yml; "
                    "ids are unique across folders, so choose another id or edit that page"),
    "generated page": (("topic", "glossary"), "the id 'glossary' is taken by the generated page "
                       "'Glossary'; ids are unique across folders, so choose another id or edit "
                       "that page"),
    "invalid id": (("cause", "Cold_Hands"), "'Cold_Hands' is not a valid id; use lower case "
                   "letters, digits and '-', e.g. 'disc-hernia'"),
    "unknown kind": (("causes", "hands"), "unknown kind 'causes' (did you mean 'cause'?); use "
                     "one of cause, location, situation, topic, treatment"),
}


@pytest.mark.parametrize("name", REFUSALS)
def test_new_refuses_with_a_clear_message_and_writes_nothing(tmp_path, capsys, name):
    names, message = REFUSALS[name]
    root = minimal_tree(tmp_path)
    before = sorted((root / "content").rglob("*"))
    assert _new(root, *names) == 1
    assert capsys.readouterr().err == message + "\n"
    assert sorted((root / "content").rglob("*")) == before


def test_new_needs_a_kind_and_an_id(tmp_path, capsys):
    root = minimal_tree(tmp_path)
    assert _new(root, "cause") == 2
    assert "usage: python -m generator new KIND ID" in capsys.readouterr().err
    assert sorted(path.name for path in (root / "content/causes").iterdir()) == ["cold-feet.yml"]
