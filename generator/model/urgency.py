"""The urgency tiers, most urgent first: the one table every page, drawing and script reads."""
from dataclasses import dataclass


@dataclass(frozen=True)
class Tier:
    """One level of care, with every word and colour it is shown with."""

    id: str
    label: str      # the care card's and the diagram's name for it
    sr_prefix: str  # read out by screen readers before the card's heading
    heading: str    # the card's heading; {number} is the emergency number
    lead: str       # the line above the card's list of signs
    colour: str     # the card's colour (guide.css declares it as --guide-<id>)


TIERS = (
    Tier("emergency", "Emergency", "Immediate action required:", "Call {number} now",
         "Call {number} now if you have any of these, even if it passes:", "#b3001b"),
    Tier("urgent", "Urgent", "Urgent advice:", "Get seen by a doctor today",
         "Get seen by a doctor today if you have any of these:", "#8a4b00"),
    Tier("routine", "Non-urgent", "Non-urgent advice:", "Book an appointment with your doctor",
         "Book an appointment with your doctor if you have:", "#005eb8"),
    Tier("self-care", "Self-care", "Non-urgent advice:", "Look after it yourself",
         "You can usually look after this yourself if you have:", "#00703c"),
)
TIERS_BY_ID = {tier.id: tier for tier in TIERS}
URGENCIES = tuple(TIERS_BY_ID)
