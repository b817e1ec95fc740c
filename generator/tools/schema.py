"""JSON Schemas (draft 7) of the content files, generated from the loader's field tables."""
import json
from pathlib import Path

from generator import model
from generator.content import fields

DRAFT = "http://json-schema.org/draft-07/schema#"
FOLDER = "schema"  # under content/; the loader reads only the kind folders, never this one
MODELINE = "# yaml-language-server: $schema="
# The file tables the loader reads, by schema name (one schema per kind of file).
TABLES = {**fields.PAGE_TABLES,
          **{name.removesuffix(".yml"): table for name, table in fields.FILE_TABLES.items()}}
SINGLE_FILES = {name: name.removesuffix(".yml") for name in fields.FILE_TABLES}
# What each field is for, shown by the editor on hover and as comments in new files.
HELP = {
    "title": "short title shown to readers",
    "summary": "one plain sentence that says what the page is about",
    "also_called": "words a worried reader might type, e.g. pins and needles",
    "sources": "ids of the article's sections (content/source.yml) or references "
               "(content/references.yml) it draws on",
    "get_help": "ids of the warning signs (content/warning_signs.yml) shown as its "
                "'When to get help' cards",
    "signs": "ids of warning signs (content/warning_signs.yml)",
    "facts": "what is true of a reader who gives this answer (ids the scenario tests use)",
    "tier": "how urgently to act: " + ", ".join(model.URGENCIES),
    "text": "plain words, as readers see them",
    "url": "the page's address, starting with https://",
    "consulted": "the date the page was read, like 2026-12-01",
    "note": "optional: where it was read, if through a copy",
    "id": "lower-case id, unique in its file",
    "publisher": "who publishes it",
    "sections": "entries in order, each starting with '- '",
    "links": "ids of other pages it is connected to",
    "last_reviewed": "date of the last review, like 2025-07-05",
    "reviewed_by": "who reviewed it, e.g. Dr A. Name",
    "group": "the group of causes: " + ", ".join(model.CAUSE_GROUPS),
    "causes": "ids of the causes the article names for it (files in content/causes/)",
    "banner": "a few words for the red-flag banner on every page (emergency signs only)",
    "lay_words": "phrases readers type that name this sign, e.g. numb bum; a search that "
                 "names one puts the red-flags page first",
    "groups": "groups of words that mean the same thing to a reader searching",
    "words": "the words of one group, lower case, e.g. [pee, wee, urine, bladder]",
    "heading": "the section's heading",
    "body": "plain Markdown; link to a page with [text](id)",
    "urgency": "the level of care: " + ", ".join(model.URGENCIES),
    "term": "the medical word", "definition": "what it means, in plain words",
    "everyday": "true for a word most readers know: listed in the glossary, not explained on "
                "every page",
    "page": "id of a page about the term, if there is one",
    "start": "id of the first question", "danger": "true for a danger-sign question",
    "next": "id of the question or outcome this answer leads to",
    "expect": "id of the outcome these answers must reach",
    "tests": "only in diagnosis: the tests the doctor may ask for, listed on the appointment page",
    "view_box": "the picture's coordinates: left, top, width, height, e.g. 0 0 400 460",
    "regions": "the parts of the legs, each a link to a page, in the order readers meet them",
    "shapes": "SVG shapes in the view_box, each with 'path' or 'points'",
    "path": "SVG path data, e.g. M10 10L20 10L15 20Z",
    "points": "the corners of a polygon, e.g. 10,10 20,10 15,20",
}


def schemas() -> dict[str, dict]:
    """Return the schema of every kind of content file, by name."""
    return {name: {"$schema": DRAFT, "title": f"{name.replace('_', ' ')} file of the guide",
                   "description": "Generated from generator/content/fields.py by "
                                  "'python -m generator schema'; do not edit by hand.",
                   **_object(table)}
            for name, table in TABLES.items()}


def write_schemas(content_dir: Path) -> list[Path]:
    """Write content/schema/<name>.json for every kind; return the files that changed."""
    folder = content_dir / FOLDER
    folder.mkdir(exist_ok=True)
    changed = []
    for name, text in schema_texts().items():
        file = folder / f"{name}.json"
        if not file.exists() or file.read_text(encoding="utf-8") != text:
            file.write_text(text, encoding="utf-8")
            changed.append(file)
    return changed


def schema_texts() -> dict[str, str]:
    """Return each schema as the JSON text committed under content/schema/."""
    return {name: json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
            for name, schema in schemas().items()}


def schema_name(relative: str) -> str | None:
    """Return the schema a content file follows, from its path under content/ (None if none)."""
    folder, _, name = relative.rpartition("/")
    if not folder:
        return SINGLE_FILES.get(name)
    return model.FOLDER_KINDS.get(folder) if name.endswith(".yml") else None


def modeline(relative: str) -> str:
    """Return the first line of a content file: where its schema is, relative to the file."""
    up = "../" * relative.count("/")
    return f"{MODELINE}{up}{FOLDER}/{schema_name(relative)}.json"


def _object(spec: dict) -> dict:
    return {"type": "object",
            "properties": {name: _field(name, kind) for name, (kind, _) in spec.items()},
            "required": [name for name, (_, required) in spec.items() if required],
            "additionalProperties": False}


def _field(name: str, kind: str) -> dict:
    described = {"description": HELP[name]} if name in HELP else {}
    return {**described, **_type(kind)}


def _type(tag: str) -> dict:
    kind, many = fields.field_type(tag)
    if many:
        return {"type": "array", "items": kind.schema}
    if kind.reads == "entries":
        return {"type": "array", "minItems": 1, "items": _object(kind.table)}
    if kind.reads == "fields":
        return _object(kind.table)
    return kind.schema
