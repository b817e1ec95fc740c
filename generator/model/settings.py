"""The site's settings, from site_config.yml."""
import re
from dataclasses import dataclass


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
    short_name: str | None = None  # the name under the icon on a phone's home screen
