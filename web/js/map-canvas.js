// The map on a canvas, for networks too big for one SVG element per site (hundreds to
// thousands): the same colours and marks, hit-testing by a quadtree and segment distance.
import d3 from '/vendor/d3.js';
import { linkGeometry, clusterColours } from './map-svg.js';
import {
  DOWN_COLOUR, IDLE_COLOUR, linkWidth, MEDIUM_DASH, NO_CLUSTER_COLOUR, shortLabel, utilColour,
} from './format.js';

/** Creates the canvas map inside `container`; handlers get clicks and hovers. */
export function createCanvasMap(container, handlers) {
  const canvas = d3.select(container).append('canvas').attr('id', 'map-canvas')
    .attr('class', 'map-canvas').node();
  const context = canvas.getContext('2d');
  let transform = d3.zoomIdentity;
  let state = { view: null, pos: null, geometry: null, tree: null, loads: new Map(),
    sites: new Map(), glow: new Set(), failed: new Set(), colours: new Map(),
    orphaned: new Set() };
  let frame = 0;

  const zoom = d3.zoom().scaleExtent([0.1, 40]).on('zoom', (event) => {
    transform = event.transform;
    schedule();
  });
  d3.select(canvas).call(zoom).on('dblclick.zoom', null);

  const resize = new ResizeObserver(() => {
    sizeToContainer();
    schedule();
  });
  resize.observe(container);

  d3.select(canvas)
    .on('click', (event) => {
      const hit = hitTest(event);
      if (hit?.kind === 'site') handlers.onSiteClick(hit.id, event);
      else if (hit?.kind === 'link') handlers.onLinkClick(hit.id, event);
    })
    .on('mousemove', (event) => {
      const hit = hitTest(event);
      canvas.style.cursor = hit ? 'pointer' : 'grab';
      handlers.onHover(hit?.kind ?? null, hit?.id, event);
    })
    .on('mouseleave', () => handlers.onHover(null));

  function sizeToContainer() {
    const { width, height } = container.getBoundingClientRect();
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.max(1, Math.round(width * ratio));
    canvas.height = Math.max(1, Math.round(height * ratio));
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
  }

  function schedule() {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      render();
    });
  }

  function render() {
    const { view, pos, geometry } = state;
    const ratio = window.devicePixelRatio || 1;
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.fillStyle = '#fbfcfd';
    context.fillRect(0, 0, canvas.width, canvas.height);
    if (!view) return;
    context.setTransform(ratio * transform.k, 0, 0, ratio * transform.k,
      ratio * transform.x, ratio * transform.y);
    const k = transform.k;

    // Links: glow under those that took traffic, then the links by colour.
    context.lineCap = 'round';
    for (const l of view.links) {
      if (!state.glow.has(l.id)) continue;
      const g = geometry.get(l.id);
      context.strokeStyle = 'rgba(245,183,0,0.45)';
      context.lineWidth = (linkWidth(l.capacityMbps) + 8) / Math.sqrt(k);
      context.setLineDash([]);
      context.beginPath();
      context.moveTo(g.x1, g.y1);
      context.lineTo(g.x2, g.y2);
      context.stroke();
    }
    for (const l of view.links) {
      const g = geometry.get(l.id);
      const load = state.loads.get(l.id);
      context.strokeStyle = load ? utilColour(load) : IDLE_COLOUR;
      context.lineWidth = linkWidth(l.capacityMbps) / Math.sqrt(k);
      const dash = load?.down ? '3 4' : MEDIUM_DASH[l.medium];
      context.setLineDash(dash ? dash.split(' ').map((d) => Number(d) / Math.sqrt(k)) : []);
      context.beginPath();
      context.moveTo(g.x1, g.y1);
      context.lineTo(g.x2, g.y2);
      context.stroke();
    }
    context.setLineDash([]);

    // Sites: filled by cluster, dark when down, a red ring when cut off.
    const r = Math.max(1.5, 4 / Math.sqrt(k));
    for (const s of view.sites) {
      const p = pos.get(s.id);
      const site = state.sites.get(s.id);
      context.beginPath();
      context.arc(p.x, p.y, r, 0, 2 * Math.PI);
      context.fillStyle = site?.down ? DOWN_COLOUR
        : state.colours.get(s.cluster) ?? NO_CLUSTER_COLOUR;
      context.fill();
      const orphan = s.office && state.orphaned.has(s.cluster);
      if ((site?.cutOff || orphan) && !site?.down) {
        context.beginPath();
        context.arc(p.x, p.y, r + 3 / k, 0, 2 * Math.PI);
        context.strokeStyle = site?.cutOff ? '#d7191c' : '#f08c00';
        context.lineWidth = 1.8 / k;
        context.stroke();
      }
    }

    // Labels once there is room for them.
    if (k >= 2.5 || view.sites.length <= 150) {
      context.font = `${11 / k}px system-ui, sans-serif`;
      context.fillStyle = '#1f2a37';
      context.strokeStyle = '#fbfcfd';
      context.lineWidth = 3 / k;
      for (const s of view.sites) {
        const p = pos.get(s.id);
        const text = shortLabel(s);
        context.strokeText(text, p.x + r + 2 / k, p.y + 3.5 / k);
        context.fillText(text, p.x + r + 2 / k, p.y + 3.5 / k);
      }
    }
  }

  function hitTest(event) {
    if (!state.view) return null;
    const [px, py] = d3.pointer(event, canvas);
    const [x, y] = transform.invert([px, py]);
    const tolerance = 7 / transform.k;
    const site = state.tree.find(x, y, tolerance);
    if (site) return { kind: 'site', id: site.id };
    let best = null;
    let bestDistance = tolerance;
    for (const l of state.view.links) {
      const g = state.geometry.get(l.id);
      const d = segmentDistance(x, y, g);
      if (d < bestDistance) {
        bestDistance = d;
        best = l.id;
      }
    }
    return best ? { kind: 'link', id: best } : null;
  }

  function draw(view, pos) {
    const geometry = linkGeometry(view, pos);
    const tree = d3.quadtree(view.sites.map((s) => ({ id: s.id, ...pos.get(s.id) })),
      (d) => d.x, (d) => d.y);
    state = { ...state, view, pos, geometry, tree, colours: clusterColours(view),
      loads: new Map(), sites: new Map(), glow: new Set() };
    sizeToContainer();
    fit(false);
  }

  function update(result, changedLinks = new Set()) {
    state.loads = new Map(result.links.map((l) => [l.id, l]));
    state.sites = new Map(result.demand.sites.map((s) => [s.id, s]));
    state.glow = changedLinks;
    state.orphaned = new Set(result.clusters.filter((c) => c.uplink.down).map((c) => c.id));
    schedule();
  }

  function fit(animate = true) {
    if (!state.pos) return;
    const { width, height } = container.getBoundingClientRect();
    const xs = [...state.pos.values()].map((p) => p.x);
    const ys = [...state.pos.values()].map((p) => p.y);
    const [x0, x1] = d3.extent(xs);
    const [y0, y1] = d3.extent(ys);
    const pad = { top: 44, bottom: 96, side: 30 };
    const k = Math.min((width - 2 * pad.side) / Math.max(x1 - x0, 1),
      (height - pad.top - pad.bottom) / Math.max(y1 - y0, 1));
    const cy = pad.top + (height - pad.top - pad.bottom) / 2;
    const t = d3.zoomIdentity.translate(width / 2 - k * (x0 + x1) / 2,
      cy - k * (y0 + y1) / 2).scale(k);
    const target = d3.select(canvas);
    (animate ? target.transition().duration(300) : target).call(zoom.transform, t);
  }

  return {
    kind: 'canvas',
    draw,
    update,
    setFailed: (failed) => {
      state.failed = failed;
      schedule();
    },
    fit,
    zoomBy: (factor) => d3.select(canvas).transition().duration(200).call(zoom.scaleBy, factor),
    node: () => canvas,
    renderNow: render,
    destroy: () => {
      resize.disconnect();
      canvas.remove();
    },
  };
}

function segmentDistance(x, y, g) {
  const dx = g.x2 - g.x1;
  const dy = g.y2 - g.y1;
  const length2 = dx * dx + dy * dy || 1;
  const t = Math.max(0, Math.min(1, ((x - g.x1) * dx + (y - g.y1) * dy) / length2));
  return Math.hypot(x - (g.x1 + t * dx), y - (g.y1 + t * dy));
}
