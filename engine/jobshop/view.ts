import { PolicyError } from '../core/errors';
import type { Candidate, JobShopProblem, JobShopView } from './policy-api';
import type { RunState } from './run-state';

/**
 * The one candidate object a run hands to its policy, rewritten before every call. Reusing it keeps the hot loop
 * free of allocation; writing to it changes nothing in the engine, which reads its own buffers.
 */
export class CandidateCursor implements Candidate {
  job = 0;
  op = 0;
  machine = 0;
  duration = 0;
  earliestStart = 0;
  earliestEnd = 0;

  constructor(private readonly state: RunState) {}

  /** Points the cursor at candidate i of the current decision. */
  load(i: number): this {
    const s = this.state;
    const inst = s.instance;
    const job = s.candJob[i];
    const alt = s.candAlt[i];
    this.job = job;
    this.op = s.jobNextOp[job] - inst.jobOpStart[job];
    this.machine = inst.altMachine[alt];
    this.duration = inst.altDuration[alt];
    this.earliestStart = s.candStart[i];
    this.earliestEnd = s.candEnd[i];
    return this;
  }
}

/**
 * Read-only access to a run's state. Methods check their arguments, because a policy indexing past the end would
 * otherwise read `undefined` and quietly turn every priority into NaN.
 */
export class RunView implements JobShopView, JobShopProblem {
  private readonly cursor: CandidateCursor;

  constructor(
    private readonly state: RunState,
    private readonly policyId: string,
  ) {
    this.cursor = new CandidateCursor(state);
  }

  get time(): number {
    return this.state.time;
  }
  get jobCount(): number {
    return this.state.instance.jobCount;
  }
  get machineCount(): number {
    return this.state.instance.machineCount;
  }
  get decisions(): number {
    return this.state.decisions;
  }
  get candidateCount(): number {
    return this.state.candCount;
  }
  get hasDueDates(): boolean {
    return this.state.instance.hasDueDates;
  }

  candidate(i: number): Candidate {
    if (!(i >= 0 && i < this.state.candCount && Number.isInteger(i))) {
      this.fail(`asked for candidate ${i}, but there are ${this.state.candCount} (0..${this.state.candCount - 1})`);
    }
    return this.cursor.load(i);
  }

  /** The cursor used by the engine's priority loop (no bounds check needed there). */
  cursorAt(i: number): Candidate {
    return this.cursor.load(i);
  }

  machineReadyTime(machine: number): number {
    this.checkMachine(machine);
    return this.state.machineReady[machine];
  }
  machineRemainingLoad(machine: number): number {
    this.checkMachine(machine);
    return this.state.machineLoad[machine];
  }

  jobReadyTime(job: number): number {
    this.checkJob(job);
    return this.state.jobReady[job];
  }
  jobOpsDone(job: number): number {
    this.checkJob(job);
    return this.state.jobNextOp[job] - this.state.instance.jobOpStart[job];
  }
  jobOpCount(job: number): number {
    this.checkJob(job);
    const starts = this.state.instance.jobOpStart;
    return starts[job + 1] - starts[job];
  }
  jobOpsRemaining(job: number): number {
    this.checkJob(job);
    return this.state.instance.jobOpStart[job + 1] - this.state.jobNextOp[job];
  }
  jobRemainingWork(job: number): number {
    this.checkJob(job);
    const next = this.state.jobNextOp[job];
    return next < this.state.instance.jobOpStart[job + 1] ? this.state.instance.opTailWork[next] : 0;
  }
  jobTotalWork(job: number): number {
    this.checkJob(job);
    const inst = this.state.instance;
    return inst.jobOpStart[job + 1] > inst.jobOpStart[job] ? inst.opTailWork[inst.jobOpStart[job]] : 0;
  }
  jobRelease(job: number): number {
    this.checkJob(job);
    return this.state.instance.jobRelease[job];
  }
  jobDue(job: number): number {
    this.checkJob(job);
    return this.state.instance.jobDue[job];
  }
  jobWeight(job: number): number {
    this.checkJob(job);
    return this.state.instance.jobWeight[job];
  }
  jobReleased(job: number): boolean {
    this.checkJob(job);
    return this.state.instance.jobRelease[job] <= this.state.time;
  }

  opAlternativeCount(job: number, op: number): number {
    const o = this.globalOp(job, op);
    return this.state.instance.opAltStart[o + 1] - this.state.instance.opAltStart[o];
  }
  opMachine(job: number, op: number, alternative = 0): number {
    return this.state.instance.altMachine[this.altId(job, op, alternative)];
  }
  opDuration(job: number, op: number, alternative = 0): number {
    return this.state.instance.altDuration[this.altId(job, op, alternative)];
  }

  param(name: string): number {
    const value = this.state.params[name];
    if (value === undefined) this.fail(`read parameter "${name}", which it does not declare`);
    return value;
  }
  random(): number {
    return this.state.policyRng.next();
  }

  private globalOp(job: number, op: number): number {
    this.checkJob(job);
    const starts = this.state.instance.jobOpStart;
    const count = starts[job + 1] - starts[job];
    if (!(Number.isInteger(op) && op >= 0 && op < count)) this.fail(`asked for operation ${op} of job ${job}, which has ${count}`);
    return starts[job] + op;
  }
  private altId(job: number, op: number, alternative: number): number {
    const o = this.globalOp(job, op);
    const first = this.state.instance.opAltStart[o];
    const count = this.state.instance.opAltStart[o + 1] - first;
    if (!(Number.isInteger(alternative) && alternative >= 0 && alternative < count)) {
      this.fail(`asked for alternative ${alternative} of job ${job} operation ${op}, which has ${count}`);
    }
    return first + alternative;
  }
  private checkJob(job: number): void {
    if (!(Number.isInteger(job) && job >= 0 && job < this.state.instance.jobCount)) {
      this.fail(`asked about job ${job}, but jobs are 0..${this.state.instance.jobCount - 1}`);
    }
  }
  private checkMachine(machine: number): void {
    if (!(Number.isInteger(machine) && machine >= 0 && machine < this.state.instance.machineCount)) {
      this.fail(`asked about machine ${machine}, but machines are 0..${this.state.instance.machineCount - 1}`);
    }
  }
  private fail(detail: string): never {
    throw new PolicyError(this.policyId, detail, this.state.time);
  }
}
