// A regency-like synthetic topology for the page's large-network test: a backbone
// ring, aggregation routers hanging off it, offices under them; no clusters and no
// coordinates, so the page lays it out with forces and draws it on a canvas.

/** The topology as YAML: `ring` core routers, `per` aggregations each, `offices` under each. */
export function syntheticTopology(ring = 10, per = 9, offices = 10): string {
  const sites: string[] = [];
  const links: string[] = [];
  for (let r = 0; r < ring; r++) {
    sites.push(`  - { id: core-${r}, name: Core ${r}, kind: router }`);
    links.push(`  - { id: ring-${r}, a: core-${r}, b: core-${(r + 1) % ring}, medium: fibre, ` +
      'capacityMbps: 10000 }');
    for (let a = 0; a < per; a++) {
      const agg = `agg-${r}-${a}`;
      sites.push(`  - { id: ${agg}, name: Aggregation ${r}.${a}, kind: router }`);
      links.push(`  - { id: up-${agg}, a: ${agg}, b: core-${r}, medium: fibre, ` +
        'capacityMbps: 1000 }');
      for (let o = 0; o < offices; o++) {
        const office = `office-${r}-${a}-${o}`;
        sites.push(`  - { id: ${office}, name: Office ${r}.${a}.${o}, kind: kecamatan, ` +
          `demandMbps: { internet: ${(1 + ((r * 7 + a * 3 + o) % 9)).toFixed(1)} } }`);
        links.push(`  - { id: acc-${office}, a: ${office}, b: ${agg}, medium: vpn, ` +
          'capacityMbps: 100 }');
      }
    }
  }
  // The internet gateway sits on the ring.
  sites.push('  - { id: gw, name: Internet gateway, kind: isp }');
  links.push('  - { id: gw-link, a: gw, b: core-0, medium: fibre, capacityMbps: 10000 }');
  return `schemaVersion: 1
name: Synthetic regency (${sites.length} sites)
baseYear: 2019
trafficClasses:
  - { id: internet, name: Internet, sink: gw, upstreamRatio: 0.25 }
sites:
${sites.join('\n')}
links:
${links.join('\n')}
`;
}
