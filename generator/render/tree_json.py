"""The symptom guide's tree as the JSON contract the widget reads (DESIGN.md)."""
from generator import model
from generator.model import NO


def compile_tree(tree: model.Tree, url_of, signs: dict) -> dict:
    """Return the JSON contract of DESIGN.md; url_of maps a page id to its site-root URL, signs
    maps a sign id to its registry entry. Each answer lists the facts it stands for (a sign
    question's answers but "No" stand for its signs), so tests can answer as a person would."""
    nodes = {}
    for question in tree.questions:
        asked = [signs[ref.id] for ref in question.signs]
        nodes[question.id] = {
            "kind": "question", "danger": question.danger, "text": question.text,
            "tier": asked[0].tier if asked else None,
            "signs": [{"id": sign.id, "text": sign.text} for sign in asked],
            "answers": [{"label": a.label, "next": a.next.id,
                         "facts": [s.id for s in asked] if asked and a.label != NO
                         else list(a.facts)} for a in question.answers]}
    for outcome in tree.outcomes:
        nodes[outcome.id] = {"kind": "outcome", "urgency": outcome.urgency,
                             "title": outcome.title, "text": outcome.text,
                             "links": [url_of(ref.id) for ref in outcome.links]}
    return {"start": tree.start.id, "nodes": nodes}
