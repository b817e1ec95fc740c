"""Long lists on numbered pages: which entries each page shows, and the pager between them."""
import itertools
from dataclasses import dataclass
from operator import attrgetter

from generator import model
from generator.render import urls

# The most entries a list shows on one page. The menu lists a section's pages while it has at most
# this many, and its listing shows them on one page; a longer listing goes on numbered pages, and
# a page's list of related pages shows this many and links to the listing for the rest. Without a
# limit every page that lists others grows with the site (at 100 times the content the causes
# listing weighs a megabyte), and a list of hundreds of links helps no one on a phone.
LIST_LIMIT = 60
# The generated pages that list every page of a kind: the menu's section indexes.
LISTINGS = {"cause": "causes", "location": "locations", "situation": "situations"}
# Page numbers the pager links on either side of the current one, besides the first and last.
PAGER_SPREAD = 1


@dataclass(frozen=True)
class ListPage:
    """One page of a list: its number, the Markdown files of all the list's pages, its entries."""

    number: int
    docs: tuple[str, ...]
    entries: tuple

    @property
    def doc(self) -> str:
        return self.docs[self.number - 1]

    @property
    def position(self) -> str:
        """Where the page is in its list, for its title: " (page 2 of 8)", or "" if alone."""
        return f" (page {self.number} of {len(self.docs)})" if len(self.docs) > 1 else ""

    def pager(self) -> list[int | None]:
        """The page numbers the pager links: the first, the last and those near this page, with
        None where several are left out (a single one left out is linked instead)."""
        near = range(self.number - PAGER_SPREAD, self.number + PAGER_SPREAD + 1)
        shown = sorted({1, len(self.docs), *(n for n in near if 1 <= n <= len(self.docs))})
        numbers = []
        for previous, number in zip([0, *shown], shown):
            if number - previous > 2:
                numbers.append(None)
            elif number - previous == 2:
                numbers.append(number - 1)
            numbers.append(number)
        return numbers


def split(entries, first_doc: str, limit: int = LIST_LIMIT) -> list[ListPage]:
    """Put a list's entries on pages of at most limit, in order, each entry on one page: the
    first page is first_doc, the others lie beside it. An empty list has one page."""
    chunks = [tuple(entries[start:start + limit])
              for start in range(0, len(entries), limit)] or [()]
    docs = tuple(urls.list_page_doc(first_doc, number) for number in range(1, len(chunks) + 1))
    return [ListPage(number, docs, chunk) for number, chunk in enumerate(chunks, 1)]


def listed(content: model.Content, kind: str) -> list[model.Page]:
    """Every page of a kind in its listing's order: by title, causes by group first."""
    groups = {group: order for order, group in enumerate(model.CAUSE_GROUPS)}
    return sorted((page for page in content.pages if page.kind == kind),
                  key=lambda page: (groups.get(page.group, 0), page.title.lower()))


def runs(entries, attribute: str) -> list[tuple[object, list]]:
    """Group entries that follow each other with the same value of an attribute, in their order
    (a template filter: Jinja's groupby sorts them first)."""
    return [(key, list(group)) for key, group in itertools.groupby(entries, attrgetter(attribute))]
