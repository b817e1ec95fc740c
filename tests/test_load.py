"""Loading: every shape problem in a YAML file is reported as path:line: message."""
import pytest

from helpers import edit, minimal_tree, problem_lines

CAUSE = "content/causes/cold-feet.yml"


def test_minimal_tree_is_valid(tmp_path):
    assert problem_lines(minimal_tree(tmp_path)) == []


BREAKAGES = {
    "syntax error": (CAUSE, "summary: Cold can make feet numb.", "summary: [Cold",
                     f"{CAUSE}:3: YAML syntax error: while parsing a flow sequence, expected "
                     "',' or ']', but got ':'"),
    "tab indentation": (CAUSE, "  - heading: What happens", "\t- heading: What happens",
                        f"{CAUSE}:7: a tab is used for indentation; indent with spaces"),
    "duplicate key": (CAUSE, "group: lifestyle", "group: lifestyle\ngroup: nerves",
                      f"{CAUSE}:4: duplicate field 'group' (first on line 3); keep one"),
    "missing field": (CAUSE, "summary: Cold can make feet numb.\n", "",
                      f"{CAUSE}:1: missing field 'summary' in the file; add it"),
    "unknown field": (CAUSE, "also_called:", "also_caled:",
                      [f"{CAUSE}:1: missing field 'also_called' in the file; add it",
                       f"{CAUSE}:4: unknown field 'also_caled' (did you mean 'also_called'?)"]),
    "wrong type": (CAUSE, "also_called: [chilly toes]", "also_called: chilly toes",
                   f"{CAUSE}:4: 'also_called' must be a list like [a, b], found 'chilly toes'"),
    "wrong choice": (CAUSE, "group: lifestyle", "group: lifestyl",
                     f"{CAUSE}:3: 'group' is 'lifestyl'; use one of spine, nerves, vessels, "
                     "whole-body, lifestyle, pregnancy, injuries (did you mean 'lifestyle'?)"),
    "python tag": (CAUSE, "title: Cold feet", "title: !!python/object/apply:os.system [ls]",
                   f"{CAUSE}:1: the tag 'tag:yaml.org,2002:python/object/apply:os.system' "
                   "is not allowed in content; remove it"),
    "invalid date": (CAUSE, "last_reviewed: 2025-01-10", "last_reviewed: 2025-02-30",
                     f"{CAUSE}:15: '2025-02-30' is not a real date; write it as YYYY-MM-DD"),
    "not a date": (CAUSE, "last_reviewed: 2025-01-10", "last_reviewed: soon",
                   f"{CAUSE}:15: 'last_reviewed' must be a date like 2025-07-05, found 'soon'"),
    "empty title": (CAUSE, "title: Cold feet", "title: ''",
                    f"{CAUSE}:1: 'title' is empty; write it or remove the field"),
    "alias": (CAUSE, "also_called: [chilly toes]", "also_called: &a [chilly toes]\nx: *a",
              f"{CAUSE}:5: aliases (*name) are not allowed in content; write the value out"),
    "section without body": (CAUSE, "    body: Warm socks help.\n", "",
                             f"{CAUSE}:11: missing field 'body' in this entry of 'sections'; "
                             "add it"),
}


@pytest.mark.parametrize("name", BREAKAGES)
def test_shape_problem_is_reported_with_file_and_line(tmp_path, name):
    relative, old, new, expected = BREAKAGES[name]
    root = minimal_tree(tmp_path)
    edit(root, relative, old, new)
    assert problem_lines(root) == (expected if isinstance(expected, list) else [expected])


def test_empty_file(tmp_path):
    root = minimal_tree(tmp_path)
    (root / CAUSE).write_text("", encoding="utf-8")
    assert f"{CAUSE}:1: the file is empty; write its fields or delete it" in problem_lines(root)


