"""The words search understands: the lay thesaurus (content/synonyms.yml) and the warning signs'
lay words, loaded, checked with path:line, and handed to the search worker by the config."""
from generator.build.phases import check_project
from generator.build.project import Project
from generator.render.mkdocs_config import search_words
from helpers import edit, minimal_tree, problem_lines

THESAURUS = "content/synonyms.yml"
SIGNS = "content/warning_signs.yml"
GROUPS = "groups:\n  - words: [pee, wee, bladder]\n  - words: [bum, bottom, saddle]\n"


def with_thesaurus(tmp_path, text: str = GROUPS):
    root = minimal_tree(tmp_path)
    (root / THESAURUS).write_text(text, encoding="utf-8")
    return root


def test_the_thesaurus_and_lay_words_are_loaded(tmp_path):
    root = with_thesaurus(tmp_path)
    edit(root, SIGNS, "    banner: sudden numbness\n",
         "    banner: sudden numbness\n    lay_words: [numb bum, can't pee]\n")
    content, _, problems = check_project(Project.at(root))
    assert problems == []
    assert [group.words for group in content.thesaurus.groups] == [
        ("pee", "wee", "bladder"), ("bum", "bottom", "saddle")]
    assert content.registry.signs_by_id["sudden-onset"].lay_words == ("numb bum", "can't pee")


def test_a_word_in_two_groups_is_an_error(tmp_path):
    root = with_thesaurus(tmp_path, GROUPS + "  - words: [wee, tiny]\n")
    assert problem_lines(root) == [
        f"{THESAURUS}:4: 'wee' is also in the group on line 2; a word belongs to one group: "
        "merge the groups or remove it from one"]


def test_a_group_of_one_word_and_words_written_oddly_are_errors(tmp_path):
    root = with_thesaurus(tmp_path, GROUPS + "  - words: [pins, pins]\n  - words: [Numb, numb]\n")
    assert problem_lines(root) == [
        f"{THESAURUS}:4: a group needs at least two different words; add one or remove the group",
        f"{THESAURUS}:5: 'Numb' must be lower case letters, digits, spaces, ', & or -, as readers "
        "type them, e.g. 'pins and needles'"]


def test_a_lay_word_written_oddly_is_an_error_on_its_line(tmp_path):
    root = minimal_tree(tmp_path)
    edit(root, SIGNS, "    banner: sudden numbness\n",
         "    banner: sudden numbness\n    lay_words: [numb <b>bum</b>]\n")
    assert problem_lines(root) == [
        f"{SIGNS}:6: 'numb <b>bum</b>' must be lower case letters, digits, spaces, ', & or -, as "
        "readers type them, e.g. 'pins and needles'"]


def test_a_missing_groups_field_is_an_error(tmp_path):
    root = with_thesaurus(tmp_path, "words: [a, b]\n")
    assert problem_lines(root) == [
        f"{THESAURUS}:1: missing field 'groups' in the file; add it",
        f"{THESAURUS}:1: unknown field 'words'"]


def test_the_config_hands_the_worker_the_groups_and_the_danger_phrases(tmp_path):
    root = with_thesaurus(tmp_path)
    edit(root, SIGNS, "    banner: sudden numbness\n",
         "    banner: sudden numbness\n    lay_words: [numb bum, can't pee]\n")
    edit(root, SIGNS, "    sources: [intro]\n",
         "    sources: [intro]\n    lay_words: [keeps going numb]\n")
    content, _, _ = check_project(Project.at(root))
    assert search_words(content, "red-flags/") == {
        "synonyms": [["pee", "wee", "bladder"], ["bum", "bottom", "saddle"]],
        "danger": ["can't pee", "numb bum"],  # emergency and urgent signs only
        "danger_page": "red-flags/"}
