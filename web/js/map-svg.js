// The map as SVG, for networks of up to a few hundred sites: one element per link and
// per site (tests count them), coloured from the latest result.
import d3 from '/vendor/d3.js';
import { clusterHalos } from './layout.js';
import {
  CLUSTER_COLOURS, DOWN_COLOUR, linkWidth, MEDIUM_DASH, NO_CLUSTER_COLOUR, shortLabel, utilColour,
} from './format.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const PARALLEL_GAP = 5;

/** Creates the SVG map inside `container`; handlers get clicks and hovers. */
export function createSvgMap(container, handlers) {
  const svg = d3.select(container).append('svg')
    .attr('id', 'map-svg').attr('class', 'map-svg')
    .attr('xmlns', SVG_NS).attr('role', 'img');
  const background = svg.append('rect').attr('class', 'map-bg').attr('fill', '#fbfcfd');
  const viewport = svg.append('g').attr('class', 'viewport');
  const layers = {};
  const names = ['halos', 'link-glow', 'links', 'down-marks', 'link-hits', 'sites', 'labels'];
  for (const name of names) {
    layers[name] = viewport.append('g').attr('class', name);
  }

  let state = { view: null, pos: null, colours: new Map(), userZoomed: false };
  const zoom = d3.zoom().scaleExtent([0.25, 10]).on('zoom', (event) => {
    viewport.attr('transform', event.transform);
    svg.classed('zoomed-out', event.transform.k < 0.55);
    svg.classed('zoomed-in', event.transform.k >= 1.8);
    if (event.sourceEvent) state.userZoomed = true;
  });
  svg.call(zoom).on('dblclick.zoom', null);

  const resize = new ResizeObserver(() => {
    sizeToContainer();
    if (!state.userZoomed) fit(false);
  });
  resize.observe(container);

  function sizeToContainer() {
    const { width, height } = container.getBoundingClientRect();
    svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
    background.attr('width', width).attr('height', height);
  }

  /** Builds every element for a network view and its layout. */
  function draw(view, pos) {
    state = { ...state, view, pos, userZoomed: false };
    svg.classed('dense', view.clusters.length === 0 && view.sites.length > 80);
    state.colours = clusterColours(view);
    const siteById = new Map(view.sites.map((s) => [s.id, s]));
    const geometry = linkGeometry(view, pos);

    layers.halos.selectAll('*').remove();
    const halos = layers.halos.selectAll('g').data(clusterHalos(view, pos)).join('g')
      .attr('class', 'halo').attr('data-cluster', (h) => h.cluster.id);
    halos.append('circle').attr('cx', (h) => h.x).attr('cy', (h) => h.y).attr('r', (h) => h.r)
      .attr('fill', (h) => state.colours.get(h.cluster.id)).attr('fill-opacity', 0.07)
      .attr('stroke', (h) => state.colours.get(h.cluster.id)).attr('stroke-opacity', 0.35)
      .attr('stroke-width', 1.2);
    // The cluster's name on the side of its halo that faces the backbone, where its
    // members leave room.
    halos.append('text').attr('class', 'halo-label')
      .attr('x', (h) => h.x - (h.x / Math.hypot(h.x, h.y)) * (h.r * 0.55))
      .attr('y', (h) => h.y - (h.y / Math.hypot(h.x, h.y)) * (h.r * 0.55) + 4)
      .attr('text-anchor', 'middle')
      .attr('fill', (h) => state.colours.get(h.cluster.id))
      .text((h) => clusterTitle(h.cluster));

    const path = (l) => {
      const g = geometry.get(l.id);
      return `M${g.x1},${g.y1}L${g.x2},${g.y2}`;
    };
    layers['link-glow'].selectAll('*').remove();
    layers.links.selectAll('path').data(view.links, (l) => l.id).join('path')
      .attr('class', (l) => `link medium-${l.medium}${l.backup ? ' backup' : ''}`)
      .attr('data-id', (l) => l.id)
      .attr('d', path)
      .attr('fill', 'none')
      .attr('stroke', '#b3bcc6')
      .attr('stroke-linecap', 'round')
      .attr('stroke-width', (l) => linkWidth(l.capacityMbps))
      .attr('stroke-dasharray', (l) => MEDIUM_DASH[l.medium] ?? null);
    layers['link-hits'].selectAll('path').data(view.links, (l) => l.id).join('path')
      .attr('class', 'link-hit').attr('data-id', (l) => l.id).attr('d', path)
      .attr('stroke', 'transparent').attr('stroke-width', 11).attr('fill', 'none')
      .on('click', (event, l) => handlers.onLinkClick(l.id, event))
      .on('mousemove', (event, l) => handlers.onHover('link', l.id, event))
      .on('mouseleave', () => handlers.onHover(null));

    layers.sites.selectAll('g').data(view.sites, (s) => s.id).join((enter) => {
      const g = enter.append('g');
      g.append('circle').attr('class', 'cut-ring');
      g.each(function shape(s) {
        appendShape(d3.select(this), s, view, state.colours);
        d3.select(this).selectAll('.body').attr('data-fill', function keep() {
          return this.getAttribute('fill');
        });
      });
      g.append('path').attr('class', 'down-cross');
      return g;
    })
      .attr('class', (s) => `site kind-${s.kind}`)
      .attr('data-id', (s) => s.id)
      .attr('transform', (s) => `translate(${pos.get(s.id).x},${pos.get(s.id).y})`)
      .on('click', (event, s) => handlers.onSiteClick(s.id, event))
      .on('mousemove', (event, s) => handlers.onHover('site', s.id, event))
      .on('mouseleave', () => handlers.onHover(null));

    const hubs = new Set(view.clusters.map((c) => c.hub));
    const labelled = view.sites.length <= 400
      ? view.sites.filter((s) => !isSymbolic(s) && !hubs.has(s.id)) : [];
    layers.labels.selectAll('text').data(labelled, (s) => s.id).join('text')
      .attr('class', 'label')
      .attr('data-id', (s) => s.id)
      .each(function place(s) {
        placeLabel(d3.select(this), s, pos.get(s.id), view);
      })
      .text((s) => labelOf(s, view, siteById));

    sizeToContainer();
    fit(false);
  }

  /** Colours links and marks sites from a result; `changed` links get a glow. */
  function update(result, changedLinks = new Set()) {
    if (!state.view) return;
    const loads = new Map(result.links.map((l) => [l.id, l]));
    const sites = new Map(result.demand.sites.map((s) => [s.id, s]));
    layers.links.selectAll('path.link')
      .attr('stroke', (l) => utilColour(loads.get(l.id)))
      .classed('down', (l) => loads.get(l.id)?.down ?? false)
      .classed('overloaded', (l) => loads.get(l.id)?.overloaded ?? false)
      .attr('stroke-dasharray', (l) => (loads.get(l.id)?.down ? '3 4'
        : MEDIUM_DASH[l.medium] ?? null));

    const geometry = linkGeometry(state.view, state.pos);
    const glowing = state.view.links
      .filter((l) => changedLinks.has(l.id) && !loads.get(l.id)?.down);
    layers['link-glow'].selectAll('path').data(glowing, (l) => l.id).join('path')
      .attr('class', 'glow').attr('data-id', (l) => l.id)
      .attr('d', (l) => {
        const g = geometry.get(l.id);
        return `M${g.x1},${g.y1}L${g.x2},${g.y2}`;
      })
      .attr('stroke', '#f5b700').attr('stroke-opacity', 0.45).attr('fill', 'none')
      .attr('stroke-linecap', 'round')
      .attr('stroke-width', (l) => linkWidth(l.capacityMbps) + 8);

    const downLinks = state.view.links.filter((l) => loads.get(l.id)?.down);
    layers['down-marks'].selectAll('text').data(downLinks, (l) => l.id).join('text')
      .attr('class', 'down-mark').attr('data-id', (l) => l.id)
      .attr('x', (l) => geometry.get(l.id).mx).attr('y', (l) => geometry.get(l.id).my + 5)
      .attr('text-anchor', 'middle').attr('fill', '#d7191c').text('✕');

    // Offices whose cluster lost its uplink: marked even when a backup still serves them.
    const orphaned = new Set(result.clusters.filter((c) => c.uplink.down).map((c) => c.id));
    const uplinkDown = (s) => s.office && orphaned.has(s.cluster);
    layers.sites.selectAll('g.site')
      .classed('cut-off', (s) => sites.get(s.id)?.cutOff && !sites.get(s.id)?.down)
      .classed('uplink-down', (s) => uplinkDown(s) && !sites.get(s.id)?.cutOff)
      .classed('down', (s) => sites.get(s.id)?.down ?? false)
      .each(function mark(s) {
        const site = sites.get(s.id);
        const g = d3.select(this);
        const r = radiusOf(s, site, state.view);
        const cut = site?.cutOff && !site?.down;
        g.select('circle.office').attr('r', r);
        g.select('circle.cut-ring').attr('r', r + 4.5)
          .attr('fill', 'none').attr('stroke', cut ? '#d7191c' : '#f08c00')
          .attr('stroke-width', 2.2).attr('stroke-dasharray', cut ? '3 2' : null)
          .attr('visibility', cut || (uplinkDown(s) && !site?.down) ? 'visible' : 'hidden');
        const k = r * 0.7;
        g.select('path.down-cross').attr('d', `M${-k},${-k}L${k},${k}M${-k},${k}L${k},${-k}`)
          .attr('stroke', '#fff').attr('stroke-width', 2)
          .attr('visibility', site?.down ? 'visible' : 'hidden');
        g.selectAll('.body').attr('fill', function fill() {
          return site?.down ? DOWN_COLOUR : this.getAttribute('data-fill');
        });
      });
    layers.labels.selectAll('text.label')
      .classed('cut-off', (s) => sites.get(s.id)?.cutOff ?? false);
    layers.halos.selectAll('g.halo').classed('uplink-down', (h) => orphaned.has(h.cluster.id));
  }

  /** Marks the elements the user failed (links drawn dashed dark by update already). */
  function setFailed(failed) {
    layers.sites.selectAll('g.site').classed('failed', (s) => failed.has(`site:${s.id}`));
    layers.links.selectAll('path.link').classed('failed', (l) => failed.has(`link:${l.id}`));
  }

  function fit(animate = true) {
    if (!state.pos || state.pos.size === 0) return;
    const { width, height } = container.getBoundingClientRect();
    if (width === 0 || height === 0) return;
    const box = viewport.node().getBBox();
    // Room at the bottom for the legend strip and the status line, and at the top for
    // the failure chips.
    const pad = { top: 40, bottom: 92, side: 16 };
    const k = Math.min((width - 2 * pad.side) / box.width,
      (height - pad.top - pad.bottom) / box.height, 3);
    const cy = pad.top + (height - pad.top - pad.bottom) / 2;
    const t = d3.zoomIdentity
      .translate(width / 2 - k * (box.x + box.width / 2), cy - k * (box.y + box.height / 2))
      .scale(k);
    (animate ? svg.transition().duration(300) : svg).call(zoom.transform, t);
    state.userZoomed = false;
  }

  return {
    kind: 'svg',
    draw,
    update,
    setFailed,
    fit,
    zoomBy: (factor) => svg.transition().duration(200).call(zoom.scaleBy, factor),
    node: () => svg.node(),
    destroy: () => {
      resize.disconnect();
      svg.remove();
    },
  };
}

