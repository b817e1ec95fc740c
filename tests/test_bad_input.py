"""Bad input: the real content broken one way at a time fails the build clearly and harmlessly.

Each case changes one file of a copy of the project (built once, with its bundle) and runs the
command line's build on it: the build must stop with an error line `path:line: message` for the
right file and line, no traceback, and site/ and dist/ untouched. Most cases call the command
line's main() in this process; a few run `python -m generator build` as editors do.
"""
import contextlib
import io
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from conftest import ROOT
from generator.cli import main

TIMEOUT = 10  # seconds; a failed build stops after the content check, about a second
CAUSE = "content/causes/diabetes.yml"
SIGNS = "content/warning_signs.yml"
LOCATION = "content/locations/feet.yml"
TOPIC = "content/topics/diagnosis.yml"
SOURCE = "content/source.yml"
GLOSSARY = "content/glossary.yml"
TREE = "content/decision_tree.yml"
SITE = "site_config.yml"
ERROR_LINE = re.compile(r"^[\w./-]+:\d+: \S")
FAILED = "build failed; the last good site was left as it was"
# Run as child processes, as editors run them: one per kind (YAML, shape, links, Markdown, tree).
AS_EDITORS_RUN = {"YAML syntax error", "!!python/object tag", "link to an unknown id",
                  "raw <script>", "tree cycle"}


@dataclass(frozen=True)
class Break:
    """One breaking change: the file it rewrites (None deletes it), the error it must cause."""

    file: str
    change: Callable[[str, Path], tuple[bytes | None, int]]  # (old text, root) -> (new, line)
    words: str  # part of the message
    where: str | None = None  # the file the error names, when not the changed one


def line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def sub_line(pattern: str, replacement: str, shift: int = 0):
    """Rewrite the first line matching pattern; the error is on that line (plus shift)."""
    def change(text, _root):
        match = re.search(pattern, text, re.MULTILINE)
        assert match, f"no line matches {pattern!r}: update this case to the content"
        new = text[:match.start()] + match.expand(replacement) + text[match.end():]
        return new.encode(), line_of(text, match.start()) + shift
    return change


def in_first_body(*lines: str):
    """Add lines to the first `body: |` of the file; the error is on its section's line."""
    def change(text, _root):
        body = re.search(r"^ +body: \|\n( +)", text, re.MULTILINE)
        assert body, "no 'body: |' block: update this case to the content"
        section = [m.start() for m in re.finditer(r"^ +- heading:", text[:body.start()], re.M)]
        added = "".join(f"{body.group(1)}{line}\n" for line in lines)
        new = text[:body.start(1)] + added + text[body.start(1):]
        return new.encode(), line_of(text, section[-1])
    return change


def whole(data: bytes, line: int = 1):
    """Replace the whole file."""
    return lambda _text, _root: (data, line)


def first_key_line(text: str) -> int:
    return line_of(text, re.search(r"^[^#\s]", text, re.MULTILINE).start())


def missing_field(name: str):
    """Remove a top-level field; the error is on the file's first field."""
    def change(text, root):
        new, _ = sub_line(rf"^{name}:.*\n", "")(text, root)
        return new, first_key_line(text)
    return change


def copy_of(relative: str, drop: str = ""):
    """A new file: a copy of another content file, without the lines matching drop."""
    def change(_text, root):
        text = (root / relative).read_text(encoding="utf-8")
        return re.sub(drop, "", text, flags=re.MULTILINE).encode() if drop else text.encode(), 1
    return change


def delete(_text, _root):
    return None, 1


def non_utf8(text, root):
    new, line = sub_line(r"^summary: ", "summary: caf@ ")(text, root)
    return new.replace(b"caf@", b"caf\xe9"), line


def python_object(text, root):
    """A tag that, were it obeyed, would run a command that leaves a file in the copy."""
    command = f"title: !!python/object/apply:os.system ['touch {root / 'hacked'}']"
    return sub_line(r"^title: .*$", command)(text, root)


def declared_both_ways(text, root):
    """The topic links back to the cause that links to it; the cause's line is reported."""
    new, _ = sub_line(r"^links: \[", "links: [diabetes, ")(text, root)
    cause = (root / CAUSE).read_text(encoding="utf-8")
    links = re.search(r"^links: \[.*\bdiagnosis\b", cause, re.MULTILINE)
    assert links, f"{CAUSE} no longer links to diagnosis: update this case to the content"
    return new, line_of(cause, links.start())


BILLION_LAUGHS = ("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]\n"
    for previous, name in zip("abcdefgh", "bcdefghi"))).encode()


def tree_answers(text: str) -> list[re.Match]:
    """The answer lines of the questions, in order."""
    questions = text[:text.index("\noutcomes:")]
    return list(re.finditer(r"^ +- \{label: (\"[^\"]*\"), next: ([\w-]+)\}$", questions, re.M))


