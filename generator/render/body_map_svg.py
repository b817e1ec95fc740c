"""Draw the body map as an inline SVG picture of the legs, each region marked with its id.

The places are chosen with the large buttons listed beside the map (a toe is a few pixels on the
map, too small to tap), so the picture is hidden from screen readers and holds no links; a
button's region lights up while the button is pointed at or focused (guide.js)."""
from xml.sax.saxutils import escape, quoteattr

from generator import model


def body_map_svg(body_map: model.BodyMap) -> str:
    """Return the map as inline SVG: the outline, each region's shapes, and the labels."""
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox={_attr(body_map.view_box)} '
             'class="body-map__svg" aria-hidden="true" focusable="false">',
             f"<title>{escape(body_map.title)}</title>"]
    if body_map.outline:
        parts.append('<g class="body-map__outline">'
                     + "".join(_shape(shape, "body-map__body") for shape in body_map.outline)
                     + "</g>")
    for region in body_map.regions:
        kind = f" body-map__region--{region.urgency}" if region.urgency else ""
        parts.append(f'<g class="body-map__region{kind}" data-region={_attr(region.id)}>'
                     + "".join(_shape(shape, "body-map__shape") for shape in region.shapes)
                     + "</g>")
    if body_map.labels:
        parts.append('<g class="body-map__labels">'
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
