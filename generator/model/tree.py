"""The symptom guide's decision tree: questions, answers, outcomes and the scenarios editors test."""
from dataclasses import dataclass, field

from generator.model.ref import Ref

NO = "No"  # the one answer of a danger question that may lead on to other questions
NUMBER_PLACE = "the emergency number"  # the page puts the number from site_config.yml here


@dataclass(frozen=True)
class Answer:
    label: str
    next: Ref
    line: int
    facts: tuple[str, ...] = ()  # what is true of a reader who gives this answer
    field_lines: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    answers: tuple[Answer, ...]
    line: int
    danger: bool = False
    help: str | None = None
    signs: tuple[Ref, ...] = ()  # warning signs asked about, from content/warning_signs.yml
    field_lines: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Outcome:
    id: str
    title: str
    text: str
    line: int
    urgency: str | None = None
    links: tuple[Ref, ...] = ()
    sources: tuple[Ref, ...] = ()
    field_lines: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Scenario:
    name: str
    answers: tuple[str, ...]
    expect: Ref
    line: int
    field_lines: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Tree:
    """The whole decision tree of one file."""

    path: str
    start: Ref
    questions: tuple[Question, ...]
    outcomes: tuple[Outcome, ...]
    scenarios: tuple[Scenario, ...] = ()

    def nodes(self) -> dict:
        """Map every node id to its question or outcome (the first, if an id is used twice)."""
        nodes = {}
        for node in (*self.questions, *self.outcomes):
            nodes.setdefault(node.id, node)
        return nodes
