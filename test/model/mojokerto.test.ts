// The embedded default against the master plan: members of the five clusters, the 56
// offices and the 921.8 Mbps, and the apportionment rule recomputed independently.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTopology } from '../../src/model/load-topology.ts';
import type { Topology } from '../../src/model/topology-schema.ts';
import { isOffice } from '../../src/model/validate-topology.ts';

const topology = parseTopology(readFileSync('topology/mojokerto.yaml', 'utf8'), 'mojokerto.yaml');
const offices = topology.sites.filter(isOffice);
const membersOf = (cluster: string) =>
  topology.sites.filter((s) => s.cluster === cluster).map((s) => s.id).sort();
const figureOf = (f: unknown) => (f as { value: number }).value;

describe('topology/mojokerto.yaml', () => {
  it('has the 56 offices of section 5.3, by kind', () => {
    const byKind: Record<string, number> = {};
    for (const s of offices) byKind[s.kind] = (byKind[s.kind] ?? 0) + 1;
    expect(offices).toHaveLength(56);
    expect(byKind).toEqual({
      dinas: 18, badan: 6, bagian: 10, sekretariat: 1, inspektorat: 1, 'satpol-pp': 1,
      rsud: 1, kecamatan: 18,
    });
  });

  it('names the 18 Kecamatan of the regency', () => {
    const names = offices.filter((s) => s.kind === 'kecamatan')
      .map((s) => s.name.replace('Kecamatan ', ''));
    expect(names.sort()).toEqual([
      'Bangsal', 'Dawarblandong', 'Dlanggu', 'Gedeg', 'Gondang', 'Jatirejo', 'Jetis', 'Kemlagi',
      'Kutorejo', 'Mojoanyar', 'Mojosari', 'Ngoro', 'Pacet', 'Pungging', 'Puri', 'Sooko',
      'Trawas', 'Trowulan',
    ]);
  });

  it('puts in each cluster exactly the members section 5.1 lists', () => {
    expect(topology.clusters.map((c) => c.id)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect(membersOf('c1')).toEqual([
      'bag-hukum', 'bag-humas', 'bag-kesra', 'bag-lpbj', 'bag-organisasi', 'bag-pembangunan',
      'bag-pemerintahan', 'bag-perekonomian', 'bag-tu', 'bag-umum', 'bapenda', 'bappeda',
      'baznas', 'bkpp', 'bpkad', 'datacenter', 'diskominfo', 'dpmd', 'kantor-bupati',
      'kantor-wabup', 'kesbangpol', 'pendopo', 'setwan',
    ]);
    expect(membersOf('c2')).toEqual([
      'c2-hub', 'dinkes', 'dinsos', 'disparbud', 'dispari', 'dispendik', 'dispendukcapil',
      'disperindag', 'dispertan', 'dp2kbp3a', 'dpmptsp', 'dprd-ont', 'dpupr', 'inspektorat', 'mpp',
    ]);
    expect(membersOf('c3')).toEqual([
      'bpbd', 'c3-hub', 'disperka', 'dispokum', 'dispora', 'upt-metrologi',
    ]);
    expect(membersOf('c4')).toEqual([
      'c4-hub', 'disnaker', 'dlh', 'dprp2', 'rsud-soekandar', 'satpol-pp',
    ]);
    expect(membersOf('c5')).toEqual(['c5-hub', 'desa-gayaman', 'puskesmas-gayaman']);
  });

  it('has the 11 cluster-2 offices and the 4 offices of clusters 3 and 4 that 5.1 counts', () => {
    const officesIn = (c: string) => offices.filter((s) => s.cluster === c && s.kind !== 'rsud');
    expect(officesIn('c2')).toHaveLength(11);
    expect(officesIn('c3')).toHaveLength(4);
    expect(officesIn('c4')).toHaveLength(4);
  });

  it('reaches every Kecamatan over a VPN from Diskominfo that rides the Telkom uplink', () => {
    const vpns = topology.links.filter((l) => l.medium === 'vpn');
    expect(vpns).toHaveLength(18);
    for (const v of vpns) {
      expect(v.a).toBe('diskominfo');
      expect(v.via).toBe('telkom');
    }
  });

  it('models 11 of the 12 backup internet links of section 6, all idle by default', () => {
    const backups = topology.links.filter((l) => l.backup);
    expect(backups).toHaveLength(11);
    expect(backups.every((l) => l.b === 'internet')).toBe(true);
  });

  it('gives every figure a source: plan with a reference, or estimate with a written rule', () => {
    const bare: string[] = [];
    walk(topology, '', (path, value) => {
      if (typeof value === 'number' && /(Mbps|Ms|Idr|Ratio)$|\.(internet|apps)$/.test(path)) {
        bare.push(path);
      }
    });
    expect(bare).toEqual([]);
  });

  it('apportions 921.8 Mbps over the 56 offices exactly by its written rule', () => {
    const expected = apportionByRule(topology);
    const total = offices.reduce((sum, s) =>
      sum + Math.round(figureOf(s.demandMbps!.internet) * 10)
        + Math.round(figureOf(s.demandMbps!.apps) * 10), 0);
    expect(total).toBe(9218);
    for (const s of offices) {
      const [internet, apps] = expected.get(s.id)!;
      expect([figureOf(s.demandMbps!.internet), figureOf(s.demandMbps!.apps)])
        .toEqual([internet, apps]);
    }
  });
});

/**
 * The rule of topology/mojokerto.yaml (rules.demand-by-kind), computed here with
 * exact integer arithmetic in tenths of a Mbps, independently of how the file was made.
 */
function apportionByRule(t: Topology): Map<string, [number, number]> {
  const weight: Record<string, number> = {
    rsud: 60, dinas: 15, badan: 15, sekretariat: 12, inspektorat: 10, 'satpol-pp': 10,
    kecamatan: 10, bagian: 6,
  };
  const list = t.sites.filter(isOffice);
  const w = list.map((s) => (s.id === 'diskominfo' ? 40 : weight[s.kind]));
  const W = w.reduce((a, b) => a + b, 0);
  expect(W).toBe(717);
  const tenths = w.map((wi) => Math.floor((wi * 9218) / W));
  const order = w.map((wi, i) => ({ i, r: (wi * 9218) % W }))
    .sort((p, q) => q.r - p.r || p.i - q.i);
  let left = 9218 - tenths.reduce((a, b) => a + b, 0);
  for (const { i } of order) if (left-- > 0) tenths[i] += 1;
  const out = new Map<string, [number, number]>();
  list.forEach((s, i) => {
    const internet = Math.floor((tenths[i] * 7 + 5) / 10);
    out.set(s.id, [internet / 10, (tenths[i] - internet) / 10]);
  });
  return out;
}

function walk(value: unknown, path: string, visit: (path: string, value: unknown) => void): void {
  visit(path, value);
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    walk(child, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`, visit);
  }
}
