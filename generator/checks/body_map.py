"""Checks of the body map: its viewBox, region ids, links, shapes and words. Pure functions."""
import re

from generator import model
from generator.checks.pages import text_problems
from generator.content.fields import ID_PATTERN
from generator.errors import Problem, did_you_mean

PATH_DATA = re.compile(r"^\s*[Mm][MmLlHhVvCcSsQqTtAaZz0-9.,\s+-]*$")
NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)$")


def check_body_map(body_map: model.BodyMap, page_ids: set[str]) -> list[Problem]:
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


def _region_problems(path: str, region: model.Region, seen: dict, page_ids: set[str]):
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


def _shape_problems(path: str, shape: model.Shape):
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
