"""Validation across files: references, links declared once, safe text, coverage, banner."""
import pytest

from helpers import edit, minimal_tree, problem_lines

CAUSE = "content/causes/cold-feet.yml"
FEET = "content/locations/feet.yml"
LINKED_ELSEWHERE = "content/situations/in-winter.yml"

BREAKAGES = {
    "unknown link": (FEET, "links: [diagnosis]", "links: [diagnosys]",
                     f"{FEET}:9: link to unknown page 'diagnosys' (did you mean 'diagnosis'?)"),
    "unknown cause": (LINKED_ELSEWHERE, "causes: [cold-feet]", "causes: [cold-foot]",
                      "content/situations/in-winter.yml:5: unknown cause 'cold-foot' (did you "
                      "mean 'cold-feet'?); causes are the files in content/causes/"),
    "cause listed nowhere": (FEET, "causes: [cold-feet]", "causes: []",
                             f"{CAUSE}:1: no location or situation lists the cause 'cold-feet'; "
                             "add it to the 'causes' of the pages where it is felt"),
    "unknown source section": (CAUSE, "sources: [causes]", "sources: [cause]",
                               f"{CAUSE}:5: unknown source 'cause' (did you mean 'causes'?); cite "
                               "a section id of content/source.yml or a reference id of "
                               "content/references.yml"),
    "section with no text": (FEET, "sources: [causes]", "sources: [causes, empty]",
                             f"{FEET}:4: source section 'empty' has no text in the article, so "
                             "no page can draw on it; remove it"),
    "script tag": (CAUSE, "Cold slows the blood.", "Cold slows <script>alert(1)</script> blood.",
                   f"{CAUSE}:7: raw HTML ('<s...') is not allowed in content; use Markdown "
                   "instead"),
    "iframe": (CAUSE, "Cold slows the blood.", "<iframe src=x>",
               f"{CAUSE}:7: raw HTML ('<i...') is not allowed in content; use Markdown instead"),
    "javascript link": (CAUSE, "[the doctor](diagnosis#about-diagnosis)",
                        "[the doctor](javascript:alert(1))",
                        f"{CAUSE}:7: 'javascript:' links are not allowed; link to a page id or "
                        "an https:// address"),
    "inline link to unknown page": (CAUSE, "(diagnosis#about-diagnosis)", "(diagnostic)",
                                    f"{CAUSE}:7: link to unknown page 'diagnostic' (did you mean "
                                    "'diagnosis'?); link to a page id such as 'diagnosis' or to "
                                    "an https:// address"),
    "unknown page in a link with brackets": (CAUSE, "[the doctor](diagnosis#about-diagnosis)",
                                             "[the [nerve] doctor](diagnostic)",
                                             f"{CAUSE}:7: link to unknown page 'diagnostic' (did "
                                             "you mean 'diagnosis'?); link to a page id such as "
                                             "'diagnosis' or to an https:// address"),
    "unknown page in a link with a title": (CAUSE, "[the doctor](diagnosis#about-diagnosis)",
                                            '[the doctor](diagnostic "Tests")',
                                            f"{CAUSE}:7: link to unknown page 'diagnostic' (did "
                                            "you mean 'diagnosis'?); link to a page id such as "
                                            "'diagnosis' or to an https:// address"),
    "image from another host": (CAUSE, "Cold slows the blood.",
                                "![pic](https://evil.example/x.png)",
                                f"{CAUSE}:7: images are not allowed in content "
                                "('https://evil.example/x.png'); describe it in words"),
    "link declared both ways": (CAUSE, "links: [treatment]", "links: [treatment, feet]",
                                f"{CAUSE}:14: the link to 'feet' is declared on both pages; keep "
                                "it on one side only (the other page shows it anyway)"),
    "link to itself": (FEET, "links: [diagnosis]", "links: [feet]",
                       f"{FEET}:9: the page links to itself ('feet'); remove it"),
    "unknown warning sign": (FEET, "get_help: [sudden-onset]", "get_help: [sudden-onset, sudden]",
                             f"{FEET}:10: unknown warning sign 'sudden' (did you mean "
                             "'sudden-onset'?); see content/warning_signs.yml"),
    "urgency in prose": (CAUSE, "Warm socks help.", "Book an appointment.",
                         f"{CAUSE}:11: 'book an appointment' tells readers how soon to act, which "
                         "only the warning signs say (content/warning_signs.yml); list the sign "
                         "in the page's 'get_help' and describe it here without a deadline"),
    "page without warning signs": (FEET, "get_help: [sudden-onset]", "get_help: []",
                                   f"{FEET}:10: 'get_help' is empty: list the warning signs (ids "
                                   "in content/warning_signs.yml) its readers need"),
    "sign citing nothing": ("content/warning_signs.yml", "sources: [intro]", "sources: []",
                            "content/warning_signs.yml:7: sign 'keeps-coming-back' cites nothing;"
                            " add the ids of the references that state its urgency to 'sources'"),
    "sign citing an unknown source": ("content/warning_signs.yml", "sources: [intro]",
                                      "sources: [nhs]", "content/warning_signs.yml:10: sign "
                                      "'keeps-coming-back' cites unknown source 'nhs'"),
    "empty also_called": (FEET, "also_called: [numb soles]", "also_called: []",
                          f"{FEET}:3: 'also_called' is empty; add words a reader might search "
                          "for"),
    "section not covered": ("content/source.yml", "sections:\n",
                            "sections:\n  - {id: extra, heading: Extra, lines: '9'}\n",
                            "content/source.yml:5: no page draws on the article section "
                            "'extra'; add it to the 'sources' of a page"),
}


