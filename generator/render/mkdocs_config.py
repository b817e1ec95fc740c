"""The mkdocs-material configuration for the generated site, as a plain dict."""
import collections
import json
import posixpath
from pathlib import Path

from generator import model
from generator.render import urls
from generator.render.lists import LIST_LIMIT
from generator.render.markdown import plain_text
from generator.render.escaping import html_text

HOOK_FOLDER = Path(__file__).parents[1] / "hooks"
HOOKS = [HOOK_FOLDER / "glossary.py", HOOK_FOLDER / "csp.py", HOOK_FOLDER / "search_sections.py",
         HOOK_FOLDER / "search_index.py"]
# The Markdown extension that puts the glossary's explanations in tooltips (abbr's settings).
GLOSSARY_EXTENSION = "generator.hooks.glossary_terms"

# No search.suggest: it completes the last word typed, accepted with the right arrow key, which a
# phone has not; each keystroke would pay for a second lunr query (100 ms at 10x the content),
# and the search worker already reads the last word typed as the start of a word.
FEATURES = ["navigation.indexes", "navigation.prune", "navigation.top", "navigation.instant",
            "content.tooltips", "search.highlight", "toc.follow"]
TOP_TOPICS = ("red-flags", "symptoms")
LATER_TOPICS = ("diagnosis", "appointment", "treatment", "prevention", "outlook", "complications")
# Sections whose pages the menu lists while they have at most LIST_LIMIT (see lists.py).
MENU_SECTIONS = ("cause", "location", "situation", "treatment")


OFFLINE_SHIM = "assets/javascripts/iframe-worker-shim.js"


def mkdocs_config(content: model.Content, config: model.SiteConfig, theme_dir: str,
                  list_pages: list[str], docs: list[str], offline: bool = False) -> dict:
    """Return the mkdocs.yml settings: theme, plugins, Markdown extensions, navigation, extras.
    list_pages: the pages of long lists that the menu leaves out (their first page is linked
    from the menu or from the about page, the others from the pager); docs: every page's path.

    Offline (for file://): the offline plugin, a local iframe-worker shim for search, and no
    instant navigation, which over file:// never runs the page scripts."""
    red_flags_url = urls.page_url(urls.doc_path(content.by_id()["red-flags"]), not offline)
    settings = {
        "site_name": config.site_name,
        "site_description": config.site_description,
        "site_url": config.site_url,
        "docs_dir": "docs",
        "strict": True,
        "validation": {"anchors": "warn", "unrecognized_links": "warn",
                       "absolute_links": "warn", "omitted_files": "warn"},
        "theme": {"name": "material", "custom_dir": theme_dir, "language": config.language,
                  "font": False, "features": FEATURES, "favicon": "assets/images/favicon.svg",
                  "palette": {"scheme": "default", "primary": "custom", "accent": "custom"}},
        "plugins": [{"search": {"lang": config.language}}],
        "hooks": [str(hook) for hook in HOOKS],
        "markdown_extensions": [
            {"toc": {"permalink": False, "toc_depth": 2}}, "attr_list", "md_in_html", "def_list",
            "tables",
            {GLOSSARY_EXTENSION: {"glossary": glossary_tooltips(content.glossary)}},
        ],
        "extra": {
            "generator": False,
            "emergency_number": config.emergency_number,
            "emergency_tel": model.tel(config.emergency_number),
            "banner_signs": banner_signs(content.registry),
            "red_flags_url": red_flags_url,
            # As JSON in one string: mkdocs reads its config with a pure-Python YAML loader,
            # which took 0.8 s over the thesaurus's thousands of words as YAML lists
            "search_words": json.dumps(search_words(content, red_flags_url)),
        },
        "extra_css": ["assets/stylesheets/guide.css"],
        "extra_javascript": ["assets/javascripts/guide.js",
                             "assets/javascripts/symptom-guide.js"],
        "nav": navigation(content),
        "not_in_nav": "\n".join(not_in_nav(
            [*left_out_of_navigation(content), *list_pages,
             *([] if offline else urls.SERVICE_PATHS.values())], docs)),
    }
    if not offline:  # the hosted site installs on phones and keeps working offline
        settings["extra"]["service_worker"] = True
    if offline:
        settings["theme"]["features"] = [f for f in FEATURES if f != "navigation.instant"]
        settings["plugins"].append({"offline": {}})
        settings["extra"]["polyfills"] = [OFFLINE_SHIM]
    return settings


