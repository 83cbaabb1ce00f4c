import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.ts';
import { smallNetwork } from '../helpers/network.ts';

const load = (r: ReturnType<typeof simulate>, id: string) =>
  r.links.find((l) => l.id === id)!.loadMbps;

describe('simulate', () => {
  it('carries a demand along a line, towards the office', () => {
    const r = simulate(smallNetwork(['gw-a:100', 'a-b:100'], { b: 40 }));
    // Demand flows from the sink gw to the office b: forward on gw-a and a-b.
    expect(load(r, 'gw-a')).toEqual({ forward: 40, reverse: 0 });
    expect(load(r, 'a-b')).toEqual({ forward: 40, reverse: 0 });
    expect(r.links.find((l) => l.id === 'gw-a')!.utilization).toBe(0.4);
    expect(r.unroutedMbps).toBe(0);
  });

  it('routes ECMP traffic evenly over two equal paths', () => {
    const r = simulate(smallNetwork(['gw-a:100', 'gw-b:100', 'a-t:100', 'b-t:100'], { t: 60 }));
    for (const id of ['gw-a', 'gw-b']) expect(load(r, id).forward).toBe(30);
    for (const id of ['a-t', 'b-t']) expect(load(r, id).forward).toBe(30);
  });

  it('splits per node, not per path: a path share is the product of the splits', () => {
    // From gw two next hops (a, b) towards t; a has two next hops (c, d), b has one (c).
    // Per-node splitting: a gets 1/2, b 1/2; a sends 1/4 via c and 1/4 via d.
    // Counting the three shortest paths equally would give c-t 2/3 instead.
    const r = simulate(smallNetwork(
      ['gw-a', 'gw-b', 'a-c', 'a-d', 'b-c', 'c-t', 'd-t'], { t: 80 },
    ));
    expect(load(r, 'a-c').forward).toBe(20);
    expect(load(r, 'a-d').forward).toBe(20);
    expect(load(r, 'b-c').forward).toBe(40);
    expect(load(r, 'c-t').forward).toBe(60);
    expect(load(r, 'd-t').forward).toBe(20);
  });

  it('follows configured metrics instead of hop count', () => {
    const r = simulate(smallNetwork(['gw-t:100:5', 'gw-a:100:1', 'a-t:100:1'], { t: 10 }));
    expect(load(r, 'gw-t').forward).toBe(0);
    expect(load(r, 'a-t').forward).toBe(10);
  });

  it('keeps a backup link idle until a failure needs it, then says it carries traffic', () => {
    const topo = ['gw-a:100', 'a-t:100', 'gw-t:50'];
    const base = smallNetwork(topo, { t: 10 });
    const backupLink = base.links.find((l) => l.id === 'gw-t')!;
    backupLink.backup = true;
    const normal = simulate(base);
    expect(load(normal, 'gw-t')).toEqual({ forward: 0, reverse: 0 });
    expect(normal.backupsInUse).toEqual([]);

    const failed = simulate(base, { fail: ['a-t'] });
    expect(load(failed, 'gw-t').forward).toBe(10);
    expect(failed.backupsInUse).toEqual(['gw-t']);
    expect(failed.unroutedMbps).toBe(0);
  });

  it('counts demand across a cut bridge as unrouted and its office as cut off', () => {
    const r = simulate(smallNetwork(['gw-a:100', 'a-b:100', 'a-c:100'], { b: 5, c: 7 }), {
      fail: ['a-b'],
    });
    expect(r.unroutedMbps).toBe(5);
    expect(r.lostMbps).toBe(0);
    expect(r.cutOff).toEqual(['b']);
    expect(load(r, 'gw-a').forward).toBe(7);
    expect(r.links.find((l) => l.id === 'a-b')!.down).toBe(true);
  });

  it('counts the demand of a failed site as lost, not unrouted', () => {
    const r = simulate(smallNetwork(['gw-a:100', 'a-b:100'], { a: 3, b: 5 }), { fail: ['b'] });
    expect(r.lostMbps).toBe(5);
    expect(r.unroutedMbps).toBe(0);
    expect(r.demand.sites.find((s) => s.id === 'b')!.down).toBe(true);
  });

  it('refuses failure ids that name nothing, listing each', () => {
    const net = smallNetwork(['gw-a:100'], { a: 1 });
    expect(() => simulate(net, { fail: ['nope', 'gw-a', 'zip'] })).toThrow(
      '--fail: [0]: expected a link, site or shared-risk group id, got "nope"\n' +
      '--fail: [2]: expected a link, site or shared-risk group id, got "zip"',
    );
  });

  it('fails every member of a shared-risk group together', () => {
    const net = smallNetwork(['gw-a:100', 'gw-b:100', 'a-t:100', 'b-t:100'], { t: 10 });
    net.links.find((l) => l.id === 'gw-a')!.srlg = ['duct-1'];
    net.links.find((l) => l.id === 'b-t')!.srlg = ['duct-1'];
    const r = simulate(net, { fail: ['duct-1'] });
    expect(r.failed.links).toEqual(['b-t', 'gw-a']);
    expect(r.unroutedMbps).toBe(10);
  });
});
