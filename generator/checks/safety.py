"""Checks of the sources and the warning-sign registry: every sign and page cites known sources,
pages name their signs by id, and no page grades urgency in its own words. Pure functions."""
import re

from generator import model
from generator.errors import Problem, did_you_mean
from generator.checks.pages import citable_ids, linkable_ids, text_problems

# Words that tell a reader how soon to act. Only the registry's signs (rendered as the "When to
# get help" cards, the banner, the red-flags page and the symptom guide) may say them, so a sign
# cannot be graded one way on one page and another way on the next.
URGENCY_WORDS = re.compile(
    r"\b(emergenc(?:y|ies)|urgent(?:ly)?|ambulance|A&E|999|112|911|today|immediately|"
    r"straight away|right away|at once|(?:book|make) an appointment|call (?:a|your) doctor)\b",
    re.IGNORECASE)
NEEDS_GET_HELP = ("cause", "location", "situation")


def check_registry(content: model.Content) -> list[Problem]:
    """Return every problem with the references, the signs and the pages' use of them."""
    return sorted([
        *_check_texts(content.registry, linkable_ids(content)),
        *_check_references(content.registry, citable_ids(content)),
        *_check_signs(content.registry, citable_ids(content)),
        *_check_get_help(content),
        *_check_urgency_words(content),
        *_check_causes_linked(content),
    ])


def _check_texts(registry, linkable):
    for reference in registry.references:
        for text in (reference.publisher, reference.title, reference.note or "x"):
            yield from text_problems(registry.references_path, reference.line, text, linkable)
    for sign in registry.signs:
        for text in (sign.text, sign.banner or "x"):
            yield from text_problems(registry.signs_path, sign.line, text, linkable)


def _check_references(registry, citable):
    seen = {}
    sections = citable - set(registry.references_by_id)
    for reference in registry.references:
        if reference.id in seen or reference.id in sections:
            yield Problem(registry.references_path, reference.line, f"the id '{reference.id}' is "
                          "already used by a reference or an article section; rename it")
        seen.setdefault(reference.id, reference.line)
        if not reference.url.startswith("https://"):
            yield Problem(registry.references_path, reference.line, f"the url of '{reference.id}'"
                          " must start with https://")


def _check_signs(registry, citable):
    seen = set()
    for sign in registry.signs:
        if sign.id in seen:
            yield Problem(registry.signs_path, sign.line, f"the sign id '{sign.id}' is used twice;"
                          " keep one")
        seen.add(sign.id)
        yield from citation_problems(registry.signs_path, sign.line, f"sign '{sign.id}'",
                                     sign.sources, citable,
                                     "add the ids of the references that state its urgency to "
                                     "'sources'")
        if sign.banner and sign.tier != "emergency":
            yield Problem(registry.signs_path, sign.field_lines["banner"], f"sign '{sign.id}' is "
                          f"{sign.tier}; only emergency signs go on the banner")
    if not any(sign.banner for sign in registry.signs):
        yield Problem(registry.signs_path, 1, "no sign has 'banner:'; give the main emergency "
                      "signs a few words for the banner on every page")


def citation_problems(path: str, line: int, what: str, sources, citable: set[str],
                       fix: str):
    """Problems with what one sign or result cites: nothing (say fix), or an unknown id."""
    if not sources:
        yield Problem(path, line, f"{what} cites nothing; {fix}")
    for ref in sources:
        if ref.id not in citable:
            yield Problem(path, ref.line, f"{what} cites unknown source '{ref.id}'"
                          f"{did_you_mean(ref.id, citable)}")


def _check_get_help(content):
    signs = content.registry.signs_by_id
    for page in content.pages:
        for ref in page.get_help:
            if ref.id not in signs:
                yield Problem(page.path, ref.line, f"unknown warning sign '{ref.id}'"
                              f"{did_you_mean(ref.id, signs)}; see content/warning_signs.yml")
        if page.kind in NEEDS_GET_HELP and not page.get_help:
            yield Problem(page.path, page.field_lines["get_help"], "'get_help' is empty: list "
                          "the warning signs (ids in content/warning_signs.yml) its readers need")


def _prose(content):
    for page in content.pages:
        yield page.path, page.field_lines.get("title", page.line), page.title
        yield page.path, page.field_lines.get("summary", page.line), page.summary
        for section in page.sections:
            yield page.path, section.line, f"{section.heading}\n{section.body}"
    for term in content.glossary.terms:
        yield content.glossary.path, term.line, term.definition


def _check_urgency_words(content):
    for path, line, text in _prose(content):
        for word in sorted({match.group(0).lower() for match in URGENCY_WORDS.finditer(text)}):
            yield Problem(path, line, f"'{word}' tells readers how soon to act, which only the "
                          "warning signs say (content/warning_signs.yml); list the sign in the "
                          "page's 'get_help' and describe it here without a deadline")


def _check_causes_linked(content):
    linked = {ref.id for page in content.pages for ref in page.causes}
    for page in content.pages:
        if page.kind == "cause" and page.id not in linked:
            yield Problem(page.path, page.line, f"no location or situation lists the cause "
                          f"'{page.id}'; add it to the 'causes' of the pages where it is felt")
