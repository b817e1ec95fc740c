"""Editorial checks: pages past their review date warn (or fail with --strict); placeholders fail."""
from datetime import date

from generator.build.phases import check_project, checked
from generator.build.project import Project
from generator.cli import main
from helpers import edit, minimal_tree

COLD_FEET = "content/causes/cold-feet.yml"
# In the fixture the article was reviewed on 29 February 2024 and pages every 2 years, so a page
# without its own 'last_reviewed' is next due on 28 February 2026; cold-feet on 10 January 2027.
FEET_OVERDUE = ("content/locations/feet.yml:1: warning: review overdue: the next review was due "
                "28 February 2026 (no 'last_reviewed', so the article's date 29 February 2024 "
                "counts; pages are reviewed every 2 years); review the page and set "
                "'last_reviewed' to the date of the review")


def _lines(root, today):
    return [str(problem) for problem in check_project(Project.at(root), today=today)[2]]


def test_no_warning_on_the_day_the_review_is_due(tmp_path):
    root = minimal_tree(tmp_path)
    assert _lines(root, date(2026, 2, 28)) == []


def test_pages_past_their_review_date_warn_with_file_and_line(tmp_path):
    root = minimal_tree(tmp_path)
    lines = _lines(root, date(2026, 3, 1))
    assert FEET_OVERDUE in lines
    assert len(lines) == 10  # every page but cold-feet, which has its own later date
    assert all(": warning: review overdue: " in line for line in lines)
    assert not any(line.startswith(COLD_FEET) for line in lines)


def test_a_pages_own_review_date_counts(tmp_path):
    root = minimal_tree(tmp_path)
    lines = _lines(root, date(2027, 1, 11))
    assert f"{COLD_FEET}:15: warning: review overdue: the next review was due 10 January 2027 " \
           "(last reviewed 10 January 2025; pages are reviewed every 2 years); review the page " \
           "and set 'last_reviewed' to the date of the review" in lines


def test_the_interval_comes_from_site_config(tmp_path):
    root = minimal_tree(tmp_path)
    edit(root, "site_config.yml", "interval_years: 2", "interval_years: 3")
    assert _lines(root, date(2026, 3, 1)) == []
    assert len(_lines(root, date(2027, 3, 1))) == 10


def test_review_warnings_do_not_stop_a_build(tmp_path):
    root = minimal_tree(tmp_path)
    content, config = checked(Project.at(root))
    assert content is not None and config is not None


def test_check_passes_with_warnings_and_strict_fails_on_them(tmp_path, capsys):
    root = minimal_tree(tmp_path)
    edit(root, COLD_FEET, "last_reviewed: 2025-01-10", "last_reviewed: 2000-01-10")
    assert main(["check", "--root", str(root)]) == 0
    output = capsys.readouterr().err.splitlines()
    assert f"{COLD_FEET}:15: warning: review overdue: the next review was due 10 January 2002 " \
           "(last reviewed 10 January 2000; pages are reviewed every 2 years); review the page " \
           "and set 'last_reviewed' to the date of the review" in output
    assert output[-1] == "content is valid"
    assert main(["check", "--strict", "--root", str(root)]) == 1
    output = capsys.readouterr().err.splitlines()
    assert output[-1] == f"{len(output) - 1} error(s) in content"


def test_placeholder_text_is_an_error(tmp_path):
    root = minimal_tree(tmp_path)
    edit(root, COLD_FEET, "title: Cold feet", "title: Cold feet TODO")
    edit(root, COLD_FEET, "Warm socks help.", "TODO say when. Warm socks help.")
    assert _lines(root, date(2026, 1, 1)) == [
        f"{COLD_FEET}:1: placeholder text 'TODO' left in 'title'; replace it with the real text",
        f"{COLD_FEET}:11: placeholder text 'TODO' left in 'body'; replace it with the real text"]
    assert main(["check", "--root", str(root)]) == 1
