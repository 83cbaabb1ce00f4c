// The `loads` result as text for the terminal: a summary, then the busiest links and
// the worst failures.
import { fixed, percent, renderTable } from '../report/table.ts';
import type { LinkDirection, LoadsResult } from './compute-loads.ts';

/** Options of `loadsText`. */
export interface LoadsTextOptions {
  /** The file the network came from, for the heading. */
  file: string;
  /** How many rows each table lists. */
  top: number;
}

/** Renders a loads result as a few lines and tables. */
export function loadsText(result: LoadsResult, options: LoadsTextOptions): string {
  const { cleaning: c } = result;
  const lines = [
    `${options.file}: ${result.nodes} nodes, ${result.links} links after cleaning ` +
      `(${c.selfLoops} self-loops, ${c.parallelEdges} parallel edges, ` +
      `${c.nodesOutsideComponent} nodes outside the largest component dropped)`,
    `Demand: ${result.gravityTotalMbps} Mbps by gravity (weights: ${result.weights}); ` +
      `capacity ${result.capacityMbps} Mbps each way`,
    `Max utilisation: ${percent(result.maxUtilization)}${where(result.maxUtilizationLink)}`,
    '',
    `Busiest links (of ${result.edges.length})`,
    renderTable(
      [...result.edges]
        .map((e) => ({ ...e, busier: Math.max(e.loadForwardMbps, e.loadReverseMbps) }))
        .sort((a, b) => b.busier - a.busier)
        .slice(0, options.top),
      [
        { header: 'source', value: (e) => e.source },
        { header: 'target', value: (e) => e.target },
        { header: 'forward Mbps', value: (e) => fixed(e.loadForwardMbps, 2), right: true },
        { header: 'reverse Mbps', value: (e) => fixed(e.loadReverseMbps, 2), right: true },
        {
          header: 'utilisation',
          value: (e) => percent(e.busier / result.capacityMbps),
          right: true,
        },
      ],
    ),
  ];

  if (result.linkFailures) {
    const worst = [...result.linkFailures]
      .sort((a, b) => b.unroutedMbps - a.unroutedMbps || b.maxUtilization - a.maxUtilization)
      .slice(0, options.top);
    lines.push('', `Worst link failures (of ${result.linkFailures.length})`, renderTable(worst, [
      { header: 'source', value: (f) => f.source },
      { header: 'target', value: (f) => f.target },
      { header: 'unrouted demands', value: (f) => f.unroutedDemands, right: true },
      { header: 'unrouted Mbps', value: (f) => fixed(f.unroutedMbps, 2), right: true },
      { header: 'max utilisation', value: (f) => percent(f.maxUtilization), right: true },
      { header: 'on', value: (f) => where(f.maxUtilizationLink).replace(/^ on /, '') },
    ]));
  }
  if (result.nodeFailures) {
    const worst = [...result.nodeFailures]
      .sort((a, b) => b.lostMbps + b.unroutedMbps - (a.lostMbps + a.unroutedMbps) ||
        b.maxUtilization - a.maxUtilization)
      .slice(0, options.top);
    lines.push('', `Worst node failures (of ${result.nodeFailures.length})`, renderTable(worst, [
      { header: 'node', value: (f) => f.node },
      { header: 'lost Mbps', value: (f) => fixed(f.lostMbps, 2), right: true },
      { header: 'unrouted Mbps', value: (f) => fixed(f.unroutedMbps, 2), right: true },
      { header: 'max utilisation', value: (f) => percent(f.maxUtilization), right: true },
      { header: 'on', value: (f) => where(f.maxUtilizationLink).replace(/^ on /, '') },
    ]));
  }
  return lines.join('\n');
}

function where(link: LinkDirection | null): string {
  if (!link) return '';
  const [from, to] = link.direction === 'forward'
    ? [link.source, link.target] : [link.target, link.source];
  return ` on ${from} -> ${to}`;
}
