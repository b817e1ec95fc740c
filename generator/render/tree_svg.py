"""Draw the decision tree as an SVG flow chart at build time, with a small layered layout of our own.

Nodes are layered by their longest path from the start (check_tree has proved the tree a DAG);
an answer that skips layers passes through a placeholder in each layer between; each layer is
ordered by the mean position of its neighbours to reduce crossings; and each layer keeps its node
with the most steps below it straight under its parent, so the chain of questions runs straight
down. Pure: a tree in, SVG text out, byte-identical for the same tree."""
import textwrap
from collections import deque
from xml.sax.saxutils import escape, quoteattr

from generator.model import NUMBER_PLACE, TIERS_BY_ID, Question, Tree

BOX_WIDTH = 240
PAD = 10
FONT = 13
LINE = 16
HEADER = 17       # the line that names the step, e.g. "Question 1 · danger sign"
WRAP = 28         # characters a line of a box holds, at about 7.8 px a character
LABEL_WRAP = 18
LABEL_LINE = 13
LABEL_AT = 0.75   # answer labels sit this far along the last stretch of their arrow
GAP = 24          # between boxes in a layer
VIA_GAP = 12      # around a placeholder, where an arrow passes through a layer
V_GAP = 90        # between layers: room for two lines of answer label
MARGIN = 16
SWEEPS = 4
QUESTION_STYLE = ("#f0f4f5", "#4c6272", "#212b32")  # fill, stroke, text
DANGER_STYLE = ("#fde8ea", "#b3001b", "#212b32")
EDGE_COLOUR = "#4c6272"


def tree_svg(tree: Tree, emergency_number: str | None = None) -> str:
    """Return the tree as an SVG flow chart: one box per node, one labelled arrow per answer."""
    nodes = tree.nodes()
    edges = [(q.id, a.next.id, a.label) for q in tree.questions for a in q.answers
             if a.next.id in nodes]
    layer = _layers(list(nodes), edges)
    rows, chains = _rows(layer, edges)
    _order(rows, chains)
    steps = _step_names(tree)
    boxes = {node_id: _box(node, steps[node_id], emergency_number)
             for node_id, node in nodes.items()}
    tops, heights = _tops(rows, boxes)
    x = _place(rows, chains, _below(list(nodes), edges))
    width = max(x.values()) + BOX_WIDTH // 2 + MARGIN
    parts = [_opening(tree, width, tops[-1] + heights[-1] + MARGIN)]
    for chain, (_, _, label) in zip(chains, edges):
        parts.append(_edge(_points(chain, x, tops, heights, layer, boxes), label))
    for node_id in nodes:
        parts.append(_node(node_id, boxes[node_id], x[node_id], tops[layer[node_id]]))
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _opening(tree: Tree, width: int, height: int) -> str:
    """Return the <svg> element's start, named as an image, and the arrowhead it uses."""
    name = (f"Flow chart of the symptom guide: {len(tree.questions)} questions, the danger "
            f"signs first, each answer leading on to a question or one of {len(tree.outcomes)} "
            "results")
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
            f'width="{width}" height="{height}" role="img" aria-label={_attr(name)} '
            'font-family="Arial, Helvetica, sans-serif">\n'
            f"<title>{escape(name)}</title>\n"
            '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" '
            f'markerHeight="8" orient="auto"><path d="M0 0L10 5L0 10z" fill="{EDGE_COLOUR}"/>'
            "</marker></defs>")


def _layers(ids: list[str], edges) -> dict[str, int]:
    """Layer each node by its longest path from a node no answer leads to (Kahn's order)."""
    incoming = {node_id: 0 for node_id in ids}
    for _, target, _ in edges:
        incoming[target] += 1
    layer = {node_id: 0 for node_id in ids}
    queue = deque(node_id for node_id in ids if incoming[node_id] == 0)
    while queue:
        node_id = queue.popleft()
        for source, target, _ in edges:
            if source == node_id:
                layer[target] = max(layer[target], layer[node_id] + 1)
                incoming[target] -= 1
                if incoming[target] == 0:
                    queue.append(target)
    return layer


