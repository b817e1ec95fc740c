"""mkdocs hook: split each page into the theme's search sections without Python's HTMLParser.

mkdocs-material's search plugin feeds every page through its Parser (an html.parser.HTMLParser)
to divide it into sections: the text under each heading with an id. That parse was a tenth of
the whole build. For pages made only of plain tags and text, as the generator's pages are, this
hook finds the same tags with one regular expression and runs the Parser's own rules on them,
giving the same sections. A page with anything else (comments, scripts, styles, pre blocks,
search exclusions, permalinks, a "<" that starts no tag) goes to the theme's Parser as before.
tests/test_search_sections.py checks both give the same sections, on every page of the guide
and on generated HTML.

Loaded by mkdocs from its path (see render/mkdocs_config.py): the standard library and the
theme's search plugin only."""
import re
from html import escape, unescape

from material.plugins.search.plugin import Element, SearchIndex, Section, void
from mkdocs.plugins import event_priority

# What sends a page to the theme's Parser: markup with its special cases (found in the page's
# lower-case text; attribute names are compared in lower case, class values as written).
UNUSUAL = ("<!", "<?", "<script", "<style", "<object", "<pre", "<textarea", "<title",
           "data-search-")
UNUSUAL_CLASSES = ("linenodiv", "headerlink")
_ATTRIBUTE = r"""[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?"""
# A start tag (name, attributes, "/" if self-closing), an end tag (name), or a "<" that is
# neither, which makes the page unusual.
TAG = re.compile(rf"<(?:([a-zA-Z][a-zA-Z0-9]*)((?:\s+{_ATTRIBUTE})*)\s*(/?)>"
                 r"|/([a-zA-Z][a-zA-Z0-9]*)\s*>)?")
ATTRIBUTE = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'"""
                       r"""|([^\s"'=<>`]+)))?""")
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
KEEP = {"p", "code", "pre", "li", "ol", "ul", "sub", "sup"}  # the tags the Parser keeps


def sections(html: str) -> list[Section] | None:
    """The theme Parser's sections of a page, or None if the page needs the Parser itself.

    The Parser's rules, for pages whose only markup is plain start and end tags: the open tags
    are compared by name, as its Element does; text inside the current section's heading goes
    to the section's title, other text to its text."""
    lowered = html.lower()
    if any(marker in lowered for marker in UNUSUAL) or \
            any(name in html for name in UNUSUAL_CLASSES):
        return None
    found: list[Section] = []
    context: list[str] = []  # the open tags' names
    section = None
    position = 0
    # A void tag at the end, which the Parser ignores, ends the text after the last tag.
    for match in TAG.finditer(html + "<br>"):
        if match.start() > position:  # the text before this tag
            data = unescape(html[position:match.start()])
            if section is None:
                section = _first_section(found)
            if section.el.tag in context:
                section.title.append(escape(data.replace("\n", " "), quote=False)
                                     if not data.isspace() else " ")
            elif data.isspace():
                if not section.text or not section.text[-1].isspace():
                    section.text.append(" ")
            else:
                section.text.append(escape(data.replace("\n", " "), quote=False))
        position = match.end()
        tag, attributes, closed, end = match.groups()
        if tag:
            tag = tag.lower()
            if tag in void:
                continue
            context.append(tag)
            if tag in HEADINGS:
                section = _heading_section(found, tag, attributes, len(context)) or section
            if section is None:
                section = _first_section(found)
            if tag in KEEP:
                (section.title if section.el.tag in context else section.text).append(f"<{tag}>")
            if not closed:
                continue
        elif end:
            tag = end.lower()
        else:
            return None
        if not context or context[-1] != tag:  # the end of a tag: ignored unless the last open
            continue
        if section.depth > len(context):  # leaving a heading nested in an element
            section = _enclosing_section(found, section, len(context))
        context.pop()
        if tag in KEEP:
            kept = section.title if section.el.tag in context else section.text
            index = kept.index(f"<{tag}>")
            if all(piece.isspace() for piece in kept[index + 1:]):
                del kept[index:]  # nothing but space inside: the element is dropped
            else:
                kept.append(f"</{tag}>")
    return found


def _first_section(found: list[Section]) -> Section:
    """The section for what comes before the first heading."""
    found.append(Section(Element("hx")))
    return found[-1]


def _heading_section(found: list[Section], tag: str, attributes: str, depth: int) \
        -> Section | None:
    """The section a heading starts, if it has an id (the first, if not an h1, after an empty
    one: the Parser always starts with a top-level section)."""
    attrs = _attributes(attributes)
    if "id" not in attrs:
        return None
    if tag != "h1" and not found:
        found.append(Section(Element("hx"), depth))
    section = Section(Element(tag, attrs), depth)
    if found:
        section.id = attrs["id"]
    found.append(section)
    return section


def _enclosing_section(found: list[Section], section: Section, depth: int) -> Section:
    """The section to go on with when an element holding the current section's heading ends."""
    for enclosing in reversed(found):
        if enclosing.depth <= depth:
            section.depth = float("inf")  # never to be taken up again
            return enclosing
    return section


def _attributes(text: str) -> dict[str, str | None]:
    """A start tag's attributes as the Parser reads them: names in lower case, values unquoted
    and unescaped (None for a name alone)."""
    attrs = {}
    for match in ATTRIBUTE.finditer(text):
        name, *values = match.groups()
        value = next((value for value in values if value is not None), None)
        attrs[name.lower()] = None if value is None else unescape(value)
    return attrs


class QuickSearchIndex(SearchIndex):
    """The theme's search index, splitting plain pages with sections() instead of its Parser."""

    def add_entry_from_context(self, page):
        search = page.meta.get("search") or {}
        found = None if search.get("exclude") else sections(page.content)
        if found is None:
            return super().add_entry_from_context(page)
        for section in found:
            self.create_entry_for_section(section, page.toc, page.url, page)


@event_priority(-100)  # after the search plugin has made its index
def on_config(config):
    search = next((plugin for name, plugin in config.plugins.items()
                   if name.endswith("search")), None)
    if search is not None and type(getattr(search, "search_index", None)) is SearchIndex:
        search.search_index.__class__ = QuickSearchIndex
    return config
