// The year-by-year analysis and the application traffic, on small catalogues built inline.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseServers } from '../../src/servers/analyse.ts';
import { applicationTraffic, trafficBySite } from '../../src/servers/app-traffic.ts';
import type { CatalogueInput } from '../../src/servers/catalogue-schema.ts';
import { erlangC } from '../../src/servers/erlang-c.ts';
import { parseCatalogue, validateCatalogue } from '../../src/servers/load-catalogue.ts';

type AppInput = CatalogueInput['applications'][number];
type TierInput = AppInput['tiers'][number];

const tier = (name: string, t: Partial<TierInput> = {}): TierInput => ({
  name, cores: 1, memoryGiB: 8, storageGiB: 100, peakRps: 10, serviceTimeMs: 20, ...t,
});

const app = (id: string, live: number, tiers: TierInput[], a: Partial<AppInput> = {})
  : AppInput => ({
  id, name: id, owner: 'o1', users: ['o2'], development: 'new', type: 'khusus',
  function: 'operasional', live, priority: 3, officeMbps: 1, tiers, ...a,
});

/** Servers of 8 cores, 64 GiB, 1000 GiB, no overhead; 2 from 2020, target 50%. */
function catalogue(applications: AppInput[]): CatalogueInput {
  return {
    schemaVersion: 1,
    name: 'small',
    years: { first: 2019, last: 2022 },
    offices: ['o1', 'o2', 'o3'],
    groups: { pair: ['o2', 'o3'] },
    plan: { servers: 2 },
    servers: {
      spec: { name: 'box', cores: 8, memoryGiB: 64, storageGiB: 1000, overhead: 0 },
      fleet: [
        { id: 'dc', site: 'datacenter', role: 'primary', count: 2, from: 2020 },
        { id: 'drc', site: 'drc', role: 'drc', count: 1, from: 2021 },
      ],
      targetUtilisation: 0.5,
      warnUtilisation: 0.8,
    },
    applications,
  };
}

const small = validateCatalogue(catalogue([
  app('a', 2020, [tier('web', { replicas: 2, cores: 2, peakRps: 100, serviceTimeMs: 10 })],
    { priority: 1, users: 'all' }),
  app('b', 2021, [tier('app', { cores: 4, memoryGiB: 24 }), tier('db', { live: 2022 })],
    { users: ['pair'] }),
  app('c', 2022, [tier('app', { cores: 4, memoryGiB: 24 })]),
]), 'small.yaml');

