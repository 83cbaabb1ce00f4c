// Places tier replicas on servers by multi-dimensional fit-decreasing, with
// anti-affinity: two replicas of one tier never share a server. Pure and deterministic.

/** A resource a server offers and a replica asks for. */
export type Dimension = 'cores' | 'memory' | 'storage';

/** The three dimensions, in the order they are reported. */
export const DIMENSIONS: readonly Dimension[] = ['cores', 'memory', 'storage'];

/** Cores, memory and storage, as a server's capacity or a replica's size. */
export interface Resources {
  cores: number;
  memoryGiB: number;
  storageGiB: number;
}

/** One replica to place; replicas of one tier share a `group`. */
export interface PlacementItem extends Resources {
  id: string;
  group: string;
}

/** A server and its usable capacity. Servers are tried in the order given. */
export interface PlacementServer extends Resources {
  id: string;
}

/**
 * Which server takes an item among those with room: `first` is first-fit; `balanced`
 * takes the server whose fullest dimension stays lowest afterwards (a worst-fit on the
 * vector's largest share), which spreads storage-heavy and memory-heavy replicas over
 * the fleet instead of filling one server with one kind.
 */
export type FitRule = 'first' | 'balanced';

/** How `placeReplicas` fills the servers. */
export interface PlacementOptions {
  /**
   * Fill every server only up to this share of its capacity first; what does not fit
   * is then placed up to full capacity. Defaults to 1 (one pass).
   */
  softLimit?: number;
  /** Defaults to `balanced`. */
  fit?: FitRule;
}

/** One server after placement. */
export interface ServerLoad {
  id: string;
  capacity: Resources;
  used: Resources;
  /** used / capacity per dimension (0 where the capacity is 0). */
  utilisation: Record<Dimension, number>;
  /** Item ids, in the order they were placed. */
  items: string[];
}

/** A replica that found no server, and why. */
export interface UnplacedItem {
  id: string;
  group: string;
  /** Dimensions in which the item is larger than the largest empty server. */
  exceedsEmptyServer: Dimension[];
  /** On how many servers each dimension, or another replica of the group, was in the way. */
  blocked: Record<Dimension | 'antiAffinity', number>;
  reason: string;
}

/** The outcome of `placeReplicas`. */
export interface Placement {
  /** Item id to server id, for every placed item, in placement order. */
  assignment: Record<string, string>;
  /** Items placed past the soft limit, in the second pass. */
  overLimit: string[];
  servers: ServerLoad[];
  unplaced: UnplacedItem[];
}

// Room for rounding in sums such as 0.7 * 57.6: a fit within a billionth counts.
const EPSILON = 1e-9;

/**
 * Places items on servers: items sorted by their largest share of a server in any
 * dimension (largest first, ties by id), each put on a server with room in every
 * dimension that holds no replica of the same group, chosen by the fit rule; ties go to
 * the server listed first.
 * @example placeReplicas([{ id: 'a#1', group: 'a', cores: 2, memoryGiB: 4,
 *   storageGiB: 20 }], [{ id: 's1', cores: 8, memoryGiB: 32, storageGiB: 500 }])
 */
export function placeReplicas(
  items: readonly PlacementItem[],
  servers: readonly PlacementServer[],
  options: PlacementOptions = {},
): Placement {
  const softLimit = options.softLimit ?? 1;
  const fit = options.fit ?? 'balanced';
  const bins = servers.map(emptyBin);
  const sorted = sortDecreasing(items, largestCapacity(servers));
  const assignment: Record<string, string> = {};

  const underLimitLeft = pack(sorted, bins, softLimit, fit, assignment);
  const left = softLimit < 1 ? pack(underLimitLeft, bins, 1, fit, assignment) : underLimitLeft;

  return {
    assignment,
    overLimit: underLimitLeft.filter((item) => item.id in assignment).map((item) => item.id),
    servers: bins.map(serverLoad),
    unplaced: left.map((item) => explain(item, bins)),
  };
}

