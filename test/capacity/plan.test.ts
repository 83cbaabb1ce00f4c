import { describe, expect, it } from 'vitest';
import { planScenario, type PlanResult } from '../../src/capacity/plan.ts';
import { valueOf } from '../../src/model/figure.ts';
import { applicationDemand, loadInput } from '../../src/model/read-input.ts';
import { applicationTraffic } from '../../src/servers/app-traffic.ts';
import type { Scenario } from '../../src/model/scenario-schema.ts';

const input = loadInput('scenarios/plan-2023.yaml');
const withApps = {
  addedDemand: (t: Parameters<typeof applicationDemand>[0], y: number) =>
    applicationDemand(t, input.catalogue, y),
};
const plan = planScenario(input.baseTopology, input.scenario, withApps);
const year = (p: PlanResult, y: number) => p.years.find((x) => x.year === y)!;
const sized = (p: PlanResult, y: number, id: string) =>
  year(p, y).links.find((l) => l.link === id)!;

/** The plan-2023 scenario with the events that touch class cctv changed or dropped. */
function withCctv(mode: 'none' | 'zero-bitrate'): Scenario {
  const scenario = structuredClone(input.scenario!);
  const isCctv = (e: Scenario['events'][number]) =>
    e.changes.some((c) => (c.op === 'add-class' && c.class.id === 'cctv') ||
      (c.op === 'set-site' && c.units?.cctv !== undefined));
  if (mode === 'none') {
    scenario.events = scenario.events.filter((e) => !isCctv(e));
  } else {
    scenario.events.push({
      year: 2021, name: 'cameras at 0 Mbps',
      changes: [{ op: 'set-class', id: 'cctv', perUnitMbps: 0 }],
    });
  }
  return scenario;
}

describe('planScenario on Mojokerto plan-2023', () => {
  it('plans each year from 2019 to 2023', () => {
    expect(plan.years.map((y) => y.year)).toEqual([2019, 2020, 2021, 2022, 2023]);
    expect(year(plan, 2019).demand.totalMbps).toBe(921.8);
  });

  it('picks for every link the smallest catalogue size meeting both targets', () => {
    const offers = new Map<string, number[]>(
      input.baseTopology.circuits!.map((o) => [o.medium, o.sizes.map((s) => s.mbps)]));
    for (const y of plan.years) {
      for (const l of y.links) {
        const sizes = offers.get(l.medium)!;
        const needed = Math.max(l.normalLoadMbps / 0.7, l.worstLoadMbps / 0.9);
        const smallest = sizes.filter((s) => s >= needed).sort((a, b) => a - b)[0];
        expect(l.size.mbps, `${y.year} ${l.link}`).toBe(smallest);
      }
    }
  });

  it('sizes the Telkom uplink for the 2019 need: 645.3 Mbps / 0.7 needs 1 Gbps', () => {
    const uplink = sized(plan, 2019, 'telkom-uplink');
    expect(uplink.normalLoadMbps).toBeCloseTo(645.3, 9);
    expect(uplink.size.mbps).toBe(1000);
    expect(uplink.size.monthlyIdr).toBe(110_000_000);
    expect(uplink.changed).toBe(true); // the 2019 feed is 500 Mbps
  });

  it('names the roadmap event that forced a size: CCTV on the Kecamatan VPNs', () => {
    // Upstream from Kecamatan Bangsal: 30 cameras x 2 Mbps, 25% of its 9 Mbps internet,
    // 60% of its apps (3.9 Mbps measured plus what the new applications add): 100 Mbps.
    const newApps = applicationTraffic(input.catalogue!, 2021, 2019)
      .filter((t) => t.site === 'kec-bangsal').reduce((s, t) => s + t.mbps, 0);
    expect(newApps).toBeGreaterThan(0);
    const vpn = sized(plan, 2021, 'vpn-bangsal');
    expect(vpn.normalLoadMbps).toBeCloseTo(60 + 9 * 0.25 + (3.9 + newApps) * 0.6, 9);
    expect(vpn.size.mbps).toBe(100);
    expect(vpn.drivenBy).toEqual(['CCTV in six Kecamatan']);
    expect(sized(plan, 2020, 'fo-c3').drivenBy).toEqual(['Fibre optic to the five clusters']);
    expect(sized(plan, 2022, 'vpn-bangsal').changed).toBe(false);
  });

  it('shows the demand CCTV adds, and with a zero bitrate plans as without cameras', () => {
    expect(year(plan, 2023).demand.byClass.cctv).toBe(1080);
    const none = planScenario(input.baseTopology, withCctv('none'), withApps);
    const zero = planScenario(input.baseTopology, withCctv('zero-bitrate'), withApps);
    for (const y of [2019, 2020, 2021, 2022, 2023]) {
      const a = year(none, y);
      const b = year(zero, y);
      expect(b.demand.totalMbps).toBe(a.demand.totalMbps);
      expect(b.monthlyIdr).toBe(a.monthlyIdr);
      expect(b.installIdr).toBe(a.installIdr);
      expect(b.links.map((l) => [l.link, l.size.mbps, l.normalLoadMbps, l.worstLoadMbps]))
        .toEqual(a.links.map((l) => [l.link, l.size.mbps, l.normalLoadMbps, l.worstLoadMbps]));
    }
    expect(year(none, 2023).monthlyIdr).toBeLessThan(year(plan, 2023).monthlyIdr);
  });

  it('never picks a larger circuit when the targets are raised', () => {
    const loose = planScenario(input.baseTopology, input.scenario,
      { ...withApps, targets: { normal: 0.9, failure: 1 } });
    for (const y of plan.years) {
      for (const l of y.links) {
        expect(sized(loose, y.year, l.link).size.mbps).toBeLessThanOrEqual(l.size.mbps);
      }
    }
  });

  it('adds the monthly rent of the chosen sizes and the installation of changed ones', () => {
    for (const y of plan.years) {
      expect(y.monthlyIdr).toBe(y.links.reduce((s, l) => s + l.size.monthlyIdr, 0));
      expect(y.installIdr).toBe(y.links.filter((l) => l.changed)
        .reduce((s, l) => s + l.size.installIdr, 0));
    }
    const telkom = input.baseTopology.circuits!.find((o) => o.medium === 'telkom-fo')!;
    expect(valueOf(telkom.sizes.find((s) => s.mbps === 1000)!.monthlyIdr)).toBe(110_000_000);
  });
});