@pytest.mark.parametrize("name", BREAKAGES)
def test_reference_problem_is_reported_with_file_and_line(tmp_path, name):
    relative, old, new, expected = BREAKAGES[name]
    root = minimal_tree(tmp_path)
    if relative == LINKED_ELSEWHERE:  # a second page lists the cause, so only the typo counts
        (root / relative).parent.mkdir()
        (root / relative).write_text((root / FEET).read_text().replace("numb soles", "winter"))
    edit(root, relative, old, new)
    assert problem_lines(root) == [expected]


def test_duplicate_id_across_folders(tmp_path):
    root = minimal_tree(tmp_path)
    (root / "content/locations/cold-feet.yml").write_text(
        (root / "content/locations/feet.yml").read_text().replace("causes: [cold-feet]",
                                                                   "causes: []"))
    assert "content/locations/cold-feet.yml:1: duplicate id 'cold-feet': " \
           "content/causes/cold-feet.yml has it too; ids are unique across folders, rename " \
           "one file" in problem_lines(root)


def test_an_id_kept_for_the_pages_of_long_lists(tmp_path):
    root = minimal_tree(tmp_path)
    (root / "content/locations/feet.yml").rename(root / "content/locations/page-2.yml")
    assert "content/locations/page-2.yml:1: the id 'page-2' is kept for the numbered pages of " \
           "long lists; rename the file" in problem_lines(root)


def test_missing_required_topic(tmp_path):
    root = minimal_tree(tmp_path)
    (root / "content/topics/outlook.yml").unlink()
    assert problem_lines(root) == ["content/topics/outlook.yml:1: the topic page 'outlook' is "
                                   "missing; create this file"]


def test_duplicate_glossary_term(tmp_path):
    root = minimal_tree(tmp_path)
    edit(root, "content/glossary.yml", "    page: feet\n",
         "    page: feet\n  - term: Nerve\n    definition: Again.\n")
    assert problem_lines(root) == ["content/glossary.yml:5: the term 'Nerve' is already defined "
                                   "on line 2; keep one"]


def test_https_links_are_allowed(tmp_path):
    root = minimal_tree(tmp_path)
    edit(root, CAUSE, "Cold slows the blood.", "See [a source](https://example.org/a).")
    assert problem_lines(root) == []
