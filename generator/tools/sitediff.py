"""The site diff for review: build the site at a git ref and at the working tree, compare the text
readers see on each page, and report it as Markdown for a pull-request comment."""
import difflib
import html
import io
import os
import re
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from generator.errors import BuildError
from generator.render import urls

WORKING_TREE = "working tree"
OLD_NODE_MODULES = "GUIDE_NODE_MODULES"  # where older trees' builds look for workbox-build
NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"
SKIPPED = {"script", "style", "template", "svg"}  # never shown as text
BLOCKS = {"address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt",
          "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
          "hr", "li", "nav", "ol", "p", "pre", "section", "summary", "table", "tr", "ul"}


@dataclass(frozen=True)
class SiteDiff:
    """The pages of two builds, compared by their text: {url: lines} for each kind of change."""

    base: str
    added: dict[str, list[str]]
    removed: dict[str, list[str]]
    changed: dict[str, tuple[list[str], list[str]]]
    unchanged: int


def site_diff(root: Path, base: str) -> SiteDiff:
    """Build the site at git ref base and in root's working tree; compare what readers see."""
    with tempfile.TemporaryDirectory(prefix="site-diff-") as temp:
        temp = Path(temp)
        export_ref(root, base, temp / "base")
        old, new = build_sites([(temp / "base", temp / "base-output", f"'{base}'"),
                                (root, temp / "output", f"the {WORKING_TREE}")])
        return compare(base, site_texts(old), site_texts(new))


def export_ref(root: Path, ref: str, target: Path) -> None:
    """Write the files of the commit that ref names into target (no .git, no untracked files)."""
    commit = _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    if commit.returncode != 0:
        raise BuildError(f"'{ref}' is not a commit in {root}; give a branch, tag or commit, "
                         "e.g. BASE=origin/main")
    archive = _git(root, "archive", "--format=tar", commit.stdout.strip())
    if archive.returncode != 0:
        raise BuildError(f"git archive {ref} failed: {archive.stderr.decode().strip()}")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(target, filter="data")


def _git(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)


def build_sites(builds: list[tuple[Path, Path, str]]) -> list[Path]:
    """Build each (tree, output, label) side by side with the tree's own generator; return
    each output/site, or raise BuildError with what went wrong."""
    # The working directory puts each tree's own generator package first on the import path.
    # A tree from before the service workers were kept in the repository writes its own with
    # workbox-build, from this repository's node_modules
    env = {**os.environ, OLD_NODE_MODULES: str(NODE_MODULES)}
    running = [(label, output, subprocess.Popen(
        [sys.executable, "-m", "generator", "build", "--output", str(output)], cwd=tree,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env))
        for tree, output, label in builds]
    failures = []
    for label, _, process in running:
        _, errors = process.communicate()
        if process.returncode != 0:
            failures.append(f"the site at {label} did not build:\n{errors.strip()}")
    if failures:
        raise BuildError("\n".join(failures))
    return [output / "site" for _, output, _ in running]


def site_texts(site: Path) -> dict[str, list[str]]:
    """Map the URL of every HTML page of a built site to the lines of its article text."""
    texts = {}
    for page in sorted(site.rglob("*.html")):
        lines = page_text(page.read_text(encoding="utf-8"))
        if lines is not None:
            texts[page_url(page.relative_to(site).as_posix())] = lines
    return texts


def page_url(relative: str) -> str:
    """The address of a built file: 'causes/x/index.html' -> '/causes/x/', '404.html' as is."""
    if relative == "index.html" or relative.endswith("/index.html"):
        return "/" + urls.page_url(relative.removesuffix(".html") + ".md").removeprefix("./")
    return "/" + relative


def page_text(markup: str) -> list[str] | None:
    """The text of a page's .md-content as lines (headings '#', list items '-'); None if absent."""
    parser = _ArticleText()
    parser.feed(markup)
    parser.close()
    return parser.lines if parser.found else None


