/**
 * The inputs of one sweep run as plain data: the built scenario and the engine's run options, made from the run's
 * spec entry, seed and sweep options. One function for every place a sweep run is executed — the CLI's threads,
 * the isolated child of a queue worker (node/sweep-execute.ts) and the browser's worker pool
 * (browser/sweep-run-request.ts) — so a run computes the same bits wherever it runs.
 */
import type { JobShopInstance } from '../engine/jobshop/model';
import type { Scheme, BreakdownModel } from '../engine/jobshop/run-types';
import type { VmScenario } from '../engine/vm/model';
import type { LlmScenario } from '../engine/llm/model';
import type { DriftOptions } from '../engine/vm/run-types';
import type { VmObjective } from '../engine/vm/policy-api';
import type { JobshopSweepOptions, LlmSweepOptions, VmSweepOptions } from '../db/sweep-options';
import type { SweepScenario } from '../db/sweep-expand';
import type { SweepEngineId } from '../db/sweep-spec';
import { jobshopInstance, llmScenario, vmScenario } from './sweep-scenarios';

export interface JobshopRunInputs {
  readonly engine: 'jobshop';
  readonly instance: JobShopInstance;
  readonly options: { readonly scheme: Scheme; readonly seed: number; readonly online?: boolean; readonly breakdowns?: BreakdownModel };
}

export interface VmRunInputs {
  readonly engine: 'vm';
  readonly scenario: VmScenario;
  readonly options: {
    readonly seed: number;
    readonly migrationLimit?: number;
    readonly drift?: DriftOptions;
    readonly mode?: 'rescheduling' | 'placement';
    readonly objective?: VmObjective;
    readonly fragmentSize?: number;
  };
}

export interface LlmRunInputs {
  readonly engine: 'llm';
  readonly scenario: LlmScenario;
  /** A request-level timeline is tens of thousands of segments: a sweep keeps the metrics. */
  readonly options: { readonly seed: number; readonly timeline: false };
}

export type SweepRunInputs = JobshopRunInputs | VmRunInputs | LlmRunInputs;

/** Builds the scenario and run options; throws InputError for a bad generator setting or an unknown id. */
export function sweepRunInputs(engine: SweepEngineId, scenario: SweepScenario, seed: number, options: Readonly<Record<string, unknown>>): SweepRunInputs {
  if (engine === 'vm') {
    const vm = options as VmSweepOptions;
    return {
      engine,
      scenario: vmScenario(scenario, seed, vm),
      options: {
        seed,
        ...(vm.mnl === undefined ? {} : { migrationLimit: vm.mnl }),
        ...(vm.drift ? { drift: { decisionSeconds: vm.drift.decisionSeconds } } : {}),
        ...(vm.mode ? { mode: vm.mode } : {}),
        ...(vm.objective ? { objective: vm.objective } : {}),
        ...(vm.fragmentSize ? { fragmentSize: vm.fragmentSize } : {}),
      },
    };
  }
  if (engine === 'llm') return { engine, scenario: llmScenario(scenario, seed, options as LlmSweepOptions), options: { seed, timeline: false } };
  const jobshop = options as JobshopSweepOptions;
  return {
    engine,
    instance: jobshopInstance(scenario, seed, jobshop),
    options: { scheme: jobshop.scheme ?? 'active', seed, online: jobshop.online, breakdowns: jobshop.breakdowns },
  };
}
