"""The "Prepare for your appointment" page: built from the diagnosis page, in the navigation after
it, linked from it, with the doctor's questions, an empty symptom diary and the tests that may follow."""
import re
from html.parser import HTMLParser

from generator.build.phases import check_project
from generator.build.project import Project
from generator.render.mkdocs_config import navigation
from helpers import ROOT, edit, minimal_tree, problem_lines

DIARY = ["Date", "Time", "Where in the legs", "How long it lasted", "What it felt like",
         "What you were doing", "Other symptoms"]


class _Tables(HTMLParser):
    """Collects the cells of every table, row by row."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables, self.cell = [], None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.tables[-1][-1].append(" ".join("".join(self.cell).split()))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def tables_of(html: str) -> list[list[list[str]]]:
    parser = _Tables()
    parser.feed(html)
    return parser.tables


def test_the_page_has_the_questions_the_diary_and_the_tests(built_site):
    html = (built_site / "appointment/index.html").read_text(encoding="utf-8")
    assert '<h1 id="prepare-for-your-appointment">Prepare for your appointment</h1>' in html
    questions, diary = tables_of(html.split('<div class="md-content"', 1)[1])
    asked = " ".join(row[0] for row in questions[1:]).lower()
    for topic in ("when did", "how often", "time of day", "feel like", "else do you feel"):
        assert topic in asked
    assert all(row[1] == "" for row in questions[1:])
    assert diary[0] == DIARY
    assert diary[1:] == [[""] * len(DIARY)] * 8
    content, _, _ = check_project(Project.at(ROOT))
    tests = content.by_id()["diagnosis"].tests
    assert len(tests) >= 5
    listed = html.split('id="tests-that-may-follow"', 1)[1].split("</ul>", 1)[0]
    assert [re.sub(r"<[^>]+>", "", item).strip() for item in
            re.findall(r"<li>(.*?)</li>", listed)] == list(tests)
    banner_card = html.split('class="care-card care-card--emergency"', 1)[1].split("</div>")[0]
    assert "Call 112 now" in banner_card and 'href="../red-flags/"' in banner_card


def test_it_comes_after_diagnosis_in_the_navigation_and_the_diagnosis_page_links_to_it(
        built_site):
    content, _, _ = check_project(Project.at(ROOT))
    entries = [next(iter(entry.values())) for entry in navigation(content)]
    assert entries[entries.index("diagnosis.md") + 1] == "appointment.md"
    diagnosis = (built_site / "diagnosis/index.html").read_text(encoding="utf-8")
    body = diagnosis.split('<div class="md-content"', 1)[1]
    assert 'href="../appointment/"' in body


def test_tests_belong_only_on_the_diagnosis_page(tmp_path):
    root = minimal_tree(tmp_path)
    edit(root, "content/topics/outlook.yml", "sections:", "tests: [a blood test]\nsections:")
    edit(root, "content/topics/diagnosis.yml", "sections:", "tests: [a <b>scan</b>]\nsections:")
    assert problem_lines(root) == [
        "content/topics/diagnosis.yml:5: raw HTML ('<b...') is not allowed in content; "
        "use Markdown instead",
        "content/topics/outlook.yml:5: 'tests' belongs only in content/topics/diagnosis.yml, "
        "which the appointment page reads; remove it here",
    ]
