// A seeded generator of regency-like networks for benchmarks: a backbone ring, dual-homed
// clusters, offices, VPN spokes, and traffic to a few hubs (data centre, internet, DRC).
import type { LinkSpec } from '../src/routing/compiled-network.ts';
import type { NodeDemand } from '../src/routing/route-demands.ts';

/** A generated network: node ids, links and demands by node index. */
export interface SyntheticNetwork {
  nodeIds: string[];
  links: LinkSpec[];
  demands: NodeDemand[];
  /** Indices of the data centre, the internet gateway and the DRC. */
  hubs: number[];
}

/** A small, fast, seeded generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A regency network of about `size` nodes. Shares follow the Mojokerto plan's shape:
 * about 1% backbone routers on a ring with a few chords, 2% cluster hubs each
 * dual-homed to the backbone, 30% offices on a hub (a fifth of them dual-homed,
 * as offices on a fibre ring), and the rest VPN spokes (village offices, clinics)
 * hanging off offices, some two levels deep. Every office and spoke sends to the
 * data centre and the internet gateway; the data centre replicates to the DRC.
 */
export function regencyNetwork(size: number, seed = 2023): SyntheticNetwork {
  const random = seededRandom(seed);
  const pick = (n: number) => Math.floor(random() * n);
  const nodeIds: string[] = [];
  const links: LinkSpec[] = [];
  const add = (prefix: string) => {
    nodeIds.push(`${prefix}${nodeIds.length}`);
    return nodeIds.length - 1;
  };
  const link = (a: number, b: number, capacityMbps: number) => {
    links.push({ id: `l${links.length}`, a: nodeIds[a], b: nodeIds[b], capacityMbps, metric: 1 });
  };

  // Backbone ring with a chord every fourth router.
  const backbone = Array.from({ length: Math.max(6, Math.round(size / 100)) }, () => add('bb'));
  backbone.forEach((u, i) => link(u, backbone[(i + 1) % backbone.length], 10_000));
  for (let i = 0; i + backbone.length / 2 < backbone.length; i += 4) {
    link(backbone[i], backbone[i + Math.floor(backbone.length / 2)], 10_000);
  }

  // Hubs, each on two backbone routers.
  const hubs = ['dc', 'gw', 'drc'].map((name, i) => {
    const u = add(name);
    link(u, backbone[(i * 3) % backbone.length], 10_000);
    link(u, backbone[(i * 3 + 1) % backbone.length], 10_000);
    return u;
  });

  // Cluster hubs, dual-homed to neighbouring backbone routers.
  const clusters = Array.from({ length: Math.max(5, Math.round(size / 50)) }, (_, i) => {
    const u = add('cl');
    const at = i % backbone.length;
    link(u, backbone[at], 1_000);
    link(u, backbone[(at + 1) % backbone.length], 1_000);
    return u;
  });

  // Offices on a cluster hub; a fifth also reach a second hub.
  const officeCount = Math.round(size * 0.3);
  const offices = Array.from({ length: officeCount }, () => {
    const u = add('of');
    const home = pick(clusters.length);
    link(u, clusters[home], 100);
    if (random() < 0.2) link(u, clusters[(home + 1 + pick(2)) % clusters.length], 100);
    return u;
  });

  // VPN spokes fill the rest: most on an office, some on an earlier spoke.
  const spokes: number[] = [];
  while (nodeIds.length < size) {
    const u = add('vp');
    const onSpoke = spokes.length > 0 && random() < 0.25;
    link(u, onSpoke ? spokes[pick(spokes.length)] : offices[pick(offices.length)], 20);
    spokes.push(u);
  }

  // Traffic: offices and spokes to the data centre and the gateway; replication.
  const [dc, gw, drc] = hubs;
  const demands: NodeDemand[] = [];
  for (const u of offices) {
    demands.push({ from: u, to: dc, mbps: 4 + 12 * random() });
    demands.push({ from: u, to: gw, mbps: 2 + 8 * random() });
  }
  for (const u of spokes) {
    demands.push({ from: u, to: dc, mbps: 0.5 + 2 * random() });
    demands.push({ from: u, to: gw, mbps: 0.2 + random() });
  }
  demands.push({ from: dc, to: drc, mbps: 200 });
  return { nodeIds, links, demands, hubs };
}
