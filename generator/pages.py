"""Where each page lives and how pages connect: document paths, relative links, related pages."""
import posixpath
import re
from dataclasses import dataclass

from generator import model

KIND_FOLDERS = {"cause": "causes", "location": "locations", "situation": "situations",
                "treatment": "treatment"}
TOPIC_PATHS = {"overview": "index.md", "treatment": "treatment/index.md"}
GENERATED_PATHS = {"causes": "causes/index.md", "locations": "locations/index.md",
                   "situations": "situations/index.md", "glossary": "glossary.md",
                   "symptom-guide": "symptom-guide.md", "appointment": "appointment.md"}
RELATED_LABELS = {"location": "Where you may feel it", "situation": "When it may happen",
                  "cause": "Possible causes", "topic": "More about leg numbness",
                  "treatment": "Treatment"}
MARKDOWN_LINK = re.compile(r"(\[[^\]]*\]\(\s*)([a-z0-9-]+)(#[^)\s]*)?(\s*\))")
LIST_ITEM = re.compile(r"^\s*([-*+]|\d+\.)\s")


def doc_path(page: model.Page) -> str:
    """Return the Markdown file, relative to the docs folder, that holds this page."""
    if page.kind == "topic":
        return TOPIC_PATHS.get(page.id, f"{page.id}.md")
    return f"{KIND_FOLDERS[page.kind]}/{page.id}.md"


def all_doc_paths(content: model.Content) -> dict[str, str]:
    """Map every linkable id to its Markdown file."""
    return {**GENERATED_PATHS, **{page.id: doc_path(page) for page in content.pages}}


def relative_link(from_doc: str, to_doc: str) -> str:
    """Return the link from one Markdown file to another, as mkdocs resolves it."""
    return _relative_path(to_doc, posixpath.dirname(from_doc))


def built_link(from_doc: str, to_doc: str, directory_urls: bool = True) -> str:
    """Return the link between two built pages, for raw HTML, which mkdocs does not rewrite:
    causes/diabetes/ on the hosted site (directory URLs), causes/diabetes.html offline."""
    source, target = _built_url(from_doc, directory_urls), _built_url(to_doc, directory_urls)
    base = source if source.endswith("/") else posixpath.dirname(source)
    relative = _relative_path(target, base)
    if target.endswith("/"):
        return "./" if relative == "." else relative + "/"
    return relative


def _relative_path(path: str, start: str) -> str:
    """posixpath.relpath for clean paths (no "." or ".." parts), without asking the file system."""
    path_parts = [part for part in path.split("/") if part]
    start_parts = [part for part in start.split("/") if part]
    common = 0
    for path_part, start_part in zip(path_parts, start_parts):
        if path_part != start_part:
            break
        common += 1
    return "/".join([".."] * (len(start_parts) - common) + path_parts[common:]) or "."


def _built_url(doc: str, directory_urls: bool) -> str:
    parts = doc.removesuffix(".md").split("/")
    if not directory_urls:
        return "/" + "/".join(parts) + ".html"
    if parts[-1] == "index":
        parts.pop()
    return "/" + "".join(part + "/" for part in parts)


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


@dataclass(frozen=True)
class Related:
    """Pages connected to one page, grouped under a heading for readers."""

    label: str
    pages: tuple[model.Page, ...]


def related_pages(content: model.Content) -> dict[str, tuple[Related, ...]]:
    """Return, for every page id, its connected pages in both directions, grouped by kind."""
    by_id = content.by_id()
    connected = {page.id: set() for page in content.pages}
    for page in content.pages:
        for ref in (*page.links, *page.causes):
            if ref.id in connected:
                connected[page.id].add(ref.id)
                connected[ref.id].add(page.id)
    return {page_id: _grouped([by_id[other] for other in others])
            for page_id, others in connected.items()}


def _grouped(pages: list[model.Page]) -> tuple[Related, ...]:
    groups = []
    for kind in ("cause", "location", "situation", "topic", "treatment"):
        members = sorted((p for p in pages if p.kind == kind), key=lambda p: p.title.lower())
        if members:
            groups.append(Related(RELATED_LABELS[kind], tuple(members)))
    return tuple(groups)


def plain_text(markdown: str) -> str:
    """Flatten Markdown to one line of plain text, e.g. for a tooltip."""
    flat = MARKDOWN_LINK.sub(lambda m: m.group(1).strip()[1:-2], markdown)
    return " ".join(flat.replace("**", "").replace("*", "").split())
