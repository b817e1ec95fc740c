"""The guide's content types: pages, the article, references, warning signs and the glossary."""
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from generator.model.body_map import BodyMap
from generator.model.ref import Ref
from generator.model.thesaurus import Thesaurus
from generator.model.tree import Tree

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
# Names of a long list's pages after its first (causes/page-2/), which no page of content may take.
LIST_PAGE_ID = re.compile(r"page-[0-9]+")
# Pages only the hosted site has (not the offline bundle), which content cannot link to.
SERVICE_PAGES = {"offline": "You are offline"}
REQUIRED_TOPICS = ("overview", "symptoms", "red-flags", "diagnosis", "treatment",
                   "prevention", "outlook", "complications", "about")

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
    lay_words: tuple[str, ...] = ()  # phrases that name the sign in search queries
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
    everyday: bool = False  # a word most readers know: in the glossary, not explained on pages


@dataclass(frozen=True)
class Glossary:
    path: str
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class Content:
    """Everything loaded from content/, ready to validate and render."""

    source: Source
    glossary: Glossary
    pages: tuple[Page, ...]
    registry: Registry
    tree: Tree | None = None  # the symptom guide, when there is one
    body_map: BodyMap | None = None
    thesaurus: Thesaurus | None = None

    def by_id(self) -> dict[str, Page]:
        """Every page by its id (one shared dict: read it, do not change it)."""
        return self._pages_by_id

    @cached_property
    def _pages_by_id(self) -> dict[str, Page]:
        return {page.id: page for page in self.pages}
