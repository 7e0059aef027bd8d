/**
 * The compact form of a run's schedule (run_artifacts.kind = 'timeline'), stored as JSON text.
 *
 * A schedule is a list of {job, op, machine, start, end} in decision order. Stored as objects it repeats five key
 * names per operation (about 55 bytes each); stored column-wise with small numbers it takes about 15, and Postgres
 * TOAST compresses the text further. Two versions of the format, told apart by the first element:
 *
 *   ["sd1", n, job_0..job_n-1, op_0.., machine_0.., startDelta_0.., length_0..]
 *     Used when every start and end is a safe integer (the usual case: durations and breakdowns are whole
 *     numbers). start_i = start_{i-1} + startDelta_i with start_{-1} = 0, and end_i = start_i + length_i.
 *     Decisions come roughly in time order, so the deltas are small; integer arithmetic makes the round trip exact.
 *
 *   ["sc1", n, job.., op.., machine.., start.., end..]
 *     Plain columns for schedules with fractional times (fractional release dates). Deltas are not used there
 *     because floating-point subtraction and addition do not always round-trip to the same double.
 *
 * JSON carries every finite double exactly (shortest round-trip form); -0 becomes 0, which JSON payloads cannot
 * carry anyway. Non-finite times are refused: the payload schema never lets them in.
 */
import type { ScheduledOperation } from '../engine/jobshop/run-types';

export const TIMELINE_KIND = 'timeline';

const DELTA_FORMAT = 'sd1';
const COLUMNS_FORMAT = 'sc1';

function allSafeIntegerArithmetic(schedule: readonly ScheduledOperation[]): boolean {
  let previousStart = 0;
  for (const { start, end } of schedule) {
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return false;
    // The delta and the length must be safe too, or the decoder's additions could round.
    if (!Number.isSafeInteger(start - previousStart) || !Number.isSafeInteger(end - start)) return false;
    previousStart = start;
  }
  return true;
}

export function encodeSchedule(schedule: readonly ScheduledOperation[]): string {
  const n = schedule.length;
  const jobs = new Array<number>(n);
  const ops = new Array<number>(n);
  const machines = new Array<number>(n);
  const first = new Array<number>(n);
  const second = new Array<number>(n);
  const useDeltas = allSafeIntegerArithmetic(schedule);
  let previousStart = 0;
  for (let i = 0; i < n; i++) {
    const { job, op, machine, start, end } = schedule[i];
    if (![job, op, machine, start, end].every(Number.isFinite)) {
      throw new RangeError(`schedule entry ${i} has a non-finite value`);
    }
    jobs[i] = job;
    ops[i] = op;
    machines[i] = machine;
    if (useDeltas) {
      first[i] = start - previousStart;
      second[i] = end - start;
      previousStart = start;
    } else {
      first[i] = start;
      second[i] = end;
    }
  }
  const format = useDeltas ? DELTA_FORMAT : COLUMNS_FORMAT;
  return JSON.stringify([format, n, ...jobs, ...ops, ...machines, ...first, ...second]);
}

export function decodeSchedule(data: string): ScheduledOperation[] {
  const flat: unknown = JSON.parse(data);
  if (!Array.isArray(flat) || flat.length < 2) throw new Error('timeline artifact: not a flat array');
  const [format, n] = flat as [unknown, unknown];
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0 || flat.length !== 2 + 5 * n) {
    throw new Error('timeline artifact: length does not match the operation count');
  }
  if (format !== DELTA_FORMAT && format !== COLUMNS_FORMAT) {
    throw new Error(`timeline artifact: unknown format ${JSON.stringify(format)}`);
  }
  const values = flat as number[];
  const column = (c: number, i: number) => values[2 + c * n + i];
  const schedule = new Array<ScheduledOperation>(n);
  let start = 0;
  for (let i = 0; i < n; i++) {
    let end: number;
    if (format === DELTA_FORMAT) {
      start += column(3, i);
      end = start + column(4, i);
    } else {
      start = column(3, i);
      end = column(4, i);
    }
    schedule[i] = { job: column(0, i), op: column(1, i), machine: column(2, i), start, end };
  }
  return schedule;
}
