"""The search sections hook: the theme Parser's sections of a page, found without HTMLParser, the
same on every page of the guide and on generated HTML; anything unusual goes to the Parser."""
from types import SimpleNamespace

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from material.plugins.search.plugin import Parser, SearchIndex
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

from generator.hooks.search_sections import QuickSearchIndex, sections


def parsed(html: str) -> list[tuple]:
    """The theme Parser's sections of html, as comparable tuples."""
    parser = Parser()
    parser.feed(html)
    parser.close()
    return described(parser.data)


def described(found) -> list[tuple]:
    return [(section.el.tag, section.el.attrs, section.id, section.depth, section.title,
             section.text) for section in found]


def test_sections_split_at_headings_with_ids_keeping_list_and_paragraph_tags():
    html = ('<h1 id="top">Numb <abbr title="x">legs</abbr></h1>\n<p>Pins &amp; needles</p>\n'
            '<h2>No id</h2><ul>\n<li><a href="#">Call</a> <strong>now</strong></li>\n</ul>'
            '<h2 id="next">Next</h2><p> </p><p>Rest\nhere</p>tail')
    found = sections(html)
    assert described(found) == parsed(html)
    assert [(section.id, "".join(section.title), "".join(section.text)) for section in found] == [
        (None, "Numb legs", " <p>Pins &amp; needles</p> No id<ul> <li>Call now</li> </ul>"),
        ("next", "Next", "<p>Rest here</p>tail")]


def test_a_heading_nested_in_an_element_ends_with_it_as_the_parser_does():
    html = ('<p>Intro</p><div><h2 id="inner">Inner</h2><p>In</p></div><p>After</p>'
            '<section><div><h3 id="deep">Deep</h3></div>x</section>')
    assert described(sections(html)) == parsed(html)


def test_self_closing_void_and_unbalanced_tags_are_read_as_the_parser_reads_them():
    html = ('<p>a<br/>b<br>c<img src="x.png" alt="a > b"></p><svg><path d="M0 0"/></svg>'
            '</li><p>d</em></p><h2 ID="Up">Up</h2><LI>E</LI><li></li><ol> </ol>')
    assert described(sections(html)) == parsed(html)


@pytest.mark.parametrize("html", [
    "<p>a</p><!-- comment -->", "<script>var a = '<p>'</script>", "<pre>  code\n</pre>",
    '<div data-search-exclude><p>hidden</p></div>', '<h2 id="a">A<a class="headerlink">¶</a></h2>',
    "<p>1 < 2</p>", "<p>a</p><my-element>x</my-element>", "<?xml version='1.0'?>",
    '<svg><title>Map</title></svg>', "<STYLE>p {}</STYLE>"])
def test_anything_unusual_is_left_to_the_themes_parser(html):
    assert sections(html) is None


TAGS = ["p", "li", "ul", "ol", "a", "strong", "em", "abbr", "span", "div", "h1", "h2", "h3",
        "code", "sub", "sup", "dl", "dt", "dd", "table", "td", "section"]
ATTRIBUTES = ["", ' id="x"', ' id="a&amp;b"', " class='c'", ' title="a > b"', " hidden",
              ' href=here', ' ID="Upper"']
PIECES = st.one_of(
    st.builds(lambda tag, attributes: f"<{tag}{attributes}>", st.sampled_from(TAGS),
              st.sampled_from(ATTRIBUTES)),
    st.builds(lambda tag: f"</{tag}>", st.sampled_from(TAGS)),
    st.sampled_from(["<br>", "<br/>", '<img src="x">', "<path/>"]),
    st.text(alphabet="ab \n\t&;>\"'\xa0é", max_size=6),
    st.sampled_from(["&amp;", "&lt;", "&gt;", "&#39;", "&nbsp;", "&bogus;", "&amp"]))


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=30))
def test_generated_html_gets_the_parsers_sections(pieces):
    html = "".join(pieces)
    found = sections(html)
    assert found is not None
    assert described(found) == parsed(html)


@pytest.fixture(scope="module")
def guide_pages(built_site) -> list[tuple[str, str]]:
    """Each Markdown page of the built guide converted to HTML as mkdocs converts it for the
    search plugin (its Markdown extensions and settings): (page, HTML)."""
    build = built_site.parent / "build"
    config = load_config(str(build / "mkdocs.yml"))
    pages = []
    for source in sorted((build / "docs").rglob("*.md")):
        body, _ = get_data(source.read_text(encoding="utf-8"))
        converter = markdown.Markdown(extensions=config.markdown_extensions,
                                      extension_configs=config.mdx_configs)
        pages.append((source.relative_to(build).as_posix(), converter.convert(body)))
    return pages


def test_every_page_of_the_guide_gets_the_parsers_sections(guide_pages):
    quick = {page: sections(html) for page, html in guide_pages}
    assert len(quick) > 60
    for page, html in guide_pages:
        if quick[page] is not None:
            assert described(quick[page]) == parsed(html), page
    # The point of the hook: nearly every page is split without the Parser.
    assert sum(found is None for found in quick.values()) <= len(quick) // 20


def test_the_index_makes_the_same_entries_and_sends_excluded_pages_to_the_parser():
    config = {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": [], "fields": {}}
    pages = [SimpleNamespace(content=html, meta=meta, toc=[], url="page/", title="Page")
             for html, meta in [('<h1 id="a">A</h1><p>x</p><h2 id="b">B</h2>y', {}),
                                ('<p>x</p><pre> y</pre>', {"tags": ["t"]}),
                                ("<p>hidden</p>", {"search": {"exclude": True}})]]
    theme, quick = SearchIndex(**config), QuickSearchIndex(**config)
    for page in pages:
        theme.add_entry_from_context(page)
        quick.add_entry_from_context(page)
    assert quick.entries == theme.entries
    assert [entry["location"] for entry in quick.entries] == ["page/", "page/#b", "page/"]


def test_the_hook_swaps_the_search_plugins_index_when_mkdocs_starts(built_site):
    config = load_config(str(built_site.parent / "build" / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    # mkdocs loads the hook from its path: the class is the hook module's, by name.
    assert type(config.plugins["material/search"].search_index).__name__ == "QuickSearchIndex"
