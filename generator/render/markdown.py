"""Content Markdown as pages need it: [text](id) links made relative, lists separated, plain text."""
import re

from generator.content.links import markdown_links, without_links
from generator.render.urls import relative_link

LIST_ITEM = re.compile(r"^\s*([-*+]|\d+\.)\s")


def resolve_inline_links(markdown: str, from_doc: str, paths: dict[str, str]) -> str:
    """Rewrite [text](id) links in content Markdown to relative links to the pages' files."""
    text = _separate_lists(markdown)
    parts, done = [], 0
    for link in markdown_links(text):
        page_id, hash_mark, anchor = link.target.partition("#")
        if page_id in paths and not link.image:
            parts += [text[done:link.target_start],
                      relative_link(from_doc, paths[page_id]), hash_mark, anchor]
            done = link.target_end
    return "".join(parts) + text[done:]


def _separate_lists(markdown: str) -> str:
    """Put a blank line before a list that follows a paragraph, as Python-Markdown needs."""
    lines = []
    for line in markdown.split("\n"):  # as Markdown: not at U+2028 and the like
        previous = lines[-1] if lines else ""
        if LIST_ITEM.match(line) and previous.strip() and not LIST_ITEM.match(previous) \
                and not previous.startswith(" "):
            lines.append("")
        lines.append(line)
    return "\n".join(lines)


def plain_text(markdown: str) -> str:
    """Flatten Markdown to one line of plain text, e.g. for a tooltip."""
    flat = without_links(markdown)
    return " ".join(flat.replace("**", "").replace("*", "").split())
