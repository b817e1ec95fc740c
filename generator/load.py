"""Read content/ into the typed model, reporting every shape problem (missing, unknown, wrong type)."""
import re
import stat
from datetime import date, datetime
from pathlib import Path

from generator import model
from generator.errors import Problem, did_you_mean
from generator.yaml_lines import LocatedDict, LocatedList, quoted, read_yaml

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Text fields shown on one line (titles, headings, names, settings); ids are one line too.
ONE_LINE = {"title", "heading", "term", "also_called", "banner", "reviewed_by", "publisher", "url",
            "lines", "id", "label", "name", "answers", "site_name", "site_url", "language",
            "emergency_number", "bundle_name"}


def load_content(content_dir: Path, repo_root: Path) -> tuple[model.Content | None, list[Problem]]:
    """Load every content file; return the model (None if unusable) and all problems found."""
    problems: list[Problem] = []
    source = read_fields(content_dir / "source.yml", repo_root, model.SOURCE_FIELDS, problems)
    glossary = read_fields(content_dir / "glossary.yml", repo_root, model.GLOSSARY_FIELDS,
                           problems)
    references = read_fields(content_dir / "references.yml", repo_root,
                             model.REFERENCES_FIELDS, problems)
    signs = read_fields(content_dir / "warning_signs.yml", repo_root, model.SIGNS_FIELDS,
                        problems)
    pages = []
    for folder, kind in model.FOLDER_KINDS.items():
        for file in sorted((content_dir / folder).glob("*.yml")):
            page = _load_page(file, kind, content_dir, repo_root, problems)
            if page:
                pages.append(page)
    if None in (source, glossary, references, signs):
        return None, problems
    registry = model.Registry(references_path=references[0], references=references[1]["references"],
                              signs_path=signs[0], signs=signs[1]["signs"])
    return model.Content(source=_source(source), glossary=_glossary(glossary),
                         pages=tuple(pages), registry=registry), problems


def load_site_config(file: Path, repo_root: Path) -> tuple[model.SiteConfig | None, list[Problem]]:
    """Load site_config.yml; return the settings (None if unusable) and the problems found."""
    problems: list[Problem] = []
    loaded = read_fields(file, repo_root, model.SITE_FIELDS, problems)
    if loaded is None or problems:
        return None, problems
    shown, values, _ = loaded
    return model.SiteConfig(path=shown, **values), problems


def _shown(file: Path, repo_root: Path) -> str:
    try:
        return file.relative_to(repo_root).as_posix()
    except ValueError:
        return file.as_posix()


def _outside_problem(file: Path, home: Path, repo_root: Path) -> Problem | None:
    """Return a problem if file is not a regular file inside the folder home: a link out of it
    (or to nothing), a folder, a pipe or a device. Such a file is never read, so no message can
    quote a file that is not content."""
    shown = _shown(file, repo_root)
    try:
        real = file.resolve(strict=True)
        mode = real.stat().st_mode
    except (OSError, RuntimeError):  # a link to nothing, or a loop of links
        return Problem(shown, 1, "a link to a file that does not exist; replace it with the file")
    if not real.is_relative_to(home.resolve()):
        return Problem(shown, 1, f"a link to a file outside {_shown(home, repo_root)}/; only "
                       "files inside it are read: put the file itself here")
    if not stat.S_ISREG(mode):
        return Problem(shown, 1, "not a regular file (a folder, pipe or device); content "
                       "files are ordinary YAML files")
    return None


def _read(file: Path, home: Path, repo_root: Path, problems: list):
    """The YAML document in file (None if refused or unreadable), adding its problems."""
    refused = _outside_problem(file, home, repo_root)
    if refused:
        problems.append(refused)
        return None
    document, read_problems = read_yaml(file, _shown(file, repo_root))
    problems.extend(read_problems)
    return document


def read_fields(file: Path, repo_root: Path, spec: dict, problems: list,
                fields: type | None = None) -> tuple[str, dict, dict] | None:
    """Read one YAML file, which must be inside its own folder, into model values by a field
    table (with a _Fields subclass for extra kinds), adding its problems to problems. Return
    (shown path, values, line of each field), or None if the file is missing, unreadable or
    lacks a required field."""
    shown = _shown(file, repo_root)
    if not file.exists() and not file.is_symlink():
        problems.append(Problem(shown, 1, "file is missing; restore it from git"))
        return None
    document = _read(file, file.parent, repo_root, problems)
    if document is None:
        return None
    values = (fields or _Fields)(shown, problems).mapping(document, spec, "the file")
    if values is None or not all(name in values for name, (_, req) in spec.items() if req):
        return None
    return shown, values, dict(document.key_lines)


def _load_page(file: Path, kind: str, content_dir: Path, repo_root: Path,
               problems: list) -> model.Page | None:
    shown = _shown(file, repo_root)
    page_id = file.stem
    if not ID_PATTERN.match(page_id):
        problems.append(Problem(shown, 1, f"file name '{file.name}' is not a valid id; use lower "
                                "case letters, digits and '-', e.g. 'disc-hernia.yml'"))
        return None
    document = _read(file, content_dir, repo_root, problems)
    if document is None:
        return None
    spec = {**model.PAGE_FIELDS, **model.KIND_FIELDS[kind]}
    values = _Fields(shown, problems).mapping(document, spec, "the file")
    if values is None or not all(name in values for name, (_, req) in spec.items() if req):
        return None
    return model.Page(kind=kind, id=page_id, path=shown, line=document.line,
                      field_lines=dict(document.key_lines), **values)


