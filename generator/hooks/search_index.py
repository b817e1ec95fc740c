"""mkdocs hook: prebuild the search index, so search starts without indexing in the browser.

mkdocs-material's search worker builds a lunr.js index from every page each time it starts. After
the build, this hook tokenizes the pages exactly as the theme's worker does (its HTML-aware
tokenizer and lunr's pipeline: the stop words of the Python lunr package) and writes the postings, with
the positions that highlighting needs, to search/prebuilt_index.bin (.js in the offline bundle).
The worker it swaps in (search_worker.js put before the theme's own) gives those postings to
lunr.js's Builder, which computes the scores exactly as it would have, so results are unchanged.

The live preview (config.extra live_preview) rebuilds pages one edit at a time, so there the
browser indexes them. The worker chosen for a build is kept on its config (config.extra).

Loaded by mkdocs from its path (see render/mkdocs_config.py): the standard library and lunr only."""
import base64
import collections
import functools
import hashlib
import itertools
import json
import re
import sys
from array import array
from pathlib import Path

from lunr.stop_word_filter import WORDS as STOP_WORDS
from mkdocs.plugins import event_priority

PAYLOAD = "prebuilt_index"
WORKER = "prebuilt_search_worker"  # the key in config.extra: (file name, text) or None
WORKER_PRELUDE = Path(__file__).with_name("search_worker.js")
# Starts with its literal text, which re finds quickly (a look-behind is tried at every character).
MATERIAL_WORKER = re.compile(r'"search": "([^"]*/workers/)search\.[0-9a-f]+\.min\.js"')
VERIFIED_PIPELINE = {"stopWordFilter"}  # the functions whose Python port matches lunr.js here
TAG_OPEN, TEXT, TAG_CLOSE = 0, 1, 2
MARKUP = re.compile("[<>]")
# What \s matches in a JavaScript regular expression (Python's \s differs in a few characters).
JS_SPACE = "\\t\\n\\x0b\\x0c\\r \\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"


def extract(text: str):
    """Yield (block, kind, start, end) as the theme's extract() visits tags and text."""
    block = start = stack = 0
    for match in MARKUP.finditer(text):  # only "<" and ">" change anything
        end, char = match.start(), match.group()
        if char == "<" and end > start:
            yield block, TEXT, start, end
            start = end
        elif char == ">":
            if text[start + 1:start + 2] == "/":
                stack -= 1
                if stack == 0:
                    yield block, TAG_CLOSE, start, end + 1
                    block += 1
            elif end == 0 or text[end - 1] != "/":
                if stack == 0:
                    yield block, TAG_OPEN, start, end + 1
                stack += 1
            start = end + 1
    if len(text) > start:
        yield block, TEXT, start, len(text)


def tokenize(value, separator: re.Pattern) -> tuple[list[tuple[str, int]], list[list[int]]]:
    """Return the words of a field value, lower case, each with the theme's position (block << 20
    | index in block), and the theme's position table: per block, start << 12 | length << 2 |
    kind of each tag and word, in UTF-16 code units as JavaScript counts them."""
    words, table = [], []
    for text in value if isinstance(value, list) else [value]:
        total, utf16 = len(table), _utf16_offsets(text)
        for block, kind, start, end in extract(text):
            block += total
            if block == len(table):  # extract() numbers blocks from 0, one after another
                table.append([])
            entries = table[block]
            if kind != TEXT:
                entries.append(_entry(utf16(start), utf16(end), kind))
                continue
            pieces, position = _pieces(text, start, end, separator), _int32(block << 20)
            words.extend([(text[first:last].lower(), position | index)  # as JavaScript's | does
                          for index, (first, last) in enumerate(pieces, len(entries))])
            entries.extend([first << 12 | (last - first) << 2 | TEXT for first, last in pieces]
                           if utf16 is _same else
                           [_entry(utf16(first), utf16(last), TEXT) for first, last in pieces])
    return words, [_int32s(entries) for entries in table]


def _same(index: int) -> int:
    return index


def _entry(start: int, end: int, kind: int) -> int:
    return start << 12 | (end - start) << 2 | kind


def _utf16_offsets(text: str):
    """Map an index in text to JavaScript's (characters beyond U+FFFF count twice there)."""
    if text.isascii() or all(ord(char) <= 0xFFFF for char in text):
        return _same
    before, wide = [0], 0
    for char in text:
        wide += ord(char) > 0xFFFF
        before.append(wide)
    return lambda index: index + before[index]


