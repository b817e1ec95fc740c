"""Content fields of every kind, where each shows, and a small guide to write values into.

The guide is the minimal fixture with a symptom guide and a body map (tests/fixtures/guide_parts);
a value is written into one field with yaml.safe_dump, as an editor would type it."""
import shutil
from pathlib import Path

import yaml

from helpers import FIXTURES, minimal_tree

CAUSE, LOCATION = "content/causes/cold-feet.yml", "content/locations/feet.yml"
TREE, MAP = "content/decision_tree.yml", "content/body_map.yml"
# name: (file, where in it, the Markdown page that shows it). A list in "where" means the value
# goes into a new one-item list there.
FIELDS = {
    "cause title": (CAUSE, ("title",), "causes/cold-feet.md"),
    "cause summary": (CAUSE, ("summary",), "causes/cold-feet.md"),
    "cause also called": (CAUSE, ("also_called", 0), "causes/cold-feet.md"),
    "section heading": (CAUSE, ("sections", 0, "heading"), "causes/cold-feet.md"),
    "section body": (CAUSE, ("sections", 0, "body"), "causes/cold-feet.md"),
    "reviewer": (CAUSE, ("reviewed_by",), "causes/cold-feet.md"),
    "location title": (LOCATION, ("title",), "locations/feet.md"),
    "location summary": (LOCATION, ("summary",), "locations/feet.md"),
    "banner": ("content/warning_signs.yml", ("signs", 0, "banner"), "appointment.md"),
    "sign text": ("content/warning_signs.yml", ("signs", 0, "text"), "red-flags.md"),
    "reference title": ("content/references.yml", ("references", 0, "title"), "about.md"),
    "reference publisher": ("content/references.yml", ("references", 0, "publisher"),
                            "about.md"),
    "test": ("content/topics/diagnosis.yml", (["tests"],), "appointment.md"),
    "glossary term": ("content/glossary.yml", ("terms", 0, "term"), "glossary.md"),
    "glossary definition": ("content/glossary.yml", ("terms", 0, "definition"), "glossary.md"),
    "source title": ("content/source.yml", ("title",), "about.md"),
    "source publisher": ("content/source.yml", ("publisher",), "about.md"),
    "source heading": ("content/source.yml", ("sections", 0, "heading"), "about.md"),
    "question text": (TREE, ("questions", 1, "text"), "symptom-guide.md"),
    "question help": (TREE, ("questions", 1, "help"), "symptom-guide.md"),
    "answer label": (TREE, ("questions", 1, "answers", 1, "label"), "symptom-guide.md"),
    "outcome title": (TREE, ("outcomes", 1, "title"), "symptom-guide.md"),
    "outcome text": (TREE, ("outcomes", 1, "text"), "symptom-guide.md"),
    "map title": (MAP, ("title",), "locations/index.md"),
    "map region": (MAP, ("regions", 0, "label"), "locations/index.md"),
    "map label": (MAP, ("labels", 0, "text"), "locations/index.md"),
}
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
# What an editor may well write, in every field at once: quotes that end attributes, ampersands,
# entities to be shown as written, angle brackets that start no tag, and Unicode.
ADVERSARIAL = ("Numb legs \" onmouseover=\"alert(1)\" data-x='y' & more &amp; &lt;b&gt; "
               "&#60;i&#62; 5 < 6 > 4 Grüße 中文 😀")
IN_SEARCH_ONLY = {"cause also called"}
IN_TREE_JSON = {"question text", "answer label", "outcome title", "outcome text"}


def guide(tmp_path: Path) -> Path:
    """The minimal tree with the small symptom guide and body map; return its root."""
    root = minimal_tree(tmp_path)
    for name in ("decision_tree.yml", "body_map.yml"):
        shutil.copy(FIXTURES / "guide_parts" / name, root / "content" / name)
    return root


def adversarial_guide(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """The small guide with an adversarial value in every field; return its root and values."""
    root = guide(tmp_path)
    values = {name: f"{name}: {ADVERSARIAL}" for name in FIELDS}
    for name, value in values.items():
        set_field(root, name, value)
    return root, values


def set_field(root: Path, name: str, value: str) -> None:
    """Write value into the named field of its file."""
    relative, where, _ = FIELDS[name]
    file = root / relative
    document = yaml.load(file.read_text(encoding="utf-8"), Loader=LOADER)
    *parents, last = where
    node = document
    for key in parents:
        node = node[key]
    if isinstance(last, list):
        node, last, value = document, last[0], [value]
    node[last] = value
    file.write_text(yaml.dump(document, Dumper=DUMPER, allow_unicode=True, sort_keys=False,
                              width=10**6), encoding="utf-8")