/** One colour per cluster, in the order the topology lists them. */
export function clusterColours(view) {
  return new Map(view.clusters.map((c, i) => [c.id, CLUSTER_COLOURS[i % CLUSTER_COLOURS.length]]));
}

/** Endpoints of every link, parallel links spread apart, and their midpoints. */
export function linkGeometry(view, pos) {
  const groups = new Map();
  for (const l of view.links) {
    const key = l.a < l.b ? `${l.a}\u0000${l.b}` : `${l.b}\u0000${l.a}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(l);
  }
  const out = new Map();
  for (const links of groups.values()) {
    links.forEach((l, i) => {
      const a = pos.get(l.a);
      const b = pos.get(l.b);
      const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
      const shift = (i - (links.length - 1) / 2) * PARALLEL_GAP;
      // The normal of the pair's own direction, so parallel links stay parallel.
      const sign = l.a < l.b ? 1 : -1;
      const nx = (-(b.y - a.y) / len) * shift * sign;
      const ny = ((b.x - a.x) / len) * shift * sign;
      out.set(l.id, {
        x1: a.x + nx, y1: a.y + ny, x2: b.x + nx, y2: b.y + ny,
        mx: (a.x + b.x) / 2 + nx, my: (a.y + b.y) / 2 + ny,
      });
    });
  }
  return out;
}

function clusterTitle(cluster) {
  const short = cluster.name.split(':')[0];
  return short.length <= 24 ? short : cluster.id;
}

/** Sites drawn as a labelled symbol (internet, DRC, data centre) need no outside label. */
function isSymbolic(site) {
  return site.kind === 'isp' || site.kind === 'drc' || site.kind === 'datacenter';
}

function appendShape(g, site, view, colours) {
  const colour = site.cluster ? colours.get(site.cluster) ?? NO_CLUSTER_COLOUR : NO_CLUSTER_COLOUR;
  if (site.id === view.backbone) {
    g.append('circle').attr('class', 'body').attr('r', 15).attr('fill', '#1f2a37');
    g.append('circle').attr('r', 11).attr('fill', 'none').attr('stroke', '#fff')
      .attr('stroke-width', 1.2);
    g.append('text').attr('class', 'symbol-text').attr('y', 3.5).text('NOC');
  } else if (view.clusters.some((c) => c.hub === site.id)) {
    g.append('rect').attr('class', 'body').attr('x', -8).attr('y', -8).attr('width', 16)
      .attr('height', 16).attr('rx', 3).attr('fill', colour).attr('stroke', '#fff')
      .attr('stroke-width', 1.5);
  } else if (site.kind === 'isp') {
    g.append('ellipse').attr('class', 'body').attr('rx', 34).attr('ry', 15).attr('fill', '#eef3f8')
      .attr('stroke', '#7b8a9c').attr('stroke-width', 1.3);
    g.append('text').attr('class', 'symbol-text dark').attr('y', 4).text('Internet');
  } else if (site.kind === 'drc' || site.kind === 'datacenter') {
    g.append('rect').attr('class', 'body').attr('x', -16).attr('y', -10).attr('width', 32)
      .attr('height', 20).attr('rx', 3).attr('fill', site.kind === 'drc' ? '#56606e' : '#334155');
    g.append('text').attr('class', 'symbol-text').attr('y', 3.5)
      .text(site.kind === 'drc' ? 'DRC' : 'DC');
  } else {
    g.append('circle').attr('class', `body office${site.office ? '' : ' non-office'}`)
      .attr('r', 5).attr('fill', site.office ? colour : '#fff')
      .attr('stroke', site.office ? '#fff' : colour).attr('stroke-width', site.office ? 1.2 : 1.6);
  }
}

function radiusOf(site, demand, view) {
  if (site.id === view.backbone || !demand || !site.office) return 5;
  return 4 + Math.sqrt(Math.max(0, demand.demandMbps)) * 0.8;
}

function labelOf(site, view, siteById) {
  const cluster = view.clusters.find((c) => c.hub === site.id);
  if (cluster) return clusterTitle(cluster);
  if (site.id === view.backbone) return shortLabel(siteById.get(site.id));
  return shortLabel(site);
}

/** A label along its site's outward direction, kept upright. */
function placeLabel(text, site, p, view) {
  const angle = p.labelAngle;
  const gap = site.id === view.backbone ? 20 : view.clusters.some((c) => c.hub === site.id)
    ? 12 : 11;
  const x = p.x + Math.cos(angle) * gap;
  const y = p.y + Math.sin(angle) * gap;
  let degrees = (angle * 180) / Math.PI;
  let anchor = 'start';
  if (Math.cos(angle) < -1e-6) {
    degrees += 180;
    anchor = 'end';
  }
  if (site.id === view.backbone) {
    text.attr('x', p.x).attr('y', p.y - 20).attr('text-anchor', 'middle');
    return;
  }
  text.attr('x', x).attr('y', y).attr('dy', '0.32em').attr('text-anchor', anchor)
    .attr('transform', `rotate(${degrees},${x},${y})`);
}
