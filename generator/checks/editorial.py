"""Editorial checks: placeholders left from a new file, and pages past their review date."""
import re
from datetime import date

from generator import model
from generator.errors import Problem
from generator.model.dates import long_date, reviewed_dates

PLACEHOLDER = "TODO"
_PLACEHOLDER = re.compile(rf"\b{PLACEHOLDER}\b")


def placeholder_problems(content: model.Content) -> list[Problem]:
    """Return an error for every page text that still holds the placeholder of a new file."""
    return [Problem(page.path, line, f"placeholder text '{PLACEHOLDER}' left in '{name}'; "
                    "replace it with the real text")
            for page in content.pages
            for name, line, text in _texts(page)
            if PLACEHOLDER in text and _PLACEHOLDER.search(text)]


def review_problems(content: model.Content, config: model.SiteConfig,
                    today: date) -> list[Problem]:
    """Return a warning for every page whose next review was due before today."""
    problems = []
    for page in content.pages:
        last, due = reviewed_dates(page, content, config)
        if due < today:
            problems.append(Problem(page.path, page.field_lines.get("last_reviewed", page.line),
                                    _overdue(page, last, due, config), "warning"))
    return problems


def _overdue(page: model.Page, last: date, due: date, config: model.SiteConfig) -> str:
    years = config.review.interval_years
    reviewed = (f"last reviewed {long_date(last)}" if page.last_reviewed else
                f"no 'last_reviewed', so the article's date {long_date(last)} counts")
    return (f"review overdue: the next review was due {long_date(due)} ({reviewed}; pages are "
            f"reviewed every {years} year{'s' if years > 1 else ''}); review the page and set "
            "'last_reviewed' to the date of the review")


def _texts(page: model.Page):
    """Yield (field, line, text) for every text a reader sees on the page."""
    for name in ("title", "summary", "reviewed_by"):
        if getattr(page, name):
            yield name, page.field_lines.get(name, page.line), getattr(page, name)
    for word in page.also_called:
        yield "also_called", page.field_lines.get("also_called", page.line), word
    for section in page.sections:
        yield "heading", section.line, section.heading
        yield "body", section.line, section.body