def tree_answer(pick: Callable[[str, list], tuple[re.Match, str]]):
    """Point one answer (picked from the text and its answers) to another node."""
    def change(text, _root):
        answer, target = pick(text, tree_answers(text))
        start, end = answer.span(2)
        return (text[:start] + target + text[end:]).encode(), line_of(text, answer.start())
    return change


def loop_back(text, answers):
    """The last answer of the last question leads back to the start: a loop."""
    return answers[-1], re.search(r"^start: ([\w-]+)", text, re.MULTILINE).group(1)


def danger_to_routine(text, answers):
    """The first danger question's "Yes" leads to a routine outcome instead of an emergency."""
    assert re.search(r"^  - id: [\w-]+\n    danger: true", text, re.MULTILINE)
    routine = re.search(r"^  - id: ([\w-]+)\n    urgency: routine", text, re.MULTILINE).group(1)
    return next(a for a in answers if a.group(1) == '"Yes"'), routine


def unreachable_outcome(text, _root):
    """A new outcome that no answer leads to."""
    end = text.index("\nscenarios:") + 1 if "\nscenarios:" in text else len(text)
    orphan = ("  - id: nobody-leads-here\n    urgency: routine\n    title: Book an appointment\n"
              "    text: No answer leads to this outcome.\n\n")
    return (text[:end] + orphan + text[end:]).encode(), line_of(text, end)


def duplicate_first_term(text, _root):
    """Repeat the glossary's first entry right after it."""
    terms = [m.start() for m in re.finditer(r"^  - term:", text, re.MULTILINE)]
    first = text[terms[0]:terms[1]]
    return (text[:terms[1]] + first + text[terms[1]:]).encode(), line_of(text, terms[1])


def scenario_expects_other(text, _root):
    """The first scenario expects the last outcome instead of its own."""
    expect = re.search(r"^    expect: ([\w-]+)$", text, re.MULTILINE)
    outcomes = text[text.index("\noutcomes:"):text.index("\nscenarios:")]
    last = re.findall(r"^  - id: ([\w-]+)", outcomes, re.MULTILINE)[-1]
    name = [m.start() for m in re.finditer(r"^  - name:", text[:expect.start()], re.M)][-1]
    new = text[:expect.start(1)] + last + text[expect.end(1):]
    return new.encode(), line_of(text, name)


