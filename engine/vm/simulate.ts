import { InputError, PolicyError } from '../core/errors';
import { resolveParams } from '../core/params';
import { createRng } from '../core/rng';
import { runToEnd, type Simulation } from '../core/simulation';
import { ClusterState, type CheckedMove } from './cluster-state';
import { compileScenario } from './compile';
import { describeAsk, showAnswer } from './decision-text';
import { applyPlanUnderDrift, placeOf, type DriftOutcome } from './drift';
import { DEFAULT_FRAGMENT_SIZE, fragmentRate } from './fragment';
import { clusterFigures, objectivesFor } from './metrics';
import type { VmScenario } from './model';
import type { Migration, VmObjective, VmPolicy } from './policy-api';
import type { MigrationRecord, PlacementRecord, StopReason, VmResult, VmRunOptions, VmSnapshot } from './run-types';
import { RunView } from './view';

type Mode = 'rescheduling' | 'placement';

/**
 * A VM run in step-wise form. Rescheduling: each step asks the policy for one migration and applies it, until the
 * policy answers null or the migration number limit is reached. Placement: each step asks for one placement (or a
 * migration that makes room), until null or nothing is pending. With drift, the steps build a plan on the frozen
 * snapshot, and the step that ends planning applies the drift's events and the plan. `now` counts decisions.
 * The run owns all its state; two simulations never share anything.
 */
export class VmSimulation implements Simulation<VmSnapshot, VmResult> {
  private readonly state: ClusterState;
  private readonly view: RunView;
  private readonly plan: unknown;
  private readonly mode: Mode;
  private readonly objective: VmObjective;
  private readonly limit: number;
  private readonly before: { readonly fr: number; readonly fragmentCores: number; readonly pmsUsed: number; readonly loadSpread: number };
  private readonly frCurve: number[];
  private readonly records: MigrationRecord[] = [];
  private readonly placements: PlacementRecord[] = [];
  private readonly moves: { move: CheckedMove; step: number }[] = [];
  private readonly topPriority: number;
  private decisions = 0;
  private decisionMs = 0;
  private stopReason: StopReason | undefined;
  private drift: DriftOutcome | undefined;

  constructor(
    scenario: VmScenario,
    private readonly policy: VmPolicy,
    private readonly options: VmRunOptions = {},
  ) {
    checkOptions(options);
    const compiled = compileScenario(scenario);
    this.mode = options.mode ?? (compiled.vmCount > compiled.placedCount ? 'placement' : 'rescheduling');
    this.objective = options.objective ?? 'fragment';
    const decide = this.mode === 'placement' ? policy.nextPlacement : policy.nextMigration;
    if (typeof decide !== 'function') {
      const needed = this.mode === 'placement' ? 'nextPlacement()' : 'nextMigration()';
      throw new PolicyError(policy.id, `gives no ${needed}, which a run in ${this.mode} mode calls`);
    }
    if (this.mode === 'rescheduling' && compiled.vmCount > compiled.placedCount) {
      throw new InputError(`the scenario has ${compiled.vmCount - compiled.placedCount} pending VMs; run it in placement mode`);
    }
    if (this.mode === 'placement' && options.drift) throw new InputError('state drift applies to rescheduling runs, not to placement');
    this.limit = options.migrationLimit ?? scenario.migrationLimit ?? Infinity;
    this.state = new ClusterState(compiled, options.fragmentSize ?? DEFAULT_FRAGMENT_SIZE);
    const params = resolveParams(policy.params, options.params, `policy "${policy.id}"`);
    const rng = createRng(options.seed ?? 1).split('policy');
    this.view = new RunView(this.state, params, rng, policy.id, this.limit, this.mode, this.objective, options.mipSolver);
    this.view.pendingCount = compiled.vmCount - compiled.placedCount;
    let top = -Infinity;
    for (let v = compiled.placedCount; v < compiled.vmCount; v++) top = Math.max(top, compiled.vmPriority[v]);
    this.topPriority = top;
    const figures = clusterFigures(this.state);
    this.before = { fr: this.state.fragment.rate, fragmentCores: this.state.fragment.fragmentCores, ...figures };
    this.frCurve = [this.before.fr];
    if (this.mode === 'rescheduling' && this.limit === 0) this.stopReason = 'limit';
    if (this.mode === 'placement' && this.view.pendingCount === 0) this.stopReason = 'placed-all';
    this.plan = this.callPolicy(() => policy.prepare?.(this.view));
    if (this.stopReason !== undefined) this.finishPlanning();
  }

  get now(): number {
    return this.decisions;
  }

  get done(): boolean {
    return this.stopReason !== undefined;
  }

  /** Fraction of the work done, for progress bars: the budget used, or the pending VMs placed. */
  get fractionDone(): number {
    if (this.done) return 1;
    if (this.mode === 'placement') return this.placements.length / (this.placements.length + this.view.pendingCount);
    return Number.isFinite(this.limit) ? this.records.length / this.limit : 0;
  }

