import { OBJECTIVES, METRICS } from './metrics';
import { parseVmr2l } from './parsers/vmr2l';
import { BUILTIN_POLICIES, findBuiltinPolicy } from './policies';
import { createSimulation, simulate } from './simulate';

/** Scenario file formats the VM engine reads. */
export const FORMATS = ['vmr2l'] as const;

/**
 * The VM-rescheduling engine. `version` is stored with every run: bump it whenever the same inputs would give
 * different results (a change to feasibility, tie-breaking, metrics or a built-in policy).
 */
export const vmEngine = {
  id: 'vm',
  title: 'VM rescheduling',
  version: '0.1.0',
  metrics: METRICS,
  objectives: OBJECTIVES,
  policies: BUILTIN_POLICIES,
  findPolicy: findBuiltinPolicy,
  formats: FORMATS,
  parse: parseVmr2l,
  simulate,
  createSimulation,
} as const;

export type { VmScenario, PhysicalMachine, VirtualMachine, NumaNode, NumaMode, PmStatus } from './model';
export type { VmPolicy, VmView, Migration } from './policy-api';
export type { VmRunOptions, VmResult, VmSnapshot, MigrationRecord, VmPlace, StopReason } from './run-types';
export { simulate, createSimulation } from './simulate';
export { parseVmr2l } from './parsers/vmr2l';
