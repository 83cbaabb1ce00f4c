// How a sweep's steps are grouped for evaluation: one step at a time, or, for a link
// sweep under product-form demand, every link of a chain together from two full
// evaluations and a few cheap ones.
import { findChains, type ChainStructure, type LinkChain } from './chains.ts';
import type { CompiledNetwork } from './compiled-network.ts';
import type { FailureSet } from './failure-engine.ts';

/** Steps of a sweep: one link, or one node with its links. */
export type SweepKind = 'links' | 'nodes';

/**
 * Demand of the form scale * w(s) * w(t) for every ordered pair s != t (a gravity
 * model), which is what lets a chain's failures be derived from its end links'.
 */
export interface ProductDemand {
  weights: Float64Array;
  scale: number;
}

/** A sweep's steps in units: unit u covers rows rows[unitStart[u] .. unitStart[u + 1]). */
export interface SweepPlan {
  kind: SweepKind;
  /** Positions in the sweep's `items` (and its summary), unit by unit. */
  rows: Int32Array;
  unitStart: Int32Array;
  /** The chain a unit evaluates (its rows are its links in order), or -1. */
  unitChain: Int32Array;
  chains: ChainStructure | null;
  product: ProductDemand | null;
}

// A chain of two links has no inner failure to derive: both are its end links.
const MIN_CHAIN = 3;

/**
 * Groups the steps of a sweep. Under product demand, the links of each chain (see
 * `findChains`) that `items` holds once each, and completely, form one unit; every
 * other step is a unit of its own. Units follow the order of their first row.
 */
export function planSweep(
  net: CompiledNetwork,
  kind: SweepKind,
  items: ArrayLike<number>,
  product: ProductDemand | null,
): SweepPlan {
  const chains = kind === 'links' && product !== null
    ? findChains(net, product.weights, MIN_CHAIN)
    : null;
  const rowOfLink = new Int32Array(kind === 'links' ? net.linkCount : 0).fill(-1);
  const seen = new Int32Array(rowOfLink.length);
  for (let r = 0; r < items.length; r++) {
    if (kind !== 'links') break;
    seen[items[r]] += 1;
    if (rowOfLink[items[r]] < 0) rowOfLink[items[r]] = r;
  }
  const chainAt = new Int32Array(items.length).fill(-1);
  for (let c = 0; chains !== null && c < chains.chains.length; c++) {
    const { links } = chains.chains[c];
    let whole = chains.chains[c].inner.some((w) => w > 0);
    for (let j = 0; j < links.length; j++) whole &&= seen[links[j]] === 1;
    if (!whole) continue;
    let first = items.length;
    for (let j = 0; j < links.length; j++) first = Math.min(first, rowOfLink[links[j]]);
    chainAt[first] = c;
    for (let j = 0; j < links.length; j++) {
      if (rowOfLink[links[j]] !== first) chainAt[rowOfLink[links[j]]] = -2;
    }
  }

  const rows: number[] = [];
  const unitStart: number[] = [0];
  const unitChain: number[] = [];
  for (let r = 0; r < items.length; r++) {
    if (chainAt[r] === -2) continue;
    if (chainAt[r] >= 0) {
      const { links } = chains!.chains[chainAt[r]];
      for (let j = 0; j < links.length; j++) rows.push(rowOfLink[links[j]]);
    } else {
      rows.push(r);
    }
    unitStart.push(rows.length);
    unitChain.push(chainAt[r]);
  }
  return {
    kind, rows: Int32Array.from(rows), unitStart: Int32Array.from(unitStart),
    unitChain: Int32Array.from(unitChain), chains, product,
  };
}

/**
 * The evaluations a chain unit needs: its two end links for the destinations outside
 * the chain, then each of its links for the destinations inside.
 */
export function chainFailureSets(structure: ChainStructure, c: number): FailureSet[] {
  const { links } = structure.chains[c];
  const outside = { regionOf: structure.regionOf, region: c, inside: false };
  const inside = { regionOf: structure.regionOf, region: c, inside: true };
  const sets: FailureSet[] = [
    { links: [links[0]], scope: outside },
    { links: [links[links.length - 1]], scope: outside },
  ];
  for (let j = 0; j < links.length; j++) sets.push({ links: [links[j]], scope: inside });
  return sets;
}

/** Loads by direction: forward and reverse per link. */
export interface DirectedLoads {
  forward: Float64Array;
  reverse: Float64Array;
}

/**
 * The loads with link i of `chain` (0-based) failed, from the parts of
 * `chainFailureSets`: `first` and `last` (end links, outside destinations) and
 * `inner` (link i, inside destinations), into `out`.
 *
 * For a destination outside the chain, every failure in the chain leaves the rest of
 * the network the same and only moves the chain's inner nodes between its two ends,
 * so the loads off the chain are affine in the weight that moves: they interpolate
 * between the end links' by `lambda`, the share of inner weight hanging from the far
 * end. On the chain's own links those destinations' loads are exact sums of inner
 * weight; the base and `last` fix what the inside destinations leave there.
 */
export function combineChainFailure(
  net: CompiledNetwork,
  chain: LinkChain,
  scale: number,
  i: number,
  base: DirectedLoads,
  first: DirectedLoads,
  last: DirectedLoads,
  inner: DirectedLoads,
  out: DirectedLoads,
): void {
  const L = chain.links.length;
  // prefix[p] = weight of inner nodes 1 .. p; failing link i leaves 1 .. i on the
  // first end and i + 1 .. L - 1 on the last.
  const prefix = new Float64Array(L);
  for (let p = 1; p < L; p++) prefix[p] = prefix[p - 1] + chain.inner[p - 1];
  const lambda = (prefix[L - 1] - prefix[i]) / prefix[L - 1];
  for (let e = 0; e < net.linkCount; e++) {
    out.forward[e] = inner.forward[e] + (last.forward[e] - base.forward[e]) +
      lambda * (first.forward[e] - last.forward[e]);
    out.reverse[e] = inner.reverse[e] + (last.reverse[e] - base.reverse[e]) +
      lambda * (first.reverse[e] - last.reverse[e]);
  }
  const k = scale * chain.outside;
  for (let j = 0; j < L; j++) {
    const e = chain.links[j];
    // Outside destinations' load on link j with link f failed: toward the first end,
    // that of inner nodes j + 1 .. f (they hang from it); toward the last, f + 1 .. j.
    const towardFirst = (f: number) => (j < f ? k * (prefix[f] - prefix[j]) : 0);
    const towardLast = (f: number) => (j > f ? k * (prefix[j] - prefix[f]) : 0);
    const backward = towardFirst(i) - towardFirst(L - 1);
    const onward = towardLast(i) - towardLast(L - 1);
    const fromFirst = net.linkA[e] === chain.nodes[j];
    out.forward[e] = inner.forward[e] + last.forward[e] - base.forward[e] +
      (fromFirst ? onward : backward);
    out.reverse[e] = inner.reverse[e] + last.reverse[e] - base.reverse[e] +
      (fromFirst ? backward : onward);
  }
  out.forward[chain.links[i]] = 0;
  out.reverse[chain.links[i]] = 0;
}
