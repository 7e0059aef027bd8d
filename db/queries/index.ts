export { saveExperiment, experimentIdOf, snapshotHashOf, policyIdOf, scenarioIdOf, type SaveExperimentResult } from './save-experiment';
export { getExperiment, SnapshotIntegrityError } from './get-experiment';
export { listExperiments, LIST_DEFAULT_LIMIT, LIST_MAX_LIMIT, type ListExperimentsOptions } from './list-experiments';
