/**
 * Rebuilds the cluster of a finished run at any step from its plain-data records, with the engine's own state
 * (ClusterState), so a viewer never re-implements where a drift arrival goes (placeBestFit) or how a placement
 * changes free cores. The lab's stepper and occupancy map use it; a run result carries only records, not a copy
 * of the cluster per step.
 *
 * Steps are the records in the order the run made them: migrations in rescheduling; placements and the migrations
 * that made room, merged by the decision (`step`) that asked for them, in placement mode. Under drift, the
 * result's migrations are the applied ones, and they come after the drift's events: the replay starts from the
 * snapshot with the first `eventsApplied` events done, exactly as applyPlanUnderDrift (drift.ts) does them.
 */
import { ClusterState } from './cluster-state';
import { compileScenario, type CompiledScenario } from './compile';
import { DEFAULT_FRAGMENT_SIZE } from './fragment';
import type { VmScenario } from './model';
import type { VmPlace, VmResult } from './run-types';

/** One step of a run, as the replay applies it. */
export interface ReplayStep {
  readonly kind: 'migration' | 'placement';
  readonly vm: string;
  /** Where the VM was (a migration); undefined for a placement. */
  readonly from?: VmPlace;
  readonly to: VmPlace;
}

/** The cluster after some steps; VM arrays are indexed like `VmReplay.vmIds`. */
export interface ReplayFrame {
  readonly vmPm: Int32Array;
  readonly vmNode: Int32Array;
  /** Cores in use per node, in global node order (PM p's nodes follow those of PMs 0..p-1). */
  readonly usedCpu: Float64Array;
  readonly fragmentRate: number;
  /** Steps the state refused (a record that does not fit this scenario); 0 for a result of this scenario. */
  readonly skipped: number;
}

type Records = Pick<VmResult, 'migrations' | 'placements' | 'drift'>;

export class VmReplay {
  readonly steps: readonly ReplayStep[];
  /** VM ids in the engine's order: the snapshot's, the pending ones, then those drift events create. */
  readonly vmIds: readonly string[];
  readonly vmCpu: Float64Array;
  /** Drift events done before the first step (0 without drift). */
  readonly eventsApplied: number;
  private readonly compiled: CompiledScenario;
  private readonly pmIndex: ReadonlyMap<string, number>;
  private readonly start: ClusterState;

  constructor(scenario: VmScenario, result: Records, fragmentSize: number = DEFAULT_FRAGMENT_SIZE) {
    this.compiled = compileScenario(scenario);
    this.vmIds = this.compiled.vmIds;
    this.vmCpu = this.compiled.vmCpu;
    this.pmIndex = new Map(scenario.pms.map((p, i) => [p.id, i]));
    this.steps = mergeSteps(result);
    this.eventsApplied = result.drift?.eventsApplied ?? 0;
    this.start = new ClusterState(this.compiled, fragmentSize);
    applyEvents(this.start, this.eventsApplied);
  }

  /** The snapshot as the run got it (before any drift event). */
  snapshot(): ReplayFrame {
    const state = new ClusterState(this.compiled, this.start.fragment.size);
    return frame(state, 0);
  }

  /** The cluster after the drift's events and the first `k` steps (clamped to 0..steps.length). */
  at(k: number): ReplayFrame {
    const state = this.start.clone();
    const end = Math.max(0, Math.min(k, this.steps.length));
    let skipped = 0;
    for (let i = 0; i < end; i++) if (!this.apply(state, this.steps[i])) skipped++;
    return frame(state, skipped);
  }

  /** The fragment rate after the events and after each step: index 0 before the first step. One pass. */
  fragmentRates(): number[] {
    const state = this.start.clone();
    const rates = [state.fragment.rate];
    for (const step of this.steps) {
      this.apply(state, step);
      rates.push(state.fragment.rate);
    }
    return rates;
  }

  private apply(state: ClusterState, step: ReplayStep): boolean {
    const vm = this.compiled.vmIndex.get(step.vm);
    const pm = this.pmIndex.get(step.to.pm);
    if (vm === undefined || pm === undefined) return false;
    const checked = state.check(vm, pm, step.to.numa.length === 1 ? step.to.numa[0] : undefined);
    if (!checked.ok) return false;
    state.apply(checked.move);
    return true;
  }
}

/** Placements and migrations in the order the run made them (by decision; a stable sort keeps a plan's order). */
function mergeSteps(result: Records): ReplayStep[] {
  const tagged = [
    ...result.migrations.map((m, i) => ({ at: m.step, order: i, step: { kind: 'migration' as const, vm: m.vm, from: m.from, to: m.to } })),
    ...result.placements.map((p, i) => ({ at: p.step, order: result.migrations.length + i, step: { kind: 'placement' as const, vm: p.vm, to: p.to } })),
  ];
  // Under drift the applied migrations keep the steps of the plan, and placement mode has no drift, so sorting by
  // step never reorders a drift run's migrations.
  tagged.sort((a, b) => a.at - b.at || a.order - b.order);
  return tagged.map((t) => t.step);
}

/** The first `count` drift events, as applyPlanUnderDrift applies them (a VM that finds no room never joins). */
function applyEvents(state: ClusterState, count: number): void {
  const c = state.compiled;
  for (let k = 0; k < Math.min(count, c.eventTime.length); k++) {
    const vm = c.eventVm[k];
    if (c.eventCreate[k] === 1) {
      if (!state.placeBestFit(vm)) state.remove(vm);
    } else {
      state.remove(vm);
    }
  }
}

function frame(state: ClusterState, skipped: number): ReplayFrame {
  const used = new Float64Array(state.freeCpu.length);
  for (let g = 0; g < used.length; g++) used[g] = state.compiled.nodeCpu[g] - state.freeCpu[g];
  return { vmPm: state.vmPm, vmNode: state.vmNode, usedCpu: used, fragmentRate: state.fragment.rate, skipped };
}
