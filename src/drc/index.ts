// Disaster recovery: the DRC read from the topology, replication traffic, failover of
// the data centre's traffic, which applications fit, and recovery time by class.
export {
  drcSpecs, drcsInService, recoveryClassOf, type DrcSpec, type RecoveryClass,
} from './drc-spec.ts';
export { replicationMbps, withDrcTraffic } from './replication.ts';
export {
  failoverLabel, failoversFor, preparedWithFailover, prepareWithDrc,
  type Failover, type FailoverCache,
} from './failover.ts';
export {
  fitApplications, type AdmittedApp, type DrcApp, type FitResult, type LeftOutApp,
} from './fit-applications.ts';
export { drcApplications } from './catalogue-apps.ts';
export {
  analyseDrc, DRC_SCHEMA_VERSION,
  type DrcAnalysisOptions, type DrcAppRow, type DrcLink, type DrcResult, type LeftOutRow,
  type RecoveryRow,
} from './analyse-drc.ts';
export { analyseDrcInput, catalogueServersAt, type DrcInput } from './analyse-input.ts';
