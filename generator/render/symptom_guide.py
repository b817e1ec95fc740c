"""The symptom guide: its tree compiled once and published twice (assets/decision-tree.json, and
the script its widget reads), and its steps on numbered pages for readers without JavaScript."""
import json
from dataclasses import dataclass

from generator import model
from generator.render import lists, tree_json, urls

TREE_JSON = "assets/decision-tree.json"
TREE_SCRIPT = "assets/javascripts/symptom-guide-tree.js"
# The questions and results one page of the no-JavaScript list shows, so that every page keeps
# under 60 KB of HTML at any size (tests/test_symptom_guide_pages.py): a question weighs 0.5 KB
# (at most 1 KB), a result with its links and call button 0.85 KB (at most 1.5 KB), the theme's
# frame around them, with the widget on the first page, 18 to 20 KB. So 25 of the heaviest
# results would still fit; at 10 times the content (bench/synthetic.py grows the tree to 281
# steps, and no further) the heaviest page is 41 KB (40 KB at 100 times).
STEPS_PER_PAGE = 25
# How each tier is named to readers: (screen-reader prefix, visible label), from the one table.
TIER_NAMES = {tier.id: (tier.sr_prefix, tier.label) for tier in model.TIERS}
SCRIPT_HEAD = (f"// Written by the build: the symptom guide's tree, as published in {TREE_JSON},\n"
               "// and the words its widget shows with it. A script, not JSON to fetch: the "
               "offline bundle\n// runs from file://, where browsers refuse fetch().\n")


@dataclass(frozen=True)
class Step:
    """A step of the no-JavaScript list: a question or a result, numbered among its kind."""

    kind: str  # "question" or "outcome", as in the tree's JSON
    node: model.Question | model.Outcome
    number: int

    @property
    def name(self) -> str:
        """How answers link to it: "question 3", "result 12"."""
        return f"{'question' if self.kind == 'question' else 'result'} {self.number}"


def symptom_guide(content: model.Content, paths: dict[str, str], config: model.SiteConfig,
                  offline: bool = False) -> dict | None:
    """Return what the symptom guide's pages need: the tree, its JSON and script, its steps on
    their pages, the titles it links to. Its links lead from the site's root to each page as
    this build writes it (causes/stroke/ hosted, causes/stroke.html offline)."""
    if content.tree is None:
        return None
    titles = {**model.GENERATED_PAGES, **{page.id: page.title for page in content.pages}}

    def url_of(page_id: str) -> str:
        return urls.page_url(paths[page_id], not offline)

    compiled = tree_json.compile_tree(content.tree, url_of, content.registry.signs_by_id)
    text = json.dumps(compiled, sort_keys=True, ensure_ascii=False)
    linked = {ref.id for outcome in content.tree.outcomes for ref in outcome.links}
    words = {"help": {q.id: q.help for q in content.tree.questions if q.help},
             "titles": {url_of(page_id): titles[page_id] for page_id in sorted(linked)},
             "numbered": {model.NUMBER_PLACE: config.emergency_number}}
    pages = lists.split(steps(content.tree), urls.GENERATED_PATHS["symptom-guide"], STEPS_PER_PAGE)
    return {"tree": content.tree, "json": text + "\n", "script": tree_script(text, words),
            "script_doc": TREE_SCRIPT,
            "pages": pages, "titles": titles, "signs": content.registry.signs_by_id,
            "steps": {step.node.id: step.name for part in pages for step in part.entries},
            "docs": {step.node.id: part.doc for part in pages for step in part.entries},
            "tiers": TIER_NAMES, "tiers_json": json.dumps(TIER_NAMES)}


def steps(tree: model.Tree) -> list[Step]:
    """The list's steps: the danger questions (so they are on the first page), the other
    questions, then the results, each kind in the tree's order."""
    questions = [q for q in tree.questions if q.danger] + \
        [q for q in tree.questions if not q.danger]
    return [*(Step("question", q, n) for n, q in enumerate(questions, 1)),
            *(Step("outcome", o, n) for n, o in enumerate(tree.outcomes, 1))]


def tree_script(tree_text: str, words: dict) -> str:
    """The widget's script: one global, the published tree (the very JSON text) and the words
    shown with it: each question's help, the titles of the pages results link to, and the
    emergency number to put in place of its name."""
    parts = ", ".join(f'"{name}": {json.dumps(value, sort_keys=True, ensure_ascii=False)}'
                      for name, value in words.items())
    return f'{SCRIPT_HEAD}window.symptomGuideTree = {{"tree": {tree_text}, {parts}}};\n'
