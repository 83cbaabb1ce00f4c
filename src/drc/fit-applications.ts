// Which applications the DRC can run: taken in failover priority order, each admitted
// while the DRC's cores and memory hold it, the rest left out in the order they came.

/** What the DRC needs to know of an application. */
export interface DrcApp {
  id: string;
  name?: string;
  /** The office (site id) that owns it. */
  owner: string;
  /** Failover priority: 1 is restored first. */
  priority: number;
  cores: number;
  memoryGiB: number;
}

/** An application the DRC runs. */
export interface AdmittedApp extends DrcApp {
  /** 1 for the first application restored. */
  order: number;
}

/** An application the DRC has no room for. */
export interface LeftOutApp extends DrcApp {
  /** 1 for the first application left out. */
  order: number;
  /** The resources that were short when its turn came. */
  short: Array<'cores' | 'memory'>;
  freeCores: number;
  freeMemoryGiB: number;
}

/** The DRC's capacity, what it uses, and who is in and out. */
export interface FitResult {
  capacity: { cores: number; memoryGiB: number };
  used: { cores: number; memoryGiB: number };
  admitted: AdmittedApp[];
  leftOut: LeftOutApp[];
}

/** Sums of fractional GiB may miss an exact fit by rounding; this much is forgiven. */
const EPSILON = 1e-9;

/**
 * Places applications in failover order: priority first, then the offices named in
 * `firstOffices` in their order, then the order given. An application that does not
 * fit is left out and the next one is tried, so a smaller, later one may still run.
 * @example fitApplications(apps, { cores: 64, memoryGiB: 256 }, ['rsud-soekandar'])
 */
export function fitApplications(
  apps: readonly DrcApp[],
  capacity: { cores: number; memoryGiB: number },
  firstOffices: readonly string[] = [],
): FitResult {
  const rank = new Map(firstOffices.map((office, i) => [office, i]));
  const officeRank = (a: DrcApp) => rank.get(a.owner) ?? firstOffices.length;
  const queue = apps
    .map((app, i) => ({ app, i }))
    .sort((p, q) => p.app.priority - q.app.priority ||
      officeRank(p.app) - officeRank(q.app) || p.i - q.i);

  let cores = 0;
  let memoryGiB = 0;
  const admitted: AdmittedApp[] = [];
  const leftOut: LeftOutApp[] = [];
  for (const { app } of queue) {
    const freeCores = capacity.cores - cores;
    const freeMemoryGiB = capacity.memoryGiB - memoryGiB;
    const short: LeftOutApp['short'] = [];
    if (app.cores > freeCores + EPSILON) short.push('cores');
    if (app.memoryGiB > freeMemoryGiB + EPSILON) short.push('memory');
    if (short.length > 0) {
      leftOut.push({
        ...app, order: leftOut.length + 1, short,
        freeCores: round6(freeCores), freeMemoryGiB: round6(freeMemoryGiB),
      });
      continue;
    }
    cores += app.cores;
    memoryGiB += app.memoryGiB;
    admitted.push({ ...app, order: admitted.length + 1 });
  }
  return {
    capacity: { ...capacity },
    used: { cores: round6(cores), memoryGiB: round6(memoryGiB) },
    admitted,
    leftOut,
  };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