BREAKS = {
    # YAML itself
    "YAML syntax error": Break(CAUSE, sub_line(r"^summary: ", "summary: note: "),
                               "YAML syntax error: mapping values are not allowed here"),
    "tab indentation": Break(CAUSE, sub_line(r"^  - heading:", "\t- heading:"),
                             "a tab is used for indentation; indent with spaces"),
    "duplicate key": Break(CAUSE, sub_line(r"^group: .*$", r"\g<0>\ngroup: nerves", shift=1),
                           "duplicate field 'group'"),
    "two documents in one file": Break(CAUSE, sub_line(r"^sources:", "---\nsources:"),
                                       "expected a single document"),
    "field name that is not text": Break(CAUSE, sub_line(r"^title:", "2025: x\ntitle:"),
                                         "field names must be text, not 2025"),
    "list instead of fields": Break(CAUSE, whole(b"- title\n- summary\n"),
                                    "the file must be a set of 'field: value' lines, found a list"),
    "empty file": Break(CAUSE, whole(b""), "the file is empty"),
    "file of only comments": Break(CAUSE, whole(b"# to do: write this page\n"),
                                   "the file is empty"),
    "non-UTF-8 bytes": Break(CAUSE, non_utf8, "bytes that are not UTF-8 text"),
    "control character": Break(CAUSE, sub_line(r"^summary: ", "summary: \x07"),
                               "the invisible character U+0007 is not allowed"),
    "escaped lone surrogate": Break(CAUSE, sub_line(r"^title: .*$", r'title: "Dia\\ud800betes"'),
                                    "the escape for U+D800 is not a character"),
    "10 MB file": Break(CAUSE, whole(b"title: x\n" + b"#" * 10_000_000),
                        "file is 10,000,009 bytes; content files must be under 1,000,000"),
    "very deep nesting": Break(CAUSE, whole(b"title: " + b"[" * 50_000 + b"]" * 50_000),
                               "nested too deeply to be content"),
    "too many values (minutes to parse)": Break(CAUSE, whole(b"x: [" + b"1, " * 300_000 + b"]"),
                                                "more than 10,000 values in one file"),
    "alias bomb (billion laughs)": Break(CAUSE, whole(BILLION_LAUGHS, line=2),
                                         "aliases (*name) are not allowed in content"),
    "!!python/object tag": Break(CAUSE, python_object, "the tag 'tag:yaml.org,2002:python/"
                                 "object/apply:os.system' is not allowed in content"),
    "number too long to print": Break(CAUSE, sub_line(r"^title: .*$", "title: " + "9" * 5000),
                                      "a number 5,000 characters long"),
    # shape of the fields
    "wrong type": Break(CAUSE, sub_line(r"^also_called: .*$", "also_called: diabetes"),
                        "'also_called' must be a list like [a, b], found 'diabetes'"),
    "missing required field": Break(CAUSE, missing_field("summary"),
                                    "missing field 'summary' in the file"),
    "unknown field (a typo)": Break(CAUSE, sub_line(r"^also_called:", "also_caled:"),
                                    "unknown field 'also_caled' (did you mean 'also_called'?)"),
    "empty title": Break(CAUSE, sub_line(r"^title: .*$", "title: ''"), "'title' is empty"),
    "title on two lines": Break(CAUSE, sub_line(r"^title: .*$", r'title: "Diabetes\\n# Other"'),
                                "'title' must be one line"),
    "invalid date": Break(SOURCE, sub_line(r"^last_reviewed: .*$", "last_reviewed: 2025-02-30"),
                          "'2025-02-30' is not a real date"),
    "unknown choice": Break(CAUSE, sub_line(r"^group: .*$", "group: wholebody"),
                            "'group' is 'wholebody'; use one of"),
    "unknown tier": Break(SIGNS, sub_line(r"^( +)tier: \w+", r"\1tier: urgnt"),
                          "'tier' is 'urgnt'"),
    "choice given as a list": Break(CAUSE, sub_line(r"^group: .*$", "group: [whole-body]"),
                                    "'group' is a list; use one of"),
    "line break in an id": Break(CAUSE, sub_line(r"^sources: \[", r'sources: ["dia\\nbetes", '),
                                 "'sources' must be one line"),
    "unknown top-level field of the glossary": Break(GLOSSARY, sub_line(r"^terms:", "term:"),
                                                     "unknown field 'term' (did you mean "
                                                     "'terms'?)"),
    "invalid file name": Break("content/causes/Diabetes_2.yml", copy_of(CAUSE),
                               "file name 'Diabetes_2.yml' is not a valid id"),
    "missing settings field": Break(SITE, missing_field("emergency_number"),
                                    "missing field 'emergency_number' in the file"),
    # references between files
    "duplicate id across files": Break("content/treatment/diabetes.yml",
                                       copy_of(CAUSE, drop=r"^group: .*\n"),
                                       "duplicate id 'diabetes'"),
    "link to an unknown id": Break(CAUSE, in_first_body("See [a doctor](diagnosys)."),
                                   "link to unknown page 'diagnosys' (did you mean 'diagnosis'?)"),
    "unknown cause": Break(LOCATION, sub_line(r"^causes: \[", "causes: [diabetis, "),
                           "unknown cause 'diabetis' (did you mean 'diabetes'?)"),
    "unknown source section": Break(CAUSE, sub_line(r"^sources: \[", "sources: [diabetis, "),
                                    "unknown source 'diabetis'"),
    "no sources": Break(CAUSE, sub_line(r"^sources: .*$", "sources: []"), "'sources' is empty"),
    "link declared on both pages": Break(TOPIC, declared_both_ways,
                                         "the link to 'diagnosis' is declared on both pages",
                                         where=CAUSE),
    "required topic deleted": Break("content/topics/outlook.yml", delete,
                                    "the topic page 'outlook' is missing"),
    "duplicate glossary term": Break(GLOSSARY, duplicate_first_term, "is already defined on line"),
    # unsafe or hostile Markdown
    "raw <script>": Break(CAUSE, in_first_body("<script>alert(1)</script>"),
                          "raw HTML ('<s...') is not allowed in content"),
    "javascript: link": Break(CAUSE, in_first_body("[Read more](javascript:alert(1))"),
                              "'javascript:' links are not allowed"),
    "data:text/html link": Break(CAUSE, in_first_body("[Read more](data:text/html,hi)"),
                                 "'data:text/html' links are not allowed"),
    "<iframe>": Break(CAUSE, in_first_body('<iframe src="https://evil.example/"></iframe>'),
                      "raw HTML ('<i...') is not allowed in content"),
    "image from another host": Break(CAUSE, in_first_body("![](https://evil.example/x.png)"),
                                     "images are not allowed in content "
                                     "('https://evil.example/x.png')"),
    "image with [nested] text": Break(CAUSE, in_first_body("![a [b] c](https://evil.example/x)"),
                                      "images are not allowed in content"),
    "reference-style image": Break(CAUSE, in_first_body("![x][pic]", "",
                                                        "[pic]: https://evil.example/x.png"),
                                   "'[pic]:' starts a Markdown definition"),
    "attribute list (onclick)": Break(CAUSE, in_first_body(
        '[a doctor](diagnosis){onclick="alert(1)"}'), "braces set HTML attributes"),
    "file include": Break(CAUSE, in_first_body('--8<-- "/etc/passwd"'), "'--8<--' (file includes)"),
    "unclosed brackets (minutes in Markdown)": Break(CAUSE, in_first_body("[" * 3000),
                                                     "'[' and ']' must pair up"),
    "unclosed link": Break(CAUSE, in_first_body("[a doctor](diagnosis"), "a link is not closed"),
    "lists nested deeply (Markdown recursion)": Break(CAUSE, in_first_body("1. " * 1000),
                                                      "lists or quotes nested more than 6 deep"),
    "text too long": Break(CAUSE, in_first_body("word " * 1200), "characters long; split it"),
    # the symptom guide
    "tree cycle": Break(TREE, tree_answer(loop_back), "making a loop"),
    "dead end (answer to a missing node)": Break(TREE, tree_answer(
        lambda text, answers: (answers[0], "nowhere")), "leads to unknown node 'nowhere'"),
    "unreachable node": Break(TREE, unreachable_outcome,
                              "'nobody-leads-here' cannot be reached from the start"),
    "danger answer not ending at emergency": Break(TREE, tree_answer(danger_to_routine),
                                                   "must lead straight to an emergency outcome"),
    "scenario expecting another outcome": Break(TREE, scenario_expects_other,
                                                "not at the expected"),
    "emergency title without the number": Break(TREE, sub_line(
        r"title: Call the emergency number now", "title: Call for help now"),
        "must say 'the emergency number'"),
}


