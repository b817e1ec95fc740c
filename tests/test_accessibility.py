"""Accessibility in Debian's Chromium: axe-core's WCAG 2 A and AA rules on every page of the built
site on a phone and on each kind of page on a desktop, and on the states that scripts draw (symptom guide, glossary
tooltips, search results); on each kind of page a skip link, landmarks, focus order and a visible
focus indicator."""
import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# The phone's layout is also what a desktop browser zoomed to 400% shows.
VIEWPORTS = {"phone": {"width": 360, "height": 640}, "desktop": {"width": 1280, "height": 720}}
PAGE_TYPES = {"home": "", "cause": "causes/diabetes/", "location": "locations/thigh/",
              "situation": "situations/at-night/", "red flags": "red-flags/",
              "symptom guide": "symptom-guide/", "symptom guide's list": "symptom-guide/page-2/",
              "glossary": "glossary/", "about": "about/",
              "appointment": "appointment/", "list page": "about/coverage/page-2/",
              "404": "404.html"}
TAB_STOPS = 15
SLACK = 2  # pixels: rounding between boxes on one line
WIDGET = "#symptom-guide"

RUN_AXE = """([tags, scope]) => axe.run(scope || document,
  {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})"""
# How an element shows focus: its outline and shadow, and for a shape in a picture (the body
# map) the colours of the shape.
SHAPES = "path, polygon, rect, circle, ellipse"
RING = """el => {
  const style = getComputedStyle(el);
  const shape = el instanceof SVGElement && el.querySelector("SHAPES");
  const look = shape ? getComputedStyle(shape) : null;
  return [style.outlineStyle, style.outlineWidth, style.outlineColor, style.boxShadow]
    .concat(look ? [look.fill, look.stroke, look.strokeWidth] : []);
}""".replace("SHAPES", SHAPES)
# Once what focus opens or closes (search) has finished moving: where the focused element is,
# whether it can be seen, and its focus ring; the element is kept for later.
FOCUSED = """async () => {
  await Promise.all(document.getAnimations().map(animation => animation.finished.catch(() => 0)));
  const el = document.activeElement, box = el.getBoundingClientRect(), style = getComputedStyle(el);
  window.__tabStops = window.__tabStops || [];
  if (el === document.body || window.__tabStops.includes(el)) return null;  // round the page
  window.__tabStops.push(el);
  // A link over two lines: its first line; a region of a picture: its first shape, which may
  // have a hole with another region in it, so only the picture must not be covered.
  const part = (el instanceof SVGElement && el.querySelector("SHAPES")) || el;
  const line = part.getClientRects()[0] || box;
  const holder = el instanceof SVGElement ? el.ownerSVGElement : el;
  const hit = document.elementFromPoint(line.left + line.width / 2, line.top + line.height / 2);
  const onScreen = line.width > 0 && line.height > 0 && line.bottom > 0 && line.right > 0
    && line.top < innerHeight && line.left < innerWidth;
  return {name: el.tagName.toLowerCase() + (el.className && el.className.baseVal === undefined
            ? "." + el.className.trim().split(/\\s+/).join(".") : "")
            + ' "' + (el.innerText || el.getAttribute("aria-label") || "").trim().slice(0, 40) + '"',
          top: box.top + scrollY, bottom: box.bottom + scrollY, left: box.left + scrollX,
          seen: onScreen && style.visibility === "visible" && !!hit && holder.contains(hit),
          ring: (RING)(el)};
}""".replace("RING", RING).replace("SHAPES", SHAPES)
SETTLED = "() => document.getAnimations().every(animation => animation.playState !== 'running')"
UNFOCUSED_RINGS = """() => { document.activeElement.blur(); return window.__tabStops.map(RING); }
""".replace("RING", RING)


def page_urls(site: Path) -> list[str]:
    """The URL path of every HTML page of the built site, relative to its root."""
    return sorted(str(path.relative_to(site)).removesuffix("index.html")
                  for path in site.rglob("*.html"))


@pytest.fixture(scope="module")
def base_path() -> str:
    """The path of the site's URL: the 404 page asks for its files below it."""
    config = yaml.safe_load((ROOT / "site_config.yml").read_text(encoding="utf-8"))
    return urlsplit(config["site_url"]).path


def new_page(browser, site_url: str, base_path: str, viewport: dict, **options):
    """A page in a new context where the site's own absolute paths reach the local server."""
    context = browser.new_context(viewport=viewport, **options)
    hosted = site_url.rstrip("/") + base_path
    context.route(hosted + "**", lambda route: route.continue_(
        url=site_url + route.request.url.removeprefix(hosted)))
    return context.new_page()


