// The capacity rule shared by both SNDlib readers, and how modules are kept as attributes.
import type { Attributes } from './imported-graph.ts';

/** An installable capacity module of an SNDlib link. */
export interface CapacityModule {
  capacity: number;
  cost: number;
}

/**
 * A link's capacity, in the file's own units, which we take to be Mbps (SNDlib states no
 * unit; its networks use Mbit/s-like module sizes such as 155 and 622). The rule: the
 * pre-installed capacity when it is above 0, else the largest additional module, else
 * none. SNDlib files are design problems, so most links have no pre-installed capacity
 * and the largest module is the most the link could be given.
 */
export function sndlibCapacity(
  preInstalled: number | undefined,
  modules: readonly CapacityModule[],
): number | undefined {
  if (preInstalled !== undefined && preInstalled > 0) return preInstalled;
  let largest: number | undefined;
  for (const m of modules) {
    if (m.capacity > 0 && (largest === undefined || m.capacity > largest)) largest = m.capacity;
  }
  return largest;
}

/** Modules as attributes: `moduleCapacities` and `moduleCosts`, space-separated in order. */
export function moduleAttributes(attributes: Attributes, modules: readonly CapacityModule[]): void {
  if (modules.length === 0) return;
  attributes.moduleCapacities = modules.map((m) => String(m.capacity)).join(' ');
  attributes.moduleCosts = modules.map((m) => String(m.cost)).join(' ');
}
