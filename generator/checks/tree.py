"""Checks of the symptom guide's decision tree: shape, reachability, loops, links, safety and
the editors' scenarios. Pure functions."""
from collections import deque

from generator.checks.pages import text_problems
from generator.content.links import markdown_links
from generator.content.fields import ID_PATTERN
from generator.errors import Problem, did_you_mean
from generator.model import NO, NUMBER_PLACE, Answer, Outcome, Question, Tree


def check_tree(tree: Tree, page_ids: set[str]) -> list[Problem]:
    """Return every problem with the tree: shape, reachability, loops, links, safety, scenarios."""
    return sorted([
        *_check_ids(tree),
        *_check_targets(tree),
        *_check_reachable(tree),
        *_check_loops(tree),
        *_check_outcomes(tree, page_ids),
        *_check_texts(tree, page_ids),
        *_check_danger_answers(tree),
        *_check_danger_passed(tree),
        *_check_scenarios(tree),
    ])


def _problem(tree: Tree, line: int, message: str) -> Problem:
    return Problem(tree.path, line, message)


def _check_ids(tree):
    first = {}
    for node in (*tree.questions, *tree.outcomes):
        if not ID_PATTERN.match(node.id):
            yield _problem(tree, node.line, f"'{node.id}' is not a valid id; use lower case "
                           "letters, digits and '-', e.g. 'numb-groin'")
        if node.id in first:
            yield _problem(tree, node.line, f"the id '{node.id}' is already used on line "
                           f"{first[node.id]}; questions and outcomes need different ids")
        first.setdefault(node.id, node.line)
    for question in tree.questions:
        labels = {}
        for answer in question.answers:
            if answer.label in labels:
                yield _problem(tree, answer.line, f"question '{question.id}' has the answer "
                               f"'{answer.label}' twice (also on line {labels[answer.label]})")
            labels.setdefault(answer.label, answer.line)


def _check_targets(tree):
    nodes = tree.nodes()
    if tree.start.id not in nodes:
        yield _problem(tree, tree.start.line, f"start: unknown node '{tree.start.id}'"
                       f"{did_you_mean(tree.start.id, nodes)}")
    for question in tree.questions:
        for answer in question.answers:
            if answer.next.id not in nodes:
                yield _problem(tree, answer.next.line, f"answer '{answer.label}' of "
                               f"'{question.id}' leads to unknown node '{answer.next.id}'"
                               f"{did_you_mean(answer.next.id, nodes)}")


def _edges(tree) -> dict[str, list[Answer]]:
    """Map each question id to its answers whose next node exists."""
    nodes = tree.nodes()
    return {q.id: [a for a in q.answers if a.next.id in nodes] for q in nodes.values()
            if isinstance(q, Question)}


def paths_from_start(tree, avoid: str | None = None) -> dict[str, tuple[str, ...]]:
    """Map each node reachable from the start (not through `avoid`) to the shortest answers."""
    edges = _edges(tree)
    if tree.start.id not in tree.nodes() or tree.start.id == avoid:
        return {}
    paths = {tree.start.id: ()}
    queue = deque([tree.start.id])
    while queue:
        node = queue.popleft()
        for answer in edges.get(node, ()):
            if answer.next.id not in paths and answer.next.id != avoid:
                paths[answer.next.id] = (*paths[node], answer.label)
                queue.append(answer.next.id)
    return paths


def _check_reachable(tree):
    if tree.start.id not in tree.nodes():
        return
    reached = paths_from_start(tree)
    for node_id, node in tree.nodes().items():
        if node_id not in reached:
            yield _problem(tree, node.line, f"'{node_id}' cannot be reached from the start; "
                           "lead an answer to it or remove it")


def _check_loops(tree):
    edges = _edges(tree)
    state = {}  # node id -> "open" while on the current path, "done" after
    for root in edges:
        stack = [(root, iter(edges[root]))]
        state.setdefault(root, "open")
        while stack and state[root] != "done":
            node, answers = stack[-1]
            answer = next(answers, None)
            if answer is None:
                state[node] = "done"
                stack.pop()
            elif state.get(answer.next.id) == "open":
                yield _problem(tree, answer.line, f"answer '{answer.label}' of '{node}' leads "
                               f"back to '{answer.next.id}', making a loop; every path must "
                               "end at an outcome")
            elif answer.next.id not in state:
                state[answer.next.id] = "open"
                stack.append((answer.next.id, iter(edges.get(answer.next.id, ()))))


