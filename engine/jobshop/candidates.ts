import type { RunState } from './run-state';
import type { Scheme } from './run-types';

/**
 * Fills the run's candidate buffers for the next decision, by schedule-generation scheme, and sets the decision
 * time. Candidates are listed by job, then by the operation's alternative order, which is what priority ties
 * fall back on.
 */
export function formCandidates(state: RunState, scheme: Scheme, online: boolean): void {
  if (scheme === 'insertion') listInsertionCandidates(state);
  else if (scheme === 'active') listActiveCandidates(state);
  else listNonDelayCandidates(state);
  if (online) dropUnreleased(state);
}

/**
 * Active (Giffler-Thompson): C* is the earliest end of any next operation, appended on its machine M*; the
 * candidates are the operations queued on M* that can start before C* (and the one that sets C*, which matters
 * only when it has length 0). Reads the per-machine queues, so only M*'s queue is scanned.
 */
function listActiveCandidates(state: RunState): void {
  const queues = state.queues!;
  queues.refresh();
  const { minEnd, minEndEntry } = queues;
  let bestEnd = Infinity;
  let bestMachine = -1;
  for (let m = 0; m < state.instance.machineCount; m++) {
    if (minEnd[m] < bestEnd) {
      bestEnd = minEnd[m];
      bestMachine = m;
    }
  }
  const { candJob, candAlt, candStart, candEnd } = state;
  let count = 0;
  let decisionTime = Infinity;
  for (let i = 0, size = queues.queueSize(bestMachine); i < size; i++) {
    const job = queues.entryJob(bestMachine, i);
    const start = queues.start(job, bestMachine);
    if (!(start < bestEnd || i === minEndEntry[bestMachine])) continue;
    const alt = queues.entryAlt(bestMachine, i);
    candJob[count] = job;
    candAlt[count] = alt;
    candStart[count] = start;
    candEnd[count] = queues.end(alt, bestMachine, start);
    if (start < decisionTime) decisionTime = start;
    count++;
  }
  state.candCount = count;
  state.time = decisionTime;
}

/**
 * Non-delay: the next operations that can start at the earliest possible start time t*, on whichever machines
 * reach it, listed by job and then by the operation's alternative order.
 */
function listNonDelayCandidates(state: RunState): void {
  const queues = state.queues!;
  queues.refresh();
  const { minStart } = queues;
  let earliest = Infinity;
  for (let m = 0; m < state.instance.machineCount; m++) if (minStart[m] < earliest) earliest = minStart[m];
  const { candJob, candAlt, candStart, candEnd } = state;
  let count = 0;
  for (let m = 0; m < state.instance.machineCount; m++) {
    if (minStart[m] !== earliest) continue;
    for (let i = 0, size = queues.queueSize(m); i < size; i++) {
      const job = queues.entryJob(m, i);
      const start = queues.start(job, m);
      if (start !== earliest) continue;
      const alt = queues.entryAlt(m, i);
      // Insertion sort by (job, alternative): usually a handful of candidates, already nearly in order.
      let k = count++;
      while (k > 0 && (candJob[k - 1] > job || (candJob[k - 1] === job && candAlt[k - 1] > alt))) {
        candJob[k] = candJob[k - 1];
        candAlt[k] = candAlt[k - 1];
        candEnd[k] = candEnd[k - 1];
        k--;
      }
      candJob[k] = job;
      candAlt[k] = alt;
      candEnd[k] = queues.end(alt, m, start);
    }
  }
  candStart.fill(earliest, 0, count);
  state.candCount = count;
  state.time = earliest;
}

/** Insertion: every job's next operation on each of its machines, at the earliest idle gap that fits it. */
function listInsertionCandidates(state: RunState): void {
  const inst = state.instance;
  const { altMachine, altDuration, opAltStart, jobOpStart } = inst;
  const { jobNextOp, jobReady, candJob, candAlt, candStart, candEnd } = state;
  let count = 0;
  let decisionTime = Infinity;
  for (let j = 0; j < inst.jobCount; j++) {
    const op = jobNextOp[j];
    if (op === jobOpStart[j + 1]) continue;
    for (let a = opAltStart[op], end = opAltStart[op + 1]; a < end; a++) {
      const start = earliestGap(state, altMachine[a], jobReady[j], altDuration[a]);
      candJob[count] = j;
      candAlt[count] = a;
      candStart[count] = start;
      candEnd[count] = state.calendar.finish(altMachine[a], start, altDuration[a]);
      if (start < decisionTime) decisionTime = start;
      count++;
    }
  }
  state.candCount = count;
  state.time = decisionTime;
}

/** Earliest start >= ready of `duration` units of work on `machine` that fits between the operations there. */
function earliestGap(state: RunState, machine: number, ready: number, duration: number): number {
  const { starts, ends } = state.intervals![machine];
  const calendar = state.calendar;
  // Skip the operations that end before the job is ready: no gap before them can be used.
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid] <= ready) lo = mid + 1;
    else hi = mid;
  }
  let from = ready;
  for (let k = lo; k < starts.length; k++) {
    const start = calendar.upAt(machine, from);
    if (calendar.finish(machine, start, duration) <= starts[k]) return start;
    if (ends[k] > from) from = ends[k];
  }
  return calendar.upAt(machine, from);
}

/** Online runs: a job not yet released at the decision time is not offered (the one that set the time always is). */
function dropUnreleased(state: RunState): void {
  const release = state.instance.jobRelease;
  const { candJob, candAlt, candStart, candEnd } = state;
  let kept = 0;
  for (let i = 0; i < state.candCount; i++) {
    if (release[candJob[i]] > state.time) continue;
    candJob[kept] = candJob[i];
    candAlt[kept] = candAlt[i];
    candStart[kept] = candStart[i];
    candEnd[kept] = candEnd[i];
    kept++;
  }
  state.candCount = kept;
}