@pytest.fixture(params=VIEWPORTS, ids=list(VIEWPORTS))
def viewport(request) -> dict:
    """Each test that asks for a page runs on a phone and on a desktop."""
    return VIEWPORTS[request.param]


@pytest.fixture
def axe_page(browser, site_url, base_path, viewport):
    """A page with axe-core in every document it loads: an init script is not an inline script,
    so the pages' Content-Security-Policy stays in force, and it costs no second load."""
    page = new_page(browser, site_url, base_path, viewport)
    page.context.add_init_script(path=AXE)
    yield page
    page.context.close()


@pytest.fixture
def keyboard_page(browser, site_url, base_path, viewport):
    """A page with the Content-Security-Policy in force, driven from the keyboard."""
    page = new_page(browser, site_url, base_path, viewport)
    yield page
    page.context.close()


def axe_violations(page, where: str, scope: str | None = None) -> list[str]:
    """Run axe-core's WCAG 2 A and AA rules on the page; one line per failing element."""
    page.wait_for_function(SETTLED)  # colours halfway through a fade are not what readers see
    result = page.evaluate(RUN_AXE, [WCAG_TAGS, scope])
    return [f"{where}: {rule['id']}: {' '.join(map(str, node['target']))}: "
            f"{node['failureSummary'].splitlines()[-1].strip()}"
            for rule in result["violations"] for node in rule["nodes"]]


def test_axe_finds_no_violation_on_any_page(axe_page, built_site, site_url, viewport):
    """Every page on a phone, whose narrow layout (also a desktop zoomed to 400%) is where pages
    differ most; on a desktop, where pages of a kind share their layout, each kind of page."""
    urls = page_urls(built_site)
    assert len(urls) > 50 and "404.html" in urls and set(PAGE_TYPES.values()) <= set(urls)
    checked = urls if viewport == VIEWPORTS["phone"] else list(PAGE_TYPES.values())
    violations = []
    for url in checked:
        axe_page.goto(site_url + url)
        violations += axe_violations(axe_page, "/" + url)
    assert violations == [], f"{len(violations)} violations:\n" + "\n".join(violations)


def answer_paths(site: Path) -> dict[str, list[int]]:
    """For each urgency, the shortest list of answers from the start to one of its outcomes."""
    tree = json.loads((site / "assets" / "decision-tree.json").read_text(encoding="utf-8"))
    paths, queue, seen = {}, [(tree["start"], [])], {tree["start"]}
    while queue:
        node_id, path = queue.pop(0)
        node = tree["nodes"][node_id]
        if node["kind"] == "outcome":
            paths.setdefault(node["urgency"], path)
            continue
        for index, answer in enumerate(node["answers"]):
            if answer["next"] not in seen:
                seen.add(answer["next"])
                queue.append((answer["next"], path + [index]))
    return paths


def test_axe_finds_no_violation_in_any_state_of_the_symptom_guide(axe_page, built_site, site_url):
    paths = answer_paths(built_site)
    assert sorted(paths) == ["emergency", "routine", "self-care", "urgent"]
    violations = []
    for urgency, path in paths.items():
        axe_page.goto(site_url + "symptom-guide/")
        for step, index in enumerate(path):
            violations += axe_violations(axe_page, f"{urgency} step {step + 1}", WIDGET)
            axe_page.locator(f"{WIDGET} .symptom-guide__answers button").nth(index).click()
        axe_page.locator(f"{WIDGET} .care-card--{urgency}").wait_for()
        violations += axe_violations(axe_page, f"{urgency} outcome", WIDGET)
    assert violations == [], "\n".join(violations)


