"""Checks of the words search understands: the lay thesaurus and the signs' lay words."""
import re

from generator import model
from generator.errors import Problem

WORDS = re.compile(r"^[a-z0-9][a-z0-9 '&-]*$")


def check_search_words(content: model.Content) -> list[Problem]:
    """Return every problem with the thesaurus's groups and the warning signs' lay words."""
    problems = []
    if content.thesaurus is not None:
        problems += _check_groups(content.thesaurus)
    for sign in content.registry.signs:
        line = sign.field_lines.get("lay_words", sign.line)
        problems += [Problem(content.registry.signs_path, line, _badly_written(phrase))
                     for phrase in sign.lay_words if not WORDS.match(phrase)]
    return problems


def _check_groups(thesaurus: model.Thesaurus):
    first_line = {}
    for group in thesaurus.groups:
        if len(set(group.words)) < 2:
            yield Problem(thesaurus.path, group.line, "a group needs at least two different "
                          "words; add one or remove the group")
        for word in group.words:
            if not WORDS.match(word):
                yield Problem(thesaurus.path, group.line, _badly_written(word))
            elif first_line.setdefault(word, group.line) != group.line:
                yield Problem(thesaurus.path, group.line, f"'{word}' is also in the group on "
                              f"line {first_line[word]}; a word belongs to one group: merge "
                              "the groups or remove it from one")


def _badly_written(words: str) -> str:
    return f"'{words}' must be lower case letters, digits, spaces, ', & or -, as readers type " \
           "them, e.g. 'pins and needles'"
