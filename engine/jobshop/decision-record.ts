import type { RunState } from './run-state';
import type { JobShopCandidate, JobShopDecision } from './run-types';

/**
 * The last decision of a run that records decisions (JobShopRunOptions.recordDecisions), for step-by-step lessons.
 *
 * The candidate buffers of RunState are overwritten as soon as the next decision's candidates are formed (which
 * snapshot() does early), so the decision is copied into buffers of its own when it is made. Priorities are
 * written by the decide loop as the policy returns them: calling priority() again later would draw from the
 * policy's random streams a second time and change the run. Buffers are allocated once per run, like RunState's.
 */
export class DecisionRecorder {
  /** Written by the decide loop: priorities[i] is what priority() returned for candidate i. */
  readonly priorities: Float64Array;
  private readonly job: Int32Array;
  private readonly op: Int32Array;
  private readonly machine: Int32Array;
  private readonly start: Float64Array;
  private readonly end: Float64Array;
  private count = 0;
  private chosen = -1;
  private withPriorities = false;

  constructor(capacity: number) {
    this.priorities = new Float64Array(capacity);
    this.job = new Int32Array(capacity);
    this.op = new Int32Array(capacity);
    this.machine = new Int32Array(capacity);
    this.start = new Float64Array(capacity);
    this.end = new Float64Array(capacity);
  }

  /** Copies the current candidates and the choice; call after deciding and before the chosen one is placed. */
  capture(state: RunState, chosen: number, withPriorities: boolean): void {
    const inst = state.instance;
    for (let i = 0; i < state.candCount; i++) {
      const job = state.candJob[i];
      this.job[i] = job;
      this.op[i] = state.jobNextOp[job] - inst.jobOpStart[job];
      this.machine[i] = inst.altMachine[state.candAlt[i]];
      this.start[i] = state.candStart[i];
      this.end[i] = state.candEnd[i];
    }
    this.count = state.candCount;
    this.chosen = chosen;
    this.withPriorities = withPriorities;
  }

  /** The decision last captured, as plain data; undefined before the first. */
  lastDecision(): JobShopDecision | undefined {
    if (this.chosen < 0) return undefined;
    const candidates: JobShopCandidate[] = [];
    for (let i = 0; i < this.count; i++) {
      const candidate = { job: this.job[i], op: this.op[i], machine: this.machine[i], start: this.start[i], end: this.end[i] };
      candidates.push(this.withPriorities ? { ...candidate, priority: this.priorities[i] } : candidate);
    }
    return { candidates, chosen: this.chosen };
  }
}