def _source(loaded) -> model.Source:
    shown, values, field_lines = loaded
    return model.Source(path=shown, field_lines=field_lines, **values)


def _glossary(loaded) -> model.Glossary:
    shown, values, _ = loaded
    return model.Glossary(path=shown, **values)


class _Fields:
    """Converts YAML values of one file to model values by a field table, noting problems."""

    def __init__(self, shown: str, problems: list):
        self.shown = shown
        self.problems = problems

    def problem(self, line: int, message: str):
        self.problems.append(Problem(self.shown, line, message))

    def mapping(self, value, spec: dict, what: str) -> dict | None:
        if not isinstance(value, LocatedDict):
            self.problem(getattr(value, "line", 1), f"{what} must be a set of 'field: value' "
                         f"lines, found {_describe(value)}")
            return None
        values = {}
        for name, item in value.items():
            line = value.key_lines[name]
            if name not in spec:
                self.problem(line, f"unknown field {quoted(name)}{did_you_mean(name, spec)}")
                continue
            converted = self.convert(item, spec[name][0], line, name)
            if converted is not None:
                values[name] = converted
        for name, (_, required) in spec.items():
            if required and name not in value:
                self.problem(value.line, f"missing field '{name}' in {what}; add it")
        return values

    def convert(self, value, kind: str, line: int, name: str):
        if kind.startswith("list["):
            return self.ref_list(value, kind[5:-1], line, name)
        if kind == "sections":
            return self.objects(value, line, name, model.SECTION_FIELDS, model.Section)
        if kind == "source_sections":
            return self.objects(value, line, name, model.SOURCE_SECTION_FIELDS,
                                model.SourceSection)
        if kind == "review":
            fields = self.mapping(value, model.REVIEW_FIELDS, f"'{name}'")
            return model.Review(**fields) if fields and len(fields) == 1 else None
        if kind == "urgent_care":
            fields = self.mapping(value, model.URGENT_CARE_FIELDS, f"'{name}'")
            complete = fields and len(fields) == len(model.URGENT_CARE_FIELDS)
            return model.UrgentCare(**fields) if complete else None
        if kind == "readability":
            fields = self.mapping(value, model.READABILITY_FIELDS, f"'{name}'")
            complete = fields and len(fields) == len(model.READABILITY_FIELDS)
            return model.Readability(**fields) if complete else None
        if kind == "terms":
            return self.objects(value, line, name, model.TERM_FIELDS, model.Term)
        if kind == "references":
            return self.objects(value, line, name, model.REFERENCE_FIELDS, model.Reference)
        if kind == "signs":
            return self.objects(value, line, name, model.SIGN_FIELDS, model.WarningSign,
                                field_lines=True)
        return self.scalar(value, kind, line, name)

    def scalar(self, value, kind: str, line: int, name: str):
        if kind in ("str", "page", "source", "cause", "sign"):
            if not isinstance(value, str):
                return self.problem(line, f"'{name}' must be text, found {_describe(value)}")
            if not value.strip():
                return self.problem(line, f"'{name}' is empty; write it or remove the field")
            if (kind != "str" or name in ONE_LINE) and len(value.strip().splitlines()) > 1:
                return self.problem(line, f"'{name}' must be one line; remove the line break")
            return model.Ref(value, line) if kind != "str" else value.strip()
        if kind == "date":
            if isinstance(value, datetime) or not isinstance(value, date):
                return self.problem(line, f"'{name}' must be a date like 2025-07-05, "
                                    f"found {_describe(value)}")
            return value
        if kind == "int":
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                return self.problem(line, f"'{name}' must be a whole number of at least 1")
            return value
        if kind == "bool":
            if not isinstance(value, bool):
                return self.problem(line, f"'{name}' must be true or false")
            return value
        choices = {"group": model.CAUSE_GROUPS, "urgency": model.URGENCIES}[kind]
        if not isinstance(value, str) or value not in choices:
            return self.problem(line, f"'{name}' is {_describe(value)}; use one of "
                                f"{', '.join(choices)}{did_you_mean(str(value), choices)}")
        return value

    def ref_list(self, value, kind: str, line: int, name: str):
        if not isinstance(value, LocatedList):
            return self.problem(line, f"'{name}' must be a list like [a, b], "
                                f"found {_describe(value)}")
        items = [self.scalar(item, kind, item_line, name)
                 for item, item_line in zip(value, value.item_lines)]
        return tuple(item for item in items if item is not None)

    def objects(self, value, line: int, name: str, spec: dict, build,
                field_lines: bool = False):
        """Build one object per list entry; field_lines: also pass the line of each field."""
        if not isinstance(value, LocatedList) or not value:
            return self.problem(line, f"'{name}' must be a list of entries, each starting "
                                f"with '- ', found {_describe(value)}")
        built = []
        for item, item_line in zip(value, value.item_lines):
            fields = self.mapping(item, spec, f"this entry of '{name}'")
            if fields is not None and all(f in fields for f, (_, req) in spec.items() if req):
                lines = {"field_lines": dict(item.key_lines)} if field_lines else {}
                built.append(build(line=item_line, **lines, **fields))
        return tuple(built)


def _describe(value) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, (LocatedDict, dict)):
        return "a set of fields"
    if isinstance(value, (LocatedList, list)):
        return "a list"
    return quoted(value) if isinstance(value, str) else f"{type(value).__name__} {value!r:.60}"
