"""The glossary's tooltips (the glossary_terms extension and hook): terms explained once per page."""
import re

import markdown

from generator.hooks.glossary_terms import GlossaryTermsExtension

GLOSSARY = {"nerve": "A nerve.", "Nerve": "A nerve.", "nerve damage": "Harm to a nerve.",
            "bone": "A bone."}


def tooltips(text: str) -> str:
    return markdown.markdown(text, extensions=[GlossaryTermsExtension(glossary=GLOSSARY)])


def test_only_the_first_occurrence_of_a_term_keeps_its_explanation():
    assert tooltips("Nerve and nerve, bone.") == ('<p><abbr title="A nerve.">Nerve</abbr> and '
                                                   'nerve, <abbr title="A bone.">bone</abbr>.</p>')


def test_headings_get_no_tooltips_and_the_longest_term_wins():
    assert tooltips("# A nerve\n\nSome *nerve damage*, then a nerve.") == (
        '<h1>A nerve</h1>\n<p>Some <em><abbr title="Harm to a nerve.">nerve damage</abbr></em>, '
        'then a <abbr title="A nerve.">nerve</abbr>.</p>')


def test_a_page_cannot_define_its_own_explanations():
    html = tooltips("*[bone]: Made up.\n\nA bone.")
    assert "Made up." in html and 'title="Made up."' not in html
    assert '<abbr title="A bone.">bone</abbr>' in html


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
