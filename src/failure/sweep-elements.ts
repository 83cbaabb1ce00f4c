// The elements a sweep fails one or two at a time, each with what it takes down on the
// compiled graph: its links (a site's own links included) and its sites.
import type { PreparedNetwork } from '../engine/evaluate.ts';
import type { CompiledNetwork, FailureMask } from '../routing/compiled-network.ts';
import { resolveFailure, type ResolvedFailure } from './failure-set.ts';

/** The kinds of element a failure names. */
export type ElementKind = 'link' | 'site' | 'group';

/** Every kind, in the order a sweep lists them. */
export const ELEMENT_KINDS: readonly ElementKind[] = ['link', 'site', 'group'];

/** One element a sweep fails, and what it takes down. */
export interface SweepElement {
  kind: ElementKind;
  id: string;
  /** `kind:id`, an id `--fail` accepts whatever else shares the name. */
  ref: string;
  /** Links down, sorted: those named, and every link of a site that is down. */
  links: Int32Array;
  /** Sites down, sorted, as node indices. */
  sites: Int32Array;
}

/**
 * The links, then sites, then shared-risk groups of the network (of the kinds asked
 * for), in the network's order, each resolved to what it takes down.
 */
export function sweepElements(
  prepared: PreparedNetwork,
  kinds: readonly ElementKind[] = ELEMENT_KINDS,
): SweepElement[] {
  const { network, groups } = prepared;
  const ids: Array<{ kind: ElementKind; id: string }> = [];
  if (kinds.includes('link')) for (const l of network.links) ids.push({ kind: 'link', id: l.id });
  if (kinds.includes('site')) for (const s of network.sites) ids.push({ kind: 'site', id: s.id });
  if (kinds.includes('group')) for (const g of groups) ids.push({ kind: 'group', id: g.id });

  return ids.map(({ kind, id }) => {
    const ref = `${kind}:${id}`;
    const failure = resolveFailure(network, [ref], 'sweep', groups);
    return { kind, id, ref, ...effectOf(prepared.compiled, failure) };
  });
}

/** What a resolved failure takes down, as sorted link and node indices. */
export function effectOf(
  compiled: CompiledNetwork,
  failure: Pick<ResolvedFailure, 'links' | 'sites'>,
): { links: Int32Array; sites: Int32Array } {
  const links = new Set<number>();
  const sites = new Set<number>();
  for (const id of failure.links) links.add(compiled.linkIndex.get(id)!);
  for (const id of failure.sites) {
    const u = compiled.nodeIndex.get(id)!;
    sites.add(u);
    for (let k = compiled.offsets[u]; k < compiled.offsets[u + 1]; k++) {
      links.add(compiled.adjLink[k]);
    }
  }
  return {
    links: Int32Array.from(links).sort(),
    sites: Int32Array.from(sites).sort(),
  };
}

/** Sets what an effect takes down in a mask (which may already hold other failures). */
export function addToMask(mask: FailureMask, effect: { links: Int32Array; sites: Int32Array }) {
  for (const e of effect.links) mask.linkDown[e] = 1;
  for (const u of effect.sites) mask.nodeDown[u] = 1;
}
