"""Properties of the loader and validator: whatever a content file holds, check_project() returns a valid
model or problems (path:line: message for a real line), and never raises.

Hypothesis writes arbitrary YAML (text, bytes and dumped structures) in place of real files, and
edits real files (lines deleted, duplicated, re-indented, characters inserted), in a copy of the
project. Files an example leaves unchanged are parsed once, so each example costs one file's
parse plus the checks across all files.
"""
import shutil
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from generator.content import fields, yaml_lines
from generator.build.phases import check_project
from generator.build.project import Project

PROPERTY = settings(max_examples=50, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])
FILES = sorted([*(p.relative_to(ROOT).as_posix() for p in (ROOT / "content").rglob("*.yml")),
                "site_config.yml"])
TARGETS = ["content/causes/diabetes.yml", "content/locations/feet.yml", "content/source.yml",
           "content/glossary.yml", "content/decision_tree.yml", "content/topics/red-flags.yml",
           "site_config.yml"]
FIELD_TABLES = [fields.PAGE_FIELDS, *fields.KIND_FIELDS.values(), fields.SECTION_FIELDS,
                fields.SOURCE_FIELDS, fields.SOURCE_SECTION_FIELDS, fields.SITE_FIELDS,
                fields.GLOSSARY_FIELDS, fields.TERM_FIELDS, fields.TREE_FIELDS,
                fields.QUESTION_FIELDS, fields.ANSWER_FIELDS, fields.OUTCOME_FIELDS,
                fields.SCENARIO_FIELDS]
FIELD_NAMES = sorted({name for table in FIELD_TABLES for name in table})
# Pieces of YAML syntax, so that random text often gets past the first character.
YAML_PIECES = ["title: ", "summary: ", "sections:\n", "  - heading: x\n", "    body: |\n",
               "      text\n", "terms:\n", "questions:\n", "- ", ": ", "? ", "[", "]", "{", "}",
               ", ", "&a ", "*a", "!!python/object:os.system ", "!!binary ", "!!set ", "!!str ",
               "!local ", "---\n", "...\n", "<<: ", "~", "null", "yes", "=", "2025-02-30",
               "2025-07-05", "0x1F", "1_000", "1:20", ".nan", "\t", "\n", "  ", "'", '"',
               "\\u", "\\0", "%YAML 1.1\n", "%TAG ! tag:yaml.org,2002:\n", "#", "|", ">", "-",
               "<script>", "](", "diagnosis", "\ufeff", "\x85", "\u2028"]
CHARACTERS = st.characters(blacklist_categories=("Cs",))
YAML_TEXT = st.lists(st.one_of(st.sampled_from(YAML_PIECES), st.text(CHARACTERS, max_size=4)),
                     max_size=40).map("".join)
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.dates(),
                    st.datetimes(), st.text(CHARACTERS, max_size=20),
                    st.sampled_from(["diagnosis", "diabetes", "feet", "causes", "routine", "No",
                                     "emergency", "[x](diagnosys)", "<b>"]))
KEYS = st.one_of(st.sampled_from(FIELD_NAMES), st.text(CHARACTERS, max_size=8))
DOCUMENTS = st.recursive(
    SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                     st.dictionaries(KEYS, inner, max_size=6)), max_leaves=25)
EDITS = st.lists(st.tuples(st.sampled_from(["delete", "duplicate", "insert", "indent", "dedent"]),
                           st.integers(min_value=0),
                           st.text(st.one_of(st.sampled_from(list(":-[]{}#&*!|>'\"\t\n ")),
                                             CHARACTERS), min_size=1, max_size=6)),
                 min_size=1, max_size=3)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A copy of the project whose unchanged files are parsed once."""
    root = tmp_path_factory.mktemp("properties")
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copy(ROOT / "site_config.yml", root)
    parsed = {}
    read = yaml_lines.read_yaml

    def read_once(file: Path, shown: str):
        key = (shown, file.read_bytes())
        return parsed[key] if key in parsed else read(file, shown)

    for relative in FILES:
        parsed[(relative, (root / relative).read_bytes())] = read(root / relative, relative)
    readers = [module for name, module in sys.modules.items() if name.startswith("generator.")
               and getattr(module, "read_yaml", None) is read]
    with pytest.MonkeyPatch.context() as patch:
        for module in readers:
            patch.setattr(module, "read_yaml", read_once)
        yield root


def assert_model_or_problems(root: Path, relative: str, data: bytes) -> None:
    """Write data to the file, check, and restore it; check gives a model or problems."""
    file = root / relative
    before = file.read_bytes()
    file.write_bytes(data)
    try:
        content, config, problems = check_project(Project.at(root))
    finally:
        file.write_bytes(before)
    errors = [problem for problem in problems if problem.severity == "error"]
    assert errors or (content is not None and config is not None)
    for problem in problems:
        assert problem.message and "\n" not in problem.message, problem
        assert not Path(problem.path).is_absolute(), problem
        lines = _lines(data) if problem.path == relative else _lines_of(root / problem.path)
        assert 1 <= problem.line <= lines + 1, (problem, lines)


def _lines(data: bytes) -> int:
    return len(data.decode("utf-8", errors="replace").splitlines())


def _lines_of(file: Path) -> int:
    return _lines(file.read_bytes()) if file.exists() else 0


def apply_edits(text: str, edits) -> str:
    """Delete, duplicate or re-indent a line, or insert characters, at the given positions."""
    for kind, position, characters in edits:
        lines = text.split("\n")
        at = position % len(lines)
        if kind == "insert":
            at = position % (len(text) + 1)
            text = text[:at] + characters + text[at:]
            continue
        if kind == "delete":
            del lines[at]
        elif kind == "duplicate":
            lines.insert(at, lines[at])
        elif kind == "indent":
            lines[at] = "  " + lines[at]
        else:
            lines[at] = lines[at][2:] if lines[at].startswith("  ") else lines[at].lstrip()
        text = "\n".join(lines)
    return text


def test_the_real_content_is_a_valid_model(project):
    content, config, problems = check_project(Project.at(project))
    assert content is not None and config is not None
    assert [problem for problem in problems if problem.severity == "error"] == []


@PROPERTY
@given(target=st.sampled_from(TARGETS), text=YAML_TEXT)
def test_any_yaml_like_text(project, target, text):
    assert_model_or_problems(project, target, text.encode("utf-8"))


@PROPERTY
@given(target=st.sampled_from(TARGETS), data=st.binary(max_size=200))
def test_any_bytes(project, target, data):
    assert_model_or_problems(project, target, data)


@PROPERTY
@given(target=st.sampled_from(TARGETS),
       document=st.dictionaries(KEYS, DOCUMENTS, max_size=8) | DOCUMENTS)
def test_any_yaml_document(project, target, document):
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    assert_model_or_problems(project, target, text.encode("utf-8"))


@PROPERTY
@given(target=st.sampled_from(FILES), edits=EDITS)
def test_any_edit_of_a_real_file(project, target, edits):
    text = (project / target).read_text(encoding="utf-8")
    assert_model_or_problems(project, target, apply_edits(text, edits).encode("utf-8"))
