// Circuit sizing: the smallest size a provider sells that keeps a link under its
// utilisation targets in normal operation and under its worst single failure.
import { valueOf } from '../model/figure.ts';
import type { CircuitOffer } from '../model/topology-schema.ts';

export interface SizingTargets {
  /** Highest utilisation allowed in normal operation (0.7 by default). */
  normal: number;
  /** Highest utilisation allowed under the worst single failure (0.9 by default). */
  failure: number;
}

export const DEFAULT_TARGETS: SizingTargets = { normal: 0.7, failure: 0.9 };

export interface SizeChoice {
  mbps: number;
  monthlyIdr: number;
  installIdr: number;
  /** The capacity each target alone would need. */
  neededForNormalMbps: number;
  neededForFailureMbps: number;
  /** Which target set the size: the one needing more capacity. */
  setBy: 'normal' | 'failure';
  /** False when even the largest size on offer misses a target. */
  sufficient: boolean;
}

/**
 * Picks the smallest size with load/size within both targets. The busier direction's
 * load counts, as links are full duplex. When nothing on offer is big enough, the
 * largest size is returned with `sufficient: false`.
 */
export function chooseSize(
  offer: CircuitOffer,
  normalMbps: number,
  failureMbps: number,
  targets: SizingTargets = DEFAULT_TARGETS,
): SizeChoice {
  const neededForNormalMbps = normalMbps / targets.normal;
  const neededForFailureMbps = failureMbps / targets.failure;
  const needed = Math.max(neededForNormalMbps, neededForFailureMbps);
  const sizes = [...offer.sizes].sort((a, b) => a.mbps - b.mbps);
  // A small tolerance keeps a load of exactly 70% of a size inside that size.
  const fits = sizes.find((s) => s.mbps >= needed * (1 - 1e-12));
  const pick = fits ?? sizes[sizes.length - 1];
  return {
    mbps: pick.mbps,
    monthlyIdr: valueOf(pick.monthlyIdr),
    installIdr: valueOf(pick.installIdr),
    neededForNormalMbps,
    neededForFailureMbps,
    setBy: neededForFailureMbps > neededForNormalMbps ? 'failure' : 'normal',
    sufficient: fits !== undefined,
  };
}