def test_axe_finds_no_violation_in_a_glossary_tooltip_or_search_results(axe_page, site_url):
    axe_page.goto(site_url + "causes/sciatica/")
    axe_page.locator(".md-content abbr[title]").first.focus()
    axe_page.locator("[role=tooltip]").first.wait_for()
    violations = axe_violations(axe_page, "tooltip")
    box = axe_page.locator(".md-search__input")
    if not box.is_visible():
        axe_page.locator("label.md-header__button[for=__search]").click()
    box.fill("pins and needles")
    box.press("End")  # the theme reads the query on key events
    axe_page.locator(".md-search-result__item").first.wait_for()
    violations += axe_violations(axe_page, "search results")
    assert violations == [], "\n".join(violations)


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_the_skip_link_comes_first_and_moves_focus_to_the_content(keyboard_page, site_url, path):
    keyboard_page.goto(site_url + path)
    keyboard_page.keyboard.press("Tab")
    skip = keyboard_page.locator("a.md-skip:focus")
    assert skip.inner_text().strip() == "Skip to content" and skip.is_visible()
    target = urlsplit(skip.get_attribute("href")).fragment
    keyboard_page.keyboard.press("Enter")
    keyboard_page.wait_for_timeout(500)  # instant navigation, if it took the click, redraws late
    focused = keyboard_page.evaluate(
        "[document.activeElement.id, !!document.activeElement.closest('main .md-content')]")
    assert focused == [target, True]


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_every_page_type_has_the_landmarks(keyboard_page, site_url, path):
    keyboard_page.goto(site_url + path)
    for role in ("banner", "main", "contentinfo"):
        assert keyboard_page.get_by_role(role).count() == 1, role
    assert keyboard_page.get_by_role("navigation").count() >= 1
    emergency = keyboard_page.get_by_role("region", name="Emergency signs")
    assert emergency.count() == 1
    assert emergency.get_by_role("link", name="All the warning signs").count() == 1


def tab_through(page, count: int, start: str | None = None) -> list[dict]:
    """Press Tab count times (first to an element matching start, if given); where each focused
    element is, whether it is seen, and its focus ring focused and not."""
    stops = []
    if start:
        for _ in range(100):
            page.keyboard.press("Tab")
            if page.evaluate("start => document.activeElement.matches(start)", start):
                break
        else:
            raise AssertionError(f"no {start} within 100 Tab presses")
        stops.append(page.evaluate(FOCUSED))
    while len(stops) < count:
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        if stop is None:
            break
        stops.append(stop)
    for stop, unfocused in zip(stops, page.evaluate(UNFOCUSED_RINGS)):
        stop["unfocused ring"] = unfocused
    return stops


def out_of_order(stops: list[dict]) -> list[str]:
    """Consecutive stops where the second is above the first, or left of it on the same line."""
    wrong = []
    for first, second in zip(stops, stops[1:]):
        same_line = second["top"] < first["bottom"] and first["top"] < second["bottom"]
        if (second["left"] < first["left"] - SLACK if same_line
                else second["top"] < first["top"] - SLACK):
            wrong.append(f"{first['name']} then {second['name']}")
    return wrong


def has_visible_ring(stop: dict) -> bool:
    style, width, _, shadow, *shape = stop["ring"]
    drawn = (style != "none" and width != "0px") or shadow != "none" or shape
    return bool(drawn) and stop["ring"] != stop["unfocused ring"]


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_focus_follows_the_visual_order_and_shows_on_every_stop(keyboard_page, site_url, path):
    keyboard_page.goto(site_url + path)
    stops = tab_through(keyboard_page, TAB_STOPS)
    assert stops[0]["name"].startswith("a.md-skip")
    assert stops[1]["name"] == 'a.call-button.focus-visible "Call 112 now"'
    assert stops[2]["name"].endswith('"All the warning signs"')
    assert out_of_order(stops) == []
    assert [stop["name"] for stop in stops if not stop["seen"]] == []
    assert [stop["name"] for stop in stops if not has_visible_ring(stop)] == []


def test_every_place_button_of_the_body_map_shows_focus(keyboard_page, site_url, viewport):
    keyboard_page.goto(site_url)
    places = keyboard_page.locator(".body-map__list a").count()
    stops = tab_through(keyboard_page, places, start=".body-map__list a")
    assert len(stops) == places > 5
    assert [stop["name"] for stop in stops if not stop["seen"]] == []
    assert [stop["name"] for stop in stops if not has_visible_ring(stop)] == []
    if viewport["width"] < 720:  # phones get the buttons only
        assert keyboard_page.locator(".body-map").is_hidden()


def test_every_link_of_a_long_lists_pager_shows_focus_in_order(keyboard_page, site_url):
    keyboard_page.goto(site_url + "about/coverage/page-2/")  # the real guide's long list
    keyboard_page.evaluate("""() => document.querySelector('nav.pager').previousElementSibling
      .querySelector('li:last-child a').focus()""")  # the list's last link, then Tab on
    links = keyboard_page.locator("nav.pager a").count()
    stops = tab_through(keyboard_page, links, start="nav.pager a")
    assert len(stops) == links > 3
    assert stops[0]["name"].endswith('"Previous page"') and stops[-1]["name"].endswith(
        '"Next page"')
    assert out_of_order(stops) == []
    assert [stop["name"] for stop in stops if not stop["seen"]] == []
    assert [stop["name"] for stop in stops if not has_visible_ring(stop)] == []
