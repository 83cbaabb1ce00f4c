// The one result every face shows (command line, API, page, report, store).
// Plain JSON; bump RESULT_SCHEMA_VERSION on any change a reader could notice.

export const RESULT_SCHEMA_VERSION = 1;

export interface LinkLoad {
  id: string;
  source: string;
  target: string;
  medium: string;
  capacityMbps: number;
  /** Mbps source to target (`forward`) and target to source (`reverse`). */
  loadMbps: { forward: number; reverse: number };
  /** The busier direction's load over capacity. */
  utilization: number;
  headroomMbps: number;
  overloaded: boolean;
  backup: boolean;
  down: boolean;
}

export interface SiteDemand {
  id: string;
  name: string;
  kind: string;
  cluster: string | null;
  office: boolean;
  demandMbps: number;
  byClass: Record<string, number>;
  /** Demand (busier direction) that reached the site. */
  servedMbps: number;
  cutOff: boolean;
  down: boolean;
}

export interface ClusterLoad {
  id: string;
  name: string;
  hub: string;
  members: number;
  offices: number;
  demandMbps: number;
  uplink: {
    link: string;
    capacityMbps: number;
    loadMbps: { forward: number; reverse: number };
    utilization: number;
    headroomMbps: number;
    down: boolean;
  };
}

export interface UnroutedDemand {
  site: string;
  class: string;
  direction: 'down' | 'up';
  /** The busier direction, the one the site's demand figure gives. */
  primary: boolean;
  mbps: number;
  /** `lost`: an end is itself down; `unrouted`: both ends up, no path between. */
  reason: 'lost' | 'unrouted';
}

import type { ServersSummary } from '../servers/summary.ts';

export interface SimulationResult {
  schemaVersion: number;
  kind: 'simulation';
  network: { name: string; year: number; baseYear: number; sites: number; links: number };
  scenario: { name: string; file: string } | null;
  failed: {
    elements: Array<{ id: string; kind: 'link' | 'site' | 'group' }>;
    links: string[];
    sites: string[];
  };
  demand: {
    totalMbps: number;
    targetMbps: number | null;
    /** The classes the target counts, and their demand: what compares with the target. */
    targetClasses: string[];
    targetScopeMbps: number;
    /** Offices with demand above zero. */
    offices: number;
    officesTotal: number;
    byClass: Record<string, number>;
    sites: SiteDemand[];
  };
  clusters: ClusterLoad[];
  links: LinkLoad[];
  overloaded: string[];
  /** Backup links carrying traffic. */
  backupsInUse: string[];
  /** Offices that lost some of their demand. */
  cutOff: string[];
  /** Demand between two ends that are up but have no path. */
  unroutedMbps: number;
  /** Demand from or to a site that is itself down. */
  lostMbps: number;
  unrouted: UnroutedDemand[];
  /** Traffic classes sent to a DRC because the site it stands in for is down. */
  failover: Array<{ class: string; from: string; to: string }>;
  /** The application servers that year, when the topology names a catalogue. */
  servers: ServersSummary | null;
}
