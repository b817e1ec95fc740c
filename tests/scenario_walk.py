"""The people of tests/scenarios.yml, and how each answers the published symptom guide: from
their facts, never from question ids."""
from pathlib import Path

import yaml

PEOPLE = yaml.safe_load((Path(__file__).parent / "scenarios.yml").read_text(encoding="utf-8"))[
    "people"]
RANK = {"emergency": 0, "urgent": 1, "routine": 2, "self-care": 3}


def answer_as(facts: set[str], question: dict) -> dict:
    """The answer a person gives: the first whose facts are true of them, else the catch-all."""
    for answer in question["answers"]:
        if facts & set(answer["facts"]):
            return answer
    catch_all = [answer for answer in question["answers"] if not answer["facts"]]
    assert catch_all, f"no answer of '{question['text']}' fits facts {sorted(facts)}"
    return catch_all[0]


def outcome_for(guide: dict, facts: set[str]) -> tuple[dict, list[dict]]:
    """Walk the guide as the person would; return the outcome and the questions with answers."""
    node, steps = guide["nodes"][guide["start"]], []
    while node["kind"] == "question":
        answer = answer_as(facts, node)
        steps.append((node, answer))
        node = guide["nodes"][answer["next"]]
    return node, steps
