"""mkdocs hook: explain each glossary term once per page, where it first appears.

The abbr extension marks every occurrence; a page full of dotted underlines is hard to read, so
headings and later occurrences of a term already explained on the page become plain text. A page whose front
matter says `tooltips: false` (the glossary, which explains every term in its own text) gets none.
Loaded by mkdocs from its path (see mkdocs_config.py), so it uses the standard library only."""
import re

ABBREVIATION = re.compile(r'<abbr title="(?P<title>[^"]*)">(?P<text>.*?)</abbr>', re.S)
HEADING = re.compile(r"<h[1-6][^>]*>.*?</h[1-6]>", re.S)


def first_occurrences_only(html: str) -> str:
    """Keep the first <abbr> for each explanation outside headings; unwrap the rest and every
    one in a heading (a title with a dotted underline reads as a link to be studied)."""
    html = HEADING.sub(lambda heading: without_tooltips(heading.group(0)), html)
    seen = set()

    def keep_first(match):
        key = match["title"]
        if key in seen:
            return match["text"]
        seen.add(key)
        return match.group(0)

    return ABBREVIATION.sub(keep_first, html)


def without_tooltips(html: str) -> str:
    """Unwrap every <abbr> to its text."""
    return ABBREVIATION.sub(lambda match: match["text"], html)


def on_page_content(html, page, config, files):
    if page.meta.get("tooltips", True) is False:
        return without_tooltips(html)
    return first_occurrences_only(html)