def _rows(layer, edges) -> tuple[list[list], list[list]]:
    """Return the items of each layer, and each edge as the chain of items it passes through."""
    rows = [[] for _ in range(max(layer.values(), default=-1) + 1)]
    for node_id in _breadth_first(list(layer), edges):
        rows[layer[node_id]].append(node_id)
    chains = []
    for index, (source, target, _) in enumerate(edges):
        vias = [("via", index, row) for row in range(layer[source] + 1, layer[target])]
        for via in vias:
            rows[via[2]].append(via)
        chains.append([source, *vias, target])
    return rows, chains


def _breadth_first(ids: list[str], edges) -> list[str]:
    """Return the nodes in the order the answers reach them, so siblings start in answer order."""
    targets = {target for _, target, _ in edges}
    order = [node_id for node_id in ids if node_id not in targets]
    seen = set(order)
    for node_id in order:  # grows as it goes: a queue
        for source, target, _ in edges:
            if source == node_id and target not in seen:
                seen.add(target)
                order.append(target)
    return order + [node_id for node_id in ids if node_id not in seen]


def _order(rows, chains) -> None:
    """Reorder each row by the mean position of its neighbours, sweeping down, then up."""
    above = {item: [] for row in rows for item in row}
    below = {item: [] for row in rows for item in row}
    for chain in chains:
        for upper, lower in zip(chain, chain[1:]):
            below[upper].append(lower)
            above[lower].append(upper)
    for sweep in range(SWEEPS):
        down = sweep % 2 == 0
        for index in range(1, len(rows)) if down else range(len(rows) - 2, -1, -1):
            position = {item: n for n, item in enumerate(rows[index - 1 if down else index + 1])}
            joined = above if down else below
            current = {item: n for n, item in enumerate(rows[index])}
            rows[index].sort(key=lambda item: _mean(joined[item], position, current[item]))


def _mean(neighbours, position, current: int) -> float:
    placed = [position[item] for item in neighbours if item in position]
    return sum(placed) / len(placed) if placed else current


def _below(ids: list[str], edges) -> dict[str, int]:
    """Count the nodes reachable from each node: the one with most keeps its place in a row."""
    children = {node_id: [] for node_id in ids}
    for source, target, _ in edges:
        children[source].append(target)
    counts = {}
    for node_id in ids:
        seen, stack = set(), list(children[node_id])
        while stack:
            child = stack.pop()
            if child not in seen:
                seen.add(child)
                stack.extend(children[child])
        counts[node_id] = len(seen)
    return counts


def _place(rows, chains, below) -> dict:
    """Give each item the x of its centre: the row's main item under its parents, others beside,
    all shifted right so the leftmost box starts at the margin."""
    widths = {item: 0 if isinstance(item, tuple) else BOX_WIDTH for row in rows for item in row}
    x = {}
    parents = {}
    for chain in chains:
        for upper, lower in zip(chain, chain[1:]):
            parents.setdefault(lower, []).append(upper)
    for row in rows:
        wanted = [_wanted(parents.get(item, ()), x) for item in row]
        pinned = max(range(len(row)), key=lambda n: (_importance(row[n], below), -n))
        x[row[pinned]] = wanted[pinned]
        for n in range(pinned + 1, len(row)):
            least = x[row[n - 1]] + _space(row[n - 1], row[n], widths)
            x[row[n]] = max(wanted[n], least)
        for n in range(pinned - 1, -1, -1):
            most = x[row[n + 1]] - _space(row[n], row[n + 1], widths)
            x[row[n]] = min(wanted[n], most)
    shift = MARGIN + BOX_WIDTH // 2 - min(x.values())
    return {item: value + shift for item, value in x.items()}


def _wanted(parents, x) -> int:
    placed = [x[parent] for parent in parents if parent in x]
    return round(sum(placed) / len(placed)) if placed else 0


def _importance(item, below) -> float:
    # A placeholder outranks a result (nothing below it) so long arrows stay straight.
    return 0.5 if isinstance(item, tuple) else below[item]


def _space(left, right, widths) -> int:
    gap = VIA_GAP if isinstance(left, tuple) or isinstance(right, tuple) else GAP
    return (widths[left] + widths[right]) // 2 + gap


