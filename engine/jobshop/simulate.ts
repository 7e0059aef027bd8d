import { InputError, PolicyError } from '../core/errors';
import { resolveParams } from '../core/params';
import { createRng } from '../core/rng';
import { runToEnd, type Simulation } from '../core/simulation';
import { formCandidates } from './candidates';
import { DecisionRecorder } from './decision-record';
import { computeMetrics, OBJECTIVES } from './metrics';
import { compileInstance, type JobShopInstance } from './model';
import type { JobShopPolicy } from './policy-api';
import { buildResult, buildSnapshot } from './result';
import { RunState } from './run-state';
import { SCHEMES, type JobShopDecision, type JobShopResult, type JobShopRunOptions, type JobShopSnapshot, type Scheme } from './run-types';
import { validateInstance } from './validate';
import { RunView } from './view';

/**
 * A job-shop run in step-wise form: each step is one policy decision that places one operation.
 * The run owns all its state; two simulations never share anything.
 */
export class JobShopSimulation implements Simulation<JobShopSnapshot, JobShopResult> {
  private readonly state: RunState;
  private readonly view: RunView;
  private readonly scheme: Scheme;
  private readonly online: boolean;
  private readonly plan: unknown;
  /** Present only when the run records decisions (options.recordDecisions). */
  private readonly recorder: DecisionRecorder | undefined;
  /** Whether the candidate buffers hold the next decision's candidates (snapshot() may form them early). */
  private candidatesReady = false;

  constructor(
    instance: JobShopInstance,
    private readonly policy: JobShopPolicy,
    private readonly options: JobShopRunOptions = {},
  ) {
    validateInstance(instance);
    checkOptions(options);
    if (typeof policy.choose !== 'function' && typeof policy.priority !== 'function') {
      throw new PolicyError(policy.id, 'gives neither priority() nor choose()');
    }
    this.scheme = options.scheme ?? 'active';
    this.online = options.online ?? false;
    const root = createRng(options.seed ?? 1);
    const params = resolveParams(policy.params, options.params, `policy "${policy.id}"`);
    this.state = new RunState(
      compileInstance(instance),
      params,
      root.split('policy'),
      options.breakdowns,
      root.split('breakdowns'),
      this.scheme === 'insertion',
    );
    this.recorder = options.recordDecisions ? new DecisionRecorder(this.state.candJob.length) : undefined;
    this.view = new RunView(this.state, policy.id);
    this.plan = this.callPolicy(() => policy.prepare?.(this.view));
  }

  get now(): number {
    return this.state.time;
  }

  get done(): boolean {
    return this.state.done;
  }

  /** Fraction of operations placed, for progress bars. */
  get fractionDone(): number {
    return this.state.scheduledCount / this.state.instance.operationCount;
  }

  step(): boolean {
    const state = this.state;
    if (state.done) return false;
    if (!this.candidatesReady) formCandidates(state, this.scheme, this.online);
    this.candidatesReady = false;
    state.candidatesOffered += state.candCount;
    const chosen = this.callPolicy(() => this.decide());
    this.recorder?.capture(state, chosen, typeof this.policy.choose !== 'function');
    const job = state.candJob[chosen];
    state.place(state.jobNextOp[job], state.candAlt[chosen], state.candStart[chosen], state.candEnd[chosen]);
    state.decisions++;
    return true;
  }

  /**
   * The decision the last step() made: its candidates with their priorities, and the one chosen. Undefined before
   * the first decision, and always when the run was not created with `recordDecisions`.
   */
  lastDecision(): JobShopDecision | undefined {
    return this.recorder?.lastDecision();
  }

  runUntil(time: number): void {
    while (!this.state.done && this.peekTime() < time) this.step();
  }

  snapshot(): JobShopSnapshot {
    if (!this.state.done) this.peekTime();
    return buildSnapshot(this.state);
  }

  result(): JobShopResult {
    if (!this.state.done) throw new Error('result() before the run is done; call step() until done');
    const metrics = computeMetrics(this.state, this.state.calendar.hasBreakdowns);
    return buildResult(this.state, metrics, OBJECTIVES);
  }

  /** Forms the next decision's candidates without deciding, and returns its decision time. */
  private peekTime(): number {
    if (!this.candidatesReady) {
      formCandidates(this.state, this.scheme, this.online);
      this.candidatesReady = true;
    }
    return this.state.time;
  }