def _pieces(text: str, start: int, end: int, separator: re.Pattern) -> list[tuple[int, int]]:
    """Return the (start, end) in text of each piece of text[start:end] between separators."""
    words = _runs_between(separator)
    if words:
        return [match.span() for match in words.finditer(text, start, end)]
    pieces, index = [], start
    for match in separator.finditer(text, start, end):
        if index < match.start():
            pieces.append((index, match.start()))
        index = match.end()
    if index < end:
        pieces.append((index, end))
    return pieces


@functools.cache
def _runs_between(separator: re.Pattern) -> re.Pattern | None:
    """For a separator that is one run of a character class ("[\\s\\-]+", the theme's default),
    the pattern of the runs between its matches, which finds the pieces in one pass."""
    one_class = re.fullmatch(r"\[((?:[^\]\\^]|\\.)(?:[^\]\\]|\\.)*)\]\+", separator.pattern)
    return re.compile(f"[^{one_class[1]}]+", separator.flags) if one_class else None


def _int32s(numbers: list[int]) -> list[int]:
    """Non-negative numbers as JavaScript's bitwise operators leave them (signed 32 bits)."""
    return numbers if not numbers or max(numbers) < 2**31 else list(map(_int32, numbers))


def _int32(number: int) -> int:
    """The number as JavaScript's bitwise operators leave it (signed 32 bits)."""
    if -2**31 <= number < 2**31:
        return number
    return (number + 2**31) % 2**32 - 2**31


def js_separator(pattern: str) -> re.Pattern | None:
    """Compile the theme's separator (a JavaScript regex) for Python; None if it cannot be.

    With re.ASCII, \\w, \\d, \\b and their negations match as in JavaScript; \\s is spelled out,
    and \\S, which has no such spelling inside a character class, is refused."""
    if re.search(r"(?<!\\)(\\\\)*\\S", pattern):
        return None
    converted, in_class, escaped = [], False, False
    for char in pattern:
        if escaped and char == "s":
            converted.append(JS_SPACE if in_class else f"[{JS_SPACE}]")
        elif escaped:
            converted.append("\\" + char)
        elif char != "\\":
            in_class = (in_class or char == "[") and char != "]"
            converted.append(char)
        escaped = not escaped and char == "\\"
    try:
        return re.compile("".join(converted), re.ASCII)
    except re.error:
        return None


def supported(config: dict) -> bool:
    """Whether this search configuration can be prebuilt exactly (English, verified pipeline)."""
    return (config["lang"] == ["en"] and set(config["pipeline"]) <= VERIFIED_PIPELINE
            and js_separator(config["separator"]) is not None)


def prebuilt_payload(search_index: dict, fingerprint: str) -> dict:
    """Return the postings of every term and the position tables of every field; {} if the pages
    cannot be prebuilt exactly.

    Terms are listed in the order lunr.js first meets them (their _index); each term's postings
    are one flat list of (field, document, count, positions...) in document order. Tables are
    listed by document, then field: each a flat list of (block length, entries...), or 0 for a
    field the document lacks. The lists are arrays of 32-bit numbers (4 bytes each, where a
    Python list of ints takes about 36): write them with payload_bytes."""
    config, docs = search_index["config"], search_index["docs"]
    locations = [doc["location"] for doc in docs]
    if not supported(config) or len(set(locations)) != len(locations):
        return {}
    separator = js_separator(config["separator"])
    stop_words = STOP_WORDS if "stopWordFilter" in config["pipeline"] else frozenset()
    fields = list(config["fields"])
    postings: dict[str, array] = collections.defaultdict(functools.partial(array, "i"))
    tables = []
    for number, doc in enumerate(docs):
        for field_number, field in enumerate(fields):
            if doc.get(field) is None:
                tables.append(0)
                continue
            words, table = tokenize(doc[field], separator)
            tables.append(_flat_table(table))
            positions: dict[str, list[int]] = collections.defaultdict(list)
            for word, position in words:
                positions[word].append(position)
            for word in stop_words & positions.keys():  # the others keep their order
                del positions[word]
            for word, found in positions.items():
                postings[word].extend((field_number, number, len(found), *found))
    return {"fingerprint": fingerprint, "count": len(docs), "fields": fields,
            "separator": config["separator"],
            "terms": list(postings), "postings": list(postings.values()), "tables": tables}


