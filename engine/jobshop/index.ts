import { BUILTIN_POLICIES, findBuiltinPolicy } from './policies';
import { CATALOGUE, findScenario } from './catalogue';
import { FORMATS, parseInstance } from './parsers';
import { METRICS, OBJECTIVES } from './metrics';
import { createSimulation, simulate } from './simulate';

/**
 * The job-shop engine. `version` is stored with every run: bump it whenever the same inputs would give different
 * results (a change to candidate formation, tie-breaking, metrics or a built-in policy).
 */
export const jobshopEngine = {
  id: 'jobshop',
  title: 'Job shop',
  version: '1.0.0',
  metrics: METRICS,
  objectives: OBJECTIVES,
  policies: BUILTIN_POLICIES,
  findPolicy: findBuiltinPolicy,
  catalogue: CATALOGUE,
  findScenario,
  formats: FORMATS,
  parse: parseInstance,
  simulate,
  createSimulation,
} as const;

export type { JobShopInstance, Job, Operation, Alternative } from './model';
export type { JobShopPolicy, JobShopView, Candidate, Choice, JobShopProblem } from './policy-api';
export type { JobShopRunOptions, JobShopResult, JobShopSnapshot, ScheduledOperation, Scheme, Downtime, JobShopCandidate, JobShopDecision } from './run-types';
export { SCHEMES } from './run-types';
export { simulate, createSimulation } from './simulate';
export { checkSchedule, leftShiftableOperations } from './check-schedule';
