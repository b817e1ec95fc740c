"""The body map: regions of the legs drawn in content/body_map.yml, each a link to its page."""
from dataclasses import dataclass, field

from generator.model.ref import Ref


@dataclass(frozen=True)
class Shape:
    """One SVG shape: path data, or the points of a polygon, in the map's viewBox."""

    line: int
    path: str | None = None
    points: str | None = None


@dataclass(frozen=True)
class Region:
    """A part of the legs that links to the page about it."""

    id: str
    label: str
    page: Ref
    shapes: tuple[Shape, ...]
    line: int
    urgency: str | None = None


@dataclass(frozen=True)
class Label:
    """A word written on the map, such as Front or Left, for sighted readers."""

    text: str
    x: int
    y: int
    line: int


@dataclass(frozen=True)
class BodyMap:
    """The whole map of one file."""

    path: str
    title: str
    view_box: str
    regions: tuple[Region, ...]
    outline: tuple[Shape, ...] = ()
    labels: tuple[Label, ...] = ()
    field_lines: dict = field(default_factory=dict, compare=False, hash=False)
