"""The symptom guide against the warning-sign registry: questions ask about registered signs,
emergency questions come before every non-emergency result and urgent ones before every routine
or self-care result, every emergency and urgent sign is asked, every result cites its sources."""
from generator.errors import Problem, did_you_mean
from generator.model import Registry
from generator.checks.safety import citation_problems
from generator.checks.tree import NO, Outcome, Question, Tree, paths_from_start

MAX_SIGNS = 4  # a question lists at most this many signs: longer lists get skimmed
RANK = {"emergency": 0, "urgent": 1, "routine": 2, "self-care": 3}


def check_tree_signs(tree: Tree, registry: Registry, citable: set[str]) -> list[Problem]:
    """Return every problem with the tree's use of signs and sources."""
    return sorted([
        *_check_questions(tree, registry),
        *_check_every_sign_asked(tree, registry),
        *_check_urgent_passed(tree, registry),
        *_check_outcome_sources(tree, citable),
        *_check_facts(tree),
    ])


def question_tier(question: Question, registry: Registry) -> str | None:
    """The tier of the signs a question asks about (None if it asks about none)."""
    tiers = [registry.signs_by_id[ref.id].tier for ref in question.signs
             if ref.id in registry.signs_by_id]
    return min(tiers, key=RANK.get) if tiers else None


def _check_questions(tree, registry):
    nodes = tree.nodes()
    for question in tree.questions:
        line = question.field_lines.get("signs", question.line)
        for ref in question.signs:
            if ref.id not in registry.signs_by_id:
                yield Problem(tree.path, ref.line, f"question '{question.id}' asks about unknown "
                              f"sign '{ref.id}'{did_you_mean(ref.id, registry.signs_by_id)}")
        tiers = {registry.signs_by_id[r.id].tier for r in question.signs
                 if r.id in registry.signs_by_id}
        if len(question.signs) > MAX_SIGNS:
            yield Problem(tree.path, line, f"question '{question.id}' lists {len(question.signs)}"
                          f" signs; ask about {MAX_SIGNS} at most, or split it in two")
        if len(tiers) > 1:
            yield Problem(tree.path, line, f"question '{question.id}' mixes signs of tiers "
                          f"{', '.join(sorted(tiers, key=RANK.get))}; ask about one tier at a time")
        if question.danger != (tiers == {"emergency"}):
            yield Problem(tree.path, question.line, f"question '{question.id}': a question is "
                          "'danger: true' exactly when it asks about emergency signs ('signs:')")
        tier = question_tier(question, registry)
        for answer in question.answers:
            target = nodes.get(answer.next.id)
            if tier and answer.label != NO and isinstance(target, Outcome) \
                    and RANK.get(target.urgency, 9) > RANK[tier]:
                yield Problem(tree.path, answer.line, f"answer '{answer.label}' of '{question.id}'"
                              f" leads to '{target.id}' ({target.urgency}), below the {tier} "
                              "tier of the signs it asks about")


def _check_every_sign_asked(tree, registry):
    asked = {ref.id for question in tree.questions for ref in question.signs}
    for sign in registry.signs:
        if RANK[sign.tier] <= RANK["urgent"] and sign.id not in asked:
            yield Problem(registry.signs_path, sign.line, f"the {sign.tier} sign '{sign.id}' is "
                          f"asked by no question of {tree.path}; add it to a question's 'signs'")


def _check_urgent_passed(tree, registry):
    nodes = tree.nodes()
    for question in tree.questions:
        if question_tier(question, registry) != "urgent":
            continue
        for node_id, answers in paths_from_start(tree, avoid=question.id).items():
            node = nodes[node_id]
            if isinstance(node, Outcome) and RANK.get(node.urgency, 0) > RANK["urgent"]:
                said = ", ".join(f'"{label}"' for label in answers) or "no answers"
                yield Problem(tree.path, node.line, f"'{node_id}' ({node.urgency}) can be reached "
                              f"without the urgent question '{question.id}', by answering {said};"
                              " ask every urgent question before a routine or self-care result")
                break


def _check_outcome_sources(tree, citable):
    for outcome in tree.outcomes:
        yield from citation_problems(tree.path, outcome.line, f"outcome '{outcome.id}'",
                                     outcome.sources, citable,
                                     "add 'sources:' with the references or article sections "
                                     "it follows")


def _check_facts(tree):
    for question in tree.questions:
        if question.signs:
            continue
        defaults = [answer for answer in question.answers if not answer.facts]
        if len(defaults) > 1:
            yield Problem(tree.path, question.line, f"question '{question.id}' has "
                          f"{len(defaults)} answers without 'facts:'; give each answer but the "
                          "one for readers none of the others fit the facts it stands for")
