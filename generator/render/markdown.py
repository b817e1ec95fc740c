"""Content Markdown as pages need it: [text](id) links made relative, lists separated, plain text."""
import re

from generator.render.urls import relative_link

MARKDOWN_LINK = re.compile(r"(\[[^\]]*\]\(\s*)([a-z0-9-]+)(#[^)\s]*)?(\s*\))")
LIST_ITEM = re.compile(r"^\s*([-*+]|\d+\.)\s")


def resolve_inline_links(markdown: str, from_doc: str, paths: dict[str, str]) -> str:
    """Rewrite [text](id) links in content Markdown to relative links to the pages' files."""
    def replace(match):
        target = paths.get(match.group(2))
        if target is None:
            return match.group(0)
        return f"{match.group(1)}{relative_link(from_doc, target)}{match.group(3) or ''}" \
               f"{match.group(4)}"
    return MARKDOWN_LINK.sub(replace, _separate_lists(markdown))


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
    flat = MARKDOWN_LINK.sub(lambda m: m.group(1).strip()[1:-2], markdown)
    return " ".join(flat.replace("**", "").replace("*", "").split())