def test_bytes_that_are_not_utf8(tmp_path):
    root = minimal_tree(tmp_path)
    (root / CAUSE).write_bytes(b"title: Cold feet\nsummary: caf\xe9\n")
    assert problem_lines(root)[0] == f"{CAUSE}:2: bytes that are not UTF-8 text; save the file as UTF-8"


def test_byte_order_mark_is_accepted(tmp_path):
    root = minimal_tree(tmp_path)
    file = root / CAUSE
    file.write_bytes(b"\xef\xbb\xbf" + file.read_bytes())
    assert problem_lines(root) == []


def test_invalid_file_name(tmp_path):
    root = minimal_tree(tmp_path)
    (root / CAUSE).rename(root / "content/causes/Cold_Feet.yml")
    assert problem_lines(root)[0].startswith(
        "content/causes/Cold_Feet.yml:1: file name 'Cold_Feet.yml' is not a valid id")


def test_every_problem_is_reported_in_one_run(tmp_path):
    root = minimal_tree(tmp_path)
    edit(root, CAUSE, "group: lifestyle", "group: lifestyl")
    edit(root, "content/locations/feet.yml", "title: Numb feet", "titel: Numb feet")
    assert len(problem_lines(root)) == 3  # the bad group, the unknown field, the missing title


def test_the_fast_reader_gives_the_same_values_and_lines_as_the_checking_reader():
    import yaml
    from conftest import ROOT
    from generator.content import yaml_lines

    assert issubclass(yaml_lines._FastLoader, yaml.CSafeLoader)

    def located(value):
        if isinstance(value, dict):
            return (value.line, value.key_lines, {k: located(v) for k, v in value.items()})
        if isinstance(value, list):
            return (value.line, value.item_lines, [located(v) for v in value])
        return value

    files = sorted((ROOT / "content").rglob("*.yml"))
    assert len(files) > 70
    for file in files:
        text = file.read_text(encoding="utf-8")
        loader = yaml_lines._FastLoader(text)
        node = loader.get_single_node()
        fast = yaml_lines._FastValues(loader).value(node)  # raises if it would be read again
        checked = yaml.load(text, Loader=yaml_lines._ContentLoader)
        assert located(fast) == located(checked), file


SECRET = "root:x:0:0:root:/root:/bin/bash"


def test_a_link_to_a_file_outside_content_is_refused_unread(tmp_path):
    root = minimal_tree(tmp_path)
    outside = tmp_path / "passwd"
    outside.write_text(f"{SECRET}\n", encoding="utf-8")
    (root / "content/causes/zz-link.yml").symlink_to(outside)
    (root / "content/glossary.yml").unlink()
    (root / "content/glossary.yml").symlink_to("../site_config.yml")
    lines = problem_lines(root)
    assert lines == [
        "content/causes/zz-link.yml:1: a link to a file outside content/; only files inside "
        "it are read: put the file itself here",
        "content/glossary.yml:1: a link to a file outside content/; only files inside it are "
        "read: put the file itself here"]
    assert not any(SECRET in line or "site_name" in line for line in lines)


def test_a_link_inside_content_is_read(tmp_path):
    root = minimal_tree(tmp_path)
    cause = root / CAUSE
    (root / "content/kept.yml").write_bytes(cause.read_bytes())
    cause.unlink()
    cause.symlink_to("../kept.yml")
    assert problem_lines(root) == []


def test_a_folder_a_pipe_or_a_broken_link_is_refused(tmp_path):
    import os

    root = minimal_tree(tmp_path)
    (root / "content/causes/folder.yml").mkdir()
    os.mkfifo(root / "content/causes/pipe.yml")
    (root / "content/causes/gone.yml").symlink_to(tmp_path / "nothing.yml")
    assert problem_lines(root) == [
        "content/causes/folder.yml:1: not a regular file (a folder, pipe or device); content "
        "files are ordinary YAML files",
        "content/causes/gone.yml:1: a link to a file that does not exist; replace it with the "
        "file",
        "content/causes/pipe.yml:1: not a regular file (a folder, pipe or device); content "
        "files are ordinary YAML files"]
