// The DRC: its block in the topology, replication traffic, failover of the data centre's
// traffic, and the outage analysis, on a small inline network and on Mojokerto 2023.
import { describe, expect, it } from 'vitest';
import { analyseDrc } from '../../src/drc/analyse-drc.ts';
import { drcApplications } from '../../src/drc/catalogue-apps.ts';
import { drcsInService } from '../../src/drc/drc-spec.ts';
import { failoversFor } from '../../src/drc/failover.ts';
import { simulate } from '../../src/engine/simulate.ts';
import type { DrcApp } from '../../src/drc/fit-applications.ts';
import { replicationMbps, withDrcTraffic } from '../../src/drc/replication.ts';
import { InputError } from '../../src/model/errors.ts';
import { validateTopology } from '../../src/model/load-topology.ts';
import { resolveNetwork } from '../../src/model/network.ts';
import { loadInput } from '../../src/model/read-input.ts';
import type { TopologyInput } from '../../src/model/topology-schema.ts';

/**
 * internet, dc and drc hang off a core switch with offices a and b. The DRC stands in
 * for dc: 2 servers x 8 cores x 32 GiB, 27 GiB of changes a day over 6 hours.
 */
function topology(drc: Record<string, unknown> = {}): TopologyInput {
  return {
    schemaVersion: 1,
    name: 'small',
    baseYear: 2019,
    trafficClasses: [
      { id: 'internet', name: 'Internet', sink: 'internet' },
      { id: 'apps', name: 'Applications', sink: 'dc', upstreamRatio: 0.5 },
      { id: 'replication', name: 'Replication', sink: 'dc' },
    ],
    sites: [
      { id: 'internet', name: 'Internet', kind: 'isp' },
      { id: 'core', name: 'Core', kind: 'router' },
      { id: 'dc', name: 'Data centre', kind: 'datacenter' },
      {
        id: 'drc', name: 'DRC', kind: 'drc',
        drc: {
          standsInFor: 'dc', classes: ['apps'], link: 'core-drc', from: 2019,
          servers: 2, coresPerServer: 8, memoryGiBPerServer: 32, detectionMinutes: 10,
          firstOffices: ['b'],
          replication: { class: 'replication', changeGiBPerDay: 27, windowHours: 6 },
          recovery: [
            { id: 'fast', name: 'Priority 1', maxPriority: 1, restartMinutes: 20,
              replicationIntervalMinutes: 5 },
            { id: 'slow', name: 'The rest', maxPriority: 9, restartMinutes: 120,
              replicationIntervalMinutes: 60 },
          ],
          ...drc,
        },
      },
      { id: 'a', name: 'Office A', kind: 'dinas', demandMbps: { internet: 5, apps: 20 } },
      { id: 'b', name: 'Office B', kind: 'rsud', demandMbps: { apps: 10 } },
    ],
    links: [
      { id: 'core-internet', a: 'core', b: 'internet', medium: 'fibre', capacityMbps: 100 },
      { id: 'core-dc', a: 'core', b: 'dc', medium: 'lan', capacityMbps: 1000 },
      { id: 'core-drc', a: 'core', b: 'drc', medium: 'metro-ethernet', capacityMbps: 50 },
      { id: 'core-a', a: 'core', b: 'a', medium: 'lan', capacityMbps: 100 },
      { id: 'core-b', a: 'core', b: 'b', medium: 'lan', capacityMbps: 100 },
    ],
  };
}

const network = (year = 2019, drc: Record<string, unknown> = {}) =>
  resolveNetwork(validateTopology(topology(drc), 'small.yaml'), { year });

const apps: DrcApp[] = [
  { id: 'hr', owner: 'a', priority: 2, cores: 6, memoryGiB: 16 },
  { id: 'portal', owner: 'a', priority: 1, cores: 4, memoryGiB: 8 },
  { id: 'emr', owner: 'b', priority: 1, cores: 8, memoryGiB: 24 },
  { id: 'archive', owner: 'a', priority: 3, cores: 4, memoryGiB: 30 },
  { id: 'wiki', owner: 'a', priority: 3, cores: 2, memoryGiB: 4 },
];

const load = (r: ReturnType<typeof simulate>, id: string) =>
  r.links.find((l) => l.id === id)!.loadMbps;

describe('the drc block of a site', () => {
  it('is read with its pooled capacity and recovery classes', () => {
    const [spec] = drcsInService(network());
    expect(spec.capacity).toEqual({ cores: 16, memoryGiB: 64 });
    expect(spec.recovery.map((c) => [c.id, c.minPriority, c.maxPriority])).toEqual([
      ['fast', 1, 1], ['slow', 2, 99],
    ]);
  });

  it('refuses a class that does not sink at the site stood in for, naming where', () => {
    const bad = topology({ classes: ['internet'], link: 'core-a' });
    (bad.sites[3] as { demandMbps?: unknown }).demandMbps = { replication: 1 };
    try {
      validateTopology(bad, 'small.yaml');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
        'sites[3].drc.classes[0]: expected a class whose sink is "dc", got "internet" ' +
          '(sink "internet")',
        'sites[3].demandMbps.replication: the demand of class "replication" is computed ' +
          'from drc.replication.changeGiBPerDay; expected no figure here',
        'sites[3].drc.link: expected a link with an end at "drc", got "core-a" (core - a)',
      ]);
    }
  });
});

