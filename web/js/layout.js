// Where each site goes on the map. A network with clusters gets a deterministic
// radial layout (backbone at the centre, cluster hubs on a ring with their members
// around them, VPN spokes on an outer arc, the internet and the DRC apart); one with
// coordinates uses them; any other a force layout, seeded by d3's fixed start.
import d3 from '/vendor/d3.js';

const DEG = Math.PI / 180;
const HUB_RING = 255;
const SPOKE_RING = 335;
const CORE_RING = 62;
const FAR_RING = 410;
/** Room beyond a cluster's member ring for its labels, on each side. */
const LABEL_ROOM = 56;
/** How far every other member of a crowded cluster steps out. */
const STAGGER = 24;

/**
 * Positions for every site of a network view: Map id -> { x, y, labelAngle, group }.
 * `labelAngle` (radians, 0 = to the right) points away from whatever the site hangs
 * off, so that labels fan out instead of piling up.
 */
export function layoutNetwork(view) {
  if (view.clusters.length > 0) return radialLayout(view);
  if (view.sites.length > 0 && view.sites.every((s) => s.x !== null && s.y !== null)) {
    return coordinateLayout(view);
  }
  return forceLayout(view);
}

/** Which layout a view gets, for the status line. */
export function layoutKind(view) {
  if (view.clusters.length > 0) return 'radial';
  if (view.sites.length > 0 && view.sites.every((s) => s.x !== null && s.y !== null)) {
    return 'coordinates';
  }
  return 'force';
}

function radialLayout(view) {
  const pos = new Map();
  const neighbours = adjacency(view);
  const byId = new Map(view.sites.map((s) => [s.id, s]));
  const backbone = view.backbone && byId.has(view.backbone) ? view.backbone
    : [...neighbours.entries()].sort((p, q) => q[1].size - p[1].size)[0][0];
  pos.set(backbone, { x: 0, y: 0, labelAngle: -Math.PI / 2, group: 'core' });

  // Cluster hubs with the members that hang off them; other members sit at the core.
  const hubs = new Set(view.clusters.map((c) => c.hub));
  const clusters = view.clusters.filter((c) => byId.has(c.hub) && c.hub !== backbone)
    .map((c) => ({
      cluster: c,
      members: view.sites.filter((s) => s.cluster === c.id && s.id !== c.hub &&
        s.id !== backbone && !hubs.has(s.id) && neighbours.get(s.id)?.has(c.hub)),
    }));
  const placedInCluster = new Set(clusters.flatMap((c) => [c.cluster.hub,
    ...c.members.map((m) => m.id)]));

  const far = view.sites.filter((s) => s.kind === 'isp' || s.kind === 'drc');
  const spokes = view.sites.filter((s) => !placedInCluster.has(s.id) && s.id !== backbone &&
    !far.includes(s) && s.cluster === null);
  const core = view.sites.filter((s) => !placedInCluster.has(s.id) && s.id !== backbone &&
    !far.includes(s) && !spokes.includes(s));

  // Clusters go round from the top right to the bottom, the VPN spokes fill the left,
  // the internet sits in the gap at the top and the DRC in the one at the bottom left.
  // The hub ring grows until every cluster, with room for its labels, fits its slice.
  const radii = clusters.map((c) => memberRadius(c.members.length));
  const widths = clusters.map((c, i) =>
    2 * (radii[i] + (c.members.length > 10 ? STAGGER : 0) + LABEL_ROOM));
  const sector = { from: 22 * DEG, to: 212 * DEG };
  const ring = Math.max(HUB_RING, widths.reduce((a, b) => a + b, 0) / (sector.to - sector.from));
  const needs = widths.map((w) => w / ring);
  const spare = Math.max(0, sector.to - sector.from - needs.reduce((a, b) => a + b, 0));
  const gap = clusters.length > 1 ? spare / (clusters.length - 1) : 0;
  let angle = sector.from + (clusters.length === 1 ? spare / 2 : 0);
  clusters.forEach((c, i) => {
    const at = angle + needs[i] / 2;
    angle += needs[i] + gap;
    const hub = polar(ring, at);
    pos.set(c.cluster.hub, { ...hub, labelAngle: screenAngle(at), group: c.cluster.id });
    placeAround(pos, hub, at, radii[i], c.members, c.cluster.id);
  });

  const spokeRing = Math.max(SPOKE_RING, ring * 0.95);
  spokes.forEach((s, i) => {
    const at = spokes.length === 1 ? 285 * DEG
      : (236 + (100 * i) / (spokes.length - 1)) * DEG;
    pos.set(s.id, { ...polar(spokeRing, at), labelAngle: screenAngle(at), group: 'spokes' });
  });
  core.forEach((s, i) => {
    const at = (-60 + (120 * (i + 0.5)) / core.length + 180) * DEG;
    pos.set(s.id, { ...polar(CORE_RING, at), labelAngle: screenAngle(at), group: 'core' });
  });
  far.forEach((s, i) => {
    const isp = s.kind === 'isp';
    const at = (isp ? i * 6 : 224 + i * 6) * DEG;
    pos.set(s.id, { ...polar(Math.max(FAR_RING, ring) * (isp ? 0.92 : 0.8), at),
      labelAngle: screenAngle(at), group: s.kind });
  });
  return pos;
}

