import type { RunState } from './run-state';
import type { Scheme } from './run-types';

/**
 * Fills the run's candidate buffers for the next decision, by schedule-generation scheme, and sets the decision
 * time. Candidates are listed by job, then by the operation's alternative order, which is what priority ties
 * fall back on.
 */
export function formCandidates(state: RunState, scheme: Scheme, online: boolean): void {
  if (scheme === 'insertion') listInsertionCandidates(state);
  else listAppendCandidates(state, scheme);
  if (online) dropUnreleased(state);
  state.candidatesOffered += state.candCount;
}

/**
 * Active (Giffler-Thompson) and non-delay: every job's next operation on each of its machines, appended after the
 * machine's last operation. Active keeps those on the machine of the earliest completion C* that can start before
 * C*; non-delay keeps those that can start at the earliest start time.
 */
function listAppendCandidates(state: RunState, scheme: Scheme): void {
  const inst = state.instance;
  const { altMachine, altDuration, opAltStart, jobOpStart } = inst;
  const { jobNextOp, jobReady, machineReady, calendar, candJob, candAlt, candStart, candEnd } = state;
  const breakdowns = calendar.hasBreakdowns;
  let count = 0;
  let bestEnd = Infinity;
  let bestMachine = -1;
  let bestIndex = -1;
  let minStart = Infinity;
  for (let j = 0; j < inst.jobCount; j++) {
    const op = jobNextOp[j];
    if (op === jobOpStart[j + 1]) continue;
    const ready = jobReady[j];
    for (let a = opAltStart[op], end = opAltStart[op + 1]; a < end; a++) {
      const m = altMachine[a];
      let start = ready > machineReady[m] ? ready : machineReady[m];
      let finish: number;
      if (breakdowns) {
        start = calendar.upAt(m, start);
        finish = calendar.finish(m, start, altDuration[a]);
      } else {
        finish = start + altDuration[a];
      }
      candJob[count] = j;
      candAlt[count] = a;
      candStart[count] = start;
      candEnd[count] = finish;
      count++;
      if (finish < bestEnd || (finish === bestEnd && m < bestMachine)) {
        bestEnd = finish;
        bestMachine = m;
        bestIndex = count - 1;
      }
      if (start < minStart) minStart = start;
    }
  }
  // Compact in place: the kept candidates keep their order.
  let kept = 0;
  let decisionTime = Infinity;
  for (let i = 0; i < count; i++) {
    // The operation that sets C* always belongs to its own conflict set, even with a zero duration (orb07 has
    // one), where its start equals C*.
    const keep =
      scheme === 'active'
        ? i === bestIndex || (altMachine[candAlt[i]] === bestMachine && candStart[i] < bestEnd)
        : candStart[i] === minStart;
    if (!keep) continue;
    if (candStart[i] < decisionTime) decisionTime = candStart[i];
    candJob[kept] = candJob[i];
    candAlt[kept] = candAlt[i];
    candStart[kept] = candStart[i];
    candEnd[kept] = candEnd[i];
    kept++;
  }
  state.candCount = kept;
  state.time = decisionTime;
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
