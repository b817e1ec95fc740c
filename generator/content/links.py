"""Find the links in content Markdown with markdown-it-py's own link parsers: one reading of
[text](target "title") for the checks, the page linker, readability and the link checker."""
import functools
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.helpers import parseLinkDestination, parseLinkLabel, parseLinkTitle
from markdown_it.rules_inline import StateInline

_MARKDOWN = MarkdownIt("commonmark")


@dataclass(frozen=True)
class Link:
    """One inline link or image: where it is in the text, and where its target is."""

    start: int         # at "[" (or "!" of an image)
    end: int           # after ")"
    target_start: int
    target_end: int
    text: str
    target: str
    image: bool


@functools.lru_cache(maxsize=4096)  # the checks and the page linker read the same texts
def markdown_links(text: str) -> tuple[Link, ...]:
    """Return the inline links and images of text, in order."""
    links, position = [], text.find("[")
    if position == -1:
        return ()
    state = StateInline(text, _MARKDOWN, {}, [])
    while position != -1:
        link = _link_at(text, state, position)
        if link:
            links.append(link)
        position = text.find("[", link.end if link else position + 1)
    return tuple(links)


def without_links(text: str, keep_text: bool = True) -> str:
    """Return text with each link replaced by its text (keep_text) or by nothing."""
    parts, done = [], 0
    for link in markdown_links(text):
        parts += [text[done:link.start], link.text if keep_text else ""]
        done = link.end
    return "".join(parts) + text[done:]


def _link_at(text: str, state: StateInline, start: int) -> Link | None:
    if _escaped(text, start):
        return None
    label_end = parseLinkLabel(state, start)
    if label_end < 0 or label_end + 1 >= len(text) or text[label_end + 1] != "(":
        return None
    position = _skip_spaces(text, label_end + 2)
    destination = parseLinkDestination(text, position, len(text))
    if not destination.ok:
        return None
    target_start, target_end = position, destination.pos
    position = _skip_spaces(text, destination.pos)
    if position > target_end:
        title = parseLinkTitle(text, position, len(text))
        if title.ok:
            position = _skip_spaces(text, title.pos)
    if position >= len(text) or text[position] != ")":
        return None
    image = start > 0 and text[start - 1] == "!" and not _escaped(text, start - 1)
    return Link(start - image, position + 1, target_start, target_end,
                text[start + 1:label_end], destination.str, image)


def _skip_spaces(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\n":
        position += 1
    return position


def _escaped(text: str, position: int) -> bool:
    """Whether the character at position follows an odd number of backslashes."""
    first = position
    while first > 0 and text[first - 1] == "\\":
        first -= 1
    return (position - first) % 2 == 1
