"""Checks across the loaded content: references, links, safe text, coverage. Pure functions."""
import re

from generator import model
from generator.content.links import markdown_links, without_links
from generator.errors import Problem, did_you_mean

RAW_HTML = re.compile(r"<\s*[a-zA-Z!/?]")
SCRIPT_URL = re.compile(r"(java|vb)script\s*:|data\s*:\s*text/html", re.IGNORECASE)
EXTERNAL = re.compile(r"^https://[^/\s]+")
# Markdown that would let content set HTML attributes, load images or links from elsewhere, or
# make Python-Markdown crash (recursion) or take minutes; real content never needs it.
MAX_TEXT = 5_000
MAX_NESTING = 6
BRACKET = re.compile(r"[\[\]]")
ATTRIBUTE_LIST = re.compile(r"\{:?[ ]*[^}\n ][^}\n]*\}")
DEFINITION = re.compile(r"^ {0,3}\*?\[[^\]\n]+\]:|^:[ \t]", re.MULTILINE)
NESTED = re.compile(r"^(?:[ \t]*(?:>|(?:[-*+]|\d+[.)])[ \t])){%d,}" % (MAX_NESTING + 1),
                    re.MULTILINE)


def validate(content: model.Content) -> list[Problem]:
    """Return every problem found across the content; an empty list means it can be built."""
    pages = content.by_id()
    return sorted([
        *_check_ids(content),
        *_check_required_topics(content, pages),
        *_check_references(content, pages),
        *_check_links_declared_once(content),
        *_check_tests(content),
        *_check_text(content, pages),
        *_check_glossary(content, pages),
        *_check_coverage(content),
    ])


def linkable_ids(content: model.Content) -> set[str]:
    """Ids that content may link to: every page and every page the generator writes."""
    return {page.id for page in content.pages} | set(model.GENERATED_PAGES)


def citable_ids(content: model.Content) -> set[str]:
    """Ids a page, sign or outcome may cite: the article's sections and the named references."""
    return {section.id for section in content.source.sections} | \
        {reference.id for reference in content.registry.references}


def _check_ids(content):
    seen = {}
    for page in content.pages:
        if page.id in model.GENERATED_PAGES or page.id in model.SERVICE_PAGES:
            yield Problem(page.path, 1, f"the id '{page.id}' is taken by a generated page; "
                          "rename the file")
        elif model.LIST_PAGE_ID.fullmatch(page.id):
            yield Problem(page.path, 1, f"the id '{page.id}' is kept for the numbered pages of "
                          "long lists; rename the file")
        elif page.id in seen:
            yield Problem(page.path, 1, f"duplicate id '{page.id}': {seen[page.id]} has it "
                          "too; ids are unique across folders, rename one file")
        seen.setdefault(page.id, page.path)
    sections = {}
    for section in content.source.sections:
        if section.id in sections:
            yield Problem(content.source.path, section.line,
                          f"duplicate section id '{section.id}'; keep one")
        sections[section.id] = section


def _check_required_topics(content, pages):
    for topic in model.REQUIRED_TOPICS:
        if pages.get(topic, None) is None or pages[topic].kind != "topic":
            yield Problem(f"content/topics/{topic}.yml", 1,
                          f"the topic page '{topic}' is missing; create this file")


def _check_references(content, pages):
    sections = {section.id: section for section in content.source.sections}
    citable = citable_ids(content)
    linkable = linkable_ids(content)
    causes = {page.id for page in content.pages if page.kind == "cause"}
    for page in content.pages:
        for ref in page.sources:
            if ref.id not in citable:
                yield Problem(page.path, ref.line, f"unknown source '{ref.id}'"
                              f"{did_you_mean(ref.id, citable)}; cite a section id of "
                              "content/source.yml or a reference id of content/references.yml")
            elif ref.id in sections and sections[ref.id].no_text:
                yield Problem(page.path, ref.line, f"source section '{ref.id}' has no text in "
                              "the article, so no page can draw on it; remove it")
        for ref in page.causes:
            if ref.id not in causes:
                yield Problem(page.path, ref.line, f"unknown cause '{ref.id}'"
                              f"{did_you_mean(ref.id, causes)}; causes are the files in "
                              "content/causes/")
        for ref in page.links:
            if ref.id not in linkable:
                yield Problem(page.path, ref.line, f"link to unknown page '{ref.id}'"
                              f"{did_you_mean(ref.id, linkable)}")
            elif ref.id == page.id:
                yield Problem(page.path, ref.line, f"the page links to itself ('{ref.id}'); "
                              "remove it")
        if not page.sources:
            yield Problem(page.path, page.field_lines.get("sources", page.line),
                          "'sources' is empty; add the ids of the article sections or references "
                          "this page draws on (content/source.yml, content/references.yml)")
        if not page.also_called:
            yield Problem(page.path, page.field_lines.get("also_called", page.line),
                          "'also_called' is empty; add words a reader might search for")


def _declared(page):
    return [*page.links, *page.causes]


def _check_links_declared_once(content):
    targets = {page.id: {ref.id for ref in _declared(page)} for page in content.pages}
    for page in content.pages:
        for ref in _declared(page):
            if page.id < ref.id and page.id in targets.get(ref.id, ()):
                yield Problem(page.path, ref.line, f"the link to '{ref.id}' is declared on both "
                              "pages; keep it on one side only (the other page shows it anyway)")


