"""The body map: regions of the legs drawn in content/body_map.yml, each a link to its page.

Loaded with the content loader's field tables, checked like the rest of the content (every
problem as path:line: message), and drawn as an inline SVG whose regions are links.

The links use xlink:href, not href: mkdocs-material's instant navigation rewrites every [href]
of a page with `element.href = element.href`, which throws on SVG links (their href is
read-only), while browsers follow xlink:href just the same. Crawlers look for href, so each link
also says role="link" (what it is anyway), and every region's page is linked from the text list
under the map with a plain href."""
import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from generator.errors import Problem, did_you_mean
from generator.load import ID_PATTERN, _Fields, read_fields
from generator.model import Ref
from generator.validate import text_problems

PATH_DATA = re.compile(r"^\s*[Mm][MmLlHhVvCcSsQqTtAaZz0-9.,\s+-]*$")
XLINK = "http://www.w3.org/1999/xlink"
NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)$")


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


MAP_FIELDS = {"title": ("str", True), "view_box": ("str", True), "outline": ("shapes", False),
              "labels": ("labels", False), "regions": ("regions", True)}
REGION_FIELDS = {"id": ("str", True), "label": ("str", True), "page": ("page", True),
                 "urgency": ("urgency", False), "shapes": ("shapes", True)}
SHAPE_FIELDS = {"path": ("str", False), "points": ("str", False)}
LABEL_FIELDS = {"text": ("str", True), "x": ("int", True), "y": ("int", True)}
ENTRIES = {"regions": (REGION_FIELDS, Region), "shapes": (SHAPE_FIELDS, Shape),
           "labels": (LABEL_FIELDS, Label)}


def load_body_map(file: Path, repo_root: Path) -> tuple[BodyMap | None, list[Problem]]:
    """Load body_map.yml; return the map (None if unusable) and every shape problem."""
    problems: list[Problem] = []
    loaded = read_fields(file, repo_root, MAP_FIELDS, problems, _MapFields)
    if loaded is None:
        return None, problems
    shown, values, field_lines = loaded
    return BodyMap(path=shown, field_lines=field_lines, **values), problems


class _MapFields(_Fields):
    """The content loader's field table, plus the map's lists of regions, shapes and labels."""

    def convert(self, value, kind: str, line: int, name: str):
        if kind in ENTRIES:
            return self.objects(value, line, name, *ENTRIES[kind])
        return super().convert(value, kind, line, name)


def check_body_map(body_map: BodyMap, page_ids: set[str]) -> list[Problem]:
    """Return every problem with the map: its viewBox, region ids, links, shapes and words."""
    problems = []
    if not _numbers(body_map.view_box, 4) or any(float(n) <= 0 for n in
                                                 body_map.view_box.split()[2:]):
        line = body_map.field_lines.get("view_box", 1)
        problems.append(Problem(body_map.path, line, f"view_box '{body_map.view_box}' must be four "
                                "numbers: left, top, width and height, e.g. '0 0 400 460'"))
    problems += text_problems(body_map.path, body_map.field_lines.get("title", 1),
                              body_map.title, page_ids)
    seen = {}
    for region in body_map.regions:
        problems += _region_problems(body_map.path, region, seen, page_ids)
    for shape in body_map.outline:
        problems += _shape_problems(body_map.path, shape)
    for label in body_map.labels:
        problems += text_problems(body_map.path, label.line, label.text, page_ids)
    return sorted(problems)


def _region_problems(path: str, region: Region, seen: dict, page_ids: set[str]):
    if not ID_PATTERN.match(region.id):
        yield Problem(path, region.line, f"region id '{region.id}' is not a valid id; use lower "
                      "case letters, digits and '-', e.g. 'below-knee'")
    if region.id in seen:
        yield Problem(path, region.line, f"the region id '{region.id}' is already used on line "
                      f"{seen[region.id]}; keep one")
    seen.setdefault(region.id, region.line)
    if region.page.id not in page_ids:
        yield Problem(path, region.page.line, f"region '{region.id}' links to unknown page "
                      f"'{region.page.id}'{did_you_mean(region.page.id, page_ids)}")
    yield from text_problems(path, region.line, region.label, page_ids)
    for shape in region.shapes:
        yield from _shape_problems(path, shape)


def _shape_problems(path: str, shape: Shape):
    if (shape.path is None) == (shape.points is None):
        yield Problem(path, shape.line, "a shape needs one of 'path' (SVG path data, e.g. "
                      "'M10 10L20 10L15 20Z') or 'points' (e.g. '10,10 20,10 15,20')")
    elif shape.path is not None and not PATH_DATA.match(shape.path):
        yield Problem(path, shape.line, f"'path' must be SVG path data: commands such as M, L, "
                      f"A, Z and numbers, starting with M; found '{shape.path}'")
    elif shape.points is not None and not _points(shape.points):
        yield Problem(path, shape.line, "'points' must be at least three x,y pairs of numbers, "
                      f"e.g. '10,10 20,10 15,20'; found '{shape.points}'")


def _numbers(text: str, count: int) -> bool:
    parts = text.replace(",", " ").split()
    return len(parts) == count and all(NUMBER.match(part) for part in parts)


def _points(text: str) -> bool:
    parts = text.replace(",", " ").split()
    return len(parts) >= 6 and len(parts) % 2 == 0 and _numbers(text, len(parts))


def body_map_svg(body_map: BodyMap, href) -> str:
    """Return the map as inline SVG: each region a named link; href maps a page id to its URL."""
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="{XLINK}" '
             f'viewBox={_attr(body_map.view_box)} class="body-map__svg" role="group" '
             'aria-labelledby="body-map-title">',
             f'<title id="body-map-title">{escape(body_map.title)}</title>']
    if body_map.outline:
        parts.append('<g class="body-map__outline" aria-hidden="true">'
                     + "".join(_shape(shape, "body-map__body") for shape in body_map.outline)
                     + "</g>")
    for region in body_map.regions:
        kind = f" body-map__region--{region.urgency}" if region.urgency else ""
        parts.append(f'<a xlink:href={_attr(href(region.page.id))} role="link" '
                     f'class="body-map__region{kind}" data-region={_attr(region.id)} '
                     f'aria-label={_attr(region.label)}><title>{escape(region.label)}</title>'
                     + "".join(_shape(shape, "body-map__shape") for shape in region.shapes)
                     + "</a>")
    if body_map.labels:
        parts.append('<g class="body-map__labels" aria-hidden="true">'
                     + "".join(f'<text x="{label.x}" y="{label.y}" text-anchor="middle">'
                               f"{escape(label.text)}</text>" for label in body_map.labels)
                     + "</g>")
    parts.append("</svg>")
    return "".join(parts)


def _shape(shape: Shape, css_class: str) -> str:
    if shape.path is not None:
        return f'<path class="{css_class}" fill-rule="evenodd" d={_attr(shape.path)}/>'
    return f'<polygon class="{css_class}" points={_attr(shape.points)}/>'


def _attr(value: str) -> str:
    """Quote an attribute value, always in double quotes."""
    return quoteattr(value, {'"': "&quot;"})
