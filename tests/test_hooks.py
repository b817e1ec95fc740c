"""The mkdocs hooks: glossary terms explained once per page."""
import re

from generator.hooks.glossary import first_occurrences_only


def test_only_the_first_occurrence_of_a_term_keeps_its_explanation():
    html = ('<p><abbr title="A nerve.">Nerve</abbr> and <abbr title="A nerve.">nerve</abbr>, '
            '<abbr title="A bone.">bone</abbr>.</p>')
    assert first_occurrences_only(html) == ('<p><abbr title="A nerve.">Nerve</abbr> and nerve, '
                                            '<abbr title="A bone.">bone</abbr>.</p>')


def test_built_pages_explain_each_term_once(built_site):
    html = (built_site / "causes/sciatica/index.html").read_text()
    titles = re.findall(r'<abbr title="([^"]*)"', html)
    assert titles and len(titles) == len(set(titles))


def test_the_glossary_page_explains_terms_in_its_text_not_in_tooltips(built_site):
    html = (built_site / "glossary/index.html").read_text()
    assert "<abbr" not in html
    assert "<dt" in html


def test_table_of_contents_lists_sections_not_every_symptom_guide_step(built_site):
    html = (built_site / "symptom-guide/index.html").read_text()
    assert 'id="step-diabetes"' in html
    assert 'class="md-nav__link" href="#step-diabetes"' not in html
    assert 'href="#step-diabetes"' not in re.sub(r"<article.*</article>", "", html, flags=re.S)
