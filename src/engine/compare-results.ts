// What changed between two simulation results: demand, every link's load and
// utilisation (largest change first), offices that lose or regain service.
// Pure: two Results in, one plain-JSON diff out.
import type { LinkLoad, SimulationResult, SiteDemand } from '../engine/result.ts';
import { round6 } from './evaluate.ts';

export const DIFF_SCHEMA_VERSION = 1;

/** One side of a comparison, at a glance. */
export interface DiffSide {
  label: string;
  network: string;
  scenario: string | null;
  year: number;
  failed: string[];
  demandMbps: number;
  unroutedMbps: number;
  lostMbps: number;
  overloaded: number;
  cutOff: number;
}

/** A number on each side and b minus a; a side without the element has null. */
export interface Change {
  a: number | null;
  b: number | null;
  delta: number;
}

export interface LinkChange {
  id: string;
  source: string;
  target: string;
  medium: string;
  /** `added`: only in b; `removed`: only in a. */
  status: 'changed' | 'added' | 'removed';
  capacityMbps: Change;
  /** The busier direction's load. */
  loadMbps: Change;
  utilization: Change;
  down: { a: boolean | null; b: boolean | null };
  overloaded: { a: boolean | null; b: boolean | null };
}

export interface ServiceChange {
  id: string;
  name: string;
  demandMbps: number;
  servedMbps: Change;
  down: boolean;
}

export interface ResultDiff {
  schemaVersion: number;
  kind: 'diff';
  a: DiffSide;
  b: DiffSide;
  demand: { totalMbps: Change; targetMbps: number | null };
  unroutedMbps: Change;
  lostMbps: Change;
  /** Links whose load, capacity or state changed, the largest utilisation change first. */
  links: LinkChange[];
  linksUnchanged: number;
  offices: { lostService: ServiceChange[]; regainedService: ServiceChange[] };
  overloaded: { added: string[]; cleared: string[] };
  backupsInUse: { added: string[]; cleared: string[] };
  clusters: Array<{ id: string; name: string; uplink: string; utilization: Change }>;
}

/** Differences below this are rounding, not change (1e-6 is the engine's rounding). */
const EPSILON = 1e-6;

/**
 * Compares result `b` against result `a`.
 * @example compareResults(baseline, withFailure, { a: 'intact', b: 'fo-c4 cut' })
 */
export function compareResults(
  a: SimulationResult,
  b: SimulationResult,
  labels: { a?: string; b?: string } = {},
): ResultDiff {
  const linksA = new Map(a.links.map((l) => [l.id, l]));
  const linksB = new Map(b.links.map((l) => [l.id, l]));
  const ids = [...new Set([...linksA.keys(), ...linksB.keys()])];
  const links: LinkChange[] = [];
  for (const id of ids) {
    const change = linkChange(linksA.get(id), linksB.get(id));
    if (change) links.push(change);
  }
  // Largest utilisation change first; ties by load change, then id for a stable order.
  links.sort((p, q) => Math.abs(q.utilization.delta) - Math.abs(p.utilization.delta) ||
    Math.abs(q.loadMbps.delta) - Math.abs(p.loadMbps.delta) || p.id.localeCompare(q.id));

  return {
    schemaVersion: DIFF_SCHEMA_VERSION,
    kind: 'diff',
    a: side(a, labels.a ?? 'a'),
    b: side(b, labels.b ?? 'b'),
    demand: {
      totalMbps: change(a.demand.totalMbps, b.demand.totalMbps),
      targetMbps: b.demand.targetMbps ?? a.demand.targetMbps,
    },
    unroutedMbps: change(a.unroutedMbps, b.unroutedMbps),
    lostMbps: change(a.lostMbps, b.lostMbps),
    links,
    linksUnchanged: ids.length - links.length,
    offices: serviceChanges(a.demand.sites, b.demand.sites),
    overloaded: setChange(a.overloaded, b.overloaded),
    backupsInUse: setChange(a.backupsInUse, b.backupsInUse),
    clusters: clusterChanges(a, b),
  };
}

function side(r: SimulationResult, label: string): DiffSide {
  return {
    label,
    network: r.network.name,
    scenario: r.scenario?.name ?? null,
    year: r.network.year,
    failed: r.failed.elements.map((e) => e.id),
    demandMbps: r.demand.totalMbps,
    unroutedMbps: r.unroutedMbps,
    lostMbps: r.lostMbps,
    overloaded: r.overloaded.length,
    cutOff: r.cutOff.length,
  };
}

function linkChange(a: LinkLoad | undefined, b: LinkLoad | undefined): LinkChange | null {
  const any = (b ?? a)!;
  const load = (l: LinkLoad | undefined) =>
    l === undefined ? null : Math.max(l.loadMbps.forward, l.loadMbps.reverse);
  const out: LinkChange = {
    id: any.id,
    source: any.source,
    target: any.target,
    medium: any.medium,
    status: a === undefined ? 'added' : b === undefined ? 'removed' : 'changed',
    capacityMbps: change(a?.capacityMbps ?? null, b?.capacityMbps ?? null),
    loadMbps: change(load(a), load(b)),
    utilization: change(a?.utilization ?? null, b?.utilization ?? null),
    down: { a: a?.down ?? null, b: b?.down ?? null },
    overloaded: { a: a?.overloaded ?? null, b: b?.overloaded ?? null },
  };
  const moved = Math.abs(out.loadMbps.delta) > EPSILON ||
    Math.abs(out.capacityMbps.delta) > EPSILON || out.down.a !== out.down.b;
  return out.status !== 'changed' || moved ? out : null;
}

function serviceChanges(sitesA: SiteDemand[], sitesB: SiteDemand[]): ResultDiff['offices'] {
  const byIdA = new Map(sitesA.map((s) => [s.id, s]));
  const lostService: ServiceChange[] = [];
  const regainedService: ServiceChange[] = [];
  for (const s of sitesB) {
    if (!s.office) continue;
    const before = byIdA.get(s.id);
    const served = change(before?.servedMbps ?? null, s.servedMbps);
    const entry = {
      id: s.id, name: s.name, demandMbps: s.demandMbps, servedMbps: served, down: s.down,
    };
    const wasCut = before?.cutOff ?? false;
    if (s.cutOff && (!wasCut || served.delta < -EPSILON)) lostService.push(entry);
    else if (wasCut && (!s.cutOff || served.delta > EPSILON)) regainedService.push(entry);
  }
  const byLoss = (p: ServiceChange, q: ServiceChange) =>
    Math.abs(q.servedMbps.delta) - Math.abs(p.servedMbps.delta) || p.id.localeCompare(q.id);
  return { lostService: lostService.sort(byLoss), regainedService: regainedService.sort(byLoss) };
}

function clusterChanges(a: SimulationResult, b: SimulationResult): ResultDiff['clusters'] {
  const byIdA = new Map(a.clusters.map((c) => [c.id, c]));
  return b.clusters.map((c) => ({
    id: c.id,
    name: c.name,
    uplink: c.uplink.link,
    utilization: change(byIdA.get(c.id)?.uplink.utilization ?? null, c.uplink.utilization),
  }));
}

function change(a: number | null, b: number | null): Change {
  return { a, b, delta: round6((b ?? 0) - (a ?? 0)) };
}

function setChange(a: readonly string[], b: readonly string[]) {
  const inA = new Set(a);
  const inB = new Set(b);
  return { added: b.filter((x) => !inA.has(x)), cleared: a.filter((x) => !inB.has(x)) };
}