/** How many identical servers a set of items needs, three ways. */
export interface ServerCount {
  /** The smallest fleet that `placeReplicas` fills completely without passing the limit. */
  servers: number;
  /** What plain first-fit-decreasing opens, server by server. */
  firstFit: number;
  /** No fleet can be smaller: the largest dimension's total, or the most replicas. */
  lowerBound: number;
  /** Items larger than an empty server under the limit, left out of the counts. */
  unplaceable: UnplacedItem[];
}

/**
 * Counts the servers of one capacity needed to hold the items without passing `limit`
 * of any dimension. First-fit-decreasing opening servers one by one gives an upper
 * bound; every fleet size from the lower bound up is then tried with the balanced rule,
 * and the first that takes every item is the answer.
 */
export function countServersNeeded(
  items: readonly PlacementItem[],
  capacity: Resources,
  limit = 1,
): ServerCount {
  const sorted = sortDecreasing(items, capacity);
  const probe = emptyBin({ id: 'empty', ...capacity });
  const unplaceable = sorted.filter((item) => !fits(item, probe, limit))
    .map((item) => explain(item, [probe], limit));
  const placeable = sorted.filter((item) => fits(item, probe, limit));

  // First fit, opening a server whenever none of those open has room.
  const opened: Bin[] = [];
  for (const item of placeable) {
    let bin = opened.find((b) => fits(item, b, limit));
    if (!bin) {
      bin = emptyBin({ id: `s${opened.length + 1}`, ...capacity });
      opened.push(bin);
    }
    put(item, bin);
  }

  const lowerBound = lowerBoundOf(placeable, capacity, limit);
  let servers = opened.length;
  for (let n = lowerBound; n < opened.length; n++) {
    const bins = Array.from({ length: n }, (_, k) => emptyBin({ id: `s${k + 1}`, ...capacity }));
    if (pack(placeable, bins, limit, 'balanced', {}).length === 0) {
      servers = n;
      break;
    }
  }
  return { servers, firstFit: opened.length, lowerBound, unplaceable };
}

interface Bin {
  id: string;
  capacity: Resources;
  used: Resources;
  groups: Set<string>;
  items: string[];
}

function emptyBin(server: PlacementServer): Bin {
  return {
    id: server.id,
    capacity: { cores: server.cores, memoryGiB: server.memoryGiB, storageGiB: server.storageGiB },
    used: { cores: 0, memoryGiB: 0, storageGiB: 0 },
    groups: new Set(),
    items: [],
  };
}

function pack(
  items: readonly PlacementItem[],
  bins: Bin[],
  limit: number,
  fit: FitRule,
  assignment: Record<string, string>,
): PlacementItem[] {
  const left: PlacementItem[] = [];
  for (const item of items) {
    const bin = fit === 'first' ? bins.find((b) => fits(item, b, limit))
      : leastLoaded(item, bins, limit);
    if (bin) {
      put(item, bin);
      assignment[item.id] = bin.id;
    } else {
      left.push(item);
    }
  }
  return left;
}

/** The server with room whose fullest dimension is lowest once the item is in. */
function leastLoaded(item: PlacementItem, bins: readonly Bin[], limit: number): Bin | undefined {
  let best: Bin | undefined;
  let bestPeak = Infinity;
  for (const bin of bins) {
    if (!fits(item, bin, limit)) continue;
    const peak = Math.max(...DIMENSIONS.map((d) => {
      const cap = amount(bin.capacity, d);
      return cap > 0 ? (amount(bin.used, d) + amount(item, d)) / cap : 0;
    }));
    // Strictly lower, with room for rounding, so that ties keep the earlier server.
    if (peak < bestPeak - EPSILON) {
      best = bin;
      bestPeak = peak;
    }
  }
  return best;
}

function lowerBoundOf(items: readonly PlacementItem[], capacity: Resources, limit: number)
  : number {
  if (items.length === 0) return 0;
  const replicas = new Map<string, number>();
  for (const item of items) replicas.set(item.group, (replicas.get(item.group) ?? 0) + 1);
  const byDimension = DIMENSIONS.map((d) => {
    const total = items.reduce((s, item) => s + amount(item, d), 0);
    const room = amount(capacity, d) * limit;
    return room > 0 ? Math.ceil(total / room - EPSILON) : 0;
  });
  return Math.max(1, ...byDimension, ...replicas.values());
}