  /** Index of the chosen candidate. */
  private decide(): number {
    const policy = this.policy;
    if (typeof policy.choose === 'function') return this.resolveChoice(policy.choose(this.view, this.plan));
    const priority = policy.priority!;
    const { candJob, candAlt, candEnd, candCount } = this.state;
    const altMachine = this.state.instance.altMachine;
    // Undefined in a normal run: one check per candidate, no copy and no allocation.
    const recorded = this.recorder?.priorities;
    let best = 0;
    let bestValue = Infinity;
    for (let i = 0; i < candCount; i++) {
      const value = priority(this.view.cursorAt(i), this.view, this.plan);
      if (typeof value !== 'number' || value !== value) this.rejectPriority(i, value);
      if (recorded !== undefined) recorded[i] = value;
      // Candidates come in job order, so a tie with an earlier candidate goes to the lower job index for free.
      // Only a tie between machines of the same (flexible) operation needs a rule: the earlier end, then the lower
      // machine, because job-level rules (MWKR, EDD, ...) give all of an operation's machines the same value.
      if (
        i === 0 ||
        value < bestValue ||
        (value === bestValue &&
          candJob[i] === candJob[best] &&
          (candEnd[i] < candEnd[best] || (candEnd[i] === candEnd[best] && altMachine[candAlt[i]] < altMachine[candAlt[best]])))
      ) {
        best = i;
        bestValue = value;
      }
    }
    return best;
  }

  private rejectPriority(i: number, value: unknown): never {
    const c = this.view.cursorAt(i);
    const shown = typeof value === 'number' ? String(value) : `${typeof value} ${JSON.stringify(value) ?? ''}`.trim();
    throw new PolicyError(
      this.policy.id,
      `priority() returned ${shown} for job ${c.job} operation ${c.op} on machine ${c.machine}; expected a number`,
      this.state.time,
    );
  }

  /** Turns a `choose` answer into a candidate index, or stops the run saying why it is not a candidate. */
  private resolveChoice(choice: unknown): number {
    const { candJob, candAlt, candEnd, candCount } = this.state;
    const altMachine = this.state.instance.altMachine;
    let job: unknown = choice;
    let machine: unknown;
    if (typeof choice === 'object' && choice !== null) {
      job = (choice as { job?: unknown }).job;
      machine = (choice as { machine?: unknown }).machine;
    }
    let found = -1;
    for (let i = 0; i < candCount; i++) {
      if (candJob[i] !== job) continue;
      if (machine !== undefined) {
        if (altMachine[candAlt[i]] === machine) return i;
      } else if (found < 0 || candEnd[i] < candEnd[found]) {
        found = i; // No machine given: the job's alternative that ends first.
      }
    }
    if (found >= 0) return found;
    const offered = Array.from(candJob.subarray(0, candCount), (j, i) => `job ${j} on machine ${altMachine[candAlt[i]]}`);
    const asked = machine === undefined ? `job ${JSON.stringify(job)}` : `job ${JSON.stringify(job)} on machine ${JSON.stringify(machine)}`;
    throw new PolicyError(
      this.policy.id,
      `choose() returned ${asked}, which is not a candidate; candidates: ${[...new Set(offered)].join(', ')}`,
      this.state.time,
    );
  }

  /** Runs policy code, turning anything it throws into a PolicyError that keeps the original as its cause. */
  private callPolicy<T>(call: () => T): T {
    try {
      return call();
    } catch (error) {
      if (error instanceof PolicyError) throw error;
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw new PolicyError(this.policy.id, `threw ${message}`, this.state.decisions > 0 ? this.state.time : undefined, {
        cause: error,
      });
    }
  }
}

function checkOptions(options: JobShopRunOptions): void {
  if (options.scheme !== undefined && !SCHEMES.includes(options.scheme)) {
    throw new InputError(`unknown scheme "${options.scheme}"; expected one of ${SCHEMES.join(', ')}`);
  }
  if (options.seed !== undefined && !Number.isSafeInteger(options.seed)) {
    throw new InputError(`seed ${options.seed} is not a whole number`);
  }
  const b = options.breakdowns;
  if (b && !(Number.isFinite(b.mtbf) && b.mtbf > 0 && Number.isFinite(b.mttr) && b.mttr > 0)) {
    throw new InputError(`breakdowns need a positive mean time between failures and to repair (got ${b.mtbf}, ${b.mttr})`);
  }
}

/** Creates the step-wise form of a run. */
export function createSimulation(instance: JobShopInstance, policy: JobShopPolicy, options: JobShopRunOptions = {}): JobShopSimulation {
  return new JobShopSimulation(instance, policy, options);
}

/** Runs a policy on an instance to the end. */
export function simulate(instance: JobShopInstance, policy: JobShopPolicy, options: JobShopRunOptions = {}): JobShopResult {
  const sim = new JobShopSimulation(instance, policy, options);
  return runToEnd(sim, () => sim.fractionDone, options);
}
