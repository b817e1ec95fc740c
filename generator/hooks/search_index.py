"""mkdocs hook: prebuild the search index, so search starts without indexing in the browser.

mkdocs-material's search worker builds a lunr.js index from every page each time it starts. After
the build, this hook counts each page's words exactly as the theme's worker does (its HTML-aware
tokenizer and lunr's pipeline: the stop words of the Python lunr package) and writes the postings
to search/prebuilt_index.bin (.js in the offline bundle). The worker it swaps in (search_worker.js
put before the theme's own) gives those postings to lunr.js's Builder, which computes the scores
exactly as it would have, so results are unchanged; for the pages a search shows, it finds where
their words are (to highlight them) with the theme's own tokenizer.

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
CONFIG_FIRST, DOCS_NEXT = '{"config":', ',"docs":'  # how the search plugin writes its index
MARKUP = re.compile("[<>]")
WHOLE_TAG = re.compile("<[^<>]*>")
# What \s matches in a JavaScript regular expression (Python's \s differs in a few characters).
JS_SPACE = "\\t\\n\\x0b\\x0c\\r \\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"


def text_runs(text: str):
    """Yield (start, end) of each text between tags, as the theme's extract() finds them: only
    "<" and ">" matter; the text up to a stray ">" counts as a tag, a stray "<" begins a run."""
    if "<" not in text and ">" not in text:  # most titles and lay names
        if text:
            yield 0, len(text)
        return
    start = 0
    for match in MARKUP.finditer(text):
        end = match.start()
        if match.group() == ">":
            start = end + 1
        elif end > start:
            yield start, end
            start = end
    if len(text) > start:
        yield start, len(text)


def tokenize(value, separator: re.Pattern) -> list[str]:
    """Return the words of a field value (a string or list of strings), lower case, in the order
    the theme's tokenizer gives them: the pieces between separators of each text between tags."""
    words, runs = [], _runs_between(separator)
    for text in value if isinstance(value, list) else [value]:
        if runs and "<" not in text and ">" not in text:  # titles: one run, no tags
            words.extend(map(str.lower, runs.findall(text)))
            continue
        if runs and _space_separates(runs):  # texts whose "<" and ">" are all whole tags
            between, tags = WHOLE_TAG.subn(" ", text)
            if tags == text.count("<") == text.count(">"):
                words.extend(map(str.lower, runs.findall(between)))
                continue
        for start, end in text_runs(text):
            if runs:  # each piece lower case on its own, as the theme does
                words.extend(map(str.lower, runs.findall(text, start, end)))
            else:
                words.extend(text[first:last].lower()
                             for first, last in _pieces(text, start, end, separator))
    return words


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
def _space_separates(runs: re.Pattern) -> bool:
    """Whether a space is a separator, so that tags replaced by spaces end the runs as tags do."""
    return runs.search(" ") is None


@functools.cache
def _runs_between(separator: re.Pattern) -> re.Pattern | None:
    """For a separator that is one run of a character class ("[\\s\\-]+", the theme's default),
    the pattern of the runs between its matches, which finds the pieces in one pass."""
    one_class = re.fullmatch(r"\[((?:[^\]\\^]|\\.)(?:[^\]\\]|\\.)*)\]\+", separator.pattern)
    return re.compile(f"[^{one_class[1]}]+", separator.flags) if one_class else None


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
    """Return the postings of every term; {} if the pages cannot be prebuilt exactly.

    Terms are listed in the order lunr.js first meets them (their _index); each term's postings
    are one flat list of (field, document, count) in document order, an array of 32-bit numbers
    (4 bytes each, where a Python list of ints takes about 36): write it with payload_bytes.
    Where the words are in a page (to highlight them) the browser finds for the pages it shows,
    with the theme's own tokenizer."""
    config, docs = search_index["config"], search_index["docs"]
    locations = [doc["location"] for doc in docs]
    if not supported(config) or len(set(locations)) != len(locations):
        return {}
    separator = js_separator(config["separator"])
    stop_words = STOP_WORDS if "stopWordFilter" in config["pipeline"] else frozenset()
    fields = list(config["fields"])
    postings: dict[str, array] = collections.defaultdict(functools.partial(array, "i"))
    for number, doc in enumerate(docs):
        for field_number, field in enumerate(fields):
            if doc.get(field) is None:
                continue
            counts = collections.Counter(tokenize(doc[field], separator))  # in first-use order
            for word, count in counts.items():
                if word not in stop_words:
                    postings[word].extend((field_number, number, count))
    return {"fingerprint": fingerprint, "count": len(docs), "fields": fields,
            "separator": config["separator"], "terms": list(postings),
            "postings": list(postings.values())}


def payload_bytes(payload: dict, words: dict | None = None) -> bytes:
    """The payload as one binary file, with the words search understands (the thesaurus and the
    signs' lay words, from config.extra): a 4-byte length, then a JSON head of that length
    (fingerprint, count, fields, separator, terms, words), then 32-bit little-endian numbers:
    where each term's postings end, then the postings. The browser reads the numbers as they
    are, with nothing to parse."""
    if not payload:
        return b""
    head = json.dumps({**{key: payload[key] for key in ("fingerprint", "count", "fields",
                                                        "separator", "terms")}, "words": words or {}},
                      separators=(",", ":")).encode()
    head += b" " * (-len(head) % 4)  # the numbers start at a multiple of 4 bytes
    numbers = array("i", itertools.accumulate(map(len, payload["postings"])))
    for part in payload["postings"]:
        numbers.extend(part)
    if sys.byteorder == "big":
        numbers.byteswap()
    return len(head).to_bytes(4, "little") + head + numbers.tobytes()


def with_page_tags_only(search_index: dict) -> dict:
    """The index with a page's tags (its lay names) on the page's own entry, not each section's.

    The search plugin copies them to every section: the theme then showed the same dozen lay
    names under every section of a result, and every page moved them all to the browser and
    its worker once per section. The page's entry still matches them, first in its group."""
    return {**search_index, "docs": [
        {key: value for key, value in doc.items() if key != "tags" or "#" not in doc["location"]}
        for doc in search_index["docs"]]}


def fingerprinted(search_index_json: str, docs: list | None = None) -> tuple[dict, str]:
    """Return the search index with config.prebuilt set to a fingerprint of it, and the fingerprint.

    The theme sends config to its worker, which loads the prebuilt index only if it matches.
    docs: the search plugin's entries, which it wrote as the index's docs; given, only the
    config is read back from the text (the docs read back would be a copy of them: 150 MB and
    most of a second at 100x the content)."""
    fingerprint = hashlib.sha256(search_index_json.encode()).hexdigest()[:16]
    search_index = None
    if docs is not None and search_index_json.startswith(CONFIG_FIRST + "{"):
        config, end = json.JSONDecoder().raw_decode(search_index_json, len(CONFIG_FIRST))
        if search_index_json.startswith(DOCS_NEXT, end):
            search_index = {"config": config, "docs": docs}
    search_index = search_index or json.loads(search_index_json)
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


def search_plugin(config):
    """The theme's search plugin in this build, or None."""
    return next((plugin for name, plugin in config.plugins.items() if name.endswith("search")),
                None)


def on_pre_build(config):
    search = getattr(search_plugin(config), "config", None)
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
        (search_dir / "search_index.json").read_text(encoding="utf-8"),
        getattr(getattr(search_plugin(config), "search_index", None), "entries", None))
    search_index = with_page_tags_only(search_index)
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