def _check_outcomes(tree, page_ids):
    for outcome in tree.outcomes:
        if outcome.urgency == "emergency" and NUMBER_PLACE not in outcome.title:
            yield _problem(tree, outcome.field_lines["title"], f"the title of emergency "
                           f"outcome '{outcome.id}' must say '{NUMBER_PLACE}', e.g. 'Call the "
                           "emergency number now'; the page puts the number there")
        for ref in outcome.links:
            if ref.id not in page_ids:
                yield _problem(tree, ref.line, f"outcome '{outcome.id}' links to unknown page "
                               f"'{ref.id}'{did_you_mean(ref.id, page_ids)}")


def _texts(tree):
    for question in tree.questions:
        yield question.field_lines["text"], question.text
        if question.help:
            yield question.field_lines["help"], question.help
        for answer in question.answers:
            yield answer.line, answer.label
    for outcome in tree.outcomes:
        yield outcome.field_lines["title"], outcome.title
        yield outcome.field_lines["text"], outcome.text


def _check_texts(tree, page_ids):
    for line, text in _texts(tree):
        yield from text_problems(tree.path, line, text, page_ids)
        if markdown_links(text):
            yield _problem(tree, line, "the symptom guide shows its text as plain text; put "
                           "page ids in the outcome's 'links:' instead of [text](id) links")


def _check_danger_answers(tree):
    nodes = tree.nodes()
    for question in (q for q in tree.questions if q.danger):
        if NO not in (answer.label for answer in question.answers):
            yield _problem(tree, question.line, f"danger question '{question.id}' has no "
                           f"answer '{NO}'; add one for readers without this sign")
        for answer in question.answers:
            target = nodes.get(answer.next.id)
            if answer.label != NO and target is not None and not _is_emergency(target):
                yield _problem(tree, answer.line, f"answer '{answer.label}' of danger question "
                               f"'{question.id}' leads to '{target.id}' ({_kind(target)}); every "
                               f"answer but '{NO}' must lead straight to an emergency outcome")


def _check_danger_passed(tree):
    nodes = tree.nodes()
    for question in (q for q in tree.questions if q.danger):
        for node_id, answers in paths_from_start(tree, avoid=question.id).items():
            node = nodes[node_id]
            if isinstance(node, Outcome) and not _is_emergency(node):
                yield _problem(tree, node.line, f"'{node_id}' ({_kind(node)}) can be reached "
                               f"without the danger question '{question.id}', by answering "
                               f"{_said(answers)}; ask every danger question on every path "
                               "to a non-emergency outcome")
                break


def _check_scenarios(tree):
    nodes = tree.nodes()
    if tree.start.id not in nodes:
        return
    for scenario in tree.scenarios:
        expected = nodes.get(scenario.expect.id)
        if not isinstance(expected, Outcome):
            yield _problem(tree, scenario.expect.line, f"scenario '{scenario.name}' expects "
                           f"'{scenario.expect.id}', which is not an outcome"
                           f"{did_you_mean(scenario.expect.id, [o.id for o in tree.outcomes])}")
            continue
        reached, failure = walk(tree, scenario.answers)
        if failure:
            yield _problem(tree, scenario.line, f"scenario '{scenario.name}': {failure}")
        elif reached != expected.id:
            yield _problem(tree, scenario.line, f"scenario '{scenario.name}' ends at "
                           f"'{reached}', not at the expected '{expected.id}'")


def walk(tree: Tree, labels) -> tuple[str | None, str | None]:
    """Follow answer labels from the start; return (outcome id reached, None) or (None, why not)."""
    nodes = tree.nodes()
    node = nodes.get(tree.start.id)
    for done, label in enumerate(labels):
        if not isinstance(node, Question):
            return None, f"after {_said(labels[:done])} it is at {_named(node)}, " \
                         f"with answers left over: {_said(labels[done:])}"
        answer = next((a for a in node.answers if a.label == label), None)
        if answer is None:
            return None, f"after {_said(labels[:done])}, question '{node.id}' has no " \
                         f"answer '{label}' (its answers: {_said(a.label for a in node.answers)})"
        node = nodes.get(answer.next.id)
    if not isinstance(node, Outcome):
        return None, f"after {_said(labels)} it stops at {_named(node)}, before an " \
                     "outcome; add the answers that lead on"
    return node.id, None


def _is_emergency(node) -> bool:
    return isinstance(node, Outcome) and node.urgency == "emergency"


def _kind(node) -> str:
    return "a question" if isinstance(node, Question) else f"urgency '{node.urgency}'"


def _named(node) -> str:
    return f"'{node.id}'" if node is not None else "an unknown node"


def _said(labels) -> str:
    labels = list(labels)
    return ", ".join(f'"{label}"' for label in labels) if labels else "no answers"
