"""Read the built site's HTML: ids, links and resources of every page."""
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass
class HtmlPage:
    """What the tests need from one built HTML file."""

    path: Path
    ids: set = field(default_factory=set)
    links: list = field(default_factory=list)       # (tag, attribute, value)
    text: str = ""


class _Collector(HTMLParser):
    def __init__(self, page: HtmlPage):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.text = []

    def handle_starttag(self, tag, attrs):
        if tag == "link":
            tag = f"link[{dict(attrs).get('rel', '')}]"
        for name, value in attrs:
            if name in ("id", "name") and value and (name == "id" or tag == "a"):
                self.page.ids.add(value)
            if name in ("href", "src") and value is not None:
                self.page.links.append((tag, name, value))

    def handle_data(self, data):
        self.text.append(data)


def read_page(path: Path) -> HtmlPage:
    page = HtmlPage(path)
    collector = _Collector(page)
    collector.feed(path.read_text(encoding="utf-8"))
    page.text = " ".join(collector.text)
    return page


def read_site(site: Path) -> dict[Path, HtmlPage]:
    """Every HTML file of the site, by path."""
    return {path: read_page(path) for path in sorted(site.rglob("*.html"))}


def resolve(page: Path, href: str, site: Path, base_path: str = "/") -> tuple[Path | None, str]:
    """Return (file, fragment) an internal link points to; file None for other hosts.

    Absolute paths (as on the 404 page) are read below base_path, the path of the site's URL."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None, ""
    if not parts.path:
        return page, parts.fragment
    if parts.path.startswith("/"):
        target = (site / parts.path.removeprefix(base_path).lstrip("/")).resolve()
    else:
        target = (page.parent / unquote(parts.path)).resolve()
    if target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)
