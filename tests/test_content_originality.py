"""Content is written in our own words: no long run of words is taken from the source article."""
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "tests" / "fixtures" / "article.txt"
RUN = 8  # words in a row that may not match the article


def _words(text):
    return re.findall(r"[a-z0-9']+", text.lower())


def _runs(words):
    return {tuple(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_no_run_of_words_copied_from_the_article():
    article_runs = _runs(_words(ARTICLE.read_text(encoding="utf-8")))
    copied = []
    for path in sorted((ROOT / "content").rglob("*.yml")):
        if path.name == "source.yml":
            continue
        for text in _strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            for run in _runs(_words(text)) & article_runs:
                copied.append(f"{path.relative_to(ROOT)}: '{' '.join(run)}'")
    assert copied == []