def _check_tests(content):
    for page in content.pages:
        if page.id != "diagnosis" and page.tests:
            yield Problem(page.path, page.field_lines["tests"], "'tests' belongs only in "
                          "content/topics/diagnosis.yml, which the appointment page reads; "
                          "remove it here")


def _page_texts(page):
    yield page.field_lines.get("title", page.line), page.title
    yield page.field_lines.get("summary", page.line), page.summary
    for word in page.also_called:
        yield page.field_lines.get("also_called", page.line), word
    for test in page.tests:
        yield page.field_lines["tests"], test
    if page.reviewed_by:
        yield page.field_lines["reviewed_by"], page.reviewed_by
    for section in page.sections:
        yield section.line, section.heading
        yield section.line, section.body


def _source_texts(source):
    for name in ("title", "publisher"):
        yield source.field_lines.get(name, 1), getattr(source, name)
    for section in source.sections:
        yield section.line, section.heading
        yield section.line, section.lines


def _check_text(content, pages):
    linkable = linkable_ids(content)
    for page in content.pages:
        for line, text in _page_texts(page):
            yield from text_problems(page.path, line, text, linkable)
    for term in content.glossary.terms:
        for text in (term.term, term.definition, *term.also_called):
            yield from text_problems(content.glossary.path, term.line, text, linkable)
    for line, text in _source_texts(content.source):
        yield from text_problems(content.source.path, line, text, linkable)


def text_problems(path: str, line: int, text: str, linkable: set[str]):
    """Yield problems with one piece of Markdown: raw HTML, script URLs, unknown link targets."""
    if len(text) > MAX_TEXT:
        yield Problem(path, line, f"this text is {len(text):,} characters long; split it into "
                      f"sections of at most {MAX_TEXT:,}")
        return
    yield from (Problem(path, line, message) for message in _markup_problems(text))
    if "<" in text and RAW_HTML.search(text):
        tag = "".join(RAW_HTML.search(text).group(0).split())
        yield Problem(path, line, f"raw HTML ('{tag}...') is not allowed in content; "
                      "use Markdown instead")
    if ":" in text and SCRIPT_URL.search(text):
        scheme = "".join(SCRIPT_URL.search(text).group(0).split())
        yield Problem(path, line, f"'{scheme}' links are not allowed; "
                      "link to a page id or an https:// address")
    if "--8<--" in text:
        yield Problem(path, line, "'--8<--' (file includes) is not allowed in content")
    for link in markdown_links(text):
        yield from _link_problems(path, line, link.image, link.target, linkable)


def _markup_problems(text: str):
    if _bracket_depth_broken(text):
        yield "'[' and ']' must pair up, at most two deep: in Markdown they make links, " \
              "[text](page-id)"
    elif "](" in text and "](" in without_links(text, keep_text=False):
        yield "a link is not closed or cannot be read; write it as [text](page-id) or " \
              "[text](https://...)"
    if "![" in text and not any(link.image for link in markdown_links(text)):
        yield "images are not allowed in content ('![...'); describe it in words"
    if "{" in text and ATTRIBUTE_LIST.search(text):
        yield f"'{ATTRIBUTE_LIST.search(text).group(0)[:40]}': braces set HTML attributes in " \
              "Markdown and are not allowed in content; remove them"
    if ":" in text and DEFINITION.search(text):
        yield f"'{DEFINITION.search(text).group(0)}' starts a Markdown definition, which " \
              "content does not use; write links inline as [text](page-id), terms in glossary.yml"
    if NESTED.search(text):
        yield f"lists or quotes nested more than {MAX_NESTING} deep; flatten them"


def _bracket_depth_broken(text: str) -> bool:
    if "[" not in text and "]" not in text:
        return False
    depth = 0
    for bracket in BRACKET.findall(text):
        depth += 1 if bracket == "[" else -1
        if not 0 <= depth <= 2:
            return True
    return depth != 0


def _link_problems(path, line, image, target, linkable):
    if image:
        yield Problem(path, line, f"images are not allowed in content ('{target}'); "
                      "describe it in words")
        return
    page_id = target.split("#", 1)[0]
    if EXTERNAL.match(target) or SCRIPT_URL.search(target):
        return
    if page_id not in linkable:
        yield Problem(path, line, f"link to unknown page '{target}'"
                      f"{did_you_mean(page_id, linkable)}; link to a page id such as "
                      "'diagnosis' or to an https:// address")


def _check_glossary(content, pages):
    seen = {}
    for term in content.glossary.terms:
        key = term.term.lower()
        if key in seen:
            yield Problem(content.glossary.path, term.line, f"the term '{term.term}' is "
                          f"already defined on line {seen[key]}; keep one")
        seen.setdefault(key, term.line)
        if term.page and term.page.id not in linkable_ids(content):
            yield Problem(content.glossary.path, term.page.line, f"unknown page "
                          f"'{term.page.id}'{did_you_mean(term.page.id, pages)}")


def _check_coverage(content):
    drawn_on = {ref.id for page in content.pages for ref in page.sources}
    for section in content.source.sections:
        if not section.no_text and section.id not in drawn_on:
            yield Problem(content.source.path, section.line, f"no page draws on the article "
                          f"section '{section.id}'; add it to the 'sources' of a page")
