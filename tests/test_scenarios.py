"""The people of tests/scenarios.yml answer the published symptom guide from their facts (never
from question ids), and each ends at an urgency that is safe and not over the top for them."""
import json
from pathlib import Path

import pytest
import yaml

from scenario_walk import PEOPLE, RANK, outcome_for

SIGNS = yaml.safe_load((Path(__file__).parents[1] / "content" / "warning_signs.yml")
                       .read_text(encoding="utf-8"))["signs"]


@pytest.fixture(scope="module")
def guide(built_site) -> dict:
    return json.loads((built_site / "assets" / "decision-tree.json").read_text(encoding="utf-8"))


def test_there_are_enough_people_and_every_fact_is_one_the_guide_knows(guide):
    known = {sign["id"] for sign in SIGNS} | {
        fact for node in guide["nodes"].values() if node["kind"] == "question"
        for answer in node["answers"] for fact in answer["facts"]}
    assert len(PEOPLE) >= 40
    unknown = {fact for person in PEOPLE for fact in person["facts"]} - known
    assert not unknown, f"facts no sign or answer stands for: {sorted(unknown)}"


@pytest.mark.parametrize("person", PEOPLE, ids=[p["name"] for p in PEOPLE])
def test_each_person_is_sent_where_the_guidance_says(guide, person):
    outcome, steps = outcome_for(guide, set(person["facts"]))
    said = [answer["label"] for _, answer in steps]
    story = f"{person['story']} Answers: {said}; result: {outcome['title']} ({outcome['urgency']})"
    assert RANK[outcome["urgency"]] <= RANK[person["lowest"]], f"too low: {story}"
    assert RANK[outcome["urgency"]] >= RANK[person["highest"]], f"over-triaged: {story}"
    if person.get("pages"):
        linked = {link.rstrip("/").split("/")[-1] for link in outcome["links"]}
        assert linked & set(person["pages"]), f"links {outcome['links']}: {story}"


def test_someone_with_an_emergency_sign_never_ends_below_emergency(guide):
    for sign in (s for s in SIGNS if s["tier"] == "emergency"):
        outcome, steps = outcome_for(guide, {sign["id"], "diabetes", "pregnant", "onset-slow"})
        assert outcome["urgency"] == "emergency", (sign["id"], [a["label"] for _, a in steps])
