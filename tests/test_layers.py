"""The generator's shape: its layers (.importlinter) hold, every part is in one, modules stay small."""
import configparser

from importlinter.cli import lint_imports

from conftest import ROOT

CONTRACT = ROOT / ".importlinter"
MAX_LINES = 300


def test_nothing_imports_a_layer_above_it(monkeypatch):
    monkeypatch.chdir(ROOT)
    assert lint_imports(config_filename=str(CONTRACT), no_cache=True, no_logo=True) == 0


def test_every_part_of_the_generator_is_in_a_layer():
    parser = configparser.ConfigParser()
    parser.read(CONTRACT)
    layered = {name.strip() for line in parser["importlinter:contract:layers"]["layers"].split("\n")
               for name in line.split("|") if name.strip()}
    parts = {f"generator.{path.stem if path.is_file() else path.name}"
             for path in (ROOT / "generator").iterdir()
             if (path.suffix == ".py" or (path / "__init__.py").exists())
             and path.stem not in ("__init__", "__main__")}
    assert parts == layered


def test_no_module_is_over_300_lines():
    long = {path.relative_to(ROOT).as_posix(): lines
            for path in (ROOT / "generator").rglob("*.py")
            if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}
