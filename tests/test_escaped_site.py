"""The built site shows adversarial content text as text: in the page, its title, its meta
description, its JSON-LD and the tree JSON, never as an element or an attribute (mkdocs and the
theme included; the in-process property is in test_escaping.py, the Nu checker's verdict on
these pages in test_html_valid.py)."""
import json
from html.parser import HTMLParser

from escaping_cases import FIELDS, IN_SEARCH_ONLY, IN_TREE_JSON
from generator.render.urls import page_url


class _Parts(HTMLParser):
    """What a page shows: its title, description, JSON-LD, text and attribute names."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.title, self.description, self.json_ld, self.text = "", None, [], []
        self.attributes, self.tags, self._in = set(), set(), []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.add(tag)
        self.attributes |= set(attrs)
        if tag == "meta" and attrs.get("name") == "description":
            self.description = attrs["content"]
        self._in.append(attrs.get("type", "") if tag == "script" else tag)

    def handle_endtag(self, tag):
        if self._in:
            self._in.pop()

    def handle_data(self, data):
        where = self._in[-1] if self._in else ""
        if where == "application/ld+json":
            self.json_ld.append(data)
        elif where == "title" and "svg" not in self._in:
            self.title += data
        elif where not in ("script", "style", "", "text/javascript"):
            self.text.append(data)


def flat(text: str) -> str:
    return " ".join(text.split())


def _page(site, doc: str) -> _Parts:
    return _Parts((site / page_url(doc).removeprefix("./") / "index.html").read_text())


def test_every_value_shows_as_text_on_its_page(escaped_site):
    site, values = escaped_site
    for name, value in values.items():
        if name not in IN_SEARCH_ONLY:
            assert flat(value) in flat(" ".join(_page(site, FIELDS[name][2]).text)), name


def test_the_title_description_and_json_ld_hold_the_text(escaped_site):
    site, values = escaped_site
    page = _page(site, "causes/cold-feet.md")
    assert page.title == f"{values['cause title']} - Test guide"
    assert page.description == flat(values["cause summary"])
    [data] = [json.loads(text) for text in page.json_ld]
    assert (data["name"], data["description"]) == (values["cause title"],
                                                  values["cause summary"])
    assert "<" not in "".join(page.json_ld)  # written as \\u003c: no "</script>" can end it


def test_the_tree_json_holds_the_text(escaped_site):
    site, values = escaped_site
    tree = json.loads((site / "assets/decision-tree.json").read_text())
    texts = {text for node in tree["nodes"].values()
             for text in [node.get("text"), node.get("title"),
                          *(answer["label"] for answer in node.get("answers", []))]}
    assert {values[name] for name in IN_TREE_JSON} <= texts


def test_no_value_becomes_an_element_or_an_attribute(escaped_site):
    site, _ = escaped_site
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 15
    for path in pages:
        page = _Parts(path.read_text())
        assert not {"onmouseover", "data-x", "more", "y'"} & page.attributes, path
        assert not {"b", "i"} & page.tags, path


def test_the_banner_on_every_page_holds_the_text(escaped_site):
    site, values = escaped_site
    for path in sorted(site.rglob("*.html")):
        assert flat(values["banner"]) in flat(" ".join(_Parts(path.read_text()).text)), path
