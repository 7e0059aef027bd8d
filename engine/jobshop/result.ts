import type { Objective } from '../core/policy';
import type { RunState } from './run-state';
import { scheduleTimeline } from './schedule-timeline';
import type { JobShopResult, JobShopSnapshot, ScheduledOperation } from './run-types';

/** The placed operations in decision order, as plain data. */
function scheduledOperations(state: RunState): ScheduledOperation[] {
  const inst = state.instance;
  const out: ScheduledOperation[] = new Array(state.scheduledCount);
  for (let k = 0; k < state.scheduledCount; k++) {
    const o = state.order[k];
    const job = inst.opJob[o];
    out[k] = { job, op: o - inst.jobOpStart[job], machine: inst.altMachine[state.opAlt[o]], start: state.opStart[o], end: state.opEnd[o] };
  }
  return out;
}

export function buildResult(state: RunState, metrics: Record<string, number>, objectives: readonly Objective[]): JobShopResult {
  const inst = state.instance;
  const schedule = scheduledOperations(state);
  const downtime = state.calendar.windowsBefore(metrics.makespan);
  return {
    metrics,
    objectives,
    schedule,
    downtime,
    timeline: scheduleTimeline(inst.machineCount, inst.jobCount, schedule, downtime),
    counters: { decisions: state.decisions, candidatesOffered: state.candidatesOffered },
  };
}

/** The schedule so far and the candidates of the next decision (formed by the caller when not done). */
export function buildSnapshot(state: RunState): JobShopSnapshot {
  const inst = state.instance;
  const candidates: ScheduledOperation[] = [];
  if (!state.done) {
    for (let i = 0; i < state.candCount; i++) {
      const job = state.candJob[i];
      candidates.push({
        job,
        op: state.jobNextOp[job] - inst.jobOpStart[job],
        machine: inst.altMachine[state.candAlt[i]],
        start: state.candStart[i],
        end: state.candEnd[i],
      });
    }
  }
  return {
    time: state.time,
    decisions: state.decisions,
    operationCount: inst.operationCount,
    schedule: scheduledOperations(state),
    candidates,
    done: state.done,
  };
}
