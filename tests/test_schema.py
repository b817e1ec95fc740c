"""The JSON Schemas in content/schema/: fresh, named by every content file, agreeing with the loader."""
import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from generator.tools import schema
from generator.cli import main
from generator.content.yaml_lines import read_yaml
from helpers import edit, minimal_tree, problem_lines

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
CONTENT_FILES = sorted(path.relative_to(CONTENT).as_posix() for path in CONTENT.rglob("*.yml"))
COLD_FEET = "content/causes/cold-feet.yml"


def _as_editor_sees(file: Path):
    """The file's data as a YAML 1.2 language server sees it: dates are text."""
    document, problems = read_yaml(file, file.name)
    assert problems == []
    return json.loads(json.dumps(document, default=date.isoformat))


def _schema_errors(file: Path, relative: str) -> list[str]:
    validator = jsonschema.Draft7Validator(schema.schemas()[schema.schema_name(relative)],
                                           format_checker=jsonschema.FormatChecker())
    return [error.message for error in validator.iter_errors(_as_editor_sees(file))]


def test_committed_schemas_are_the_generated_ones():
    committed = {path.stem: path.read_text(encoding="utf-8")
                 for path in sorted((CONTENT / schema.FOLDER).glob("*.json"))}
    assert committed == schema.schema_texts(), "run 'make schema' and commit content/schema/"


@pytest.mark.parametrize("name", sorted(schema.TABLES))
def test_each_schema_is_valid_draft_7(name):
    jsonschema.Draft7Validator.check_schema(schema.schemas()[name])


def test_there_is_a_schema_for_every_kind_of_content_file():
    assert {schema.schema_name(relative) for relative in CONTENT_FILES} == set(schema.TABLES)


@pytest.mark.parametrize("relative", CONTENT_FILES)
def test_every_content_file_names_its_schema_on_its_first_line(relative):
    first_line = (CONTENT / relative).read_text(encoding="utf-8").split("\n", 1)[0]
    assert first_line == schema.modeline(relative)
    named = (CONTENT / relative).parent / first_line.removeprefix(schema.MODELINE)
    assert named.resolve() == CONTENT / schema.FOLDER / f"{schema.schema_name(relative)}.json"


@pytest.mark.parametrize("relative", CONTENT_FILES)
def test_every_real_content_file_passes_its_schema(relative):
    assert _schema_errors(CONTENT / relative, relative) == []


BREAKAGES = {
    "unknown field": ("group: lifestyle\n", "group: lifestyle\ncolour: blue\n"),
    "group not on the list": ("group: lifestyle", "group: lifestile"),
    "missing title": ("title: Cold feet\n", ""),
    "not a date": ("last_reviewed: 2025-01-10", "last_reviewed: soon"),
    "warning sign that is not an id": ("get_help: [keeps-coming-back]",
                                       "get_help: [Keeps coming back]"),
    "empty summary": ("summary: Cold can make feet numb.", "summary: ''"),
    "no sections": ("sections:\n", "sections: []\nold_sections:\n"),
    "link that is not an id": ("links: [treatment]", "links: [Treatment page]"),
    "text where a list goes": ("also_called: [chilly toes]", "also_called: chilly toes"),
}


@pytest.mark.parametrize("name", BREAKAGES)
def test_schema_and_loader_both_reject_a_broken_file(tmp_path, name):
    root = minimal_tree(tmp_path)
    edit(root, COLD_FEET, *BREAKAGES[name])
    assert problem_lines(root) != []
    assert _schema_errors(root / COLD_FEET, "causes/cold-feet.yml") != []


def test_schema_and_loader_both_accept_the_minimal_fixture(tmp_path):
    root = minimal_tree(tmp_path)
    for path in sorted((root / "content").rglob("*.yml")):
        relative = path.relative_to(root / "content").as_posix()
        assert _schema_errors(path, relative) == [], relative
    assert problem_lines(root) == []


def test_schema_command_writes_the_folder_and_the_loader_ignores_it(tmp_path, capsys):
    root = minimal_tree(tmp_path)
    assert main(["schema", "--root", str(root)]) == 0
    written = sorted(path.name for path in (root / "content/schema").iterdir())
    assert written == sorted(f"{name}.json" for name in schema.TABLES)
    assert capsys.readouterr().err.splitlines()[-1] == f"{len(written)} schema(s) changed"
    assert main(["schema", "--root", str(root)]) == 0
    assert capsys.readouterr().err == "0 schema(s) changed\n"
    assert problem_lines(root) == []
