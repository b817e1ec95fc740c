"""Render the content model to Markdown pages and an mkdocs config, returned as data (path -> text)."""
import json
from pathlib import Path

import jinja2
import yaml
from markupsafe import Markup

from generator import model
from generator.render import (coverage, lists, mkdocs_config, related, structured_data,
                              symptom_guide, tree_svg, urls)
from generator.render.body_map_svg import body_map_svg as draw_body_map
from generator.render.markdown import plain_text, resolve_inline_links
from generator.render.web_app import web_app_manifest
from generator.render.escaping import front_matter, html_attribute, html_text
from generator.model.dates import long_date, reviewed_dates

TEMPLATES = Path(__file__).parent / "templates"
TREE_SVG = "assets/decision-tree.svg"


def render_site(content: model.Content, config: model.SiteConfig, theme_dir: str,
                offline: bool = False, templates: jinja2.Environment | None = None) \
        -> dict[str, str]:
    """Return every file of the mkdocs project (docs/*.md, mkdocs.yml); theme_dir is relative to
    it. templates: an environment from template_environment() to reuse (the preview keeps one)."""
    env = templates or template_environment(reload=False)
    paths = urls.all_doc_paths(content)
    related_to = related.related_pages(content)
    guide = symptom_guide.symptom_guide(content, paths, config, offline)
    long_lists = _long_lists(content, guide)
    files, site_values = {}, _site_values(content, config)

    def write(template: str, doc: str, **values) -> None:
        files[f"docs/{doc}"] = env.get_template(f"pages/{template}.md.j2").render(
            doc=doc, **values, **site_values, **_page_values(content, config, doc, paths))

    coverage_table = coverage.summary(content, long_lists["coverage"])
    for page in content.pages:
        write(_template(page), urls.doc_path(page), page=page, related=related_to[page.id],
              coverage=coverage_table)
    for page_id, doc in urls.GENERATED_PATHS.items():
        if page_id not in long_lists:
            write(page_id, doc)
    for page_id, parts in long_lists.items():
        for part in parts:
            write(page_id, part.doc, part=part, guide=guide)
    for page_id, doc in ({} if offline else urls.SERVICE_PATHS).items():
        write(page_id, doc)
    if not offline:
        files["docs/manifest.webmanifest"] = json.dumps(web_app_manifest(config), indent=2) + "\n"
    if guide:
        files[f"docs/{symptom_guide.TREE_JSON}"] = guide["json"]
        files[f"docs/{symptom_guide.TREE_SCRIPT}"] = guide["script"]
        files[f"docs/{TREE_SVG}"] = tree_svg.tree_svg(content.tree, config.emergency_number)
    list_pages = [part.doc for parts in long_lists.values() for part in parts
                  if part.doc not in urls.GENERATED_PATHS.values()]
    docs = [path.removeprefix("docs/") for path in files if path.endswith(".md")]
    settings = mkdocs_config.mkdocs_config(content, config, theme_dir, list_pages, docs, offline)
    files["mkdocs.yml"] = yaml.dump(settings, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper),
                                    sort_keys=False, allow_unicode=True)
    return files


def _long_lists(content: model.Content, guide: dict | None) -> dict[str, list[lists.ListPage]]:
    """The lists that go on numbered pages when long, by the template of their pages: the
    listings of causes, places and situations, the symptom guide's steps and the article's
    coverage."""
    listings = {listing: lists.split(lists.listed(content, kind), urls.GENERATED_PATHS[listing])
                for kind, listing in lists.LISTINGS.items()}
    steps = guide["pages"] if guide else lists.split([], urls.GENERATED_PATHS["symptom-guide"])
    return {**listings, "symptom-guide": steps, "coverage": coverage.coverage_pages(content)}


def _template(page: model.Page) -> str:
    return "about" if page.id == "about" else "entity"