def banner_signs(registry: model.Registry) -> str:
    """The banner's few words for each emergency sign, as one phrase: "sudden numbness, ..."."""
    return ", ".join(sign.banner for sign in registry.signs if sign.banner)


# Signs whose names put the red-flags page first in search.
DANGER_TIERS = ("emergency", "urgent")


def search_words(content: model.Content, red_flags_url: str) -> dict:
    """What the search worker needs to understand readers' words: the thesaurus's groups, the
    phrases that name a warning sign, and the page those phrases put first."""
    groups = content.thesaurus.groups if content.thesaurus else ()
    return {"synonyms": [list(group.words) for group in groups],
            "danger": sorted({phrase for sign in content.registry.signs
                              if sign.tier in DANGER_TIERS for phrase in sign.lay_words}),
            "danger_page": red_flags_url}


def glossary_tooltips(glossary: model.Glossary) -> dict[str, str]:
    """Map each glossary term (as written and capitalised) to its plain-text definition."""
    tooltips = {}
    for term in (term for term in glossary.terms if not term.everyday):
        for form in (term.term, term.term[:1].upper() + term.term[1:]):
            tooltips[form] = html_text(plain_text(term.definition))
    return tooltips


def navigation(content: model.Content) -> list:
    """Return the navigation: urgent pages first, then causes, places, situations, care. Titles
    are HTML text, as mkdocs' own titles are: the theme prints them as they are."""
    by_id = content.by_id()

    def item(page):
        return {html_text(page.title): urls.doc_path(page)}

    def entry(page_id):
        if page_id in model.GENERATED_PAGES:
            return {model.GENERATED_PAGES[page_id]: urls.GENERATED_PATHS[page_id]}
        return item(by_id[page_id])

    def section(kind):
        return [urls.GENERATED_PATHS[urls.KIND_FOLDERS[kind]],
                *(item(p) for p in _listed(content, kind))]

    causes, listed_causes = [urls.GENERATED_PATHS["causes"]], _listed(content, "cause")
    for group, label in model.CAUSE_GROUPS.items():
        members = [p for p in listed_causes if p.group == group]
        if members:
            causes.append({label: [item(p) for p in members]})
    treatment = _listed(content, "treatment")
    return [
        {"Home": "index.md"},
        {model.GENERATED_PAGES["symptom-guide"]: urls.GENERATED_PATHS["symptom-guide"]},
        *(entry(page_id) for page_id in TOP_TOPICS),
        {"Causes": causes},
        {model.GENERATED_PAGES["locations"]: section("location")},
        {model.GENERATED_PAGES["situations"]: section("situation")},
        *(entry(page_id) for page_id in LATER_TOPICS if page_id != "treatment"),
        {html_text(by_id["treatment"].title): [urls.doc_path(by_id["treatment"]),
                                               *(item(p) for p in treatment)]},
        {model.GENERATED_PAGES["glossary"]: urls.GENERATED_PATHS["glossary"]},
        entry("about"),
    ]


def not_in_nav(left_out: list[str], docs: list[str]) -> list[str]:
    """mkdocs' not_in_nav, gitignore lines that match exactly the pages left_out of docs: a
    folder's pages as one wildcard (and its other pages named back) where that takes fewer lines.
    mkdocs matches each file against each line: one line a page made large sites quadratic
    (several seconds at 100x the content)."""
    left_out, folders = set(left_out), collections.defaultdict(list)
    for doc in docs:
        folders[posixpath.dirname(doc)].append(doc)
    lines = []
    for folder, pages in sorted(folders.items()):
        out = sorted(page for page in pages if page in left_out)
        kept = sorted(page for page in pages if page not in left_out)
        if folder and len(kept) + 1 < len(out):
            lines += [f"/{folder}/*.md", *(f"!/{page}" for page in kept)]
        else:
            lines += [f"/{page}" for page in out]
    return lines + [f"/{page}" for page in sorted(left_out.difference(docs))]


def left_out_of_navigation(content: model.Content) -> list[str]:
    """The doc paths of pages in sections too large to list in the menu (over LIST_LIMIT): the
    section's index lists them, on numbered pages."""
    unlisted = {kind for kind in MENU_SECTIONS if not _listed(content, kind)}
    return sorted(urls.doc_path(page) for page in content.pages if page.kind in unlisted)


def _listed(content: model.Content, kind: str) -> list:
    """The pages of a kind the menu lists, by title: all of them, or none if over the limit."""
    members = sorted((p for p in content.pages if p.kind == kind), key=lambda p: p.title)
    return members if len(members) <= LIST_LIMIT else []
