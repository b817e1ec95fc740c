"""Review dates: the next review a whole number of years on, dates written the UK way."""
from datetime import date

from generator.model.dates import add_years, long_date


def test_a_leap_day_review_falls_due_on_28_february():
    assert add_years(date(2024, 2, 29), 3) == date(2027, 2, 28)
    assert add_years(date(2024, 7, 5), 2) == date(2026, 7, 5)


def test_dates_are_written_day_month_year():
    assert long_date(date(2025, 7, 5)) == "5 July 2025"
