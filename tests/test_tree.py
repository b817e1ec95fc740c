"""The decision tree: each kind of mistake is reported at its exact line; the real tree is safe."""
import json
from pathlib import Path

import pytest

from generator.build.phases import check_project
from generator.build.project import Project
from generator.render.urls import all_doc_paths
from generator.render.urls import page_url
from generator.checks.tree import check_tree, walk
from generator.content.load import load_tree
from generator.model import Outcome, Question
from generator.render.tree_json import compile_tree
from generator.checks.pages import linkable_ids

ROOT = Path(__file__).resolve().parent.parent
PAGES = {"red-flags", "toes", "feet", "diagnosis"}
FILE = "content/decision_tree.yml"
# Two danger questions, then a question about place; every answer ends at an outcome.
SMALL_TREE = """\
start: groin
questions:
  - id: groin
    danger: true
    text: Is your groin numb?
    answers:
      - {label: "Yes", next: call-now}
      - {label: "No", next: stroke}
  - id: stroke
    danger: true
    text: Did your face go numb suddenly?
    answers:
      - {label: "Yes", next: call-now}
      - {label: "No", next: where}
  - id: where
    text: Where is it numb?
    answers:
      - {label: "Toes", next: see-doctor}
      - {label: "Feet", next: rest}
outcomes:
  - id: call-now
    urgency: emergency
    title: Call the emergency number now
    text: Get help now.
    links: [red-flags]
  - id: see-doctor
    urgency: routine
    title: Book an appointment
    text: See your doctor this week.
    links: [toes]
  - id: rest
    urgency: self-care
    title: Rest
    text: It passes.
scenarios:
  - name: numb groin
    answers: ["Yes"]
    expect: call-now
  - name: numb toes
    answers: ["No", "No", "Toes"]
    expect: see-doctor
"""


def problems_of(tmp_path: Path, *edits: tuple[str, str]) -> list[str]:
    """Write the small tree with these (old, new) edits; return its problems as printed."""
    text = SMALL_TREE
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    file = tmp_path / FILE
    file.parent.mkdir(parents=True)
    file.write_text(text, encoding="utf-8")
    tree, problems = load_tree(file, tmp_path)
    if tree is not None and not problems:
        problems = check_tree(tree, PAGES)
    return [str(problem) for problem in sorted(problems)]


def test_the_small_tree_is_valid(tmp_path):
    assert problems_of(tmp_path) == []


def test_unreachable_node(tmp_path):
    orphan = "  - id: orphan\n    urgency: routine\n    title: Never\n    text: No one.\n"
    assert problems_of(tmp_path, ("  - id: rest\n", orphan + "  - id: rest\n")) == [
        f"{FILE}:31: 'orphan' cannot be reached from the start; lead an answer to it or "
        "remove it",
    ]


def test_cycle(tmp_path):
    assert problems_of(tmp_path, ('{label: "Feet", next: rest}',
                                  '{label: "Feet", next: stroke}')) == [
        f"{FILE}:19: answer 'Feet' of 'where' leads back to 'stroke', making a loop; every path "
        "must end at an outcome",
        f"{FILE}:31: 'rest' cannot be reached from the start; lead an answer to it or remove it",
    ]


def test_answer_to_a_node_that_does_not_exist(tmp_path):
    assert problems_of(tmp_path, ("next: see-doctor}", "next: see-doctr}")) == [
        f"{FILE}:18: answer 'Toes' of 'where' leads to unknown node 'see-doctr' (did you mean "
        "'see-doctor'?)",
        f"{FILE}:26: 'see-doctor' cannot be reached from the start; lead an answer to it or "
        "remove it",
        f"{FILE}:39: scenario 'numb toes': after \"No\", \"No\", \"Toes\" it stops at an unknown "
        "node, before an outcome; add the answers that lead on",
    ]


def test_unknown_start(tmp_path):
    assert problems_of(tmp_path, ("start: groin", "start: grion")) == [
        f"{FILE}:1: start: unknown node 'grion' (did you mean 'groin'?)",
    ]


def test_link_to_a_page_that_does_not_exist(tmp_path):
    assert problems_of(tmp_path, ("links: [toes]", "links: [toez]")) == [
        f"{FILE}:30: outcome 'see-doctor' links to unknown page 'toez' (did you mean 'toes'?)",
    ]


def test_outcome_without_urgency(tmp_path):
    assert problems_of(tmp_path, ("    urgency: routine\n", "")) == [
        f"{FILE}:26: missing field 'urgency' in this entry of 'outcomes'; add it, with one of "
        "emergency, urgent, routine, self-care",
    ]


