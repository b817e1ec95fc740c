"""What each content file holds, and how each type of field is read and described.

Every field table maps a field's name to (type, required). The types are described once, in
FIELD_TYPES: the loader reads values by them, the schema writer describes them, and the
scaffolder starts new files from them. A type "list[t]" is a list of values of type t."""
import re
from dataclasses import dataclass, field

from generator import model

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Text fields shown on one line (titles, headings, names, settings); ids are one line too.
ONE_LINE = {"title", "heading", "term", "also_called", "banner", "reviewed_by", "publisher", "url",
            "lines", "id", "label", "name", "answers", "site_name", "site_url", "language",
            "emergency_number", "bundle_name", "words", "lay_words"}

# Page files: the fields of every page, then those of each kind.
PAGE_FIELDS = {
    "title": ("str", True),
    "summary": ("str", True),
    "also_called": ("list[str]", True),
    "sources": ("list[source]", True),
    "sections": ("sections", True),
    "links": ("list[page]", False),
    "last_reviewed": ("date", False),
    "reviewed_by": ("str", False),
}
# Causes, locations and situations always say when to get help; other pages may.
KIND_FIELDS = {
    "cause": {"group": ("group", True), "get_help": ("list[sign]", True)},
    "location": {"causes": ("list[cause]", True), "get_help": ("list[sign]", True)},
    "situation": {"causes": ("list[cause]", True), "get_help": ("list[sign]", True)},
    "topic": {"tests": ("list[str]", False), "get_help": ("list[sign]", False)},
    "treatment": {"get_help": ("list[sign]", False)},
}
SECTION_FIELDS = {"heading": ("str", True), "body": ("str", True)}
SOURCE_FIELDS = {"title": ("str", True), "publisher": ("str", True),
                 "last_reviewed": ("date", True), "sections": ("source_sections", True)}
SOURCE_SECTION_FIELDS = {"id": ("str", True), "heading": ("str", True), "lines": ("str", True),
                         "no_text": ("bool", False)}
SITE_FIELDS = {"site_name": ("str", True), "site_description": ("str", True),
               "site_url": ("str", True), "language": ("str", True),
               "emergency_number": ("str", True), "review": ("review", True),
               "urgent_care": ("urgent_care", True),
               "bundle_name": ("str", True), "readability": ("readability", False),
               "short_name": ("str", False)}
URGENT_CARE_FIELDS = {"label": ("str", True), "phone": ("str", True)}
REVIEW_FIELDS = {"interval_years": ("int", True)}
READABILITY_FIELDS = {"max_median_grade": ("int", True), "max_page_grade": ("int", True)}
REFERENCES_FIELDS = {"references": ("references", True)}
REFERENCE_FIELDS = {"id": ("str", True), "publisher": ("str", True), "title": ("str", True),
                    "url": ("str", True), "consulted": ("date", True), "note": ("str", False)}
SIGNS_FIELDS = {"signs": ("signs", True)}
SIGN_FIELDS = {"id": ("str", True), "tier": ("urgency", True), "text": ("str", True),
               "sources": ("list[source]", True), "banner": ("str", False),
               "lay_words": ("list[str]", False)}
GLOSSARY_FIELDS = {"terms": ("terms", True)}
TERM_FIELDS = {"term": ("str", True), "definition": ("str", True),
               "also_called": ("list[str]", False), "page": ("page", False),
               "everyday": ("bool", False)}

# The symptom guide (decision_tree.yml).
TREE_FIELDS = {"start": ("node", True), "questions": ("questions", True),
               "outcomes": ("outcomes", True), "scenarios": ("scenarios", False)}
QUESTION_FIELDS = {"id": ("str", True), "danger": ("bool", False), "text": ("str", True),
                   "help": ("str", False), "signs": ("list[sign]", False),
                   "answers": ("answers", True)}
ANSWER_FIELDS = {"label": ("str", True), "next": ("node", True), "facts": ("list[str]", False)}
OUTCOME_FIELDS = {"id": ("str", True), "urgency": ("urgency", True), "title": ("str", True),
                  "text": ("str", True), "links": ("list[page]", False),
                  "sources": ("list[source]", False)}
SCENARIO_FIELDS = {"name": ("str", True), "answers": ("list[str]", True),
                   "expect": ("node", True)}

# The lay thesaurus (synonyms.yml).
THESAURUS_FIELDS = {"groups": ("synonym_groups", True)}
SYNONYM_GROUP_FIELDS = {"words": ("list[str]", True)}