/**
 * Members on a fan around their hub, facing away from the backbone; in a crowded fan
 * every other member steps out, so that neighbouring labels do not touch.
 */
function placeAround(pos, hub, outward, radius, members, group) {
  const n = members.length;
  if (n === 0) return;
  const span = Math.min(180, 50 + n * 12) * DEG;
  const stagger = n > 10 ? STAGGER : 0;
  members.forEach((m, i) => {
    const at = n === 1 ? outward : outward - span / 2 + (span * i) / (n - 1);
    const p = polar(radius + (i % 2) * stagger, at);
    pos.set(m.id, { x: hub.x + p.x, y: hub.y + p.y, labelAngle: screenAngle(at), group });
  });
}

/** A fan radius that leaves about 17 units between members. */
function memberRadius(n) {
  const span = Math.min(180, 50 + n * 12) * DEG;
  const spacing = n > 10 ? 11 : 17;
  return Math.max(36, Math.min(110, ((n - 1) * spacing) / span + 20));
}

/** Clockwise from the top, as a compass reads. */
function polar(r, angle) {
  return { x: r * Math.sin(angle), y: -r * Math.cos(angle) };
}

/** The compass angle as a screen angle (0 = right, clockwise because y points down). */
function screenAngle(angle) {
  return angle - Math.PI / 2;
}

function coordinateLayout(view) {
  // Longitude and latitude: north is up, so y flips. Anything else is taken as drawn.
  const geographic = view.sites.every((s) => Math.abs(s.x) <= 180 && Math.abs(s.y) <= 90);
  const xs = view.sites.map((s) => s.x);
  const ys = view.sites.map((s) => (geographic ? -s.y : s.y));
  const [x0, x1] = d3.extent(xs);
  const [y0, y1] = d3.extent(ys);
  const scale = 800 / Math.max(x1 - x0, y1 - y0, 1e-9);
  const pos = new Map();
  view.sites.forEach((s, i) => {
    pos.set(s.id, {
      x: (xs[i] - (x0 + x1) / 2) * scale,
      y: (ys[i] - (y0 + y1) / 2) * scale,
      labelAngle: 0,
      group: s.cluster ?? 'all',
    });
  });
  return pos;
}

function forceLayout(view) {
  const nodes = view.sites.map((s) => ({ id: s.id }));
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const links = view.links.filter((l) => index.has(l.a) && index.has(l.b) && l.a !== l.b)
    .map((l) => ({ source: index.get(l.a), target: index.get(l.b) }));
  const big = nodes.length > 400;
  const simulation = d3.forceSimulation(nodes)
    .force('link', d3.forceLink(links).distance(big ? 14 : 40).strength(0.6))
    .force('charge', d3.forceManyBody().strength(big ? -22 : -120).theta(0.9))
    .force('x', d3.forceX(0).strength(0.04))
    .force('y', d3.forceY(0).strength(0.04))
    .stop();
  // A fixed number of ticks from d3's deterministic start: the same picture every time.
  const ticks = big ? 160 : 300;
  for (let i = 0; i < ticks; i++) simulation.tick();

  const [x0, x1] = d3.extent(nodes, (n) => n.x);
  const [y0, y1] = d3.extent(nodes, (n) => n.y);
  const scale = 820 / Math.max(x1 - x0, y1 - y0, 1e-9);
  const pos = new Map();
  for (const n of nodes) {
    pos.set(n.id, {
      x: (n.x - (x0 + x1) / 2) * scale, y: (n.y - (y0 + y1) / 2) * scale,
      labelAngle: 0, group: 'all',
    });
  }
  return pos;
}

function adjacency(view) {
  const out = new Map(view.sites.map((s) => [s.id, new Set()]));
  for (const l of view.links) {
    out.get(l.a)?.add(l.b);
    out.get(l.b)?.add(l.a);
  }
  return out;
}

/** The circle around a cluster's hub and members, for the grouping halo. */
export function clusterHalos(view, pos) {
  return view.clusters.filter((c) => pos.has(c.hub)).map((c, i) => {
    const points = view.sites.filter((s) => (s.cluster === c.id || s.id === c.hub) &&
      pos.get(s.id)?.group === c.id).map((s) => pos.get(s.id));
    const hub = pos.get(c.hub);
    const r = Math.max(24, ...points.map((p) => Math.hypot(p.x - hub.x, p.y - hub.y))) + 16;
    return { cluster: c, index: i, x: hub.x, y: hub.y, r };
  });
}
