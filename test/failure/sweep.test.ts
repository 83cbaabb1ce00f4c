// Failure sweeps: hand-built rings, bridges and groups, duplicate pairs, worker
// threads, and every single failure of Mojokerto 2023 against `simulate --fail`.
import { describe, expect, it } from 'vitest';
import { prepareWithDrc } from '../../src/drc/failover.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { caseFromResult } from '../../src/failure/case-figures.ts';
import { runSweepParallel } from '../../src/failure/parallel-sweep.ts';
import { runSweep, type SweepCase } from '../../src/failure/sweep.ts';
import { loadInput } from '../../src/model/read-input.ts';
import type { Network } from '../../src/model/network.ts';
import { smallNetwork } from '../helpers/network.ts';

const plan2023 = loadInput('scenarios/plan-2023.yaml').network;

/** The figures of a case, without what only a sweep knows. */
const figures = ({ index: _i, fail: _f, duplicates: _d, failover: _o, ...rest }: SweepCase) =>
  rest;

const byFail = (cases: SweepCase[], ...fail: string[]) =>
  cases.find((c) => c.fail.join(' ') === fail.join(' '))!;

/** gw - a - b - c - gw: every office has two ways to the gateway. */
function ring(): Network {
  return smallNetwork(['gw-a:100', 'a-b:100', 'b-c:100', 'c-gw:100'], { a: 10, b: 20, c: 30 });
}

describe('runSweep', () => {
  it('finds that a ring loses nothing to one cut and something to two', () => {
    const prepared = prepareWithDrc(ring());
    const single = runSweep(prepared, { depth: 1, kinds: ['link'] });
    expect(single.cases.map((c) => c.fail)).toEqual([
      ['link:gw-a'], ['link:a-b'], ['link:b-c'], ['link:c-gw'],
    ]);
    expect(single.cases.map((c) => c.unservedMbps)).toEqual([0, 0, 0, 0]);

    const pairs = runSweep(prepared, { depth: 2, kinds: ['link'] });
    expect(pairs.counts).toEqual({ elements: 4, combinations: 6, cases: 6, duplicates: 0 });
    expect(pairs.cases.map((c) => [c.fail.join(' + '), c.unservedMbps, c.cutOff])).toEqual([
      ['link:gw-a + link:a-b', 10, ['a']],
      ['link:gw-a + link:b-c', 30, ['a', 'b']],
      ['link:gw-a + link:c-gw', 60, ['a', 'b', 'c']],
      ['link:a-b + link:b-c', 20, ['b']],
      ['link:a-b + link:c-gw', 50, ['b', 'c']],
      ['link:b-c + link:c-gw', 30, ['c']],
    ]);
    expect(pairs.worst[0].fail).toEqual(['link:gw-a', 'link:c-gw']);
  });

  it('ranks cases by unserved Mbps, then by the utilisation of the busiest link', () => {
    const pairs = runSweep(prepareWithDrc(ring()), { depth: 2, kinds: ['link'], top: 3 });
    // Two cases leave 30 Mbps unserved with a link at 30% (gw-a + b-c puts c's 30 on
    // c-gw, b-c + c-gw puts a's and b's on gw-a): the earlier in the sweep ranks first.
    expect(pairs.worst.map((c) => [c.fail.join(' + '), c.unservedMbps, c.maxLink])).toEqual([
      ['link:gw-a + link:c-gw', 60, { id: 'gw-a', utilization: 0 }],
      ['link:a-b + link:c-gw', 50, { id: 'gw-a', utilization: 0.1 }],
      ['link:gw-a + link:b-c', 30, { id: 'c-gw', utilization: 0.3 }],
    ]);
  });

  it('cuts off exactly the far side of a bridge', () => {
    const net = smallNetwork(['gw-a:100', 'a-e:100', 'a-b:100', 'b-c:100', 'b-d:100'],
      { a: 1, b: 2, c: 4, d: 8, e: 16 });
    const r = runSweep(prepareWithDrc(net), { depth: 1, kinds: ['link'] });
    const bridge = byFail(r.cases, 'link:a-b');
    expect(bridge.cutOff).toEqual(['b', 'c', 'd']);
    expect(bridge.unroutedMbps).toBe(14);
    expect(bridge.lostMbps).toBe(0);
    expect(bridge.maxLink).toEqual({ id: 'gw-a', utilization: 0.17 });
  });

  it('fails every member of a shared-risk group together', () => {
    const net = ring();
    net.links.find((l) => l.id === 'gw-a')!.srlg = ['duct'];
    net.links.find((l) => l.id === 'c-gw')!.srlg = ['duct'];
    const r = runSweep(prepareWithDrc(net), { depth: 1 });
    const group = byFail(r.cases, 'group:duct');
    expect(group.cutOff).toEqual(['a', 'b', 'c']);
    expect(group.unroutedMbps).toBe(60);
    expect(figures(group)).toEqual(
      caseFromResult(simulate(net, { fail: ['gw-a', 'c-gw'] })));
  });

  it('counts pairs that fail the same links and sites once', () => {
    const net = ring();
    net.links.find((l) => l.id === 'gw-a')!.srlg = ['duct'];
    net.links.find((l) => l.id === 'c-gw')!.srlg = ['duct'];
    const r = runSweep(prepareWithDrc(net), { depth: 2, kinds: ['link', 'group'] });
    // gw-a + c-gw, gw-a + duct and c-gw + duct all take down gw-a and c-gw.
    expect(r.counts).toEqual({ elements: 5, combinations: 10, cases: 8, duplicates: 2 });
    const merged = byFail(r.cases, 'link:gw-a', 'link:c-gw');
    expect(merged.duplicates).toBe(2);
    expect(r.cases.some((c) => c.fail.includes('group:duct') &&
      (c.fail.includes('link:gw-a') || c.fail.includes('link:c-gw')))).toBe(false);
  });

  it('counts a site and one of its own links as the site alone', () => {
    const net = smallNetwork(['gw-a:100', 'a-b:100'], { a: 1, b: 2 });
    const r = runSweep(prepareWithDrc(net), { depth: 2, kinds: ['link', 'site'] });
    // Site a takes both its links down, so link:a-b + site:a is link:gw-a + site:a again.
    const withA = r.cases.filter((c) => c.fail.includes('site:a'));
    expect(withA.map((c) => c.fail.join(' + '))).toEqual([
      'link:gw-a + site:a', 'site:gw + site:a', 'site:a + site:b',
    ]);
    expect(byFail(r.cases, 'link:gw-a', 'site:a').duplicates).toBe(1);
  });

  it('reports the backup links that take traffic, and each link at its worst', () => {
    const net = smallNetwork(['gw-a:100', 'a-t:100', 'gw-t:50'], { t: 10 });
    net.links.find((l) => l.id === 'gw-t')!.backup = true;
    const r = runSweep(prepareWithDrc(net), { depth: 1, kinds: ['link'] });
    expect(r.baseline.backupsInUse).toEqual([]);
    expect(byFail(r.cases, 'link:a-t').backupsInUse).toEqual(['gw-t']);
    expect(byFail(r.cases, 'link:gw-a').backupsInUse).toEqual(['gw-t']);
    expect(r.links.find((l) => l.id === 'gw-t')).toEqual({
      id: 'gw-t', capacityMbps: 50, baseUtilization: 0, worstUtilization: 0.2,
      worstCase: 0, worstFail: ['link:gw-a'], overloadedIn: 0,
    });
    expect(r.links.find((l) => l.id === 'a-t')!.worstCase).toBeNull();
  });

  it('fails the scenario\'s own elements in every case', () => {
    const r = runSweep(prepareWithDrc(ring()), { depth: 1, kinds: ['link'], baseFail: ['a-b'] });
    expect(r.baseline.unservedMbps).toBe(0);
    expect(byFail(r.cases, 'link:gw-a').cutOff).toEqual(['a']);
    expect(byFail(r.cases, 'link:c-gw').cutOff).toEqual(['b', 'c']);
  });

  it('reports progress up to the total', () => {
    const seen: Array<[number, number]> = [];
    runSweep(prepareWithDrc(plan2023), {
      depth: 1, onProgress: (done, total) => seen.push([done, total]),
    });
    expect(seen.at(-1)).toEqual([162, 162]);
  });
});