describe('analyseServers', () => {
  const result = analyseServers(small);
  const year = (y: number) => result.years.find((x) => x.year === y)!;

  it('counts tiers live and new, and places nothing before the fleet arrives', () => {
    expect(result.years.map((y) => [y.year, y.tiersNew, y.tiersLive, y.replicasLive]))
      .toEqual([[2019, 0, 0, 0], [2020, 1, 1, 2], [2021, 1, 2, 3], [2022, 2, 4, 5]]);
    expect(year(2019).serversNeeded).toBe(0);
    expect(year(2021).fleet).toEqual({ primary: 2, drc: 1, sites: [
      { site: 'datacenter', role: 'primary', servers: 2 },
      { site: 'drc', role: 'drc', servers: 1 },
    ] });
  });

  it('models a tier as M/M/c with c = replicas x cores and mu = 1000 / service time', () => {
    const web = year(2020).tiers[0];
    expect(web).toMatchObject({ id: 'a/web', servers: 4, utilisation: 0.25, stable: true });
    const pw = erlangC(4, 1);
    expect(web.waitProbability).toBeCloseTo(pw, 6);
    // Wq = C / (c mu - lambda) = C / (400 - 100) s; W = Wq + 10 ms.
    expect(web.meanWaitMs).toBeCloseTo((pw / 300) * 1000, 6);
    expect(web.meanResponseMs).toBeCloseTo(10 + (pw / 300) * 1000, 6);
  });

  it('keeps the two replicas of a tier on different servers', () => {
    expect(year(2020).tiers[0].placedOn.sort()).toEqual(['dc-01', 'dc-02']);
  });

  it('finds the servers needed under the target and the year the plan\'s run out', () => {
    // Under 50%, a server takes 4 cores: in 2021 the 4-core app fits beside neither web
    // replica, so three servers; 2022 asks 13 cores, so four. The plan has two.
    expect(result.years.map((y) => y.serversNeeded)).toEqual([0, 2, 3, 4]);
    expect(result.years.map((y) => y.serversLowerBound)).toEqual([0, 2, 2, 4]);
    expect(result.planServers).toBe(2);
    expect(result.planRunsOutYear).toBe(2021);
    expect(result.fleetShortYear).toBe(2021);
    expect(year(2021).warnings.map((w) => w.code)).toContain('fleet-short');
  });

  it('gives each application\'s priority and what its live tiers hold, for failover', () => {
    expect(year(2022).applications.find((a) => a.id === 'b')).toMatchObject({
      priority: 3, live: 2021, tiersLive: 2, cores: 5, memoryGiB: 32, storageGiB: 200,
      minimum: { cores: 5, memoryGiB: 32, storageGiB: 200 },
    });
  });

  it('reports one year when asked, and plain JSON throughout', () => {
    const one = analyseServers(small, { year: 2021 });
    expect(one.years.map((y) => y.year)).toEqual([2021]);
    expect(one.planRunsOutYear).toBe(2021);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('reports an unstable tier with no response time and a warning', () => {
    const hot = analyseServers(validateCatalogue(catalogue([
      app('hot', 2020, [tier('web', { peakRps: 100, serviceTimeMs: 20 })]),
    ]), 'hot.yaml'), { year: 2020 }).years[0];
    expect(hot.tiers[0]).toMatchObject({ stable: false, meanWaitMs: null, meanResponseMs: null });
    expect(hot.worstResponse).toEqual({ tier: 'hot/web', meanResponseMs: null });
    expect(hot.warnings.map((w) => w.code)).toContain('tier-unstable');
  });

  it('never puts two replicas of a tier on one server, for random catalogues', () => {
    const arbitraryApps = fc.array(fc.record({
      live: fc.integer({ min: 2019, max: 2022 }),
      tiers: fc.array(fc.record({
        replicas: fc.integer({ min: 1, max: 3 }),
        cores: fc.integer({ min: 1, max: 6 }),
        memoryGiB: fc.integer({ min: 1, max: 48 }),
      }), { minLength: 1, maxLength: 4 }),
    }), { minLength: 1, maxLength: 12 });
    fc.assert(fc.property(arbitraryApps, (apps) => {
      const c = validateCatalogue(catalogue(apps.map((a, i) => app(`app${i}`, a.live,
        a.tiers.map((t, j) => tier(`t${j}`, t))))), 'random.yaml');
      for (const y of analyseServers(c).years) {
        for (const s of y.servers) {
          const tiers = s.replicas.map((r) => r.slice(0, r.lastIndexOf('#')));
          expect(new Set(tiers).size).toBe(tiers.length);
        }
      }
    }), { numRuns: 100 });
  });
});

describe('applicationTraffic', () => {
  it('adds only applications that go live after the base year, per user office', () => {
    expect(applicationTraffic(small, 2021, 2020)).toEqual([
      { site: 'o1', app: 'b', mbps: 1 },
      { site: 'o2', app: 'b', mbps: 1 },
      { site: 'o3', app: 'b', mbps: 1 },
    ]);
    expect(applicationTraffic(small, 2020, 2020)).toEqual([]);
  });

  it('expands `all` to every office and sums per site', () => {
    const traffic = applicationTraffic(small, 2022, 2019);
    expect(traffic.filter((t) => t.app === 'a').map((t) => t.site)).toEqual(['o1', 'o2', 'o3']);
    expect(trafficBySite(traffic)).toEqual(new Map([['o1', 3], ['o2', 3], ['o3', 2]]));
  });
});

describe('the Mojokerto analysis', () => {
  const file = 'topology/mojokerto-apps.yaml';
  const result = analyseServers(parseCatalogue(readFileSync(file, 'utf8'), file));

  it('matches every plan figure the catalogue quotes', () => {
    expect(result.planCheck.filter((c) => c.plan !== c.catalogue)).toEqual([]);
    expect(result.planCheck.length).toBeGreaterThanOrEqual(14);
  });

  it('needs 1, 6, 10, 12 and 14 servers, each the lower bound, so 8 run out in 2021', () => {
    expect(result.years.map((y) => y.serversNeeded)).toEqual([1, 6, 10, 12, 14]);
    expect(result.years.map((y) => y.serversLowerBound)).toEqual([1, 6, 10, 12, 14]);
    expect(result.planRunsOutYear).toBe(2021);
  });
});