def template_environment(reload: bool = True) -> jinja2.Environment:
    """A Jinja environment for the page templates: each compiles once in it, and, with reload,
    Jinja reloads one that changed on disk (the preview watches them; a build renders with a new
    environment, which need not look at each template's file again for every page). Every value
    a template writes is escaped for Markdown (html_text), unless it is Markup: already escaped,
    or front matter."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), auto_reload=reload,
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                             trim_blocks=True, lstrip_blocks=True, autoescape=False,
                             finalize=html_text)
    env.filters["long_date"] = long_date
    env.filters["runs"] = lists.runs
    env.filters["front_matter"] = front_matter
    # What the theme prints unescaped: titles as HTML text, the description in an attribute.
    env.filters["theme_title"] = html_text
    env.filters["theme_description"] = lambda text: html_attribute(plain_text(text))
    return env


def _site_values(content, config) -> dict:
    """Values and helpers every page template needs, the same on every page."""
    def body_map_svg() -> Markup:
        return Markup(draw_body_map(content.body_map) if content.body_map else "")

    def numbered(text: str) -> str:
        return text.replace(model.NUMBER_PLACE, config.emergency_number)

    by_id = content.by_id()
    signs = content.registry.signs_by_id
    return {"numbered": numbered, "content": content, "config": config,
            "page_causes": lambda page: [by_id[ref.id] for ref in page.causes],
            "reviewed": lambda page: reviewed_dates(page, content, config),
            "by_letter": _by_letter,
            "sr_prefixes": {tier.id: tier.sr_prefix for tier in model.TIERS},
            "groups": model.CAUSE_GROUPS, "generated_titles": model.GENERATED_PAGES,
            "help_cards": help_cards, "call_buttons": call_buttons(config),
            "banner_signs": mkdocs_config.banner_signs(content.registry),
            "page_signs": lambda page: [signs[ref.id] for ref in page.get_help],
            "cited_references": lambda page: cited_references(content, page),
            "tier_headings": _numbered("heading", config),
            "tier_leads": _numbered("lead", config),
            "sections_by_id": {s.id: s for s in content.source.sections},
            "body_map_svg": body_map_svg}


def _page_values(content, config, doc, paths) -> dict:
    """The helpers a page template needs that depend on where the page is (links are
    relative)."""
    def link(page_id: str) -> str:
        return urls.relative_link(doc, paths[page_id])

    def doc_link(target: str) -> str:
        return urls.relative_link(doc, target)

    def markdown(text: str) -> Markup:
        return Markup(resolve_inline_links(html_text(text), doc, paths))

    def json_ld(title: str, summary: str, page: model.Page | None = None) -> Markup:
        reviewed = reviewed_dates(page, content, config)[0] if page else \
            content.source.last_reviewed
        return front_matter(structured_data.medical_web_page(
            content, config, urls.page_url(doc), title, summary, reviewed, page))

    return {"json_ld": json_ld, "link": link, "markdown": markdown, "doc_link": doc_link,
            "tree_diagram": urls.relative_link(doc, TREE_SVG) if content.tree else None}


def call_buttons(config: model.SiteConfig) -> dict[str, Markup]:
    """What to tap in an emergency and an urgent card: the numbers as tap-to-call buttons."""
    emergency, urgent = config.emergency_number, config.urgent_care
    return {
        "emergency": Markup(f'<a class="call-button" href="tel:{html_attribute(model.tel(emergency))}">'
                            f"Call {html_text(emergency)} now</a>"),
        "urgent": Markup(f"If your doctor is closed, call {html_text(urgent.label)}: "
                         f'<a class="call-button call-button--urgent" '
                         f'href="tel:{html_attribute(model.tel(urgent.phone))}">'
                         f"Call {html_text(urgent.phone)}</a>")}


def help_cards(signs) -> list[tuple[str, list]]:
    """Group warning signs by tier, most urgent first, keeping their order within a tier."""
    return [(tier, [sign for sign in signs if sign.tier == tier]) for tier in model.URGENCIES
            if any(sign.tier == tier for sign in signs)]


def cited_references(content: model.Content, page: model.Page) -> list[model.Reference]:
    """The named references a page cites, itself or through its warning signs, once each."""
    references = content.registry.references_by_id
    signs = content.registry.signs_by_id
    cited = [ref.id for ref in page.sources] + \
        [ref.id for sign in page.get_help for ref in signs[sign.id].sources]
    if page.id == "red-flags":
        cited += [ref.id for sign in content.registry.signs for ref in sign.sources]
    return [references[ref_id] for ref_id in dict.fromkeys(cited) if ref_id in references]


def _numbered(words: str, config: model.SiteConfig) -> dict[str, str]:
    """Each tier's heading or lead, with the emergency number put in."""
    return {tier.id: getattr(tier, words).format(number=config.emergency_number)
            for tier in model.TIERS}


def _by_letter(terms) -> list[tuple[str, list]]:
    """Group glossary terms under their first letter, both sorted, ignoring case."""
    groups: dict[str, list] = {}
    for term in sorted(terms, key=lambda t: t.term.lower()):
        groups.setdefault(term.term[0].upper(), []).append(term)
    return sorted(groups.items())
