"""mkdocs hook: no glossary tooltips on a page whose front matter says `tooltips: false` (the
glossary, which explains every term in its own text).

The glossary_terms Markdown extension explains each term once per page; this unwraps them again.
Loaded by mkdocs from its path (see mkdocs_config.py), so it uses the standard library only."""
import re

ABBREVIATION = re.compile(r'<abbr title="(?P<title>[^"]*)">(?P<text>.*?)</abbr>', re.S)


def without_tooltips(html: str) -> str:
    """Unwrap every <abbr> to its text."""
    return ABBREVIATION.sub(lambda match: match["text"], html)


def on_page_content(html, page, config, files):
    return without_tooltips(html) if page.meta.get("tooltips", True) is False else html