class _ArticleText(HTMLParser):
    """Collects the visible text inside the first div.md-content, one line per block."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.found = [], False
        self._words, self._prefix = [], ""
        self._divs = self._skipping = self._lists = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if not self._divs:
            if tag == "div" and "md-content" in (attrs.get("class") or "").split() \
                    and not self.found:
                self._divs, self.found = 1, True
            return
        self._divs += tag == "div"
        self._skipping += tag in SKIPPED
        self._open(tag, attrs)

    def _open(self, tag, attrs):
        if tag in BLOCKS:
            self._flush()
        if tag in ("ul", "ol"):
            self._lists += 1
        elif tag == "li":
            self._prefix = "  " * max(self._lists - 1, 0) + "- "
        elif re.fullmatch(r"h[1-6]", tag):
            self._prefix = "#" * int(tag[1]) + " "
        elif tag in ("td", "th") and "".join(self._words).strip():
            self._words.append(" | ")
        elif tag == "img" and attrs.get("alt"):
            self.handle_data(f"[image: {attrs['alt']}]")

    def handle_endtag(self, tag):
        if not self._divs:
            return
        self._skipping = max(self._skipping - (tag in SKIPPED), 0)
        if tag in BLOCKS:
            self._flush()
        if tag in ("ul", "ol"):
            self._lists = max(self._lists - 1, 0)
        self._divs -= tag == "div"

    def handle_data(self, data):
        if self._divs and not self._skipping:
            self._words.append(data)

    def _flush(self):
        text = " ".join("".join(self._words).split())
        if text:
            self.lines.append(self._prefix + text)
            self._prefix = ""
        self._words = []


def compare(base: str, old: dict[str, list[str]], new: dict[str, list[str]]) -> SiteDiff:
    """Compare two builds' page texts by URL."""
    changed = {url: (old[url], new[url]) for url in sorted(old.keys() & new.keys())
               if old[url] != new[url]}
    return SiteDiff(base=base,
                    added={url: new[url] for url in sorted(new.keys() - old.keys())},
                    removed={url: old[url] for url in sorted(old.keys() - new.keys())},
                    changed=changed,
                    unchanged=len(old.keys() & new.keys()) - len(changed))


def unified(base: str, url: str, old: list[str], new: list[str]) -> list[str]:
    """The unified diff of one page's text lines, without the file header."""
    lines = difflib.unified_diff(old, new, f"{base}:{url}", f"{WORKING_TREE}:{url}",
                                 lineterm="", n=2)
    return list(lines)[2:]


def format_report(diff: SiteDiff) -> str:
    """The diff as Markdown for a pull-request comment: counts, then a <details> block a page."""
    parts = [_summary(diff)]
    sections = [("Changed", diff.changed),
                ("Added", {url: ([], lines) for url, lines in diff.added.items()})]
    for heading, pages in sections:
        if pages:
            parts.append(f"### {heading}\n")
        parts += [_details(url, new or old, unified(diff.base, url, old, new))
                  for url, (old, new) in pages.items()]
    if diff.removed:
        parts.append("### Removed\n\n" + "".join(f"- `{url}`: {html.escape(_title(url, lines))}\n"
                                                for url, lines in diff.removed.items()))
    return "\n".join(parts)


def _summary(diff: SiteDiff) -> str:
    counts = [("Added", len(diff.added)), ("Removed", len(diff.removed)),
              ("Changed", len(diff.changed)), ("Unchanged", diff.unchanged)]
    verdict = ("Readers will see the same text on every page."
               if not (diff.added or diff.removed or diff.changed)
               else "Each page's article text, without the HTML around it.")
    rows = "".join(f"| {name} | {count} |\n" for name, count in counts)
    return (f"## Site diff: what readers see\n\nCompared `{diff.base}` with the "
            f"{WORKING_TREE}. {verdict}\n\n| Pages | Count |\n| --- | ---: |\n{rows}")


def _details(url: str, text: list[str], lines: list[str]) -> str:
    """One page's collapsible block: its title, the lines added and removed, and the diff."""
    added = sum(line.startswith("+") for line in lines)
    removed = sum(line.startswith("-") for line in lines)
    summary = (f"<code>{html.escape(url)}</code>: {html.escape(_title(url, text))} "
               f"(+{added} −{removed})")
    body = "\n".join(lines)
    # A fence longer than any run of backticks in the text, so the text cannot close it.
    fence = "`" * max(3, 1 + max(map(len, re.findall(r"`+", body)), default=0))
    return (f"<details>\n<summary>{summary}</summary>\n\n{fence}diff\n{body}\n{fence}\n\n"
            "</details>\n")


def _title(url: str, lines: list[str]) -> str:
    """The page's first heading, or its URL when it has none."""
    return next((line.lstrip("#").strip() for line in lines if line.startswith("# ")), url)
