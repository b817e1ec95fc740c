"""The symptom guide against the warning-sign registry: each mistake at its exact line."""
from pathlib import Path

import pytest

from generator.model import Ref, Registry, WarningSign
from generator.content.load import load_tree
from generator.checks.tree_signs import check_tree_signs

FILE = "content/decision_tree.yml"
REGISTRY = Registry(
    references_path="content/references.yml", references=(),
    signs_path="content/warning_signs.yml",
    signs=tuple(WarningSign(id=sign_id, tier=tier, text=f"{sign_id} text", line=line,
                            sources=(Ref("nhs", line),))
                for line, (sign_id, tier) in enumerate(
                    [("saddle", "emergency"), ("face", "emergency"), ("calf", "urgent"),
                     ("often", "routine")], start=1)))
CITABLE = {"nhs", "intro"}
# One emergency question, one urgent, one routine sign question, then the pattern.
SIGNED_TREE = """\
start: spine
questions:
  - id: spine
    danger: true
    text: Do you have any of these?
    signs: [saddle, face]
    answers:
      - {label: "Yes", next: call-now}
      - {label: "No", next: leg}
  - id: leg
    text: Do you have this?
    signs: [calf]
    answers:
      - {label: "Yes", next: today}
      - {label: "No", next: how}
  - id: how
    text: How did it start?
    answers:
      - {label: "After sitting", next: rest, facts: [pressure]}
      - {label: "Slowly", next: book}
outcomes:
  - id: call-now
    urgency: emergency
    title: Call the emergency number now
    text: Get help now.
    sources: [nhs]
  - id: today
    urgency: urgent
    title: Get seen today
    text: See a doctor today.
    sources: [nhs]
  - id: book
    urgency: routine
    title: Book an appointment
    text: See your doctor.
    sources: [intro]
  - id: rest
    urgency: self-care
    title: Rest
    text: It passes.
    sources: [nhs]
"""


def problems_of(tmp_path: Path, *edits: tuple[str, str]) -> list[str]:
    """Write the signed tree with these (old, new) edits; return its sign problems as printed."""
    text = SIGNED_TREE
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    file = tmp_path / FILE
    file.parent.mkdir(parents=True)
    file.write_text(text, encoding="utf-8")
    tree, problems = load_tree(file, tmp_path)
    assert problems == []
    return [str(problem) for problem in check_tree_signs(tree, REGISTRY, CITABLE)]


def test_the_signed_tree_is_valid(tmp_path):
    assert problems_of(tmp_path) == []


def test_a_routine_result_reachable_without_an_urgent_question_is_an_error(tmp_path):
    assert problems_of(tmp_path, ('{label: "No", next: leg}', '{label: "No", next: how}')) == [
        f"{FILE}:37: 'rest' (self-care) can be reached without the urgent question 'leg', by "
        'answering "No", "After sitting"; ask every urgent question before a routine or '
        "self-care result"]


def test_an_emergency_sign_no_question_asks_is_an_error(tmp_path):
    assert problems_of(tmp_path, ("signs: [saddle, face]", "signs: [saddle]")) == [
        "content/warning_signs.yml:2: the emergency sign 'face' is asked by no question of "
        f"{FILE}; add it to a question's 'signs'"]


def test_a_question_about_emergency_signs_must_be_a_danger_question(tmp_path):
    assert problems_of(tmp_path, ("    danger: true\n", "")) == [
        f"{FILE}:3: question 'spine': a question is 'danger: true' exactly when it asks about "
        "emergency signs ('signs:')"]


def test_signs_of_two_tiers_in_one_question(tmp_path):
    assert problems_of(tmp_path, ("signs: [calf]", "signs: [calf, often]")) == [
        f"{FILE}:12: question 'leg' mixes signs of tiers urgent, routine; ask about one tier at "
        "a time"]


def test_more_than_four_signs_in_one_question(tmp_path):
    many = "signs: [saddle, face, saddle, face, saddle]"
    assert problems_of(tmp_path, ("signs: [saddle, face]", many)) == [
        f"{FILE}:6: question 'spine' lists 5 signs; ask about 4 at most, or split it in two"]


def test_an_urgent_sign_leading_to_a_routine_result(tmp_path):
    assert problems_of(tmp_path, ('{label: "Yes", next: today}', '{label: "Yes", next: book}'),
                       ) == [
        f"{FILE}:14: answer 'Yes' of 'leg' leads to 'book' (routine), below the urgent tier of "
        "the signs it asks about"]


def test_an_unknown_sign_and_an_outcome_citing_nothing(tmp_path):
    assert problems_of(tmp_path, ("signs: [calf]", "signs: [calve]"),
                       ("    sources: [intro]\n", "")) == [
        f"{FILE}:12: question 'leg' asks about unknown sign 'calve' (did you mean 'calf'?)",
        f"{FILE}:32: outcome 'book' cites nothing; add 'sources:' with the references or "
        "article sections it follows",
        "content/warning_signs.yml:3: the urgent sign 'calf' is asked by no question of "
        f"{FILE}; add it to a question's 'signs'"]


def test_two_catch_all_answers(tmp_path):
    assert problems_of(tmp_path, ("facts: [pressure]", "facts: []")) == [
        f"{FILE}:16: question 'how' has 2 answers without 'facts:'; give each answer but the "
        "one for readers none of the others fit the facts it stands for"]
