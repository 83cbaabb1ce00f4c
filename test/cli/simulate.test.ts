import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SimulationResult } from '../../src/engine/result.ts';
import { netsim } from '../helpers/cli.ts';

describe('netsim simulate', () => {
  it('prints the Mojokerto baseline as one JSON object: 56 offices, 5 clusters, 921.8 Mbps', () => {
    const run = netsim('simulate', '--json');
    expect(run.status).toBe(0);
    const r = JSON.parse(run.stdout) as SimulationResult;
    expect(r.schemaVersion).toBe(1);
    expect(r.network.year).toBe(2019);
    expect(r.demand.offices).toBe(56);
    expect(r.demand.totalMbps).toBe(921.8);
    expect(r.demand.targetMbps).toBe(921.8);
    expect(r.clusters).toHaveLength(5);
    expect(r.unroutedMbps).toBe(0);
    for (const link of r.links) {
      expect(typeof link.loadMbps.forward).toBe('number');
      expect(typeof link.loadMbps.reverse).toBe('number');
    }
    // Internet traffic towards the offices all crosses the Telkom uplink.
    const uplink = r.links.find((l) => l.id === 'telkom-uplink')!;
    expect(uplink.loadMbps.reverse).toBe(r.demand.byClass.internet);
    expect(uplink.loadMbps.forward).toBe(161.325);
  });

  it('carries the year\'s application servers and, with the data centre down, the failover', () => {
    const run = netsim('simulate', 'scenarios/dc-outage-2023.yaml', '--json');
    const r = JSON.parse(run.stdout) as SimulationResult;
    expect(r.failover).toEqual([{ class: 'apps', from: 'datacenter', to: 'drc' }]);
    // 340 tiers live in 2023 (1 + 98 + 88 + 80 + 73, plan 10.1) on the plan's 8 servers.
    expect(r.servers).toMatchObject({ year: 2023, tiersLive: 340, servers: 8, planServers: 8 });
    const drcLink = r.links.find((l) => l.id === 'wan-drc')!;
    // Every office's application traffic now crosses the DRC link: towards the offices in
    // full, back at the apps class's upstream ratio of 0.6.
    expect(drcLink.loadMbps.reverse).toBeCloseTo(r.demand.byClass.apps, 5);
    expect(drcLink.loadMbps.forward).toBeCloseTo(r.demand.byClass.apps * 0.6, 5);
  });

  it('prints a readable summary with demand against target and the clusters', () => {
    const run = netsim('simulate');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'Demand   921.8 Mbps from 56 of 56 offices (internet 645.3, apps 276.5)');
    expect(run.stdout).toContain(
      'Target   921.8 Mbps for internet + apps: 921.8 Mbps, 100.0% of it');
    expect(run.stdout).toMatch(/^c4 +6 +5 +147\.9 +fo-c4 +100 +147\.9%/m);
  });

  it('fails the fibre to cluster 4 in 2023 and the RSUD backup link takes its traffic', () => {
    const run = netsim('simulate', 'scenarios/plan-2023.yaml', '--fail', 'fo-c4', '--json');
    const r = JSON.parse(run.stdout) as SimulationResult;
    expect(r.failed.links).toEqual(['fo-c4']);
    expect(r.backupsInUse).toEqual(['backup-rsud-soekandar']);
    expect(r.unroutedMbps).toBe(0);
    expect(r.clusters.find((c) => c.id === 'c4')!.uplink.down).toBe(true);
  });

  it('exits 1 on overload only when asked to', () => {
    expect(netsim('simulate', '--json').status).toBe(0);
    expect(netsim('simulate', '--fail-on-overload', '--json').status).toBe(1);
    expect(netsim('simulate', 'scenarios/plan-2023.yaml', '--year', '2020', '--fail-on-overload')
      .status).toBe(0);
  });

  it('refuses a topology with a negative capacity, an unknown link end and a duplicate id', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netsim-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, `schemaVersion: 1
name: bad
baseYear: 2019
sites:
  - { id: a, name: A, kind: router }
  - { id: b, name: B, kind: router }
  - { id: b, name: B again, kind: router }
links:
  - { id: l1, a: a, b: b, medium: fibre, capacityMbps: -5 }
  - { id: l2, a: a, b: c, medium: fibre, capacityMbps: 10 }
`);
    const run = netsim('simulate', file);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('links[0].capacityMbps: expected a positive number, got -5');
    expect(run.stderr).toContain('links[1].b: link end "c" is not a site in this topology');
    expect(run.stderr).toContain('sites[2].id: duplicate site id "b" (first at sites[1])');
  });

  it('exits 2 on a bad --year and on an unknown --fail id', () => {
    expect(netsim('simulate', '--year', 'soon').status).toBe(2);
    const run = netsim('simulate', '--fail', 'no-such-link');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      'expected a link, site or shared-risk group id, got "no-such-link"');
  });
});

describe('netsim path', () => {
  it('gives the route from a Kecamatan to the data centre with its latency', () => {
    const run = netsim('path', 'kec-pacet', 'datacenter', '--json');
    expect(run.status).toBe(0);
    const path = JSON.parse(run.stdout);
    expect(path.hops.map((h: { link: string }) => h.link)).toEqual(['vpn-pacet', 'lan-dc']);
    // VPN 15 ms + LAN 0.1 ms, the media latencies of the topology.
    expect(path.latencyMs).toBeCloseTo(15.1, 9);
    expect(path.tightest.link).toBe('vpn-pacet');
  });
});
