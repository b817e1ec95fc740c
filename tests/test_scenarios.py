"""The people of tests/scenarios.yml answer the published symptom guide from their facts (never
from question ids), and each ends at an urgency that is safe and not over the top for them."""
import json
from pathlib import Path

import pytest
import yaml

PEOPLE = yaml.safe_load((Path(__file__).parent / "scenarios.yml").read_text(encoding="utf-8"))
RANK = {"emergency": 0, "urgent": 1, "routine": 2, "self-care": 3}
SIGNS = yaml.safe_load((Path(__file__).parents[1] / "content" / "warning_signs.yml")
                       .read_text(encoding="utf-8"))["signs"]


@pytest.fixture(scope="module")
def guide(built_site) -> dict:
    return json.loads((built_site / "assets" / "decision-tree.json").read_text(encoding="utf-8"))


def answer_as(person_facts: set[str], question: dict) -> dict:
    """The answer a person gives: the first whose facts are true of them, else the catch-all."""
    for answer in question["answers"]:
        if person_facts & set(answer["facts"]):
            return answer
    catch_all = [answer for answer in question["answers"] if not answer["facts"]]
    assert catch_all, f"no answer of '{question['text']}' fits facts {sorted(person_facts)}"
    return catch_all[0]


def outcome_for(guide: dict, facts: set[str]) -> tuple[dict, list[str]]:
    """Walk the guide as the person would; return the outcome and the answers given."""
    node, said = guide["nodes"][guide["start"]], []
    while node["kind"] == "question":
        answer = answer_as(facts, node)
        said.append(answer["label"])
        node = guide["nodes"][answer["next"]]
    return node, said


def test_there_are_enough_people_and_every_fact_is_one_the_guide_knows(guide):
    known = {sign["id"] for sign in SIGNS} | {
        fact for node in guide["nodes"].values() if node["kind"] == "question"
        for answer in node["answers"] for fact in answer["facts"]}
    assert len(PEOPLE["people"]) >= 40
    unknown = {fact for person in PEOPLE["people"] for fact in person["facts"]} - known
    assert not unknown, f"facts no sign or answer stands for: {sorted(unknown)}"


@pytest.mark.parametrize("person", PEOPLE["people"], ids=[p["name"] for p in PEOPLE["people"]])
def test_each_person_is_sent_where_the_guidance_says(guide, person):
    outcome, said = outcome_for(guide, set(person["facts"]))
    story = f"{person['story']} Answers: {said}; result: {outcome['title']} ({outcome['urgency']})"
    assert RANK[outcome["urgency"]] <= RANK[person["lowest"]], f"too low: {story}"
    assert RANK[outcome["urgency"]] >= RANK[person["highest"]], f"over-triaged: {story}"
    if person.get("pages"):
        linked = {link.rstrip("/").split("/")[-1] for link in outcome["links"]}
        assert linked & set(person["pages"]), f"links {outcome['links']}: {story}"


def test_someone_with_an_emergency_sign_never_ends_below_emergency(guide):
    for sign in (s for s in SIGNS if s["tier"] == "emergency"):
        outcome, said = outcome_for(guide, {sign["id"], "diabetes", "pregnant", "onset-slow"})
        assert outcome["urgency"] == "emergency", (sign["id"], said)