def test_outcome_with_an_unknown_urgency(tmp_path):
    assert problems_of(tmp_path, ("urgency: routine", "urgency: urgnet")) == [
        f"{FILE}:27: 'urgency' is 'urgnet'; use one of emergency, urgent, routine, self-care "
        "(did you mean 'urgent'?)",
    ]


def test_emergency_title_must_leave_room_for_the_number(tmp_path):
    assert problems_of(tmp_path, ("title: Call the emergency number now",
                                  "title: Call 999 now")) == [
        f"{FILE}:23: the title of emergency outcome 'call-now' must say 'the emergency number', "
        "e.g. 'Call the emergency number now'; the page puts the number there",
    ]


def test_danger_yes_that_does_not_end_at_emergency(tmp_path):
    assert problems_of(tmp_path, ('{label: "Yes", next: call-now}\n      - {label: "No", next: '
                                  'where}', '{label: "Yes", next: see-doctor}\n      - {label: '
                                  '"No", next: where}')) == [
        f"{FILE}:13: answer 'Yes' of danger question 'stroke' leads to 'see-doctor' (urgency "
        "'routine'); every answer but 'No' must lead straight to an emergency outcome",
    ]


def test_danger_question_without_no(tmp_path):
    assert problems_of(tmp_path, ('{label: "No", next: where}', '{label: "Nope", next: where}')
                       ) == [
        f"{FILE}:9: danger question 'stroke' has no answer 'No'; add one for readers without "
        "this sign",
        f"{FILE}:14: answer 'Nope' of danger question 'stroke' leads to 'where' (a question); "
        "every answer but 'No' must lead straight to an emergency outcome",
        f"{FILE}:39: scenario 'numb toes': after \"No\", question 'stroke' has no answer 'No' "
        "(its answers: \"Yes\", \"Nope\")",
    ]


def test_path_that_skips_a_danger_question(tmp_path):
    intro = ("  - id: intro\n    text: Are you pregnant?\n    answers:\n"
             "      - {label: \"Yes\", next: groin}\n      - {label: \"No\", next: stroke}\n")
    assert problems_of(tmp_path, ("start: groin\n", "start: intro\n"),
                       ("  - id: groin\n", intro + "  - id: groin\n"),
                       ('answers: ["Yes"]', 'answers: ["Yes", "Yes"]'),
                       ('answers: ["No", "No", "Toes"]', 'answers: ["Yes", "No", "No", "Toes"]')
                       ) == [
        f"{FILE}:31: 'see-doctor' (urgency 'routine') can be reached without the danger question "
        "'groin', by answering \"No\", \"No\", \"Toes\"; ask every danger question on every "
        "path to a non-emergency outcome",
    ]


def test_failing_scenarios(tmp_path):
    assert problems_of(tmp_path, ('answers: ["No", "No", "Toes"]', 'answers: ["No", "No", "Feet"]'),
                       ('answers: ["Yes"]', 'answers: ["No", "Maybe"]')) == [
        f"{FILE}:36: scenario 'numb groin': after \"No\", question 'stroke' has no answer "
        "'Maybe' (its answers: \"Yes\", \"No\")",
        f"{FILE}:39: scenario 'numb toes' ends at 'rest', not at the expected 'see-doctor'",
    ]


def test_scenario_that_stops_early_or_runs_on(tmp_path):
    assert problems_of(tmp_path, ('answers: ["No", "No", "Toes"]', 'answers: ["No"]'),
                       ('answers: ["Yes"]', 'answers: ["Yes", "No"]')) == [
        f"{FILE}:36: scenario 'numb groin': after \"Yes\" it is at 'call-now', with answers "
        "left over: \"No\"",
        f"{FILE}:39: scenario 'numb toes': after \"No\" it stops at 'stroke', before an "
        "outcome; add the answers that lead on",
    ]


def test_duplicate_ids_and_answers(tmp_path):
    assert problems_of(tmp_path, ("  - id: rest\n", "  - id: where\n"),
                       ('{label: "Feet", next: rest}', '{label: "Toes", next: see-doctor}')) == [
        f"{FILE}:19: question 'where' has the answer 'Toes' twice (also on line 18)",
        f"{FILE}:31: the id 'where' is already used on line 15; questions and outcomes need "
        "different ids",
    ]


def test_shape_problems_are_reported_with_their_lines(tmp_path):
    assert problems_of(tmp_path, ("    text: Is your groin numb?\n",
                                  "    txt: Is your groin numb?\n"),
                       ('{label: "Toes"', "{label: Yes"),
                       ("scenarios:\n", "scenario:\n")) == [
        f"{FILE}:3: missing field 'text' in this entry of 'questions'; add it",
        f"{FILE}:5: unknown field 'txt' (did you mean 'text'?)",
        f"{FILE}:18: 'label' is read as true; put it in quotes, e.g. \"Yes\"",
        f"{FILE}:35: unknown field 'scenario' (did you mean 'scenarios'?)",
    ]


