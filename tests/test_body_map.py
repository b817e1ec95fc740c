"""The body map: loaded from content with exact error lines, drawn as a picture beside a list of
large buttons, each linking to a page that exists on the hosted site and in the offline bundle."""
import re
import xml.etree.ElementTree as ElementTree

import pytest

from generator.content.load import load_body_map
from generator.render.body_map_svg import body_map_svg
from generator.build.phases import check_project
from generator.build.project import Project
from helpers import ROOT, minimal_tree, problem_lines
from site_html import resolve

FILE = "content/body_map.yml"
SVG = "{http://www.w3.org/2000/svg}"
SMALL_MAP = """\
title: Map of the legs
view_box: 0 0 200 300
labels:
  - {text: Front, x: 100, y: 20}
regions:
  - id: feet
    label: Feet
    page: feet
    shapes:
      - points: 10,10 40,10 25,40
      - path: M50 10L80 10L65 40Z
  - id: groin
    label: Groin
    page: red-flags
    urgency: emergency
    shapes:
      - points: 90,10 110,10 100,30
"""
REGIONS = ["groin", "thigh", "below-knee", "feet", "toes", "left-leg", "right-leg", "calves"]


def map_problems(tmp_path, old: str = "", new: str = "") -> list[str]:
    """Write the small map into the minimal content, edited once; return every problem."""
    root = minimal_tree(tmp_path)
    assert old in SMALL_MAP
    (root / FILE).write_text(SMALL_MAP.replace(old, new, 1), encoding="utf-8")
    return problem_lines(root)


def test_the_small_map_is_valid_and_loaded(tmp_path):
    assert map_problems(tmp_path) == []
    content, _, _ = check_project(Project.at(tmp_path / "guide"))
    assert [region.id for region in content.body_map.regions] == ["feet", "groin"]


def test_a_link_to_an_unknown_page(tmp_path):
    assert map_problems(tmp_path, "page: feet", "page: fete") == [
        f"{FILE}:8: region 'feet' links to unknown page 'fete' (did you mean 'feet'?)"]


def test_a_shape_needs_a_path_or_points(tmp_path):
    assert map_problems(tmp_path, "      - path: M50 10L80 10L65 40Z\n",
                        "      - {path: M0 0Z, points: '1,1 2,2 3,3'}\n") == [
        f"{FILE}:11: a shape needs one of 'path' (SVG path data, e.g. 'M10 10L20 10L15 20Z') "
        "or 'points' (e.g. '10,10 20,10 15,20')"]


def test_path_data_and_points_are_checked(tmp_path):
    assert map_problems(tmp_path, "M50 10L80 10L65 40Z", "M50 10 url(x)") == [
        f"{FILE}:11: 'path' must be SVG path data: commands such as M, L, A, Z and numbers, "
        "starting with M; found 'M50 10 url(x)'"]
    assert map_problems(tmp_path / "2", "10,10 40,10 25,40", "10,10 40,10") == [
        f"{FILE}:10: 'points' must be at least three x,y pairs of numbers, e.g. "
        "'10,10 20,10 15,20'; found '10,10 40,10'"]


def test_region_ids_are_unique(tmp_path):
    assert map_problems(tmp_path, "id: groin", "id: feet") == [
        f"{FILE}:12: the region id 'feet' is already used on line 6; keep one"]


def test_view_box_and_fields_are_checked(tmp_path):
    assert map_problems(tmp_path, "view_box: 0 0 200 300", "view_box: 0 0 wide") == [
        f"{FILE}:2: view_box '0 0 wide' must be four numbers: left, top, width and height, "
        "e.g. '0 0 400 460'"]
    assert map_problems(tmp_path / "2", "    urgency: emergency", "    urgency: soon") == [
        f"{FILE}:15: 'urgency' is 'soon'; use one of emergency, urgent, routine, self-care"]


def test_the_map_is_a_hidden_picture_of_each_region_s_shapes_without_links(tmp_path):
    map_problems(tmp_path)
    body_map, _ = load_body_map(tmp_path / "guide" / FILE, tmp_path / "guide")
    root = ElementTree.fromstring(body_map_svg(body_map))
    assert root.get("aria-hidden") == "true" and root.find(f"{SVG}title").text == "Map of the legs"
    assert list(root.iter(f"{SVG}a")) == []
    regions = [group for group in root.iter(f"{SVG}g") if group.get("data-region")]
    assert [group.get("data-region") for group in regions] == ["feet", "groin"]
    assert [len(list(group)) for group in regions] == [2, 1]
    assert regions[1].get("class") == "body-map__region body-map__region--emergency"


def test_text_in_the_map_is_escaped(tmp_path):
    map_problems(tmp_path, "text: Front", "text: 'Front <b> & \"back\"'")
    body_map, _ = load_body_map(tmp_path / "guide" / FILE, tmp_path / "guide")
    svg = body_map_svg(body_map)
    assert "Front &lt;b&gt; &amp; \"back\"" in svg and "<b>" not in svg
    assert ElementTree.fromstring(svg).find(f"{SVG}g[@class='body-map__labels']")[0].text == \
        'Front <b> & "back"'


def test_the_real_map_has_every_region_and_links_to_existing_pages():
    content, _, problems = check_project(Project.at(ROOT))
    assert problems == []
    assert [region.id for region in content.body_map.regions] == REGIONS
    ids = {page.id for page in content.pages}
    assert all(region.page.id in ids for region in content.body_map.regions)
    assert {r.id: r.page.id for r in content.body_map.regions}["groin"] == "red-flags"


def place_links(html: str) -> list[tuple[str, str]]:
    """The (region id, href) of each button of the body map's list."""
    listed = html.split('<div class="body-map__list">', 1)[1].split("</div>", 1)[0]
    return re.findall(r'<a data-region="([\w-]+)" href="([^"]+)"', listed)


@pytest.mark.parametrize("page", ["index.html", "locations/index.html"])
def test_every_place_links_to_a_built_page_and_is_drawn_on_the_map(built_site, page):
    html = (built_site / page).read_text(encoding="utf-8")
    links = place_links(html)
    assert [region for region, _ in links] == REGIONS
    targets = [resolve(built_site / page, href, built_site)[0] for _, href in links]
    assert all(target.exists() for target in targets), targets
    assert targets[REGIONS.index("thigh")] == built_site / "locations/thigh/index.html"
    svg = html.split('<div class="body-map">', 1)[1].split("</svg>", 1)[0] + "</svg>"
    drawn = [group.get("data-region") for group in ElementTree.fromstring(svg.strip()).iter(f"{SVG}g")
             if group.get("data-region")]
    assert drawn == REGIONS


@pytest.mark.parametrize("page", ["index.html", "locations/index.html"])
def test_every_place_links_to_a_page_of_the_offline_bundle(unzipped_bundle, page):
    html = (unzipped_bundle / page).read_text(encoding="utf-8")
    targets = [(unzipped_bundle / page).parent / href for _, href in place_links(html)]
    assert all(target.suffix == ".html" and target.is_file() for target in targets), targets
    assert len(targets) == len(REGIONS)
