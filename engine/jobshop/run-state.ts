import type { Rng } from '../core/rng';
import type { ParamValues } from '../core/params';
import type { CompiledInstance } from './model';
import { MachineCalendar, MachineIntervals } from './machine-calendar';
import { MachineQueues } from './machine-queues';
import type { BreakdownModel } from './run-types';

/**
 * Everything one run owns: the clock, the partial schedule and the candidate buffers. Flat typed arrays, allocated
 * once per run, so a decision allocates nothing.
 */
export class RunState {
  readonly instance: CompiledInstance;
  /** Global id of each job's next operation; jobOpStart[j + 1] once the job is done. */
  readonly jobNextOp: Int32Array;
  /** End of each job's last scheduled operation (its release before the first). */
  readonly jobReady: Float64Array;
  /** End of the last operation appended on each machine. */
  readonly machineReady: Float64Array;
  /** Unscheduled work that must run on each machine (see JobShopView.machineRemainingLoad). */
  readonly machineLoad: Float64Array;
  /** Per global operation: chosen alternative, start and end; -1 / NaN until scheduled. */
  readonly opAlt: Int32Array;
  readonly opStart: Float64Array;
  readonly opEnd: Float64Array;
  /** Global operation ids in decision order. */
  readonly order: Int32Array;
  scheduledCount = 0;
  decisions = 0;
  candidatesOffered = 0;
  /** Decision time of the current (or last) decision. */
  time = 0;

  // Candidate buffers of the current decision: job, alternative id, earliest start and end.
  readonly candJob: Int32Array;
  readonly candAlt: Int32Array;
  readonly candStart: Float64Array;
  readonly candEnd: Float64Array;
  candCount = 0;

  readonly calendar: MachineCalendar;
  /** The insertion scheme searches gaps between placed operations; the others read per-machine queues. */
  readonly intervals: MachineIntervals[] | undefined;
  readonly queues: MachineQueues | undefined;

  constructor(
    instance: CompiledInstance,
    readonly params: ParamValues,
    readonly policyRng: Rng,
    breakdowns: BreakdownModel | undefined,
    breakdownRng: Rng,
    withIntervals: boolean,
  ) {
    this.instance = instance;
    const { jobCount, machineCount, operationCount } = instance;
    this.jobNextOp = instance.jobOpStart.slice(0, jobCount);
    this.jobReady = instance.jobRelease.slice();
    this.machineReady = new Float64Array(machineCount);
    this.machineLoad = new Float64Array(machineCount);
    for (let o = 0; o < operationCount; o++) {
      const first = instance.opAltStart[o];
      const count = instance.opAltStart[o + 1] - first;
      // Flexible work is spread over the machines it may use, at its shortest duration.
      for (let a = first; a < first + count; a++) this.machineLoad[instance.altMachine[a]] += instance.opMinDuration[o] / count;
    }
    this.opAlt = new Int32Array(operationCount).fill(-1);
    this.opStart = new Float64Array(operationCount).fill(NaN);
    this.opEnd = new Float64Array(operationCount).fill(NaN);
    this.order = new Int32Array(operationCount);
    let maxAlternatives = 0;
    for (let o = 0; o < operationCount; o++) {
      maxAlternatives = Math.max(maxAlternatives, instance.opAltStart[o + 1] - instance.opAltStart[o]);
    }
    const capacity = jobCount * maxAlternatives;
    this.candJob = new Int32Array(capacity);
    this.candAlt = new Int32Array(capacity);
    this.candStart = new Float64Array(capacity);
    this.candEnd = new Float64Array(capacity);
    this.calendar = new MachineCalendar(machineCount, breakdowns, breakdownRng);
    this.intervals = withIntervals ? Array.from({ length: machineCount }, () => new MachineIntervals()) : undefined;
    this.queues = withIntervals ? undefined : new MachineQueues(instance, this.jobReady, this.machineReady, this.calendar);
  }

  get done(): boolean {
    return this.scheduledCount === this.instance.operationCount;
  }

  /** Places operation `op` of its job on alternative `alt` over [start, end). */
  place(op: number, alt: number, start: number, end: number): void {
    const inst = this.instance;
    const job = inst.opJob[op];
    const machine = inst.altMachine[alt];
    this.opAlt[op] = alt;
    this.opStart[op] = start;
    this.opEnd[op] = end;
    this.order[this.scheduledCount++] = op;
    this.jobNextOp[job] = op + 1;
    this.jobReady[job] = end;
    if (end > this.machineReady[machine]) this.machineReady[machine] = end;
    const first = inst.opAltStart[op];
    const count = inst.opAltStart[op + 1] - first;
    for (let a = first; a < first + count; a++) this.machineLoad[inst.altMachine[a]] -= inst.opMinDuration[op] / count;
    this.intervals?.[machine].insert(start, end);
    this.queues?.placed(job, op, machine);
  }
}