def test_text_is_checked_like_page_text(tmp_path):
    assert problems_of(tmp_path, ("text: It passes.", "text: It <b>passes</b>, see [toes](toe).")
                       ) == [
        f"{FILE}:34: link to unknown page 'toe' (did you mean 'toes'?); link to a page id such "
        "as 'diagnosis' or to an https:// address",
        f"{FILE}:34: raw HTML ('<b...') is not allowed in content; use Markdown instead",
        f"{FILE}:34: the symptom guide shows its text as plain text; put page ids in the "
        "outcome's 'links:' instead of [text](id) links",
    ]


def test_compiled_form_is_the_json_contract(tmp_path):
    problems_of(tmp_path)
    tree, _ = load_tree(tmp_path / FILE, tmp_path)
    compiled = compile_tree(tree, lambda page_id: f"pages/{page_id}/", {})
    assert compiled["start"] == "groin"
    assert compiled["nodes"]["groin"] == {
        "kind": "question", "danger": True, "text": "Is your groin numb?", "tier": None,
        "signs": [], "answers": [{"label": "Yes", "next": "call-now", "facts": []},
                                 {"label": "No", "next": "stroke", "facts": []}]}
    assert compiled["nodes"]["see-doctor"] == {
        "kind": "outcome", "urgency": "routine", "title": "Book an appointment",
        "text": "See your doctor this week.", "links": ["pages/toes/"]}
    assert json.loads(json.dumps(compiled)) == compiled


@pytest.fixture(scope="module")
def real():
    """The real content and tree, checked the way the build checks them."""
    content, _, problems = check_project(Project.at(ROOT))
    return content, problems


def test_real_tree_passes_every_check(real):
    content, problems = real
    assert content.tree is not None
    assert [str(p) for p in problems if p.path == FILE] == []


def test_real_scenarios_reach_their_outcomes_and_cover_every_danger_question(real):
    tree = real[0].tree
    assert len(tree.scenarios) >= 12
    for scenario in tree.scenarios:
        assert walk(tree, scenario.answers) == (scenario.expect.id, None), scenario.name
    nodes = tree.nodes()
    for question in (q for q in tree.questions if q.danger):
        covered = [s for s in tree.scenarios if _says_yes_to(tree, s.answers, question.id)]
        assert covered, f"no scenario answers yes to the danger question '{question.id}'"
        assert all(nodes[s.expect.id].urgency == "emergency" for s in covered)


def test_real_tree_asks_danger_questions_first(real):
    tree = real[0].tree
    nodes = tree.nodes()
    node, seen = nodes[tree.start.id], []
    while isinstance(node, Question) and node.danger:
        seen.append(node.id)
        node = nodes[next(a.next.id for a in node.answers if a.label == "No")]
    assert set(seen) == {q.id for q in tree.questions if q.danger}
    assert not isinstance(node, Outcome)


def test_real_tree_links_are_site_root_urls(real):
    content = real[0]
    paths = all_doc_paths(content)
    compiled = compile_tree(content.tree, lambda page_id: page_url(paths[page_id]),
                            content.registry.signs_by_id)
    links = {link for node in compiled["nodes"].values() for link in node.get("links", [])}
    assert "causes/diabetes/" in links and "red-flags/" in links
    assert all(link.endswith("/") and not link.startswith("/") for link in links)
    assert linkable_ids(content) >= {ref.id for o in content.tree.outcomes for ref in o.links}


def _says_yes_to(tree, answers, question_id) -> bool:
    nodes, node = tree.nodes(), tree.nodes()[tree.start.id]
    for label in answers:
        if node.id == question_id:
            return label != "No"
        node = nodes[next(a.next.id for a in node.answers if a.label == label)]
    return False


def test_the_content_check_reports_an_unsafe_tree(project_copy):
    file = project_copy / FILE
    lines = file.read_text(encoding="utf-8").splitlines(keepends=True)
    line = next(n for n, text in enumerate(lines, 1) if "next: call-now-spine}" in text)
    lines[line - 1] = lines[line - 1].replace("call-now-spine", "routine-toes")
    file.write_text("".join(lines), encoding="utf-8")
    problems = [str(problem) for problem in check_project(Project.at(project_copy))[2]]
    assert f"{FILE}:{line}: answer 'Yes' of danger question 'spine-signs' leads to " \
           "'routine-toes' (urgency 'routine'); every answer but 'No' must lead straight " \
           "to an emergency outcome" in problems
    assert any("scenario 'a numb bottom or trouble peeing is an emergency' ends at "
               "'routine-toes'" in problem for problem in problems)
