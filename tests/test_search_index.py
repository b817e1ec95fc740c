"""The prebuilt search index: the theme's tokenizer's words reproduced in Python, the payload and
worker the build writes, and, in Chromium, the same lunr index and results as the theme's own
worker (where the words are, to highlight them, found there by the theme's tokenizer)."""
import base64
import json
import re
import sys
from array import array

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.hooks.search_index import (_pieces, fingerprinted, js_separator, payload_bytes,
                                          prebuilt_payload, text_runs, tokenize,
                                          with_page_tags_only)
from search_in_browser import RUN_WORKER, ranked_pages

SEPARATOR = js_separator(r"[\s\-]+")


def read_payload(data: bytes) -> dict:
    """The payload as the search worker reads it: its head, and each term's postings as a list."""
    length = int.from_bytes(data[:4], "little")
    payload = json.loads(data[4:4 + length])
    numbers = array("i", data[4 + length:])
    if sys.byteorder == "big":
        numbers.byteswap()
    terms = len(payload["terms"])
    bounds = [0, *numbers[:terms]]
    payload["postings"] = [numbers[terms + a:terms + b].tolist() for a, b in zip(bounds, bounds[1:])]
    return payload
CONFIG = {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"],
          "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0},
                     "tags": {"boost": 1000000.0}}}
# Loads a worker, then posts its lunr index (serialized) when it answers its first query, and
# whether that index is the prebuilt one (whose records are read-only).
CAPTURE_WORKER = """
importScripts(new URL(location.search.slice(1), location.href).href)
const search = lunr.Index.prototype.search
let captured = false
lunr.Index.prototype.search = function (query) {
  if (!captured) {
    const [term] = Object.keys(this.invertedIndex)
    const prebuilt = !Object.getOwnPropertyDescriptor(this.invertedIndex, term).writable
    postMessage({ type: 99, data: { index: JSON.stringify(this), prebuilt } })
  }
  captured = true
  return search.call(this, query)
}
"""



def test_words_are_the_lower_case_pieces_of_the_text_between_tags():
    assert tokenize("<p>Numb legs</p> <p>at <em>Night</em></p>", SEPARATOR) == [
        "numb", "legs", "at", "night"]
    assert tokenize(["pins and needles", "Numb-legs"], SEPARATOR) == [
        "pins", "and", "needles", "numb", "legs"]


def test_text_runs_are_found_as_the_themes_extract_finds_them():
    """Only "<" and ">" matter: the text up to a stray ">" counts as a tag, a stray "<" begins a
    run."""
    text = "a > b <i>c</i> d < e"
    assert [text[start:end] for start, end in text_runs(text)] == [" b ", "c", " d ", "< e"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="<>ab Σ-\n/", max_size=24))
def test_a_text_of_whole_tags_gives_the_words_of_its_runs_between_tags(text):
    """Texts whose "<" and ">" are all whole tags are read in one pass (tags as spaces); every
    text gives the words of its runs, each run read on its own, as the theme reads them."""
    words = [word.lower() for start, end in text_runs(text)
             for first, last in _pieces(text, start, end, SEPARATOR)
             for word in [text[first:last]]]
    assert tokenize(text, SEPARATOR) == words


def test_the_separator_splits_on_what_javascript_calls_a_space():
    assert _pieces("a\ufeffb\xa0c-d", 0, 7, SEPARATOR) == [(0, 1), (2, 3), (4, 5), (6, 7)]
    assert _pieces("a\x1cb", 0, 3, SEPARATOR) == [(0, 3)]  # a space to Python, not to JavaScript


@pytest.mark.parametrize("text", ["numb legs - at night", "  a--b  ", "x", "", "-", "a\tb "])
def test_a_class_separator_splits_as_the_general_way_does(text):
    """The theme's separator is one run of a character class: its pieces are found in one pass,
    as splitting between its matches would find them (the same class, written so it is not)."""
    general = js_separator(r"(?:[\s\-])+")
    assert _pieces(f"<{text}>", 1, len(text) + 1, SEPARATOR) == \
        _pieces(f"<{text}>", 1, len(text) + 1, general)


def test_separators_python_cannot_match_exactly_are_refused():
    assert js_separator(r"[^\S]+") is None
    assert js_separator(r"(?<name>x)") is None


def test_payload_lists_terms_in_first_use_order_with_flat_postings():
    index = {"config": CONFIG, "docs": [
        {"location": "a/", "title": "Numb legs", "text": "<p>Legs and feet and legs</p>"},
        {"location": "b/", "title": "Feet", "text": "", "tags": ["numb feet"]}]}
    payload = read_payload(payload_bytes(prebuilt_payload(index, "f1"), {"synonyms": [["a", "b"]]}))
    assert payload["terms"] == ["numb", "legs", "feet"]
    # (field, document, count) in document order; "and" is a stop word
    assert payload["postings"] == [[0, 0, 1, 2, 1, 1],
                                   [0, 0, 1, 1, 0, 2],
                                   [1, 0, 1, 0, 1, 1, 2, 1, 1]]
    assert (payload["fingerprint"], payload["count"]) == ("f1", 2)
    assert payload["words"] == {"synonyms": [["a", "b"]]}


