"""Make a synthetic content set: the real project's inputs with every cause, location, situation
and treatment page copied factor times, each copy linked only to pages of its own copy.

    python -m bench.synthetic FACTOR TARGET    (e.g. 10 build/bench/set-10x)
"""
import re
import shutil
import sys
from collections import deque
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
COPIED_FOLDERS = ("causes", "locations", "situations", "treatment")
# Markdown links to a page id, as content writes them: [text](id) or [text](id#anchor)
INLINE_LINK = re.compile(r"(\]\(\s*)([a-z0-9-]+)(?=[#)\s])")
HUB = "benchmark-copies"
HUB_ANSWER = "Another copy of the guide"
# The loader reads at most 10,000 values a file (generator/content/yaml_lines.py): the tree stops
# growing at 10 copies, which stay under that (15 would not).
MAX_TREE_COPIES = 10
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def make_set(source: Path, target: Path, factor: int) -> Path:
    """Write the synthetic set with factor copies of each copied page into target; return it."""
    if factor < 1:
        raise ValueError("factor must be at least 1")
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source / "content", target / "content")
    shutil.copytree(source / "overrides", target / "overrides")
    shutil.copy(source / "site_config.yml", target / "site_config.yml")
    shim = source / "node_modules" / "iframe-worker"
    if shim.exists():  # the offline bundle takes its search shim from the project's node_modules
        shutil.copytree(shim, target / "node_modules" / "iframe-worker")
    files = [file for folder in COPIED_FOLDERS
             for file in sorted((target / "content" / folder).glob("*.yml"))]
    copied = {file.stem for file in files}
    for copy in range(2, factor + 1):
        for file in files:
            _copy_page(file, copied, copy)
    if factor > 1 and (target / "content" / "decision_tree.yml").exists():
        _grow_tree(target / "content" / "decision_tree.yml", copied, factor)
    return target


def copy_id(page_id: str, copy: int) -> str:
    """The id of a page in the given copy, e.g. diabetes-x7."""
    return f"{page_id}-x{copy}"


def _copy_page(file: Path, copied: set[str], copy: int) -> None:
    """Write one renamed copy of a page beside it, its links pointing into the same copy."""
    page = yaml.load(file.read_text(encoding="utf-8"), Loader=_LOADER)
    renamed = _renamer(copied, copy)
    page["title"] = f"{page['title']} (copy {copy})"
    for name in ("links", "causes"):
        if name in page:
            page[name] = [renamed(ref) for ref in page[name]]
    for section in page["sections"]:
        section["body"] = INLINE_LINK.sub(lambda m: m.group(1) + renamed(m.group(2)),
                                          section["body"])
    _write_yaml(file.with_name(f"{copy_id(file.stem, copy)}.yml"), page, _schema_line(file))


def _renamer(copied: set[str], copy: int):
    return lambda page_id: copy_id(page_id, copy) if page_id in copied else page_id


def _grow_tree(file: Path, copied: set[str], factor: int) -> None:
    """Copy the tree's part after its sign questions once per copy (up to MAX_TREE_COPIES),
    reached from one new question."""
    tree = yaml.load(file.read_text(encoding="utf-8"), Loader=_LOADER)
    questions = {q["id"]: q for q in tree["questions"]}
    root = next((q for q in tree["questions"] if not q.get("danger") and not q.get("signs")),
                None)
    if root is None:
        return
    part = _reachable(root["id"], questions)
    outcomes = [o for o in tree["outcomes"] if o["id"] in part]
    copies = range(2, min(factor, MAX_TREE_COPIES) + 1)
    for copy in copies:
        tree["questions"] += [_copy_question(questions[node_id], part, copy)
                              for node_id in questions if node_id in part]
        tree["outcomes"] += [_copy_outcome(outcome, part, copied, copy) for outcome in outcomes]
    tree["questions"].append({
        "id": HUB, "text": "Which copy of the guide do you want to use?",
        "answers": [{"label": f"Copy {copy}", "next": copy_id(root["id"], copy),
                     "facts": [f"benchmark-copy-{copy}"]} for copy in copies]})
    # Each answer says what it stands for, as the tree checks ask of every answer but one
    root["answers"].append({"label": HUB_ANSWER, "next": HUB, "facts": ["benchmark-copy"]})
    _write_yaml(file, tree, _schema_line(file))


def _reachable(start: str, questions: dict) -> set[str]:
    """Ids of every node reachable from start, start included."""
    seen, queue = {start}, deque([start])
    while queue:
        for answer in questions.get(queue.popleft(), {}).get("answers", ()):
            if answer["next"] not in seen:
                seen.add(answer["next"])
                queue.append(answer["next"])
    return seen


def _copy_question(question: dict, part: set[str], copy: int) -> dict:
    renamed = _renamer(part, copy)
    return {**question, "id": renamed(question["id"]),
            "answers": [{**a, "next": renamed(a["next"])} for a in question["answers"]]}


def _copy_outcome(outcome: dict, part: set[str], copied: set[str], copy: int) -> dict:
    pages = _renamer(copied, copy)
    return {**outcome, "id": _renamer(part, copy)(outcome["id"]),
            "links": [pages(ref) for ref in outcome.get("links", ())]}


def _schema_line(file: Path) -> str:
    first = file.read_text(encoding="utf-8").splitlines()[0]
    return first + "\n" if first.startswith("# yaml-language-server") else ""


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Writes text of several lines as a literal block, as the content files do, and every
    value out in full (content may not use aliases, and copies share lists)."""

    def ignore_aliases(self, data):
        return True


_Dumper.add_representer(str, lambda dumper, text: dumper.represent_scalar(
    "tag:yaml.org,2002:str", text, style="|" if "\n" in text else None))


def _write_yaml(file: Path, data: dict, header: str) -> None:
    text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100,
                     default_flow_style=None)
    file.write_text(header + text, encoding="utf-8")


if __name__ == "__main__":
    made = make_set(ROOT, Path(sys.argv[2]), int(sys.argv[1]))
    print(f"synthetic set written to {made}", file=sys.stderr)