  step(): boolean {
    if (this.done) return false;
    const step = this.decisions++;
    const answer = this.callPolicy(() =>
      this.mode === 'placement' ? this.policy.nextPlacement!(this.view, this.plan) : this.policy.nextMigration!(this.view, this.plan),
    );
    if (answer === null) {
      this.stop('policy');
      return true;
    }
    if (Array.isArray(answer)) {
      this.applyPlan(answer, step);
      return true;
    }
    const move = this.checkAnswer(answer, step);
    if (this.state.vmPm[move.vm] < 0) {
      this.state.apply(move);
      this.placements.push({ vm: this.state.compiled.vmIds[move.vm], to: placeOf(this.state, move.vm, move.pm, move.node), step });
      this.view.pendingCount--;
      if (this.view.pendingCount === 0) this.stop('placed-all');
      return true;
    }
    this.applyMigration(move, step);
    if (this.records.length >= this.limit) {
      if (this.mode === 'rescheduling') this.stop('limit');
    }
    return true;
  }

  /** A plan answer: every migration checked and applied in order, within the budget left. */
  private applyPlan(plan: readonly unknown[], step: number): void {
    const left = this.limit - this.records.length;
    if (plan.length > left) {
      throw new PolicyError(this.policy.id, `returned a plan of ${plan.length} migrations at ${this.ordinal(step)}, but only ${left} are left under the migration number limit`);
    }
    for (const answer of plan) {
      const move = this.checkAnswer(answer, step);
      if (this.state.vmPm[move.vm] < 0) throw new PolicyError(this.policy.id, `a plan may only migrate placed VMs; VM ${move.vm} is pending`);
      this.applyMigration(move, step);
    }
    if (this.mode === 'rescheduling' && this.records.length >= this.limit) this.stop('limit');
  }

  runUntil(decisions: number): void {
    while (!this.done && this.decisions < decisions) this.step();
  }

  snapshot(): VmSnapshot {
    const visible = this.state.compiled.vmCount;
    return {
      migrations: this.records.slice(),
      placements: this.placements.slice(),
      frCurve: this.frCurve.slice(),
      fragmentRate: this.state.fragment.rate,
      migrationLimit: this.limit,
      vmPm: Array.from(this.state.vmPm.subarray(0, visible)),
      vmNode: Array.from(this.state.vmNode.subarray(0, visible)),
      done: this.done,
    };
  }

  result(): VmResult {
    if (!this.done) throw new Error('result() before the run is done; call step() until done');
    const drift = this.drift;
    const final = drift?.state ?? this.state;
    const figures = clusterFigures(final);
    const migrations = drift?.applied ?? this.records;
    const metrics: Record<string, number> = {
      frBefore: this.before.fr,
      frAfter: fragmentRate(final.fragment),
      migrations: migrations.length,
      fragmentCoresBefore: this.before.fragmentCores,
      fragmentCoresAfter: final.fragment.fragmentCores,
      freeCores: final.fragment.freeCores,
      pmsUsedBefore: this.before.pmsUsed,
      pmsUsedAfter: figures.pmsUsed,
      loadSpreadBefore: this.before.loadSpread,
      loadSpreadAfter: figures.loadSpread,
      decisions: this.decisions,
    };
    if (drift) {
      Object.assign(metrics, {
        planned: this.records.length,
        dropped: drift.dropped.length,
        frPlanned: this.state.fragment.rate,
        frAtApply: drift.frAtApply,
        arrivals: drift.arrivals,
        exits: drift.exits,
        rejectedArrivals: drift.rejectedArrivals,
        decisionSeconds: this.decisionSeconds(),
      });
    }
    if (this.mode === 'placement') {
      const compiled = this.state.compiled;
      let placedTop = 0;
      for (let v = compiled.placedCount; v < compiled.vmCount; v++) if (this.state.vmPm[v] >= 0 && compiled.vmPriority[v] === this.topPriority) placedTop++;
      Object.assign(metrics, { placed: this.placements.length, unplaced: this.view.pendingCount, placedTopPriority: placedTop });
    }
    return {
      metrics,
      objectives: objectivesFor(this.mode, this.objective),
      mode: this.mode,
      frCurve: drift ? drift.frCurve.slice() : this.frCurve.slice(),
      migrations: migrations.slice(),
      placements: this.placements.slice(),
      ...(drift ? { drift: { plannedFrCurve: this.frCurve.slice(), eventsApplied: drift.eventsApplied, dropped: drift.dropped.slice() } } : {}),
      counters: { decisions: this.decisions, migrations: migrations.length },
      stopReason: this.stopReason!,
      notes: { ...this.view.notes },
      decisionMs: this.decisionMs,
    };
  }

