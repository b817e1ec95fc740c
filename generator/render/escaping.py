"""Escape content text for the place it lands. Content is text and Markdown, never HTML.

- Markdown pages: Python-Markdown reads its input as HTML-ish text and passes entities
  through, so '&', '<' and '>' are escaped (html_text); every template value is, by default.
  ('>' would start a quote; content has none and needs none.)
- What the theme prints without escaping: page titles (as mkdocs' own titles, HTML text) and the
  meta description (an attribute value, html_attribute).
- Front matter: JSON, which is YAML, with the characters YAML would fold or refuse escaped.
- JSON-LD: main.html writes it with Jinja's tojson, which escapes '<', '>', '&' and "'".
"""
import html
import json
import re

from markupsafe import Markup

# Characters YAML cannot hold in a quoted string as themselves: it folds line breaks (NEL, LS,
# PS) and refuses what is not printable (its reader's rule).
NOT_YAML_TEXT = re.compile("[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd"
                           "\U00010000-\U0010ffff]")


def html_text(text) -> str:
    """Escape text for HTML text (and for Markdown, which passes entities through)."""
    if isinstance(text, Markup) or not isinstance(text, str):
        return text
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def html_attribute(text: str) -> str:
    """Escape text for a double-quoted HTML attribute value."""
    return html.escape(text, quote=True)


def front_matter(value) -> Markup:
    """Write a value as YAML front matter (JSON, every character kept as it is)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=False)
    return Markup(NOT_YAML_TEXT.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text))