def _tops(rows, boxes) -> tuple[list[int], list[int]]:
    """Return the top and the height of each row: as tall as its tallest box."""
    heights = [max((boxes[item]["height"] for item in row if not isinstance(item, tuple)),
                   default=0) for row in rows]
    tops, top = [], MARGIN
    for height in heights:
        tops.append(top)
        top += height + V_GAP
    return tops, heights


def _step_names(tree: Tree) -> dict[str, str]:
    """Name each node as the no-JavaScript list does: Question 1, Result 1."""
    names = {q.id: f"Question {n}" + (" · danger sign" if q.danger else "")
             for n, q in enumerate(tree.questions, 1)}
    names.update({o.id: f"Result {n} · {TIERS_BY_ID[o.urgency].label}"
                  for n, o in enumerate(tree.outcomes, 1)})
    return names


def _box(node, step: str, emergency_number: str | None) -> dict:
    """Return how one node is drawn: its colours, header, wrapped lines and height."""
    if isinstance(node, Question):
        text = node.text
        fill, stroke, ink = DANGER_STYLE if node.danger else QUESTION_STYLE
        kind = "danger" if node.danger else "question"
    else:
        text = node.title.replace(NUMBER_PLACE, emergency_number or NUMBER_PLACE)
        fill = stroke = TIERS_BY_ID[node.urgency].colour
        ink, kind = "#ffffff", node.urgency
    lines = textwrap.wrap(text, WRAP) or [""]
    return {"kind": kind, "fill": fill, "stroke": stroke, "ink": ink, "step": step,
            "lines": lines, "height": 2 * PAD + HEADER + LINE * len(lines)}


def _node(node_id: str, box: dict, centre: int, top: int) -> str:
    left = centre - BOX_WIDTH // 2
    texts = [f'<text x="{left + PAD}" y="{top + PAD + 12}" font-size="11" font-weight="bold" '
             f'fill="{box["ink"]}">{escape(box["step"])}</text>']
    for n, line in enumerate(box["lines"]):
        texts.append(f'<text x="{left + PAD}" y="{top + PAD + HEADER + LINE * n + 12}" '
                     f'font-size="{FONT}" fill="{box["ink"]}">{escape(line)}</text>')
    return (f'<g class="node node--{box["kind"]}" id={_attr("node-" + node_id)}>'
            f'<rect x="{left}" y="{top}" width="{BOX_WIDTH}" height="{box["height"]}" rx="6" '
            f'fill="{box["fill"]}" stroke="{box["stroke"]}" stroke-width="2"/>'
            + "".join(texts) + "</g>")


def _points(chain, x, tops, heights, layer, boxes) -> list[tuple[int, int]]:
    """Return the corners of one arrow: out of the bottom of its source, through each
    placeholder's layer, into the top of its target."""
    source, *vias, target = chain
    points = [(x[source], tops[layer[source]] + boxes[source]["height"])]
    for via in vias:
        points += [(x[via], tops[via[2]]), (x[via], tops[via[2]] + heights[via[2]])]
    return points + [(x[target], tops[layer[target]])]


def _edge(points, label: str) -> str:
    """Draw one answer: an arrow and its label on a white patch, near the end of the arrow."""
    path = "M" + "L".join(f"{px} {py}" for px, py in points)
    (x1, y1), (x2, y2) = points[-2], points[-1]
    lx, ly = round(x1 + (x2 - x1) * LABEL_AT), round(y1 + (y2 - y1) * LABEL_AT)
    lines = textwrap.wrap(label, LABEL_WRAP) or [""]
    width = max(len(line) for line in lines) * 6 + 8
    height = len(lines) * LABEL_LINE + 4
    top = ly - height // 2
    texts = "".join(f'<text x="{lx}" y="{top + 13 + LABEL_LINE * n}" font-size="11" '
                    f'text-anchor="middle" fill="#212b32">{escape(line)}</text>'
                    for n, line in enumerate(lines))
    return (f'<g class="edge"><path d="{path}" fill="none" stroke="{EDGE_COLOUR}" '
            'stroke-width="1.5" marker-end="url(#arrow)"/>'
            f'<rect x="{lx - width // 2}" y="{top}" width="{width}" height="{height}" rx="3" '
            f'fill="#ffffff"/>{texts}</g>')


def _attr(value: str) -> str:
    """Quote an attribute value, always in double quotes."""
    return quoteattr(value, {'"': "&quot;"})