  private stop(reason: StopReason): void {
    this.stopReason = reason;
    this.finishPlanning();
  }

  /** Under drift, the end of planning is when the cluster's changes and the plan are applied. */
  private finishPlanning(): void {
    if (!this.options.drift) return;
    this.drift = applyPlanUnderDrift(this.state.compiled, this.state.fragment.size, this.moves, this.decisionSeconds());
  }

  private decisionSeconds(): number {
    return this.options.drift?.decisionSeconds ?? this.decisionMs / 1000;
  }

  private applyMigration(move: CheckedMove, step: number): void {
    const state = this.state;
    const from = placeOf(state, move.vm, state.vmPm[move.vm], state.vmNode[move.vm]);
    state.apply(move);
    this.records.push({ vm: state.compiled.vmIds[move.vm], from, to: placeOf(state, move.vm, move.pm, move.node), step });
    this.moves.push({ move, step });
    this.frCurve.push(state.fragment.rate);
    this.view.migrations = this.records.length;
  }

  /** Turns the policy's answer into a checked move, or stops the run saying what was asked and why it is impossible. */
  private checkAnswer(answer: unknown, step: number): CheckedMove {
    const what = this.mode === 'placement' ? 'nextPlacement()' : 'nextMigration()';
    if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
      throw new PolicyError(this.policy.id, `${what} returned ${showAnswer(answer)} for ${this.ordinal(step)}; expected { vm, pm, node? } or null to stop`);
    }
    const { vm, pm, node } = answer as Partial<Migration>;
    const checked = this.state.check(vm, pm, node);
    let reason = checked.ok ? undefined : checked.reason;
    if (checked.ok && checked.move.vm >= this.state.compiled.vmCount) reason = `VM ${checked.move.vm} does not exist (VMs are 0..${this.state.compiled.vmCount - 1})`;
    if (checked.ok && this.state.vmPm[checked.move.vm] >= 0 && this.records.length >= this.limit) {
      reason = `the migration number limit (${this.limit}) is used up; place pending VMs or stop`;
    }
    if (reason === undefined && checked.ok) return checked.move;
    throw new PolicyError(this.policy.id, `${this.ordinal(step)}: ${describeAsk(this.state, vm, pm, node)} is impossible: ${reason}`);
  }

  /** "migration 3" in rescheduling (what a researcher counts), "decision 3" in placement. */
  private ordinal(step: number): string {
    return this.mode === 'placement' ? `decision ${step + 1}` : `migration ${this.records.length + 1}`;
  }

  /** Runs policy code, timing it, and turns anything it throws into a PolicyError that keeps the original as its cause. */
  private callPolicy<T>(call: () => T): T {
    const started = Date.now();
    try {
      return call();
    } catch (error) {
      if (error instanceof PolicyError) throw error;
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      const when = this.mode === 'placement' ? `at decision ${this.decisions}` : `before migration ${this.records.length + 1}`;
      throw new PolicyError(this.policy.id, `threw ${message} ${when}`, undefined, { cause: error });
    } finally {
      this.decisionMs += Date.now() - started;
    }
  }
}

function checkOptions(options: VmRunOptions): void {
  if (options.seed !== undefined && !Number.isSafeInteger(options.seed)) throw new InputError(`seed ${options.seed} is not a whole number`);
  const limit = options.migrationLimit;
  if (limit !== undefined && !(limit === Infinity || (Number.isInteger(limit) && limit >= 0))) {
    throw new InputError(`migration limit ${limit} is not a whole number >= 0`);
  }
  const size = options.fragmentSize;
  if (size !== undefined && !(Number.isInteger(size) && size >= 1)) throw new InputError(`fragment size ${size} is not a whole number >= 1`);
  const seconds = options.drift?.decisionSeconds;
  if (seconds !== undefined && !(Number.isFinite(seconds) && seconds >= 0)) throw new InputError(`decision time ${seconds} is not a number of seconds >= 0`);
  if (options.mode !== undefined && options.mode !== 'rescheduling' && options.mode !== 'placement') throw new InputError(`mode "${String(options.mode)}" is not rescheduling or placement`);
  const objective = options.objective;
  if (objective !== undefined && !['fragment', 'consolidation', 'balance'].includes(objective)) {
    throw new InputError(`objective "${String(objective)}" is not fragment, consolidation or balance`);
  }
}

/** Creates the step-wise form of a run. */
export function createSimulation(scenario: VmScenario, policy: VmPolicy, options: VmRunOptions = {}): VmSimulation {
  return new VmSimulation(scenario, policy, options);
}

/** Runs a policy on a scenario to the end. */
export function simulate(scenario: VmScenario, policy: VmPolicy, options: VmRunOptions = {}): VmResult {
  const sim = new VmSimulation(scenario, policy, options);
  return runToEnd(sim, () => sim.fractionDone, options);
}
