"""Small content trees for tests: a copy of the minimal fixture, broken on purpose."""
import shutil
from pathlib import Path

from generator.build.phases import check_project
from generator.build.project import Project

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parent.parent


def minimal_tree(tmp_path: Path) -> Path:
    """Copy the minimal valid fixture (with the real theme) into tmp_path and return its root."""
    root = tmp_path / "guide"
    shutil.copytree(FIXTURES / "minimal", root)
    shutil.copytree(ROOT / "overrides", root / "overrides")
    return root


def edit(root: Path, relative: str, old: str, new: str) -> None:
    """Replace one exact piece of text in a file of the tree (it must be there)."""
    file = root / relative
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def problem_lines(root: Path) -> list[str]:
    """Return the problems that check_project() finds in the tree, as printed."""
    return [str(problem) for problem in check_project(Project.at(root))[2]]
