import type { JobShopInstance } from '../../engine/jobshop/model';
import type { JobShopResult, Scheme } from '../../engine/jobshop/run-types';

/** A scenario chosen in the lab: from the catalogue, the generator or an imported file. */
export interface ScenarioChoice {
  /** Stable key within the lab ("ta01", "gen-10x5-s7", "file:my.txt"). */
  readonly key: string;
  readonly label: string;
  readonly origin: 'catalogue' | 'generated' | 'imported';
  readonly instance: JobShopInstance;
}

/** A policy chosen for a run: a built-in by id, or the editor's source. */
export type PolicyChoice =
  | { readonly kind: 'builtin'; readonly id: string }
  | { readonly kind: 'source'; readonly source: string; readonly fileName: string };

/** How a run ended when it did not produce a result; `line`/`column` point into the policy source. */
export interface RunFailure {
  readonly kind: 'compile' | 'policy' | 'input' | 'budget' | 'memory' | 'stopped' | 'crash';
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

export type RunStatus = 'queued' | 'running' | 'done' | 'failed';

/** One row of the lab's results: a policy on a scenario. */
export interface LabRun {
  readonly id: string;
  readonly scenarioKey: string;
  readonly scenarioLabel: string;
  readonly policyLabel: string;
  readonly status: RunStatus;
  readonly seed: number;
  readonly scheme: Scheme;
  /** Parameter values the run used (the policy's defaults for the ones not set). */
  readonly params: Readonly<Record<string, number>>;
  readonly result?: JobShopResult;
  readonly failure?: RunFailure;
  readonly elapsedMs?: number;
}