def _flat_table(table: list[list[int]]) -> array:
    """One field's table as one array: each block's length, then its entries."""
    flat = array("i")
    for entries in table:
        flat.append(len(entries))
        flat.extend(entries)
    return flat


def payload_bytes(payload: dict, words: dict | None = None) -> bytes:
    """The payload as one binary file, with the words search understands (the thesaurus and the
    signs' lay words, from config.extra): a 4-byte length, then a JSON head of that length
    (fingerprint, count, fields, separator, terms, words), then 32-bit little-endian numbers: where each
    term's postings end, where each field's table ends, the postings, the tables. The browser
    reads the numbers as they are, with nothing to parse."""
    if not payload:
        return b""
    head = json.dumps({**{key: payload[key] for key in ("fingerprint", "count", "fields",
                                                        "separator", "terms")}, "words": words or {}},
                      separators=(",", ":")).encode()
    head += b" " * (-len(head) % 4)  # the numbers start at a multiple of 4 bytes
    tables = [table or array("i") for table in payload["tables"]]
    numbers = array("i", itertools.accumulate(map(len, payload["postings"])))
    numbers.extend(itertools.accumulate(map(len, tables)))
    for part in (*payload["postings"], *tables):
        numbers.extend(part)
    if sys.byteorder == "big":
        numbers.byteswap()
    return len(head).to_bytes(4, "little") + head + numbers.tobytes()


def fingerprinted(search_index_json: str) -> tuple[dict, str]:
    """Return the search index with config.prebuilt set to a fingerprint of it, and the fingerprint.

    The theme sends config to its worker, which loads the prebuilt index only if it matches."""
    fingerprint = hashlib.sha256(search_index_json.encode()).hexdigest()[:16]
    search_index = json.loads(search_index_json)
    search_index["config"]["prebuilt"] = fingerprint
    return search_index, fingerprint


def worker_script(theme_dirs: list[str]) -> tuple[str, str] | None:
    """Return the swapped-in worker's file name and text: our prelude, then the theme's worker."""
    for folder in theme_dirs:
        found = sorted(Path(folder).glob("assets/javascripts/workers/search.*.min.js"))
        if found:
            theme_worker = re.sub(r"\n//# sourceMappingURL=.*\s*$", "\n",
                                  found[0].read_text(encoding="utf-8"))
            text = WORKER_PRELUDE.read_text(encoding="utf-8") + theme_worker
            return f"search-prebuilt.{hashlib.sha256(text.encode()).hexdigest()[:8]}.js", text
    return None


def with_worker(html: str, worker_name: str) -> str:
    """Point the page's theme configuration at the swapped-in search worker."""
    return MATERIAL_WORKER.sub(lambda match: f'"search": "{match[1]}{worker_name}"', html)


def on_pre_build(config):
    search = next((plugin.config for name, plugin in config.plugins.items()
                   if name.endswith("search")), None)
    prebuild = search and supported(search) and not config.extra.get("live_preview")
    config.extra[WORKER] = worker_script(config.theme.dirs) if prebuild else None


def on_post_page(output, page, config):
    worker = config.extra[WORKER]
    return with_worker(output, worker[0]) if worker else output


def on_post_template(output_content, template_name, config):
    worker = config.extra[WORKER]
    return with_worker(output_content, worker[0]) if worker else output_content


@event_priority(-50)  # after the search plugin writes the index, before offline copies it to .js
def on_post_build(config):
    search_dir, worker = Path(config.site_dir) / "search", config.extra[WORKER]
    if not worker or not (search_dir / "search_index.json").exists():
        return
    search_index, fingerprint = fingerprinted(
        (search_dir / "search_index.json").read_text(encoding="utf-8"))
    (search_dir / "search_index.json").write_text(
        json.dumps(search_index, separators=(",", ":"), default=str), encoding="utf-8")
    words = config.extra.get("search_words")  # JSON (see render/mkdocs_config.py)
    payload = payload_bytes(prebuilt_payload(search_index, fingerprint),
                            json.loads(words) if words else None)
    if any(name.endswith("offline") for name in config.plugins):  # file:// reads scripts only
        (search_dir / f"{PAYLOAD}.js").write_text(
            f'var __prebuilt = "{base64.b64encode(payload).decode()}"', encoding="utf-8")
    else:
        (search_dir / f"{PAYLOAD}.bin").write_bytes(payload)
    workers = Path(config.site_dir) / "assets/javascripts/workers"
    (workers / worker[0]).write_text(worker[1], encoding="utf-8")
