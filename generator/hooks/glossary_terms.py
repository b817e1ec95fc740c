"""Markdown extension: explain each glossary term once per page, where it first appears.

The abbr extension would mark every occurrence; a page full of dotted underlines is hard to read,
and a title with one reads as a link to be studied. This is abbr with its tree processor replaced:
only the first occurrence of each explanation outside headings becomes an <abbr>, in one pass.
Named in the generated mkdocs.yml with abbr's settings (see render/mkdocs_config.py), so mkdocs
imports it as the generator runs it, in its own process; a page whose front matter says
`tooltips: false` loses them again in the glossary hook."""
import functools
import re

from markdown.extensions.abbr import AbbrExtension, AbbrTreeprocessor
from markdown.util import AtomicString

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class GlossaryTermsExtension(AbbrExtension):
    """abbr, explaining each term once per page."""

    def extendMarkdown(self, md):
        super().extendMarkdown(md)
        md.treeprocessors.register(FirstOccurrences(md, self.abbrs), "abbr", 7)
        # Explanations come from the glossary only: a "*[term]: ..." line in a page stays text.
        md.parser.blockprocessors.deregister("abbr")


class FirstOccurrences(AbbrTreeprocessor):
    """Wrap the first occurrence of each explanation outside headings in <abbr>."""

    def run(self, root):
        if self.abbrs:
            self.RE, self.explained = _pattern(tuple(self.abbrs)), set()
            self.wrap(root)

    def wrap(self, element) -> None:
        """Wrap the terms in the element's text, in its children and after each, in page order."""
        if element.tag in HEADINGS:
            return
        element.text, children = self.split(element.text)
        for child in list(element):
            self.wrap(child)
            child.tail, after = self.split(child.tail)
            children += [child, *after]
        if len(children) != len(element):
            element[:] = children

    def split(self, text: str | None) -> tuple[str | None, list]:
        """Return the text before its first term not yet explained, and an <abbr> for each such
        term, with the text up to the next one as its tail."""
        if not text or isinstance(text, AtomicString) or text.isspace():
            return text, []
        before, terms, start = text, [], 0
        for match in self.RE.finditer(text):
            title = self.abbrs[match[0]]
            if not title or title in self.explained:
                continue
            self.explained.add(title)
            if terms:
                terms[-1].tail = text[start:match.start()]
            else:
                before = text[:match.start()]
            terms.append(self.create_element(title, match[0], None))
            start = match.end()
        if terms:
            terms[-1].tail = text[start:]
        return before, terms


@functools.lru_cache(maxsize=4)
def _pattern(terms: tuple[str, ...]) -> re.Pattern:
    """abbr's pattern of the terms (whole words, the longest that fits), compiled once per glossary.

    abbr lists the terms one after another; this nests them by shared first letters, so at each
    place in the text the few terms that start with the letter there are tried, not all of them."""
    trie: dict = {}
    for term in terms:
        node = trie
        for char in term:
            node = node.setdefault(char, {})
        node[""] = {}
    return re.compile(f"\\b{_alternatives(trie)}\\b")


def _alternatives(node: dict) -> str:
    """The pattern of a trie's terms: longer ones first, as abbr tries them."""
    branches = [re.escape(char) + _alternatives(rest) for char, rest in node.items() if char]
    branches += [""] if "" in node else []
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def makeExtension(**kwargs):  # noqa: N802 (the name Python-Markdown looks for)
    return GlossaryTermsExtension(**kwargs)