describe('replication to the DRC', () => {
  it('is sized from the change rate: 27 GiB over 6 hours is 10.737418 Mbps', () => {
    expect(replicationMbps({ changeGiBPerDay: 27, windowHours: 6 })).toBe(10.737418);
  });

  it('runs from the data centre to the DRC in normal operation', () => {
    const r = simulate(network());
    expect(load(r, 'core-drc')).toEqual({ forward: 10.737418, reverse: 0 });
    // dc -> core is the reverse: 30 Mbps of applications and the replication stream.
    expect(load(r, 'core-dc')).toEqual({ forward: 15, reverse: 40.737418 });
  });

  it('is not there before the DRC\'s year of service', () => {
    const early = network(2019, { from: 2021 });
    expect(withDrcTraffic(early)).toBe(early);
    expect(load(simulate(early), 'core-drc')).toEqual({ forward: 0, reverse: 0 });
  });
});

describe('failover to the DRC', () => {
  it('sends the application traffic to the DRC while the data centre is down', () => {
    const r = simulate(network(), { fail: ['dc'] });
    // 20 + 10 Mbps to the offices (drc -> core is the link's reverse), half back.
    expect(load(r, 'core-drc')).toEqual({ forward: 15, reverse: 30 });
    expect(r.unrouted.map((u) => `${u.class} ${u.reason}`)).toEqual(['replication lost']);
    expect(r.lostMbps).toBe(10.737418);
  });

  it('does not fail over when the DRC is down too, or in a year before it serves', () => {
    expect(failoversFor(network(), ['dc', 'drc'])).toEqual([]);
    expect(failoversFor(network(2019, { from: 2021 }), ['dc'])).toEqual([]);
    expect(failoversFor(network(), ['dc'])).toEqual([{ class: 'apps', from: 'dc', to: 'drc' }]);
    const both = simulate(network(), { fail: ['dc', 'drc'] });
    // Applications both ways (30 + 15) and the replication stream.
    expect(both.lostMbps).toBe(55.737418);
  });
});

describe('analyseDrc', () => {
  it('moves every application that fits to the DRC and names the rest in priority order', () => {
    const r = analyseDrc(network(), { applications: apps, applicationsSource: 'inline' });
    // emr before portal: the same priority, and b is named first (firstOffices).
    expect(r.applications!.admitted.map((a) => [a.order, a.id, a.recoveryMinutes])).toEqual([
      [1, 'emr', 30], [2, 'portal', 30], [3, 'archive', 130],
    ]);
    expect(r.applications!.leftOut.map((a) => [a.order, a.id, a.priority, a.short])).toEqual([
      [1, 'hr', 2, ['cores']],
      [2, 'wiki', 3, ['cores', 'memory']],
    ]);
    expect(r.applications!.leftOut.every((a) => a.recoveryMinutes === null)).toBe(true);
    expect(r.warnings).toEqual([
      '2 of 5 applications do not fit the DRC\'s 16 cores and 64 GiB',
    ]);
  });

  it('gives recovery time and data loss for each class of application', () => {
    const r = analyseDrc(network(), { applications: apps });
    expect(r.recovery.map((c) => [c.id, c.applications, c.leftOut, c.recoveryMinutes,
      c.dataLossMinutes])).toEqual([
      ['fast', 2, 0, 30, 5],
      ['slow', 1, 2, 130, 60],
    ]);
  });

  it('checks the DRC link in normal operation and in the outage', () => {
    const r = analyseDrc(network());
    expect(r.replication).toMatchObject({ mbps: 10.737418, carried: true,
      link: { id: 'core-drc', utilization: 0.214748 } });
    expect(r.outage).toMatchObject({
      failover: ['apps:dc>drc'],
      failedOverMbps: { towardsOffices: 30, towardsDrc: 15 },
      link: { utilization: 0.6, overloaded: false },
      carried: true,
      lostMbps: 10.737418,
    });
    expect(r.applications).toBeNull();
  });

  it('says when no DRC is in service in the year', () => {
    const r = analyseDrc(network(2019, { from: 2021 }));
    expect(r.drc).toBeNull();
    expect(r.notice).toBe('no DRC in service in 2019: drc serves from 2021');
  });
});

describe('the Mojokerto DRC in 2023', () => {
  const input = loadInput('scenarios/plan-2023.yaml');
  const r = analyseDrc(input.network, {
    applications: drcApplications(input.catalogue!, 2023, 'one-replica'),
  });

  it('restores the RSUD\'s applications first, then priorities 1 to 3 in full', () => {
    const admitted = r.applications!.admitted;
    expect(admitted.slice(0, 3).map((a) => a.owner)).toEqual(
      ['rsud-soekandar', 'rsud-soekandar', 'rsud-soekandar']);
    expect(admitted.filter((a) => a.priority <= 3)).toHaveLength(42);
    expect(r.applications!.leftOut.every((a) => a.priority >= 4)).toBe(true);
    expect(admitted.length + r.applications!.leftOut.length).toBe(102);
  });

  it('names the applications left out in priority order', () => {
    const priorities = r.applications!.leftOut.map((a) => a.priority);
    expect(priorities).toEqual([...priorities].sort((x, y) => x - y));
    expect(r.applications!.leftOut.map((a) => a.order))
      .toEqual(priorities.map((_, i) => i + 1));
  });

  it('replicates 38.77401 Mbps over wan-drc and overloads it in the outage', () => {
    expect(r.replication).toMatchObject({ mbps: 38.77401, carried: true });
    expect(r.outage!.failover).toEqual(['apps:datacenter>drc']);
    expect(r.outage!.link.overloaded).toBe(true);
    expect(r.outage!.carried).toBe(false);
  });
});
