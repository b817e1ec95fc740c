"""Convert the YAML values of one file to model values by its field table, noting problems."""
from datetime import date, datetime

from generator import model
from generator.content.fields import ONE_LINE, FieldType, field_type
from generator.content.yaml_lines import LocatedDict, LocatedList, quoted
from generator.errors import Problem, did_you_mean


class FieldReader:
    """Reads the fields of one file (shown as shown in messages) into model values."""

    def __init__(self, shown: str, problems: list):
        self.shown = shown
        self.problems = problems

    def problem(self, line: int, message: str):
        self.problems.append(Problem(self.shown, line, message))

    def mapping(self, value, table: dict, what: str) -> dict | None:
        """Return the values of a set of fields by table; None if it is not a set of fields."""
        if not isinstance(value, LocatedDict):
            self.problem(getattr(value, "line", 1), f"{what} must be a set of 'field: value' "
                         f"lines, found {_describe(value)}")
            return None
        values = {}
        for name, item in value.items():
            line = value.key_lines[name]
            if name not in table:
                self.problem(line, f"unknown field {quoted(name)}{did_you_mean(name, table)}")
                continue
            converted = self.convert(item, table[name][0], line, name)
            if converted is not None:
                values[name] = converted
        for name, (tag, required) in table.items():
            if required and name not in value:
                self.problem(value.line, f"missing field '{name}' in {what}; add it"
                             f"{_choices(tag)}")
        return values

    def convert(self, value, tag: str, line: int, name: str):
        kind, many = field_type(tag)
        if many:
            return self.values(value, kind, line, name)
        if kind.reads == "entries":
            return self.entries(value, kind, line, name)
        if kind.reads == "fields":
            fields = self.mapping(value, kind.table, f"'{name}'")
            return kind.build(**fields) if _complete(fields, kind.table) else None
        return self.scalar(value, kind, line, name)

    def scalar(self, value, kind: FieldType, line: int, name: str):
        if kind.reads in ("text", "ref"):
            return self.text(value, kind, line, name)
        if kind.reads == "date":
            if isinstance(value, datetime) or not isinstance(value, date):
                return self.problem(line, f"'{name}' must be a date like 2025-07-05, "
                                    f"found {_describe(value)}")
            return value
        if kind.reads == "int":
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                return self.problem(line, f"'{name}' must be a whole number of at least 1")
            return value
        if kind.reads == "bool":
            if not isinstance(value, bool):
                return self.problem(line, f"'{name}' must be true or false")
            return value
        if not isinstance(value, str) or value not in kind.choices:
            return self.problem(line, f"'{name}' is {_describe(value)}; use one of "
                                f"{', '.join(kind.choices)}"
                                f"{did_you_mean(str(value), kind.choices)}")
        return value

    def text(self, value, kind: FieldType, line: int, name: str):
        if isinstance(value, bool):
            return self.problem(line, f"'{name}' is read as {str(value).lower()}; put it in "
                                f"quotes, e.g. \"{'Yes' if value else 'No'}\"")
        if not isinstance(value, str):
            return self.problem(line, f"'{name}' must be text, found {_describe(value)}")
        if not value.strip():
            return self.problem(line, f"'{name}' is empty; write it or remove the field")
        if (kind.reads == "ref" or name in ONE_LINE) and len(value.strip().splitlines()) > 1:
            return self.problem(line, f"'{name}' must be one line; remove the line break")
        return model.Ref(value, line) if kind.reads == "ref" else value.strip()

    def values(self, value, kind: FieldType, line: int, name: str):
        if not isinstance(value, LocatedList):
            return self.problem(line, f"'{name}' must be a list like [a, b], "
                                f"found {_describe(value)}")
        items = [self.scalar(item, kind, item_line, name)
                 for item, item_line in zip(value, value.item_lines)]
        return tuple(item for item in items if item is not None)

    def entries(self, value, kind: FieldType, line: int, name: str):
        """Build one model object per list entry."""
        if not isinstance(value, LocatedList) or not value:
            return self.problem(line, f"'{name}' must be a list of entries, each starting "
                                f"with '- ', found {_describe(value)}")
        built = []
        for item, item_line in zip(value, value.item_lines):
            fields = self.mapping(item, kind.table, f"this entry of '{name}'")
            if _complete(fields, kind.table):
                lines = {"field_lines": dict(item.key_lines)} if kind.field_lines else {}
                built.append(kind.build(line=item_line, **lines, **fields))
        return tuple(built)


def _complete(fields: dict | None, table: dict) -> bool:
    """Whether fields were read and hold every required field of table."""
    return fields is not None and all(name in fields for name, (_, req) in table.items() if req)


def _choices(tag: str) -> str:
    kind, many = field_type(tag)
    return f", with one of {', '.join(kind.choices)}" if kind.choices and not many else ""


def _describe(value) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, (LocatedDict, dict)):
        return "a set of fields"
    if isinstance(value, (LocatedList, list)):
        return "a list"
    return quoted(value) if isinstance(value, str) else f"{type(value).__name__} {value!r:.60}"
