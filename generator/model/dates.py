"""Review dates: when each page was last reviewed, when its next review is due, and how to say it."""
from datetime import date

from generator import model

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def reviewed_dates(page: model.Page, content: model.Content,
                   config: model.SiteConfig) -> tuple[date, date]:
    """Return (last reviewed, next review due) for a page."""
    last = page.last_reviewed or content.source.last_reviewed
    return last, add_years(last, config.review.interval_years)


def add_years(day: date, years: int) -> date:
    """Return the same day some years later (28 February when 29 February does not exist)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def long_date(day: date) -> str:
    """Format a date the way UK health sites do: 5 July 2025."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
