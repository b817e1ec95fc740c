"""Draw the body map as an inline SVG whose regions are links to their pages.

The links use xlink:href, not href: mkdocs-material's instant navigation rewrites every [href]
of a page with `element.href = element.href`, which throws on SVG links (their href is
read-only), while browsers follow xlink:href just the same. Crawlers look for href, so each link
also says role="link" (what it is anyway), and every region's page is linked from the text list
under the map with a plain href."""
from xml.sax.saxutils import escape, quoteattr

from generator import model

XLINK = "http://www.w3.org/1999/xlink"


def body_map_svg(body_map: model.BodyMap, href) -> str:
    """Return the map as inline SVG: each region a named link; href maps a page id to its URL."""
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="{XLINK}" '
             f'viewBox={_attr(body_map.view_box)} class="body-map__svg" role="group" '
             'aria-labelledby="body-map-title">',
             f'<title id="body-map-title">{escape(body_map.title)}</title>']
    if body_map.outline:
        parts.append('<g class="body-map__outline" aria-hidden="true">'
                     + "".join(_shape(shape, "body-map__body") for shape in body_map.outline)
                     + "</g>")
    for region in body_map.regions:
        kind = f" body-map__region--{region.urgency}" if region.urgency else ""
        parts.append(f'<a xlink:href={_attr(href(region.page.id))} role="link" '
                     f'class="body-map__region{kind}" data-region={_attr(region.id)} '
                     f'aria-label={_attr(region.label)}><title>{escape(region.label)}</title>'
                     + "".join(_shape(shape, "body-map__shape") for shape in region.shapes)
                     + "</a>")
    if body_map.labels:
        parts.append('<g class="body-map__labels" aria-hidden="true">'
                     + "".join(f'<text x="{label.x}" y="{label.y}" text-anchor="middle">'
                               f"{escape(label.text)}</text>" for label in body_map.labels)
                     + "</g>")
    parts.append("</svg>")
    return "".join(parts)


def _shape(shape: model.Shape, css_class: str) -> str:
    if shape.path is not None:
        return f'<path class="{css_class}" fill-rule="evenodd" d={_attr(shape.path)}/>'
    return f'<polygon class="{css_class}" points={_attr(shape.points)}/>'


def _attr(value: str) -> str:
    """Quote an attribute value, always in double quotes."""
    return quoteattr(value, {'"': "&quot;"})
