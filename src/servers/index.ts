// Servers: the application catalogue, placement of tier replicas on servers, M/M/c
// queueing per tier, the year-by-year load, and the traffic applications add.
export {
  CatalogueSchema,
  type Application, type Catalogue, type CatalogueInput, type FleetEntry, type ServerSpec,
  type Tier,
} from './catalogue-schema.ts';
export { parseCatalogue, validateCatalogue } from './load-catalogue.ts';
export { checkCatalogueReferences } from './check-catalogue.ts';
export { listTiers, usersOf, type TierFigures } from './tiers.ts';
export { erlangB, erlangC, mmc, type MmcResult } from './erlang-c.ts';
export {
  countServersNeeded, DIMENSIONS, placeReplicas,
  type Dimension, type FitRule, type Placement, type PlacementItem, type PlacementOptions,
  type PlacementServer, type Resources, type ServerCount, type ServerLoad, type UnplacedItem,
} from './placement.ts';
export {
  analyseServers,
  type AnalyseOptions, type AppFootprint, type PlanCheck, type ServersResult, type ServerUse,
  type TierLoad, type Warning, type YearLoad,
} from './analyse.ts';
export { applicationTraffic, trafficBySite, type AppTraffic } from './app-traffic.ts';
