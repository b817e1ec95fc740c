"""Read one YAML file safely into dicts and lists that remember the line of every key and item."""
import re
from pathlib import Path

import yaml

from generator.errors import Problem

MAX_FILE_BYTES = 1_000_000
# Pure-Python YAML needs about a second per 10,000 values; the largest real file has 1,621.
MAX_VALUES = 10_000
MAX_NUMBER_LENGTH = 30  # longer numbers are not content, and Python cannot print huge ones
# Characters that escapes ("\0", "\ud800") can put in a string but no page can show or save.
NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff]")


def quoted(text: str, limit: int = 60) -> str:
    """Quote a value from a file for a one-line message, shortened if long."""
    flat = " ".join(text.split())
    return f"'{flat[:limit]}...'" if len(flat) > limit else f"'{flat}'"


class LocatedDict(dict):
    """A mapping from YAML, with the line of the mapping and of each key."""

    line = 1

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.key_lines = {}


class LocatedList(list):
    """A sequence from YAML, with the line of the sequence and of each item."""

    line = 1

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.item_lines = []


class _RuleBroken(yaml.MarkedYAMLError):
    """A YAML construct that is valid YAML but not allowed in content."""

    def __init__(self, message, mark):
        super().__init__(problem=message, problem_mark=mark)


class _ContentLoader(yaml.SafeLoader):
    """PyYAML's safe loader, without aliases (they allow "billion laughs") and with line numbers."""

    values = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise _RuleBroken("aliases (*name) are not allowed in content; write the value out",
                              mark)
        self.values += 1
        if self.values > MAX_VALUES:
            raise _RuleBroken(f"more than {MAX_VALUES:,} values in one file; split it",
                              self.peek_event().start_mark)
        return super().compose_node(parent, index)


def _construct_mapping(loader, node):
    loader.flatten_mapping(node)
    mapping = LocatedDict()
    mapping.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            raise _RuleBroken(f"field names must be text, not {key!r}", key_node.start_mark)
        if key in mapping:
            raise _RuleBroken(f"duplicate field {quoted(key)} (first on line "
                              f"{mapping.key_lines[key]}); keep one", key_node.start_mark)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


def _construct_sequence(loader, node):
    sequence = LocatedList(loader.construct_object(item, deep=True) for item in node.value)
    sequence.line = node.start_mark.line + 1
    sequence.item_lines = [item.start_mark.line + 1 for item in node.value]
    return sequence


def _construct_timestamp(loader, node):
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        raise _RuleBroken(f"'{node.value}' is not a real date; write it as YYYY-MM-DD",
                          node.start_mark) from None


def _construct_str(loader, node):
    text = yaml.SafeLoader.construct_yaml_str(loader, node)
    bad = NOT_TEXT.search(text)
    if bad:
        raise _RuleBroken(f"the escape for U+{ord(bad.group(0)):04X} is not a character a page "
                          "can show; remove it", node.start_mark)
    return text


def _construct_int(loader, node):
    if len(node.value) > MAX_NUMBER_LENGTH:
        raise _RuleBroken(f"a number {len(node.value):,} characters long; if it is text, put "
                          "it in quotes", node.start_mark)
    return yaml.SafeLoader.construct_yaml_int(loader, node)


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """libyaml's parser (C, about ten times faster) with the same constructors. It reads good
    files; for any problem or alias, the file is read again by _ContentLoader, which says where."""


for _loader in (_ContentLoader, _FastLoader):
    _loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
    _loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
    _loader.add_constructor("tag:yaml.org,2002:str", _construct_str)
    _loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
    # PyYAML reads a lone "=" as a "value" tag it cannot construct; in content it is just text.
    _loader.add_constructor("tag:yaml.org,2002:value", _construct_str)


class _ReadAgain(Exception):
    """The fast loader met something only _ContentLoader can report well."""


def _load(text: str):
    """The document in text, read by _FastLoader, or by _ContentLoader when that finds a problem."""
    loader = _FastLoader(text)
    try:
        node = loader.get_single_node()
        return None if node is None else _FastValues(loader).value(node)
    except (yaml.YAMLError, _ReadAgain, RecursionError):
        pass
    finally:
        loader.dispose()
    return yaml.load(text, Loader=_ContentLoader)


MAP, SEQ, STR = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:str")


class _FastValues:
    """The values of a good file's nodes, built as _ContentLoader builds them, more directly
    than PyYAML's constructor (the common mappings, lists and text; the loader's constructors
    for other scalars). Raises _ReadAgain at anything to report: an alias (a node met twice),
    too many values, a tag of its own, a key that is not text or is written twice, a character
    no page can show."""

    def __init__(self, loader: yaml.BaseLoader):
        self.loader, self.seen = loader, set()

    def value(self, node: yaml.Node):
        if id(node) in self.seen or len(self.seen) >= MAX_VALUES:
            raise _ReadAgain
        self.seen.add(id(node))
        if node.tag == STR:
            if NOT_TEXT.search(node.value):
                raise _ReadAgain
            return node.value
        if node.tag == MAP:
            mapping = LocatedDict()
            mapping.line = node.start_mark.line + 1
            for key_node, value_node in node.value:
                key = self.value(key_node)
                if key_node.tag != STR or key in mapping:
                    raise _ReadAgain
                mapping[key] = self.value(value_node)
                mapping.key_lines[key] = key_node.start_mark.line + 1
            return mapping
        if node.tag == SEQ:
            sequence = LocatedList(map(self.value, node.value))
            sequence.line = node.start_mark.line + 1
            sequence.item_lines = [item.start_mark.line + 1 for item in node.value]
            return sequence
        if isinstance(node, yaml.ScalarNode):
            return self.loader.construct_object(node, deep=True)
        raise _ReadAgain


def read_yaml(file: Path, shown_path: str):
    """Return (document, problems) for one YAML file; the document is None when unreadable."""
    data = file.read_bytes()
    if len(data) > MAX_FILE_BYTES:
        return None, [Problem(shown_path, 1, f"file is {len(data):,} bytes; content files must "
                              f"be under {MAX_FILE_BYTES:,}: split it or remove the extra text")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        return None, [Problem(shown_path, line, "bytes that are not UTF-8 text; save the file "
                              "as UTF-8")]
    return _parse(text, shown_path)


def _parse(text: str, shown_path: str):
    try:
        document = _load(text)
    except yaml.reader.ReaderError as error:
        line = text[:error.position].count("\n") + 1
        return None, [Problem(shown_path, line, f"the invisible character U+{error.character:04X} "
                              "is not allowed in content; remove it")]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        return None, [Problem(shown_path, line, _yaml_message(error))]
    except yaml.YAMLError as error:
        return None, [Problem(shown_path, 1, f"not valid YAML: {str(error).splitlines()[0]}")]
    except RecursionError:
        return None, [Problem(shown_path, 1, "nested too deeply to be content; flatten it")]
    if document is None:  # blank, only comments, or only "~"
        return None, [Problem(shown_path, 1, "the file is empty; write its fields or delete it")]
    return document, []


def _yaml_message(error: yaml.MarkedYAMLError) -> str:
    if isinstance(error, _RuleBroken):
        return error.problem
    problem = error.problem or "not valid YAML"
    if "found character '\\t'" in problem:
        return "a tab is used for indentation; indent with spaces"
    if "could not determine a constructor" in problem:
        return f"the tag {problem.split('tag ')[-1]} is not allowed in content; remove it"
    context = f"{error.context}, " if error.context else ""
    return f"YAML syntax error: {context}{problem}"
