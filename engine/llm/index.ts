import { METRICS, OBJECTIVES } from './metrics';
import { BUILTIN_POLICIES, combinePolicies, findBuiltinPolicy, policyRole } from './policies';
import { FORMATS, parseTrace } from './parsers';
import { PRESETS, findPreset } from './workloads/presets';
import { createSimulation, simulate } from './simulate';
import { describeCluster } from './cluster-config';

/**
 * The LLM-serving engine. `version` is stored with every run: bump it whenever the same inputs would give different
 * results (a change to the cost model, the iteration loop, tie-breaking, metrics or a built-in policy).
 */
export const llmEngine = {
  id: 'llm',
  title: 'LLM serving',
  version: '0.1.0',
  metrics: METRICS,
  objectives: OBJECTIVES,
  policies: BUILTIN_POLICIES,
  findPolicy: findBuiltinPolicy,
  combinePolicies,
  policyRole,
  presets: PRESETS,
  findPreset,
  formats: FORMATS,
  parse: parseTrace,
  describeCluster,
  simulate,
  createSimulation,
} as const;

export type { LlmScenario, LlmRequest, ClusterSpec, CostModelSpec, FittedCoefficients, SloClass } from './model';
export type { LlmPolicy, LlmView, Batch, Migration, PreemptionMode, RequestPhase, ReplicaRole } from './policy-api';
export type { LlmRunOptions, LlmResult, LlmSnapshot, RequestRecord, LlmCounters, LlmIteration, LlmBatchEntry } from './run-types';
export type { LlmSeries } from './series';
export type { GpuId, ModelId, GpuSpec, ModelSpec } from './hardware';
export { GPUS, MODELS, kvBytesPerToken, kvCapacityTokens, linearParams } from './hardware';
export { resolveCluster, describeCluster } from './cluster-config';
export { simulate, createSimulation } from './simulate';
export { parseTrace } from './parsers';
export { generateWorkload } from './workloads/generate';
export type { WorkloadSpec, ArrivalSpec, LengthSpec, GenerateOptions } from './workloads/generate';
export { withRate, arrivalRate } from './workloads/rate';
export type { PresetEntry } from './workloads/presets';
export type { ImportedScenario, ImportReport, TraceFormat, ParseTraceOptions } from './parsers';