function fits(item: PlacementItem, bin: Bin, limit: number): boolean {
  if (bin.groups.has(item.group)) return false;
  return DIMENSIONS.every((d) => amount(bin.used, d) + amount(item, d) <=
    amount(bin.capacity, d) * limit * (1 + EPSILON) + EPSILON);
}

function put(item: PlacementItem, bin: Bin): void {
  bin.used.cores += item.cores;
  bin.used.memoryGiB += item.memoryGiB;
  bin.used.storageGiB += item.storageGiB;
  bin.groups.add(item.group);
  bin.items.push(item.id);
}

/** Largest share of the reference capacity first; ties by id, so the order is total. */
function sortDecreasing(items: readonly PlacementItem[], scale: Resources): PlacementItem[] {
  const size = (item: PlacementItem) =>
    Math.max(...DIMENSIONS.map((d) => amount(item, d) / (amount(scale, d) || 1)));
  return items
    .map((item) => ({ item, size: size(item) }))
    .sort((a, b) => b.size - a.size || compareIds(a.item.id, b.item.id))
    .map(({ item }) => item);
}

function largestCapacity(servers: readonly PlacementServer[]): Resources {
  return {
    cores: Math.max(0, ...servers.map((s) => s.cores)),
    memoryGiB: Math.max(0, ...servers.map((s) => s.memoryGiB)),
    storageGiB: Math.max(0, ...servers.map((s) => s.storageGiB)),
  };
}

function explain(item: PlacementItem, bins: readonly Bin[], limit = 1): UnplacedItem {
  const blocked = { cores: 0, memory: 0, storage: 0, antiAffinity: 0 };
  for (const bin of bins) {
    if (bin.groups.has(item.group)) blocked.antiAffinity += 1;
    for (const d of DIMENSIONS) {
      if (amount(bin.used, d) + amount(item, d) > amount(bin.capacity, d) * limit + EPSILON) {
        blocked[d] += 1;
      }
    }
  }
  const largest = largestCapacity(bins.map((b) => ({ id: b.id, ...b.capacity })));
  const exceedsEmptyServer = DIMENSIONS.filter((d) =>
    amount(item, d) > amount(largest, d) * limit + EPSILON);

  let reason: string;
  if (bins.length === 0) {
    reason = 'there is no server to place it on';
  } else if (exceedsEmptyServer.length > 0) {
    reason = `needs more ${exceedsEmptyServer.join(' and ')} than an empty server offers (` +
      exceedsEmptyServer.map((d) =>
        `${round(amount(item, d))} > ${round(amount(largest, d) * limit)} ${UNITS[d]}`)
        .join(', ') + ')';
  } else {
    const parts = DIMENSIONS.filter((d) => blocked[d] > 0)
      .map((d) => `${d} short on ${blocked[d]} of ${bins.length} servers`);
    if (blocked.antiAffinity > 0) {
      parts.push(`another replica already on ${blocked.antiAffinity} of ${bins.length}`);
    }
    reason = `no server has room: ${parts.join('; ')}`;
  }
  return { id: item.id, group: item.group, exceedsEmptyServer, blocked, reason };
}

function serverLoad(bin: Bin): ServerLoad {
  const share = (d: Dimension) =>
    amount(bin.capacity, d) > 0 ? amount(bin.used, d) / amount(bin.capacity, d) : 0;
  return {
    id: bin.id,
    capacity: { ...bin.capacity },
    used: { ...bin.used },
    utilisation: { cores: share('cores'), memory: share('memory'), storage: share('storage') },
    items: [...bin.items],
  };
}

const UNITS: Record<Dimension, string> = { cores: 'cores', memory: 'GiB', storage: 'GiB' };

function amount(r: Resources, d: Dimension): number {
  return d === 'cores' ? r.cores : d === 'memory' ? r.memoryGiB : r.storageGiB;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
