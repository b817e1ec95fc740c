"""Pages connected to each page, in both directions, from the links declared once in content."""
from dataclasses import dataclass

from generator import model
from generator.render.lists import LIST_LIMIT, LISTINGS

RELATED_LABELS = {"location": "Where you may feel it", "situation": "When it may happen",
                  "cause": "Possible causes", "topic": "More about leg numbness",
                  "treatment": "Treatment"}


@dataclass(frozen=True)
class Related:
    """Pages connected to one page, grouped under a heading for readers. A group of a kind with a
    listing (its id: listing) shows at most LIST_LIMIT pages; more counts the others it leaves to
    the listing."""

    label: str
    pages: tuple[model.Page, ...]
    more: int
    listing: str | None


def related_pages(content: model.Content) -> dict[str, tuple[Related, ...]]:
    """Return, for every page id, its connected pages in both directions, grouped by kind."""
    by_id = content.by_id()
    connected = {page.id: set() for page in content.pages}
    for page in content.pages:
        for ref in (*page.links, *page.causes):
            if ref.id in connected:
                connected[page.id].add(ref.id)
                connected[ref.id].add(page.id)
    return {page_id: _grouped([by_id[other] for other in others])
            for page_id, others in connected.items()}


def _grouped(pages: list[model.Page]) -> tuple[Related, ...]:
    groups = []
    for kind in ("cause", "location", "situation", "topic", "treatment"):
        members = sorted((p for p in pages if p.kind == kind), key=lambda p: p.title.lower())
        if members:
            listing = LISTINGS.get(kind)  # topics and treatments are few, and no page lists them
            shown = members[:LIST_LIMIT] if listing else members
            groups.append(Related(RELATED_LABELS[kind], tuple(shown), len(members) - len(shown),
                                  listing))
    return tuple(groups)
