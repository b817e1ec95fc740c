"""Read content/ into the typed model, reporting every shape problem (missing, unknown, wrong type)."""
import stat
from pathlib import Path

from generator import model
from generator.content import fields
from generator.content.convert import FieldReader
from generator.content.yaml_lines import read_yaml
from generator.errors import Problem


def load_content(content_dir: Path, repo_root: Path) -> tuple[model.Content | None, list[Problem]]:
    """Load every content file; return the model (None if unusable) and all problems found."""
    problems: list[Problem] = []
    source = read_fields(content_dir / "source.yml", repo_root, fields.SOURCE_FIELDS, problems)
    glossary = read_fields(content_dir / "glossary.yml", repo_root, fields.GLOSSARY_FIELDS,
                           problems)
    references = read_fields(content_dir / "references.yml", repo_root,
                             fields.REFERENCES_FIELDS, problems)
    signs = read_fields(content_dir / "warning_signs.yml", repo_root, fields.SIGNS_FIELDS,
                        problems)
    pages, real_folders = [], {}
    for folder, kind in model.FOLDER_KINDS.items():
        for file in sorted((content_dir / folder).glob("*.yml")):
            page = _load_page(file, kind, content_dir, repo_root, problems, real_folders)
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
    loaded = read_fields(file, repo_root, fields.SITE_FIELDS, problems)
    if loaded is None or problems:
        return None, problems
    shown, values, _ = loaded
    return model.SiteConfig(path=shown, **values), problems


def _shown(file: Path, repo_root: Path) -> str:
    try:
        return file.relative_to(repo_root).as_posix()
    except ValueError:
        return file.as_posix()


def _outside_problem(file: Path, home: Path, repo_root: Path,
                     real_folders: dict[Path, Path]) -> Problem | None:
    """Return a problem if file is not a regular file inside the folder home: a link out of it
    (or to nothing), a folder, a pipe or a device. Such a file is never read, so no message can
    quote a file that is not content. real_folders: the real paths of folders, as found."""
    shown = _shown(file, repo_root)
    try:
        real, mode = _real_file(file, real_folders)
    except (OSError, RuntimeError):  # a link to nothing, or a loop of links
        return Problem(shown, 1, "a link to a file that does not exist; replace it with the file")
    if not real.is_relative_to(_real_folder(home, real_folders)):
        return Problem(shown, 1, f"a link to a file outside {_shown(home, repo_root)}/; only "
                       "files inside it are read: put the file itself here")
    if not stat.S_ISREG(mode):
        return Problem(shown, 1, "not a regular file (a folder, pipe or device); content "
                       "files are ordinary YAML files")
    return None


def _real_file(file: Path, real_folders: dict[Path, Path]) -> tuple[Path, int]:
    """The file's real path (links followed) and its mode: its folder's real path and its name,
    unless the file is itself a link. Raises OSError for a link to nothing, RuntimeError for a
    loop of links."""
    mode = file.lstat().st_mode
    if stat.S_ISLNK(mode):
        real = file.resolve(strict=True)
        return real, real.stat().st_mode
    return _real_folder(file.parent, real_folders) / file.name, mode


def _real_folder(folder: Path, real_folders: dict[Path, Path]) -> Path:
    """folder.resolve(), worked out once per folder (thousands of files share a few)."""
    if folder not in real_folders:
        real_folders[folder] = folder.resolve()
    return real_folders[folder]


def _read(file: Path, home: Path, repo_root: Path, problems: list,
          real_folders: dict[Path, Path] | None = None):
    """The YAML document in file (None if refused or unreadable), adding its problems."""
    refused = _outside_problem(file, home, repo_root, {} if real_folders is None else real_folders)
    if refused:
        problems.append(refused)
        return None
    document, read_problems = read_yaml(file, _shown(file, repo_root))
    problems.extend(read_problems)
    return document


def read_fields(file: Path, repo_root: Path, table: dict,
                problems: list) -> tuple[str, dict, dict] | None:
    """Read one YAML file, which must be inside its own folder, into model values by a field
    table, adding its problems to problems. Return (shown path, values, line of each field),
    or None if the file is missing, unreadable or lacks a required field."""
    shown = _shown(file, repo_root)
    if not file.exists() and not file.is_symlink():
        problems.append(Problem(shown, 1, "file is missing; restore it from git"))
        return None
    document = _read(file, file.parent, repo_root, problems)
    if document is None:
        return None
    values = FieldReader(shown, problems).mapping(document, table, "the file")
    if values is None or not all(name in values for name, (_, req) in table.items() if req):
        return None
    return shown, values, dict(document.key_lines)


def _load_page(file: Path, kind: str, content_dir: Path, repo_root: Path,
               problems: list, real_folders: dict[Path, Path]) -> model.Page | None:
    shown = _shown(file, repo_root)
    page_id = file.stem
    if not fields.ID_PATTERN.match(page_id):
        problems.append(Problem(shown, 1, f"file name '{file.name}' is not a valid id; use lower "
                                "case letters, digits and '-', e.g. 'disc-hernia.yml'"))
        return None
    document = _read(file, content_dir, repo_root, problems, real_folders)
    if document is None:
        return None
    table = fields.PAGE_TABLES[kind]
    values = FieldReader(shown, problems).mapping(document, table, "the file")
    if values is None or not all(name in values for name, (_, req) in table.items() if req):
        return None
    return model.Page(kind=kind, id=page_id, path=shown, line=document.line,
                      field_lines=dict(document.key_lines), **values)


def _source(loaded) -> model.Source:
    shown, values, field_lines = loaded
    return model.Source(path=shown, field_lines=field_lines, **values)


def _glossary(loaded) -> model.Glossary:
    shown, values, _ = loaded
    return model.Glossary(path=shown, **values)


def load_tree(file: Path, repo_root: Path) -> tuple[model.Tree | None, list[Problem]]:
    """Load decision_tree.yml; return the tree (None if unusable) and every shape problem."""
    return _load_one(file, repo_root, fields.TREE_FIELDS,
                     lambda shown, values, _: model.Tree(path=shown, **values))


def load_thesaurus(file: Path, repo_root: Path) -> tuple[model.Thesaurus | None, list[Problem]]:
    """Load synonyms.yml; return the thesaurus (None if unusable) and every shape problem."""
    return _load_one(file, repo_root, fields.THESAURUS_FIELDS,
                     lambda shown, values, _: model.Thesaurus(path=shown, **values))


def load_body_map(file: Path, repo_root: Path) -> tuple[model.BodyMap | None, list[Problem]]:
    """Load body_map.yml; return the map (None if unusable) and every shape problem."""
    return _load_one(file, repo_root, fields.MAP_FIELDS,
                     lambda shown, values, lines: model.BodyMap(path=shown, field_lines=lines,
                                                                **values))


def _load_one(file: Path, repo_root: Path, table: dict, build):
    """Read one file by its table and build its model with build(shown, values, field lines)."""
    problems: list[Problem] = []
    loaded = read_fields(file, repo_root, table, problems)
    return (None if loaded is None else build(*loaded)), problems
