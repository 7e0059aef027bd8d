/**
 * SchedLab job-shop policy API.
 *
 * This one file is everything a policy author needs: the editor loads it for completion and type errors, and every
 * built-in policy is written against it exactly as yours is. A policy file has a default export:
 *
 * ```ts
 * import type { JobShopPolicy } from 'schedlab/jobshop';
 *
 * const policy: JobShopPolicy = {
 *   id: 'my-mwkr',
 *   label: 'My MWKR',
 *   description: 'Most work remaining first',
 *   priority: (c, view) => -view.jobRemainingWork(c.job),
 * };
 * export default policy;
 * ```
 *
 * The engine calls the policy at every decision point with the candidate operations and a read-only view of the
 * state. Answer with `priority` (a number per candidate, lowest first; ties go to the lower job index, then to the
 * machine where the operation ends first) or with `choose` (the job, and the machine when the operation is
 * flexible). Only types may be imported; randomness comes from `view.random()` (and `Math.random`, which is seeded
 * per run), so a run is reproducible.
 *
 * This file is self-contained on purpose: it imports nothing.
 */

/** A numeric parameter the policy reads with `view.param(name)`; sweeps and searches vary it within its range. */
export interface PolicyParameter {
  /** Name used with `view.param(name)` and `--param name=value`. */
  readonly name: string;
  /** What the parameter changes. */
  readonly description: string;
  /** Smallest allowed value. */
  readonly min: number;
  /** Largest allowed value. */
  readonly max: number;
  /** Value used when none is given. */
  readonly default: number;
  /** Only whole numbers are allowed. */
  readonly integer?: boolean;
}

/**
 * One candidate: the next operation of a job on one of the machines it may use. In the flexible job shop an
 * operation with three eligible machines gives three candidates.
 *
 * The engine reuses this object from call to call: read its fields, do not keep it.
 */
export interface Candidate {
  /** Job index, from 0. */
  readonly job: number;
  /** Position of the operation within its job, from 0. */
  readonly op: number;
  /** Machine index, from 0. */
  readonly machine: number;
  /** Processing time on this machine. */
  readonly duration: number;
  /** Earliest time it can start here: after the job's previous operation and when the machine is free. */
  readonly earliestStart: number;
  /** earliestStart + duration (later when a breakdown in progress delays it). */
  readonly earliestEnd: number;
}

/** A decision in the `choose` form: a job (its next operation), and the machine when the operation is flexible. */
export type Choice = number | { readonly job: number; readonly machine: number };

/**
 * Read-only view of the state at a decision point. All values come through methods; the view never hands out
 * the engine's own arrays, so a policy can change nothing except by what it returns.
 */
export interface JobShopView {
  /** Decision time: the earliest start among the candidates offered. */
  readonly time: number;
  /** Number of jobs in the instance. */
  readonly jobCount: number;
  /** Number of machines in the instance. */
  readonly machineCount: number;
  /** Number of decisions made so far in this run. */
  readonly decisions: number;
  /** Number of candidates at this decision point. */
  readonly candidateCount: number;
  /** The i-th candidate (0 <= i < candidateCount). Returns the same reused object each time. */
  candidate(i: number): Candidate;

  /** Time machine m finishes the last operation given to it so far. */
  machineReadyTime(machine: number): number;
  /** Total processing time of unscheduled operations that can only run on this machine, plus, for flexible ones,
   * their shortest duration divided by the number of machines they may use. */
  machineRemainingLoad(machine: number): number;

  /** Time job j's previous operation ends (its release date when none has run): when it joined the queue. */
  jobReadyTime(job: number): number;
  /** Number of the job's operations already scheduled. */
  jobOpsDone(job: number): number;
  /** Number of operations in the job. */
  jobOpCount(job: number): number;
  /** Operations not yet scheduled, including the next one. */
  jobOpsRemaining(job: number): number;
  /** Processing time of unscheduled operations, including the next one (shortest alternative for flexible ones). */
  jobRemainingWork(job: number): number;
  /** Processing time of all the job's operations (shortest alternatives). */
  jobTotalWork(job: number): number;
  /** Release date (0 when none). */
  jobRelease(job: number): number;
  /** Due date; Infinity when the scenario has none. */
  jobDue(job: number): number;
  /** Weight for weighted tardiness (1 when none). */
  jobWeight(job: number): number;
  /** Whether the job has been released by the decision time (in online runs later jobs are not candidates). */
  jobReleased(job: number): boolean;
  /** Whether the scenario has due dates at all. */
  readonly hasDueDates: boolean;

  /** Number of machines operation `op` of `job` may use (1 in the classic job shop). */
  opAlternativeCount(job: number, op: number): number;
  /** Machine of the a-th alternative of an operation. */
  opMachine(job: number, op: number, alternative?: number): number;
  /** Duration of the a-th alternative of an operation. */
  opDuration(job: number, op: number, alternative?: number): number;

  /** The value of a declared parameter (its default unless the run sets it). */
  param(name: string): number;
  /** A uniform number in [0, 1) from this run's seeded policy stream. */
  random(): number;
}

/** The job-shop problem as seen before the first decision, for policies that plan ahead (`prepare`). */
export interface JobShopProblem {
  readonly jobCount: number;
  readonly machineCount: number;
  /** Operations of a job. */
  jobOpCount(job: number): number;
  opAlternativeCount(job: number, op: number): number;
  opMachine(job: number, op: number, alternative?: number): number;
  opDuration(job: number, op: number, alternative?: number): number;
  jobRelease(job: number): number;
  jobDue(job: number): number;
  jobWeight(job: number): number;
  /** The value of a declared parameter. */
  param(name: string): number;
  /** A uniform number in [0, 1) from this run's seeded policy stream. */
  random(): number;
}

/**
 * A job-shop policy. Give `priority` or `choose` (if both are given, `choose` is used).
 *
 * `Plan` is whatever `prepare` returns: per-run state that the engine passes back to every call, so that nothing
 * is kept between runs in module variables.
 */
export interface JobShopPolicy<Plan = unknown> {
  /** Short stable id ("mwkr"). */
  readonly id: string;
  /** Display name ("MWKR"). */
  readonly label: string;
  /** One line: what the policy does. */
  readonly description: string;
  /** The paper or book the rule comes from. */
  readonly paper?: string;
  /** Declared numeric parameters. */
  readonly params?: readonly PolicyParameter[];
  /** Called once before the first decision; its result is passed to every later call. */
  prepare?(problem: JobShopProblem): Plan;
  /** Priority of one candidate: lowest goes first. Ties go to the lower job index; between machines of the same
   * flexible operation, to the one where it ends first, then to the lower machine index. */
  priority?(candidate: Candidate, view: JobShopView, plan: Plan): number;
  /** Pick the candidate yourself: return a job index (its next operation), or { job, machine }. */
  choose?(view: JobShopView, plan: Plan): Choice;
}
