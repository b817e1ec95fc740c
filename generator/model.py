"""The content types: frozen dataclasses built by the loader, read by every later stage."""
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

# The urgency tiers, most urgent first. Signs, the symptom guide's outcomes and the "When to get
# help" cards all use this one scale (their words for each tier: render.TIER_HEADINGS).
URGENCIES = ("emergency", "urgent", "routine", "self-care")
CAUSE_GROUPS = {
    "spine": "Spine and nerve roots",
    "nerves": "Nerves",
    "vessels": "Blood vessels and circulation",
    "whole-body": "Whole-body conditions",
    "lifestyle": "Deficiencies, posture and lifestyle",
    "pregnancy": "Pregnancy",
    "injuries": "Injuries",
}
PAGE_KINDS = ("cause", "location", "situation", "topic", "treatment")
FOLDER_KINDS = {"causes": "cause", "locations": "location", "situations": "situation",
                "topics": "topic", "treatment": "treatment"}
# Pages the generator writes itself; content may link to them by id.
GENERATED_PAGES = {
    "causes": "Causes",
    "locations": "Where you feel it",
    "situations": "When it happens",
    "glossary": "Glossary",
    "symptom-guide": "Symptom guide",
    "appointment": "Prepare for your appointment",
}
REQUIRED_TOPICS = ("overview", "symptoms", "red-flags", "diagnosis", "treatment",
                   "prevention", "outlook", "complications", "about")

# The fields of each kind of file: name -> (type, required). One table drives loading and checks.
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
               "bundle_name": ("str", True), "readability": ("readability", False)}
URGENT_CARE_FIELDS = {"label": ("str", True), "phone": ("str", True)}
REVIEW_FIELDS = {"interval_years": ("int", True)}
READABILITY_FIELDS = {"max_median_grade": ("int", True), "max_page_grade": ("int", True)}
REFERENCES_FIELDS = {"references": ("references", True)}
REFERENCE_FIELDS = {"id": ("str", True), "publisher": ("str", True), "title": ("str", True),
                    "url": ("str", True), "consulted": ("date", True), "note": ("str", False)}
SIGNS_FIELDS = {"signs": ("signs", True)}
SIGN_FIELDS = {"id": ("str", True), "tier": ("urgency", True), "text": ("str", True),
               "sources": ("list[source]", True), "banner": ("str", False)}
GLOSSARY_FIELDS = {"terms": ("terms", True)}
TERM_FIELDS = {"term": ("str", True), "definition": ("str", True),
               "also_called": ("list[str]", False), "page": ("page", False)}


@dataclass(frozen=True)
class Ref:
    """An id written in content, with the line it is on."""

    id: str
    line: int


@dataclass(frozen=True)
class Section:
    heading: str
    body: str
    line: int


@dataclass(frozen=True)
class Page:
    """One content file that becomes one page of the site."""

    kind: str
    id: str
    path: str
    line: int
    title: str
    summary: str
    also_called: tuple[str, ...]
    sources: tuple[Ref, ...]
    sections: tuple[Section, ...]
    links: tuple[Ref, ...] = ()
    causes: tuple[Ref, ...] = ()
    get_help: tuple[Ref, ...] = ()
    group: str | None = None
    tests: tuple[str, ...] = ()
    last_reviewed: date | None = None
    reviewed_by: str | None = None
    field_lines: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class SourceSection:
    id: str
    heading: str
    lines: str
    line: int
    no_text: bool = False


@dataclass(frozen=True)
class Source:
    """The article the guide is drawn from."""

    path: str
    title: str
    publisher: str
    last_reviewed: date
    sections: tuple[SourceSection, ...]
    field_lines: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Reference:
    """A named public page that the guide cites by id."""

    id: str
    publisher: str
    title: str
    url: str
    consulted: date
    line: int
    note: str | None = None


@dataclass(frozen=True)
class WarningSign:
    """A sign that tells readers how urgently to act: one wording and one tier everywhere."""

    id: str
    tier: str
    text: str
    sources: tuple[Ref, ...]
    line: int
    banner: str | None = None
    field_lines: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Registry:
    """The references and warning signs, each from its own file."""

    references_path: str
    references: tuple[Reference, ...]
    signs_path: str
    signs: tuple[WarningSign, ...]

    @cached_property
    def signs_by_id(self) -> dict[str, WarningSign]:
        return {sign.id: sign for sign in self.signs}

    @cached_property
    def references_by_id(self) -> dict[str, Reference]:
        return {reference.id: reference for reference in self.references}


@dataclass(frozen=True)
class Term:
    term: str
    definition: str
    line: int
    also_called: tuple[str, ...] = ()
    page: Ref | None = None


@dataclass(frozen=True)
class Glossary:
    path: str
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class Review:
    interval_years: int


@dataclass(frozen=True)
class Readability:
    """Targets for the Flesch-Kincaid grade of the text readers see."""

    max_median_grade: int
    max_page_grade: int


def tel(number: str) -> str:
    """A phone number as a tel: link wants it: digits and a leading +."""
    return re.sub(r"[^\d+]", "", number)


@dataclass(frozen=True)
class UrgentCare:
    """Where readers who must be seen today go when their doctor is closed."""

    label: str
    phone: str


@dataclass(frozen=True)
class SiteConfig:
    """Settings from site_config.yml."""

    path: str
    site_name: str
    site_description: str
    site_url: str
    language: str
    emergency_number: str
    urgent_care: UrgentCare
    review: Review
    bundle_name: str
    readability: Readability | None = None


@dataclass(frozen=True)
class Content:
    """Everything loaded from content/, ready to validate and render."""

    source: Source
    glossary: Glossary
    pages: tuple[Page, ...]
    registry: Registry
    tree: object | None = None  # the symptom guide's generator.tree.Tree, when there is one
    body_map: object | None = None  # generator.body_map.BodyMap, when there is one

    def by_id(self) -> dict[str, Page]:
        """Every page by its id (one shared dict: read it, do not change it)."""
        return self._pages_by_id

    @cached_property
    def _pages_by_id(self) -> dict[str, Page]:
        return {page.id: page for page in self.pages}
