// The core's pictures (csprcore.views.svg's Node JSON: the calculator's timeline, a
// register case's timeline, the timeliness report's chart) drawn with DOM calls. The tree of
// {tag, attrs, text, children} is drawn with createElementNS and textContent, so nothing in
// it is ever parsed as markup.

const SVG_NS = "http://www.w3.org/2000/svg";
// What the core's picture may contain (csprcore.views.svg.TAGS); anything else is dropped.
const SVG_TAGS = new Set(["svg", "g", "rect", "circle", "polygon", "line", "text", "title", "desc"]);

/** The SVG element for the core's picture `node`, or null when it is not one. */
export function drawPicture(node) {
  if (!node || !SVG_TAGS.has(node.tag)) return null;
  const element = document.createElementNS(SVG_NS, node.tag);
  for (const [name, value] of Object.entries(node.attrs ?? {})) {
    if (/^on|href/i.test(name)) continue;
    element.setAttribute(name, value);
  }
  if (node.text) element.textContent = node.text;
  for (const child of node.children ?? []) {
    const drawn = drawPicture(child);
    if (drawn) element.append(drawn);
  }
  return element;
}

/** Put the core's picture `tree` in `figure` (or empty it when there is none). */
export function showPicture(figure, tree) {
  const svg = drawPicture(tree);
  figure.replaceChildren(...(svg ? [svg] : []));
}