# The body map (body_map.yml).
MAP_FIELDS = {"title": ("str", True), "view_box": ("str", True), "outline": ("shapes", False),
              "labels": ("labels", False), "regions": ("regions", True)}
REGION_FIELDS = {"id": ("str", True), "label": ("str", True), "page": ("page", True),
                 "urgency": ("urgency", False), "shapes": ("shapes", True)}
SHAPE_FIELDS = {"path": ("str", False), "points": ("str", False)}
LABEL_FIELDS = {"text": ("str", True), "x": ("int", True), "y": ("int", True)}


@dataclass(frozen=True)
class FieldType:
    """One type of field. reads says how the loader reads a value: text, ref (an id or a
    source, kept with its line), date, int, bool, choice (one of choices), entries (a list of
    sets of fields, each by table, built as build) or fields (one set of them)."""

    reads: str
    schema: dict = field(default_factory=dict)  # JSON Schema of one value (for scalars)
    choices: tuple = ()
    table: dict | None = None
    build: type | None = None
    field_lines: bool = False  # entries also keep the line of each of their fields


TEXT = {"type": "string", "pattern": r"\S"}  # the loader rejects empty and blank text
ID = {"type": "string", "pattern": ID_PATTERN.pattern}  # ids of pages are their file names
FIELD_TYPES = {
    "str": FieldType("text", TEXT),
    "source": FieldType("ref", TEXT),
    "node": FieldType("ref", TEXT),
    "page": FieldType("ref", ID),
    "cause": FieldType("ref", ID),
    "sign": FieldType("ref", ID),
    "date": FieldType("date", {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$",
                               "format": "date"}),
    "int": FieldType("int", {"type": "integer", "minimum": 1}),
    "bool": FieldType("bool", {"type": "boolean"}),
    "group": FieldType("choice", {"enum": list(model.CAUSE_GROUPS)}, tuple(model.CAUSE_GROUPS)),
    "urgency": FieldType("choice", {"enum": list(model.URGENCIES)}, model.URGENCIES),
    "sections": FieldType("entries", table=SECTION_FIELDS, build=model.Section),
    "source_sections": FieldType("entries", table=SOURCE_SECTION_FIELDS,
                                 build=model.SourceSection),
    "terms": FieldType("entries", table=TERM_FIELDS, build=model.Term),
    "references": FieldType("entries", table=REFERENCE_FIELDS, build=model.Reference),
    "signs": FieldType("entries", table=SIGN_FIELDS, build=model.WarningSign, field_lines=True),
    "questions": FieldType("entries", table=QUESTION_FIELDS, build=model.Question,
                           field_lines=True),
    "answers": FieldType("entries", table=ANSWER_FIELDS, build=model.Answer, field_lines=True),
    "outcomes": FieldType("entries", table=OUTCOME_FIELDS, build=model.Outcome,
                          field_lines=True),
    "scenarios": FieldType("entries", table=SCENARIO_FIELDS, build=model.Scenario,
                           field_lines=True),
    "synonym_groups": FieldType("entries", table=SYNONYM_GROUP_FIELDS,
                                build=model.SynonymGroup),
    "regions": FieldType("entries", table=REGION_FIELDS, build=model.Region),
    "shapes": FieldType("entries", table=SHAPE_FIELDS, build=model.Shape),
    "labels": FieldType("entries", table=LABEL_FIELDS, build=model.Label),
    "review": FieldType("fields", table=REVIEW_FIELDS, build=model.Review),
    "urgent_care": FieldType("fields", table=URGENT_CARE_FIELDS, build=model.UrgentCare),
    "readability": FieldType("fields", table=READABILITY_FIELDS, build=model.Readability),
}

# The table of each kind of file, by the name of its schema.
PAGE_TABLES = {kind: {**PAGE_FIELDS, **KIND_FIELDS[kind]} for kind in model.PAGE_KINDS}
FILE_TABLES = {"glossary.yml": GLOSSARY_FIELDS, "source.yml": SOURCE_FIELDS,
               "references.yml": REFERENCES_FIELDS, "warning_signs.yml": SIGNS_FIELDS,
               "decision_tree.yml": TREE_FIELDS, "body_map.yml": MAP_FIELDS,
               "synonyms.yml": THESAURUS_FIELDS}


def field_type(tag: str) -> tuple[FieldType, bool]:
    """Return the type a tag names, and whether the field holds a list of such values."""
    if tag.startswith("list["):
        return FIELD_TYPES[tag[5:-1]], True
    return FIELD_TYPES[tag], False
