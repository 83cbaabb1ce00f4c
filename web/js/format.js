// Formatting and the fixed visual scales of the map: the weathermap colours of
// utilisation, link widths by capacity, link styles by medium, short site labels.
import d3 from '/vendor/d3.js';

/** The weathermap scale: fixed bands of utilisation, the colours engineers know. */
export const UTIL_BANDS = [
  { from: 0, to: 0.3, colour: '#1a9850', label: '0–30%' },
  { from: 0.3, to: 0.5, colour: '#91cf60', label: '30–50%' },
  { from: 0.5, to: 0.7, colour: '#f2d33a', label: '50–70%' },
  { from: 0.7, to: 0.9, colour: '#f98e3c', label: '70–90%' },
  { from: 0.9, to: 1, colour: '#e0312b', label: '90–100%' },
  { from: 1, to: Infinity, colour: '#7a0a3a', label: '100%+' },
];
export const IDLE_COLOUR = '#b3bcc6';
export const DOWN_COLOUR = '#2b2f36';

/** The band colour of a link's utilisation as the API reports it. */
export function utilColour(link) {
  if (!link) return IDLE_COLOUR;
  if (link.down) return DOWN_COLOUR;
  if (link.loadMbps.forward === 0 && link.loadMbps.reverse === 0) return IDLE_COLOUR;
  const band = UTIL_BANDS.find((b) => link.utilization < b.to) ?? UTIL_BANDS.at(-1);
  return band.colour;
}

/** Colour of a bare utilisation value (panels' bars). */
export function bandColour(utilization) {
  return (UTIL_BANDS.find((b) => utilization < b.to) ?? UTIL_BANDS.at(-1)).colour;
}

/** Link width grows with the log of capacity: 20 Mbps thin, 10 Gbps thick. */
export const linkWidth = d3.scaleLog().domain([10, 10000]).range([1.3, 7]).clamp(true);

/** Dash patterns by medium: physical links solid, VPN dashed, radio and broadband dotted. */
export const MEDIUM_DASH = {
  vpn: '7 4',
  wireless: '2 3',
  internet: '1.5 3',
};
export const MEDIUM_LABEL = {
  fibre: 'fibre (FO)', 'telkom-fo': 'Telkom FO', lan: 'LAN', 'metro-ethernet': 'metro ethernet',
  wan: 'WAN', vpn: 'VPN', wireless: 'wireless bridge', internet: 'backup broadband',
};

/** Cluster colours, chosen away from the weathermap's greens, yellows and reds. */
export const CLUSTER_COLOURS = ['#2f6fbd', '#7a4fb0', '#0f8b9c', '#b0397b', '#8a6a2c',
  '#4b5bd6', '#5d7c2f', '#c2571a'];
export const NO_CLUSTER_COLOUR = '#55657a';

const fmt1 = d3.format(',.1f');
const fmt0 = d3.format(',.0f');

/** Mbps with one decimal, or Gbps from 10,000 Mbps on. */
export function mbps(x) {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  if (Math.abs(x) >= 10000) return `${fmt1(x / 1000)} Gbps`;
  return `${fmt1(x)} Mbps`;
}

/** A capacity as sold: 1000 Mbps, 10 Gbps. */
export function capacity(x) {
  if (x >= 1000 && x % 1000 === 0) return `${fmt0(x / 1000)} Gbps`;
  return `${fmt0(x)} Mbps`;
}

/** A utilisation the API gives as a fraction, shown as a percentage. */
export function pct(u) {
  if (u === null || u === undefined || Number.isNaN(u)) return '—';
  return `${fmt1(u * 100)}%`;
}

/** A change with its sign: +12.3 / −4.0. */
export function signed(text, delta) {
  if (delta > 0) return `+${text}`;
  if (delta < 0) return `−${text.replace(/^-/, '')}`;
  return text;
}

/**
 * A short label for a site: a one-word name in brackets (the acronym), else the name
 * without its bracket and common prefixes when short, else the id.
 */
export function shortLabel(site) {
  const name = site.name ?? site.id;
  const bracket = /\(([^()\s]{2,16})\)\s*$/.exec(name);
  if (bracket) return bracket[1];
  const stripped = name.replace(/\s*\([^()]*\)\s*$/, '').replace(/^Kecamatan /, '')
    .replace(/^Bagian /, 'Bag. ');
  if (stripped.length <= 16) return stripped;
  return site.id.length <= 18 ? site.id : `${site.id.slice(0, 16)}…`;
}

/** Escapes text for the few places that build markup from strings. */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) =>
    ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}
