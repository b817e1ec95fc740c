"""The coverage of the source article: each section and the pages that draw on it, listed on
numbered pages under the about page, whose table shows how many draw on each section."""
from dataclasses import dataclass
from typing import NamedTuple

from generator import model
from generator.render import lists, urls


class Covered(NamedTuple):
    """One entry of the coverage list: a page that draws on a section of the article."""

    section: model.SourceSection
    page: model.Page


@dataclass(frozen=True)
class SectionCoverage:
    """A row of the about page's table: a section, how many pages draw on it, and the coverage
    page where their list starts (None if none does)."""

    section: model.SourceSection
    pages: int
    doc: str | None


def coverage_pages(content: model.Content) -> list[lists.ListPage]:
    """The coverage list on its numbered pages: the sections in the article's order, under each
    the pages that draw on it in the content's order."""
    drawn_on = [(page, {ref.id for ref in page.sources}) for page in content.pages]
    entries = [Covered(section, page) for section in content.source.sections
               for page, sources in drawn_on if section.id in sources]
    return lists.split(entries, urls.COVERAGE_PATH)


def summary(content: model.Content, parts: list[lists.ListPage]) -> list[SectionCoverage]:
    """Each section of the article with the number of pages that draw on it and where they are
    listed."""
    counts, starts = {}, {}
    for part in parts:
        for entry in part.entries:
            counts[entry.section.id] = counts.get(entry.section.id, 0) + 1
            starts.setdefault(entry.section.id, part.doc)
    return [SectionCoverage(section, counts.get(section.id, 0), starts.get(section.id))
            for section in content.source.sections]
