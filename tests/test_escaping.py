"""Whatever text an editor writes in any field of any kind of content, it is refused with
path:line, or it shows as that very text where the field shows, never as markup or an attribute.

Hypothesis writes strings of the characters that mean something to HTML, YAML and JSON (quotes,
'<', '>', '&', entities, '</script>', '<!--', attribute-like text, Unicode) into one field at a
time, checks the small guide in-process and renders it: its Markdown through Python-Markdown with
the site's extensions, and its front matter, as mkdocs reads them. Markdown's own syntax (*, _,
[, `, #, |, ...) is left out: it is content's formatting language, checked by validate.py.
The built site (mkdocs and the theme, with a value in every field at once) is checked in
test_escaped_site.py."""
import functools
import html
import json
import re
from html.parser import HTMLParser

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from escaping_cases import FIELDS, IN_SEARCH_ONLY, IN_TREE_JSON, LOADER, guide, set_field
from generator.content import load
from generator.build.phases import check_project
from generator.build.project import Project
from generator.render.mkdocs_config import GLOSSARY_EXTENSION
from generator.render.site import render_site

PROPERTY = settings(max_examples=10, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow,
                                           HealthCheck.function_scoped_fixture])
PIECES = ['"', "'", "&", "<", ">", " < ", " > ", "</script>", "<!--", "-->", "&amp;", "&lt;",
          "&#60;", "&#x3c;", "&quot;", '" onmouseover="alert(1)" ', "data-x='y'", "{: .x }",
          "javascript:", "=", ";", "/", "\xa0", "\u2028", "\u0085", "é", "中文", "😀", "\ufeff"]
WORDS = st.text(st.characters(categories=("L", "N", "Zs")), min_size=1, max_size=6)
VALUES = st.lists(st.one_of(st.sampled_from(PIECES), WORDS), min_size=1, max_size=8).map("".join)
PROBLEM = re.compile(r"(?P<path>content/[a-z_/-]+\.yml):(?P<line>\d+): [^\n]+")
PLAIN = "Plain words"


class _Page(HTMLParser):
    """The text of an HTML fragment, and its elements with their attribute names."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.text, self.shape = [], []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.shape.append((tag, tuple(sorted(name for name, _ in attrs))))

    def handle_data(self, data):
        self.text.append(data)


def _assert_located(root, relative: str, errors: list[str]) -> None:
    """Each error is path:line: message at a line of its file, and one names the edited file
    (refusing a file may leave links to its page broken, reported where they are)."""
    matches = [PROBLEM.fullmatch(error) for error in errors]
    assert all(matches), errors
    assert any(match["path"] == relative for match in matches), errors
    for match in matches:
        lines = (root / match["path"]).read_text(encoding="utf-8").count("\n") + 1
        assert 1 <= int(match["line"]) <= lines, errors


def strings(data) -> set[str]:
    """Every string in decoded JSON, keys and values."""
    if isinstance(data, dict):
        return set(data) | {s for value in data.values() for s in strings(value)}
    if isinstance(data, list):
        return {s for value in data for s in strings(value)}
    return {data} if isinstance(data, str) else set()


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """The small guide, whose files are parsed once for each text they hold."""
    parsed, read = {}, load.read_yaml

    def read_once(file, shown):
        key = (shown, file.read_bytes())
        if key not in parsed:
            parsed[key] = read(file, shown)
        return parsed[key]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(load, "read_yaml", read_once)
        yield guide(tmp_path_factory.mktemp("escaping"))


def rendered(root, name: str, value: str) -> tuple[list[str], dict | None]:
    """Write value into the field, check and render; return the problems and, if none, the
    files of the generated mkdocs project."""
    relative = FIELDS[name][0]
    before = (root / relative).read_bytes()
    try:
        set_field(root, name, value)
        content, config, problems = check_project(Project.at(root))
        errors = [str(problem) for problem in problems if problem.severity == "error"]
        if errors:
            _assert_located(root, relative, errors)
            return errors, None
        return [], render_site(content, config, "../overrides")
    finally:
        (root / relative).write_bytes(before)


def to_html(files: dict, doc: str) -> tuple[str, dict]:
    """The page's Markdown as mkdocs turns it into HTML (without glossary tooltips), and its
    front matter."""
    body, meta = get_data(files[f"docs/{doc}"])
    names, configs = _extensions(files["mkdocs.yml"].split("\nnav:", 1)[0])
    return markdown.markdown(body, extensions=names, extension_configs=configs), meta


@functools.cache
def _extensions(settings: str) -> tuple[list, dict]:
    """The Markdown extensions of the mkdocs config, and their settings."""
    names, configs = [], {}
    for extension in yaml.load(settings, Loader=LOADER)["markdown_extensions"]:
        name, config = next(iter(extension.items())) if isinstance(extension, dict) \
            else (extension, {})
        if name != GLOSSARY_EXTENSION:
            names.append(name)
            configs[name] = config
    return names, configs


_plain_shapes = {}


def plain_shape(root, name: str) -> list:
    if name not in _plain_shapes:
        _, files = rendered(root, name, PLAIN)
        _plain_shapes[name] = _Page(to_html(files, FIELDS[name][2])[0]).shape
    return _plain_shapes[name]


@pytest.mark.parametrize("name", sorted(FIELDS))
@PROPERTY
@given(value=VALUES)
@example(value="Numb legs \" onmouseover=\"alert(1)\" data-x='y' & more words")
@example(value="&lt;/script&gt; &#60;b&#62; &amp; a < b > c")
@example(value="Before </script><script>alert(1)</script> after")
@example(value="<!-- hidden -->")
@example(value="Words {: onclick=alert(1) }")
def test_any_text_is_refused_with_path_and_line_or_shown_as_text(project, name, value):
    errors, files = rendered(project, name, value)
    relative = FIELDS[name][0]
    if errors:
        return
    shown = value.strip()
    page_html, meta = to_html(files, FIELDS[name][2])
    page = _Page(page_html)
    if name in IN_SEARCH_ONLY:  # lay words feed search through the tags; pages do not show them
        assert shown in meta["tags"], (name, meta["tags"])
    else:
        assert flat(shown) in flat("".join(page.text)), (name, page_html)
    assert page.shape == plain_shape(project, name), name
    if name in ("cause title", "cause summary"):
        data = meta["structured_data"]
        field = {"cause title": "name", "cause summary": "description"}[name]
        assert data[field] == shown
        key = {"cause title": "title", "cause summary": "description"}[name]
        assert flat(html.unescape(meta[key])) == flat(shown)  # one line of plain text
        # The theme prints the title as HTML text, the description in an attribute.
        assert re.search(r'[<>]' if key == "title" else r'[<>"]', meta[key]) is None
    if name in IN_TREE_JSON:
        assert shown in strings(json.loads(files["docs/assets/decision-tree.json"]))
