import { VM_CATALOGUE, findVmScenario } from './catalogue';
import { withChurn } from './generators/churn';
import { randomCluster } from './generators/random';
import { generateVmr2lLike } from './generators/vmr2l-like';
import { OBJECTIVES, METRICS } from './metrics';
import { VM_FORMATS, parseAlibaba2018, parseVmScenario } from './parsers';
import { BUILTIN_POLICIES, findBuiltinPolicy } from './policies';
import { createSimulation, simulate } from './simulate';

/** Scenario file formats the VM engine reads (`parse` takes the one-text ones; alibaba-2018 is parseAlibaba2018). */
export const FORMATS = VM_FORMATS;

/**
 * The VM-rescheduling engine. `version` is stored with every run: bump it whenever the same inputs would give
 * different results (a change to feasibility, tie-breaking, metrics or a built-in policy).
 */
export const vmEngine = {
  id: 'vm',
  title: 'VM rescheduling',
  version: '0.2.0',
  metrics: METRICS,
  objectives: OBJECTIVES,
  policies: BUILTIN_POLICIES,
  findPolicy: findBuiltinPolicy,
  catalogue: VM_CATALOGUE,
  findScenario: findVmScenario,
  generators: { vmr2lLike: generateVmr2lLike, random: randomCluster, withChurn },
  formats: FORMATS,
  parse: parseVmScenario,
  parseAlibaba2018,
  simulate,
  createSimulation,
} as const;

export type { VmScenario, PhysicalMachine, VirtualMachine, VmSpec, VmEvent, AntiAffinityGroup, NumaNode, NumaMode, PmStatus } from './model';
export type { VmPolicy, VmView, Migration, MipSolution, MipOptions, VmObjective } from './policy-api';
export type { VmRunOptions, VmResult, VmSnapshot, MigrationRecord, PlacementRecord, DroppedMigration, DriftOptions, MipSolver, VmPlace, StopReason } from './run-types';
export { simulate, createSimulation } from './simulate';
export { parseVmr2l, parseVmScenario, parseAzureVmtable, parseAlibaba2018 } from './parsers';
export type { ParseVmScenarioOptions, AzureVmtableOptions, Alibaba2018Options, AlibabaFiles, VmFormat } from './parsers';
export { VM_CATALOGUE, findVmScenario, type VmCatalogueEntry } from './catalogue';
export { generateVmr2lLike, VMR2L_SIZES, type Vmr2lLikeOptions } from './generators/vmr2l-like';
export { churnEvents, withChurn, DEFAULT_CHURN_RATE, type ChurnOptions } from './generators/churn';
