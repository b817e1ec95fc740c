"""The one Markdown link reader (markdown-it-py's parsers): what counts as a link, and where."""
import pytest

from generator.content.links import markdown_links, without_links


@pytest.mark.parametrize("text, text_and_target", [
    ("See [the doctor](diagnosis).", ("the doctor", "diagnosis")),
    ("See [the [nerve] doctor](diagnosis).", ("the [nerve] doctor", "diagnosis")),
    ('See [x](diagnosis "More about tests").', ("x", "diagnosis")),
    ("See [x](diagnosis 'More').", ("x", "diagnosis")),
    ("See [x]( diagnosis#tests ).", ("x", "diagnosis#tests")),
    ("[NHS](https://www.nhs.uk/a_(b))", ("NHS", "https://www.nhs.uk/a_(b)")),
])
def test_a_link_is_read_with_its_text_and_target(text, text_and_target):
    links = markdown_links(text)
    assert [(link.text, link.target) for link in links] == [text_and_target]
    target = text[links[0].target_start:links[0].target_end]
    assert target == text_and_target[1]


@pytest.mark.parametrize("text", ["a [x](diagnosis", "a \\[x](diagnosis)", "[x] (diagnosis)",
                                  "[x]", "a ](b)"])
def test_what_is_not_a_link(text):
    assert markdown_links(text) == ()


def test_an_image_is_marked_and_spans_its_exclamation_mark():
    text = "see ![pic](x.png) now"
    (link,) = markdown_links(text)
    assert link.image and text[link.start:link.end] == "![pic](x.png)"


def test_without_links_keeps_the_words_or_drops_the_whole_link():
    text = 'Ask [the [nerve] doctor](diagnosis "t") or [NHS](https://nhs.uk).'
    assert without_links(text) == "Ask the [nerve] doctor or NHS."
    assert without_links(text, keep_text=False) == "Ask  or ."