def test_pages_that_cannot_be_prebuilt_exactly_get_an_empty_payload():
    docs = [{"location": "a/", "title": "A", "text": "x"}]
    assert prebuilt_payload({"config": {**CONFIG, "pipeline": ["stemmer"]}, "docs": docs}, "f") == {}
    assert prebuilt_payload({"config": CONFIG, "docs": docs * 2}, "f") == {}


def test_the_fingerprint_changes_with_the_index_and_is_put_in_its_config():
    first, fingerprint = fingerprinted('{"config": {}, "docs": []}')
    _, other = fingerprinted('{"config": {}, "docs": [{}]}')
    assert first["config"]["prebuilt"] == fingerprint != other


def test_the_plugins_own_entries_stand_for_the_docs_it_wrote_only_after_its_config():
    docs = [{"location": "a/", "title": "A", "text": "x"}]
    text = json.dumps({"config": CONFIG, "docs": docs}, separators=(",", ":"))
    given, fingerprint = fingerprinted(text, docs)
    assert given == fingerprinted(text)[0] and given["docs"] is docs
    assert given["config"] == {**CONFIG, "prebuilt": fingerprint}
    spaced = json.dumps({"config": CONFIG, "docs": docs})  # not as the plugin writes it
    assert fingerprinted(spaced, docs)[0]["docs"] is not docs


def test_a_page_s_lay_names_stay_on_its_own_entry_not_on_each_section():
    tags = ["dead leg", "leg gone to sleep"]
    index = {"config": CONFIG, "docs": [
        {"location": "a/", "title": "A", "text": "x", "tags": tags},
        {"location": "a/#b", "title": "B", "text": "y", "tags": tags},
        {"location": "c/", "title": "C", "text": "z"}]}
    docs = with_page_tags_only(index)["docs"]
    assert [doc.get("tags") for doc in docs] == [tags, None, None]
    assert index["docs"][1]["tags"] == tags  # the index given is left as it was


def test_the_built_site_has_the_payload_and_every_page_uses_the_prebuilt_worker(built_site):
    index = json.loads((built_site / "search/search_index.json").read_text())
    payload = read_payload((built_site / "search/prebuilt_index.bin").read_bytes())
    assert payload["fingerprint"] == index["config"]["prebuilt"]
    assert payload["count"] == len(index["docs"]) and payload["terms"]
    [worker] = (built_site / "assets/javascripts/workers").glob("search-prebuilt.*.js")
    for page in [*built_site.rglob("index.html"), built_site / "404.html"]:
        assert f'/{worker.name}"' in page.read_text(), page


def test_the_prebuilt_worker_gives_the_themes_index_and_its_results_to_lunr_syntax(
        page, site_url, built_site):
    """Queries in lunr's syntax are the theme's to answer; readers' words are understood
    (tests/test_search_quality.py)."""
    workers = built_site / "assets/javascripts/workers"
    [stock] = workers.glob("search.*.min.js")
    [ours] = workers.glob("search-prebuilt.*.js")
    page.route("**/workers/capture.js*", lambda route: route.fulfill(
        body=CAPTURE_WORKER, content_type="text/javascript"))
    page.goto(site_url)
    queries = ["numb*", "-numb", "nerve~1", "+numb +legs", "title:sciatica", "legs^10 numb*",
               '"pins and needles"']
    runs = [page.evaluate(RUN_WORKER, {"worker": f"assets/javascripts/workers/capture.js?{name}",
                                       "queries": queries}) for name in (stock.name, ours.name)]
    assert [run["prebuilt"] for run in runs] == [False, True]
    assert runs[0]["index"] == runs[1]["index"]
    for query, expected, actual in zip(queries, runs[0]["results"], runs[1]["results"]):
        assert expected == actual, query
    assert any("<mark" in item["text"] for item in runs[1]["results"][0]["items"][0])


def test_the_offline_bundle_searches_with_the_prebuilt_index(page, unzipped_bundle):
    page.goto((unzipped_bundle / "index.html").as_uri())
    ranked = ranked_pages(page, "sciatica", unzipped_bundle.as_uri() + "/")
    assert "causes/sciatica.html" in ranked[:3]
    assert page.evaluate("() => [...document.querySelectorAll('iframe')]"
                         ".some(frame => frame.contentWindow.__prebuilt !== undefined)")
    script = (unzipped_bundle / "search/prebuilt_index.js").read_text()
    encoded = re.fullmatch(r'var __prebuilt = "([A-Za-z0-9+/=]+)"', script)[1]
    assert read_payload(base64.b64decode(encoded))["terms"]
