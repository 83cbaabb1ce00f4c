// The Mojokerto application catalogue against the master plan's counts and its own rules.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceOf, valueOf } from '../../src/model/figure.ts';
import { parseCatalogue } from '../../src/servers/load-catalogue.ts';
import { listTiers, usersOf } from '../../src/servers/tiers.ts';

const FILE = 'topology/mojokerto-apps.yaml';
const catalogue = parseCatalogue(readFileSync(FILE, 'utf8'), FILE);
const tiers = listTiers(catalogue);
const apps = catalogue.applications;
const count = <T>(items: readonly T[], pick: (x: T) => unknown, value: unknown) =>
  items.filter((x) => pick(x) === value).length;

// Rule tier-size, as the catalogue's `rules` states it.
const FRONT_RPS = { s: 2, m: 6, l: 15, xl: 40 } as const;
const PER_FRONT: Record<string, [requests: number, serviceMs: number]> = {
  web: [1, 20], app: [1, 80], database: [4, 5], file: [0.2, 50], cache: [4, 1],
  gateway: [1, 5], report: [0.02, 1500], gis: [0.3, 120], worker: [0.1, 400], api: [0.5, 30],
};
const MEMORY_STORAGE: Record<keyof typeof FRONT_RPS, Record<string, [number, number]>> = {
  s: { web: [2, 20], app: [2, 30], database: [4, 50], file: [2, 200], cache: [2, 10],
    gateway: [2, 10], report: [4, 50], gis: [4, 100], worker: [2, 20], api: [2, 20] },
  m: { web: [2, 20], app: [4, 30], database: [8, 100], file: [2, 500], cache: [2, 10],
    gateway: [2, 10], report: [4, 50], gis: [8, 200], worker: [2, 20], api: [2, 20] },
  l: { web: [4, 20], app: [8, 30], database: [16, 250], file: [4, 1000], cache: [4, 10],
    gateway: [2, 10], report: [8, 100], gis: [8, 200], worker: [4, 20], api: [4, 20] },
  xl: { web: [4, 20], app: [16, 30], database: [32, 500], file: [4, 2000], cache: [8, 10],
    gateway: [4, 10], report: [16, 200], gis: [16, 500], worker: [8, 20], api: [4, 20] },
};

describe('the Mojokerto catalogue', () => {
  it('holds the plan\'s 102 applications and 340 tiers (4.1, 5.2)', () => {
    expect(apps).toHaveLength(102);
    expect(tiers).toHaveLength(340);
  });

  it('rolls out exactly 1, 98, 88, 80 and 73 tiers in 2019 to 2023 (10.1)', () => {
    const perYear = [2019, 2020, 2021, 2022, 2023].map((y) => count(tiers, (t) => t.live, y));
    expect(perYear).toEqual([1, 98, 88, 80, 73]);
  });

  it('splits the applications as the plan does: 89/13, 60/42, 19/51/32 (4.1)', () => {
    expect(count(apps, (a) => a.development, 'new')).toBe(89);
    expect(count(apps, (a) => a.development, 'developed')).toBe(13);
    expect(count(apps, (a) => a.type, 'khusus')).toBe(60);
    expect(count(apps, (a) => a.type, 'umum')).toBe(42);
    expect(count(apps, (a) => a.function, 'administrasi')).toBe(19);
    expect(count(apps, (a) => a.function, 'operasional')).toBe(51);
    expect(count(apps, (a) => a.function, 'layanan-publik')).toBe(32);
  });

  it('names the applications of plan sections 7.1 and 7.2', () => {
    const named = [
      'e-office', 'si-whistle-blower', 'mojopintar', 'si-audit', 'dashboard-satu-data', 'sip',
      'si-monitoring-koperasi-umkm', 'si-kebencanaan', 'si-perijinan-postel', 'si-perijinan-lh',
      'si-kualitas-lh', 'si-penanganan-korban', 'si-peduli-perempuan-anak',
      'si-perijinan-angkutan', 'atcs', 'si-kebudayaan-pariwisata',
    ];
    const ids = new Set(apps.map((a) => a.id));
    expect(named.filter((id) => !ids.has(id))).toEqual([]);
    for (const id of named) expect(apps.find((a) => a.id === id)!.ref).toMatch(/^7\.[12]$/);
  });

  it('lists the 56 offices of plan 5.3, and every user resolves to one of them', () => {
    expect(catalogue.offices).toHaveLength(56);
    const offices = new Set(catalogue.offices);
    for (const app of apps) {
      for (const site of usersOf(app, catalogue)) expect(offices.has(site)).toBe(true);
    }
  });

  it('restores the RSUD\'s systems first and gives every critical database two replicas', () => {
    expect(apps.find((a) => a.id === 'simrs')!.priority).toBe(1);
    for (const t of tiers) {
      if (t.kind === 'database' && t.priority <= 2) expect(t.replicas).toBe(2);
    }
  });

  it('sizes every tier and its office traffic by the rules of the application\'s scale', () => {
    for (const app of apps) {
      expect(app.figures?.source).toBe('estimate');
      const scale = app.figures!.rule!.replace('tier-size-', '') as keyof typeof FRONT_RPS;
      expect(Object.keys(FRONT_RPS)).toContain(scale);
      // Rule office-traffic: 0.4 Mbps per front request/s, a quarter for public services.
      const share = app.function === 'layanan-publik' ? 0.25 : 1;
      const mbps = (FRONT_RPS[scale] * 0.4 * share) / usersOf(app, catalogue).length;
      expect(valueOf(app.officeMbps)).toBe(Math.round(mbps * 1000) / 1000);

      for (const t of tiers.filter((x) => x.app === app.id)) {
        const [perFront, serviceMs] = PER_FRONT[t.kind];
        const replicated = (app.priority === 1 && ['web', 'app', 'gateway', 'database']
          .includes(t.kind)) || (app.priority === 2 && t.kind === 'database');
        const replicas = replicated ? 2 : 1;
        const rps = FRONT_RPS[scale] * perFront;
        const cores = Math.max(t.kind === 'database' ? 2 : 1,
          Math.ceil((rps * serviceMs) / 1000 / (0.5 * replicas) - 1e-9));
        const [memoryGiB, storageGiB] = MEMORY_STORAGE[scale][t.kind];
        expect({ id: t.id, replicas: t.replicas, cores: t.cores, memoryGiB: t.memoryGiB,
          storageGiB: t.storageGiB, serviceTimeMs: t.serviceTimeMs })
          .toEqual({ id: t.id, replicas, cores, memoryGiB, storageGiB, serviceTimeMs: serviceMs });
        expect(t.peakRps).toBeCloseTo(rps, 9);
      }
    }
  });

  it('marks every server figure as plan or estimate, and the plan\'s own numbers as plan', () => {
    const spec = catalogue.servers.spec;
    for (const f of [spec.cores, spec.memoryGiB, spec.storageGiB, spec.overhead]) {
      expect(sourceOf(f)).toBe('estimate');
    }
    expect(catalogue.plan!.servers).toEqual({ value: 8, source: 'plan', ref: '5.2' });
    const fleet = catalogue.servers.fleet.filter((f) => f.role === 'primary' && f.from >= 2020);
    expect(fleet.reduce((n, f) => n + valueOf(f.count), 0)).toBe(8);
  });
});
