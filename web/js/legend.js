// The legend: the weathermap bands, link styles by medium, and site marks, as one
// SVG strip so that the exported picture carries it too.
import { DOWN_COLOUR, IDLE_COLOUR, MEDIUM_DASH, UTIL_BANDS } from './format.js';

const NS = 'http://www.w3.org/2000/svg';
/** The strip's size in SVG units. */
export const LEGEND_SIZE = { width: 792, height: 50 };

function el(tag, attrs, text) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function swatch(g, x, y, attrs, label) {
  g.append(el('line', { x1: x, y1: y, x2: x + 20, y2: y, 'stroke-linecap': 'round', ...attrs }));
  g.append(el('text', { x: x + 26, y: y + 3.5 }, label));
}

/** The legend as an SVG group. */
export function legendSvg() {
  const g = el('g', { class: 'legend' });
  g.append(el('rect', { x: 0, y: 0, width: LEGEND_SIZE.width, height: LEGEND_SIZE.height, rx: 6,
    fill: '#ffffff', 'fill-opacity': 0.94, stroke: '#d5dbe3' }));

  g.append(el('text', { x: 10, y: 19, class: 'legend-title' }, 'Utilisation'));
  const bands = [{ colour: IDLE_COLOUR, label: 'idle' }, ...UTIL_BANDS,
    { colour: DOWN_COLOUR, label: 'down', dash: '3 4' }];
  bands.forEach((b, i) => swatch(g, 86 + i * 88, 15, {
    stroke: b.colour, 'stroke-width': 5, ...(b.dash ? { 'stroke-dasharray': b.dash } : {}),
  }, b.label));

  g.append(el('text', { x: 10, y: 40, class: 'legend-title' }, 'Links, sites'));
  const styles = [
    { label: 'fibre / LAN', dash: null }, { label: 'VPN', dash: MEDIUM_DASH.vpn },
    { label: 'wireless', dash: MEDIUM_DASH.wireless },
    { label: 'backup', dash: MEDIUM_DASH.internet },
  ];
  styles.forEach((s, i) => swatch(g, 86 + i * 88, 36, {
    stroke: '#55657a', 'stroke-width': 2.4, ...(s.dash ? { 'stroke-dasharray': s.dash } : {}),
  }, s.label));
  g.append(el('text', { x: 438, y: 39.5 }, 'width ∝ capacity'));
  g.append(el('circle', { cx: 544, cy: 36, r: 6, fill: 'none', stroke: '#d7191c',
    'stroke-width': 2, 'stroke-dasharray': '3 2' }));
  g.append(el('text', { x: 555, y: 39.5 }, 'cut off'));
  g.append(el('circle', { cx: 614, cy: 36, r: 6, fill: 'none', stroke: '#f08c00',
    'stroke-width': 2 }));
  g.append(el('text', { x: 625, y: 39.5 }, 'uplink down'));
  swatch(g, 700, 36, { stroke: '#f5b700', 'stroke-opacity': 0.5, 'stroke-width': 8 }, 'took load');
  return g;
}

/** Puts the legend into its own small SVG in `container`. */
export function mountLegend(container) {
  const { width, height } = LEGEND_SIZE;
  const svg = el('svg', { width: width + 2, height: height + 2,
    viewBox: `-1 -1 ${width + 2} ${height + 2}`, class: 'legend-svg' });
  svg.append(legendSvg());
  container.replaceChildren(svg);
}
