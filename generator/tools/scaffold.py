"""Start a new page file: its schema line and every required field, with placeholders to fill."""
from pathlib import Path

from generator import model
from generator.tools import schema
from generator.checks.editorial import PLACEHOLDER
from generator.errors import did_you_mean
from generator.content.fields import ID_PATTERN, PAGE_TABLES, field_type

FOLDERS = {kind: folder for folder, kind in model.FOLDER_KINDS.items()}
BLOCK_TEXT = {"body"}  # fields usually several lines long, started as a YAML block (|)


class ScaffoldError(Exception):
    """The new file was not written; the message says why."""


def scaffold(content_dir: Path, kind: str, page_id: str) -> Path:
    """Write content/<folder>/<id>.yml for a new page and return it; refuse a bad or taken id."""
    if kind not in FOLDERS:
        raise ScaffoldError(f"unknown kind '{kind}'{did_you_mean(kind, FOLDERS)}; use one of "
                            f"{', '.join(FOLDERS)}")
    if not ID_PATTERN.match(page_id):
        raise ScaffoldError(f"'{page_id}' is not a valid id; use lower case letters, digits "
                            "and '-', e.g. 'disc-hernia'")
    taken = _taken_by(content_dir, page_id)
    if taken:
        raise ScaffoldError(f"the id '{page_id}' is taken by {taken}; ids are unique across "
                            "folders, so choose another id or edit that page")
    file = content_dir / FOLDERS[kind] / f"{page_id}.yml"
    file.parent.mkdir(exist_ok=True)
    with open(file, "x", encoding="utf-8") as new:  # "x": never overwrite a file
        new.write(scaffold_text(kind, page_id))
    return file


def scaffold_text(kind: str, page_id: str) -> str:
    """Return a new page file: the schema line, then each required field with a placeholder."""
    lines = [schema.modeline(f"{FOLDERS[kind]}/{page_id}.yml")]
    for name, (tag, required) in PAGE_TABLES[kind].items():
        if required:
            lines += _field(name, tag, "")
    return "\n".join(lines) + "\n"


def _field(name: str, tag: str, indent: str) -> list[str]:
    help_comment = f"  # {schema.HELP[name]}" if name in schema.HELP else ""
    kind, many = field_type(tag)
    if kind.reads == "entries":
        entry = [line for item, (item_type, required) in kind.table.items()
                 if required for line in _field(item, item_type, indent + "    ")]
        entry[0] = f"{indent}  - {entry[0].lstrip()}"
        return [f"{indent}{name}:{help_comment}", *entry]
    if many:
        return [f"{indent}{name}: [{PLACEHOLDER}]{help_comment}"]
    if name in BLOCK_TEXT:
        return [f"{indent}{name}: |{help_comment}", f"{indent}  {PLACEHOLDER}"]
    return [f"{indent}{name}: {PLACEHOLDER}{help_comment}"]


def _taken_by(content_dir: Path, page_id: str) -> str | None:
    """Return what already has this id: a content file, a generated page, or None."""
    if page_id in model.GENERATED_PAGES:
        return f"the generated page '{model.GENERATED_PAGES[page_id]}'"
    for folder in model.FOLDER_KINDS:
        file = content_dir / folder / f"{page_id}.yml"
        if file.exists():
            return f"{content_dir.name}/{folder}/{file.name}"
    return None
