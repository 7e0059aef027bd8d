/**
 * State drift: a plan computed on a snapshot is applied to a cluster that kept changing while the policy thought.
 * Following the VMR2L protocol (its README: "many actions quickly become invalid once the solution time goes above
 * five seconds"): freeze the snapshot, let the policy plan, apply the arrivals and exits of the first L seconds
 * (L = the decision time), then replay the plan in order and drop what became impossible.
 */
import { ClusterState, type CheckedMove } from './cluster-state';
import type { CompiledScenario } from './compile';
import type { DroppedMigration, MigrationRecord, VmPlace } from './run-types';

export interface DriftOutcome {
  /** The state after the events and the surviving migrations. */
  readonly state: ClusterState;
  readonly eventsApplied: number;
  readonly arrivals: number;
  readonly exits: number;
  readonly rejectedArrivals: number;
  readonly frAtApply: number;
  /** FR after the events (index 0) and after each applied migration. */
  readonly frCurve: readonly number[];
  readonly applied: readonly MigrationRecord[];
  readonly dropped: readonly DroppedMigration[];
}

/** The place of a VM in a record, with the scenario's PM id. */
export function placeOf(state: ClusterState, vm: number, pm: number, node: number): VmPlace {
  return { pm: state.compiled.source.pms[pm].id, numa: state.numaList(vm, node) };
}

/** Applies the events with time <= decisionSeconds, then the plan (each move with the step that asked for it). */
export function applyPlanUnderDrift(
  compiled: CompiledScenario,
  fragmentSize: number,
  plan: readonly { readonly move: CheckedMove; readonly step: number }[],
  decisionSeconds: number,
): DriftOutcome {
  const state = new ClusterState(compiled, fragmentSize);
  let k = 0;
  let arrivals = 0;
  let exits = 0;
  let rejectedArrivals = 0;
  for (; k < compiled.eventTime.length && compiled.eventTime[k] <= decisionSeconds; k++) {
    const vm = compiled.eventVm[k];
    if (compiled.eventCreate[k] === 1) {
      arrivals++;
      if (!state.placeBestFit(vm)) {
        rejectedArrivals++;
        // A VM that found no room never joins the cluster; a later delete of it removes nothing.
        state.remove(vm);
      }
    } else {
      exits++;
      state.remove(vm);
    }
  }
  const frAtApply = state.fragment.rate;
  const frCurve = [frAtApply];
  const applied: MigrationRecord[] = [];
  const dropped: DroppedMigration[] = [];
  for (const { move, step } of plan) {
    const { vm, pm, node } = move;
    const id = compiled.vmIds[vm];
    const here = state.vmPm[vm];
    // The snapshot's place, for the record of a VM that has gone since.
    const fromPm = here >= 0 ? here : compiled.source.vms[vm].pm;
    const from = placeOf(state, vm, fromPm, here >= 0 ? state.vmNode[vm] : (compiled.source.vms[vm].node ?? -1));
    const to = placeOf(state, vm, pm, node);
    // The planned node exactly: the plan was made for it, and another node would be a different decision.
    const checked = state.check(vm, pm, compiled.vmDouble[vm] === 1 ? undefined : node);
    if (!checked.ok) {
      dropped.push({ vm: id, from, to, reason: checked.reason });
      continue;
    }
    state.apply(checked.move);
    applied.push({ vm: id, from, to, step });
    frCurve.push(state.fragment.rate);
  }
  return { state, eventsApplied: k, arrivals, exits, rejectedArrivals, frAtApply, frCurve, applied, dropped };
}