describe('a depth-1 sweep of Mojokerto 2023', () => {
  const sweep = runSweep(prepareWithDrc(plan2023), { depth: 1 });

  it('lists every link, every site and every group once', () => {
    const prepared = prepareWithDrc(plan2023);
    const expected = [
      ...plan2023.links.map((l) => `link:${l.id}`),
      ...plan2023.sites.map((s) => `site:${s.id}`),
      ...prepared.groups.map((g) => `group:${g.id}`),
    ];
    expect(sweep.cases.map((c) => c.fail[0])).toEqual(expected);
    expect(new Set(expected).size).toBe(expected.length);
    expect(prepared.groups.map((g) => g.id)).toEqual(
      ['diskominfo-power', 'telkom-sto', 'duct-c3-c4', 'via:telkom']);
  });

  it('gives for each element exactly the figures of simulate --fail', () => {
    for (const row of sweep.cases) {
      const r = simulate(plan2023, { fail: row.fail });
      expect({ fail: row.fail, ...figures(row) })
        .toEqual({ fail: row.fail, ...caseFromResult(r) });
    }
  });

  it('sends the applications to the DRC when the data centre is down, and only then', () => {
    const over = sweep.cases.filter((c) => c.failover.length > 0).map((c) => c.fail[0]);
    expect(over).toEqual(['site:datacenter', 'group:diskominfo-power']);
    expect(byFail(sweep.cases, 'site:datacenter').failover).toEqual(['apps:datacenter>drc']);
  });
});

describe('runSweepParallel', () => {
  it('gives the same depth-2 sweep of Mojokerto 2023 with one worker and with two', async () => {
    const prepared = prepareWithDrc(plan2023);
    const one = await runSweepParallel(prepared, { depth: 2, workers: 1 });
    const two = await runSweepParallel(prepared, { depth: 2, workers: 2 });
    expect(one.counts).toEqual({ elements: 162, combinations: 13041, cases: 12909,
      duplicates: 132 });
    expect(two).toEqual(one);
  });

  it('agrees with simulate --fail on a sample of the Mojokerto 2023 pairs', () => {
    const r = runSweep(prepareWithDrc(plan2023), { depth: 2, kinds: ['link', 'group'] });
    for (const row of r.cases.filter((_, i) => i % 17 === 0)) {
      const expected = caseFromResult(simulate(plan2023, { fail: row.fail }));
      expect({ fail: row.fail, ...figures(row) }).toEqual({ fail: row.fail, ...expected });
    }
  });
});
