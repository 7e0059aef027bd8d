import type { RunFailure } from '../../components/state/lab-types';
import type { JobShopDecision, JobShopSnapshot } from '../../engine/jobshop/run-types';
import type { LlmIteration, LlmSnapshot } from '../../engine/llm/run-types';
import type { VmSnapshot } from '../../engine/vm/run-types';
import type { RunRequest } from './run-protocol';

/**
 * What crosses the boundary between a step player (lab or lesson) and a step worker: plain data only.
 *
 * A step session holds one live simulation in its engine's step-wise form (`createSimulation`). A frame is the
 * state after `decision` decisions, taken with the engine's own `snapshot()` at that point: going forward steps the
 * live simulation; going back starts a new simulation from the same inputs and steps it forward again (the engines
 * are deterministic, so decision k is the same state every time). Nothing is drawn from a finished run backwards.
 *
 * What one decision is, per engine:
 * - jobshop: one policy decision, which places one operation;
 * - vm: one policy answer (a migration, a placement, or a plan applied at once);
 * - llm: one batch formed, i.e. one iteration started on some replica (the events in between are stepped through).
 */

/**
 * The decision that led to a job-shop frame (candidates with the priority the policy gave each, and the index of
 * the one chosen) and the batch of an LLM iteration: the engines record them (recordDecisions, recordIterations),
 * so these are the engines' own types.
 */
export type { JobShopCandidate, JobShopDecision } from '../../engine/jobshop/run-types';
export type { LlmBatchEntry, LlmIteration } from '../../engine/llm/run-types';

/** Present on the frame where the run is done (decision === totalDecisions): the run's final metrics. */
interface FinalMetrics {
  readonly metrics?: Readonly<Record<string, number>>;
}

export interface JobShopStepFrame extends FinalMetrics {
  readonly engine: 'jobshop';
  /** Decisions made so far, from 0 (nothing placed). */
  readonly decision: number;
  readonly time: number;
  readonly done: boolean;
  /** The schedule so far and the next decision's candidates. */
  readonly snapshot: JobShopSnapshot;
  /** The decision just made (absent at decision 0). */
  readonly lastDecision?: JobShopDecision;
}

/**
 * An LLM frame at decision k < totalDecisions is the state right after the k-th batch was formed; at
 * totalDecisions the events after the last batch (its iteration's end, the last requests finishing) are run too,
 * so the last frame is the finished run.
 */
export interface LlmStepFrame extends FinalMetrics {
  readonly engine: 'llm';
  readonly decision: number;
  readonly time: number;
  readonly done: boolean;
  /** Queues and KV blocks of every replica. */
  readonly snapshot: LlmSnapshot;
  /** The iteration whose batch was just formed (absent at decision 0). */
  readonly lastIteration?: LlmIteration;
}

export interface VmStepFrame extends FinalMetrics {
  readonly engine: 'vm';
  readonly decision: number;
  readonly done: boolean;
  /** Placement of every VM and the FR curve so far. */
  readonly snapshot: VmSnapshot;
}

export type StepFrame = JobShopStepFrame | LlmStepFrame | VmStepFrame;

/** What opening a session tells the player: how many decisions the run makes, and its final metrics. */
export interface StepSessionInfo {
  readonly totalDecisions: number;
  /** The final metrics; empty when the run fails (see `failure`). */
  readonly metrics: Readonly<Record<string, number>>;
  /**
   * Set when the run stops with an error while making decision `totalDecisions` (a policy that throws or decides
   * wrong at decision N): frames 0 .. totalDecisions - 1 can be stepped through, and goTo(totalDecisions) returns
   * this failure. A policy that fails before any decision can be stepped (compile, prepare, bad input) fails `open`.
   */
  readonly failure?: RunFailure;
  /** The state before the first decision. */
  readonly frame: StepFrame;
}

export type StepOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: RunFailure };

/** The API a step worker exposes through comlink; one session per worker at a time. */
export interface StepWorkerApi {
  ready(): true;
  /** Starts a session for a run request (its runId is ignored); replaces any session the worker had. */
  open(request: RunRequest): StepOutcome<StepSessionInfo>;
  /** The frame after `decision` decisions, clamped to 0..totalDecisions. */
  goTo(decision: number): StepOutcome<StepFrame>;
}