def _snapshot(folder: Path) -> dict:
    return {path.relative_to(folder): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


@dataclass(frozen=True)
class Finished:
    returncode: int
    stderr: str


def _run(command: str, root: Path, child: bool = False) -> Finished:
    """Run the command line on root: in a child process, or in this one through main()."""
    if child:
        result = subprocess.run([sys.executable, "-m", "generator", command, "--root", str(root)],
                                cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT)
        return Finished(result.returncode, result.stderr)
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr):
        returncode = main([command, "--root", str(root)])
    return Finished(returncode, stderr.getvalue())


@pytest.fixture(scope="module")
def guide(tmp_path_factory):
    """A copy of the project, built and bundled once; returns (root, site and dist snapshot)."""
    root = tmp_path_factory.mktemp("bad-input")
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copytree(ROOT / "overrides", root / "overrides")
    shutil.copy(ROOT / "site_config.yml", root)
    for command in ("build", "bundle"):
        result = _run(command, root)
        assert result.returncode == 0, result.stderr
    return root, {"site": _snapshot(root / "site"), "dist": _snapshot(root / "dist")}


@pytest.fixture
def broken(guide, request):
    """Apply one Break to the built copy; restore the file afterwards."""
    root, outputs = guide
    case = BREAKS[request.param]
    file = root / case.file
    before = file.read_bytes() if file.exists() else None
    new, line = case.change(before.decode("utf-8") if before is not None else "", root)
    if new is None:
        file.unlink()
    else:
        file.write_bytes(new)
    yield root, outputs, case, line, request.param in AS_EDITORS_RUN
    if before is None:
        file.unlink()
    else:
        file.write_bytes(before)


def test_there_are_at_least_25_kinds_of_bad_input():
    assert len(BREAKS) >= 25
    assert AS_EDITORS_RUN <= set(BREAKS)


@pytest.mark.parametrize("broken", BREAKS, indirect=True)
def test_bad_input_fails_clearly_and_leaves_the_site(broken):
    root, outputs, case, line, child = broken
    listing = sorted(path.name for path in root.iterdir())
    result = _run("build", root, child)
    lines = result.stderr.splitlines()
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert lines[-1] == FAILED
    assert all(ERROR_LINE.match(error) for error in lines[:-1]), result.stderr
    prefix = f"{case.where or case.file}:{line}: "
    assert [error for error in lines if error.startswith(prefix) and case.words in error], \
        f"expected {prefix}...{case.words}... in:\n{result.stderr}"
    assert _snapshot(root / "site") == outputs["site"]
    assert _snapshot(root / "dist") == outputs["dist"]
    assert sorted(path.name for path in root.iterdir()) == listing  # nothing ran, e.g. `touch`


ACCEPTED = {
    "byte order mark": lambda data: b"\xef\xbb\xbf" + data,
    "Windows line endings": lambda data: data.replace(b"\n", b"\r\n"),
}


@pytest.mark.parametrize("name", ACCEPTED)
def test_harmless_variants_are_accepted(guide, name):
    root, _ = guide
    file = root / CAUSE
    before = file.read_bytes()
    file.write_bytes(ACCEPTED[name](before))
    try:
        result = _run("check", root)
    finally:
        file.write_bytes(before)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[-1] == "content is valid"
