"""Where each page lives: its Markdown file, its URL, and the links between pages."""
import posixpath

from generator import model

KIND_FOLDERS = {"cause": "causes", "location": "locations", "situation": "situations",
                "treatment": "treatment"}
TOPIC_PATHS = {"overview": "index.md", "treatment": "treatment/index.md"}
SERVICE_PATHS = {"offline": "offline.md"}
GENERATED_PATHS = {"causes": "causes/index.md", "locations": "locations/index.md",
                   "situations": "situations/index.md", "glossary": "glossary.md",
                   "symptom-guide": "symptom-guide.md", "appointment": "appointment.md"}
COVERAGE_PATH = "about/coverage/index.md"  # the article's coverage, page by page, under about/


def doc_path(page: model.Page) -> str:
    """Return the Markdown file, relative to the docs folder, that holds this page."""
    if page.kind == "topic":
        return TOPIC_PATHS.get(page.id, f"{page.id}.md")
    return f"{KIND_FOLDERS[page.kind]}/{page.id}.md"


def all_doc_paths(content: model.Content) -> dict[str, str]:
    """Map every linkable id to its Markdown file."""
    return {**GENERATED_PATHS, **{page.id: doc_path(page) for page in content.pages}}


def list_page_doc(first_doc: str, number: int) -> str:
    """Return the Markdown file of a long list's page: the first is first_doc, the others lie
    beside it (causes/page-2.md), or under it if it is no folder's index
    (symptom-guide/page-2.md), named as model.LIST_PAGE_ID says."""
    if number == 1:
        return first_doc
    folder, name = posixpath.split(first_doc)
    if name != "index.md":
        folder = posixpath.join(folder, name.removesuffix(".md"))
    return posixpath.join(folder, f"page-{number}.md")


def relative_link(from_doc: str, to_doc: str) -> str:
    """Return the link from one Markdown file to another, as mkdocs resolves it."""
    return _relative_path(to_doc, posixpath.dirname(from_doc))


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


def page_url(doc: str, directory_urls: bool = True) -> str:
    """Return the URL of the page in a Markdown file, relative to the site root: causes/diabetes/
    on the hosted site (directory URLs, the home page ./), causes/diabetes.html offline."""
    parts = doc.removesuffix(".md").split("/")
    if not directory_urls:
        return "/".join(parts) + ".html"
    if parts[-1] == "index":
        parts.pop()
    return "/".join(parts) + "/" if parts else "./"
