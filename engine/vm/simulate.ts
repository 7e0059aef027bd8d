import { InputError, PolicyError } from '../core/errors';
import { resolveParams } from '../core/params';
import { createRng } from '../core/rng';
import { runToEnd, type Simulation } from '../core/simulation';
import { ClusterState, type CheckedMove } from './cluster-state';
import { DEFAULT_FRAGMENT_SIZE, fragmentRate } from './fragment';
import { OBJECTIVES } from './metrics';
import { compileScenario, type VmScenario } from './model';
import type { VmPolicy } from './policy-api';
import type { MigrationRecord, StopReason, VmResult, VmRunOptions, VmSnapshot } from './run-types';
import { RunView } from './view';

/**
 * A VM-rescheduling run in step-wise form: each step asks the policy for one migration and applies it, until the
 * policy answers null or the migration number limit is reached. `now` counts the migrations applied.
 * The run owns all its state; two simulations never share anything.
 */
export class VmSimulation implements Simulation<VmSnapshot, VmResult> {
  private readonly state: ClusterState;
  private readonly view: RunView;
  private readonly plan: unknown;
  private readonly limit: number;
  private readonly frBefore: number;
  private readonly fragmentCoresBefore: number;
  private readonly frCurve: number[];
  private readonly records: MigrationRecord[] = [];
  private decisions = 0;
  private stopReason: StopReason | undefined;

  constructor(
    scenario: VmScenario,
    private readonly policy: VmPolicy,
    options: VmRunOptions = {},
  ) {
    checkOptions(options);
    if (typeof policy.nextMigration !== 'function') throw new PolicyError(policy.id, 'gives no nextMigration()');
    this.limit = options.migrationLimit ?? scenario.migrationLimit ?? Infinity;
    this.state = new ClusterState(compileScenario(scenario), options.fragmentSize ?? DEFAULT_FRAGMENT_SIZE);
    const params = resolveParams(policy.params, options.params, `policy "${policy.id}"`);
    const rng = createRng(options.seed ?? 1).split('policy');
    this.view = new RunView(this.state, params, rng, policy.id, this.limit);
    this.frBefore = this.state.fragment.rate;
    this.fragmentCoresBefore = this.state.fragment.fragmentCores;
    this.frCurve = [this.frBefore];
    if (this.limit === 0) this.stopReason = 'limit';
    this.plan = this.callPolicy(() => policy.prepare?.(this.view));
  }

  get now(): number {
    return this.records.length;
  }

  get done(): boolean {
    return this.stopReason !== undefined;
  }

  /** Fraction of the migration budget used (0 while an unlimited run is going), for progress bars. */
  get fractionDone(): number {
    if (this.done) return 1;
    return Number.isFinite(this.limit) ? this.records.length / this.limit : 0;
  }

  step(): boolean {
    if (this.done) return false;
    this.decisions++;
    const answer = this.callPolicy(() => this.policy.nextMigration(this.view, this.plan));
    if (answer === null) {
      this.stopReason = 'policy';
      return true;
    }
    this.apply(this.checkAnswer(answer));
    if (this.records.length >= this.limit) this.stopReason = 'limit';
    return true;
  }

  runUntil(time: number): void {
    while (!this.done && this.records.length < time) this.step();
  }

  snapshot(): VmSnapshot {
    return {
      migrations: this.records.slice(),
      frCurve: this.frCurve.slice(),
      fragmentRate: this.state.fragment.rate,
      migrationLimit: this.limit,
      vmPm: Array.from(this.state.vmPm),
      vmNode: Array.from(this.state.vmNode),
      done: this.done,
    };
  }

  result(): VmResult {
    if (!this.done) throw new Error('result() before the run is done; call step() until done');
    const fragment = this.state.fragment;
    return {
      metrics: {
        frBefore: this.frBefore,
        frAfter: fragmentRate(fragment),
        migrations: this.records.length,
        fragmentCoresBefore: this.fragmentCoresBefore,
        fragmentCoresAfter: fragment.fragmentCores,
        freeCores: fragment.freeCores,
        decisions: this.decisions,
      },
      objectives: OBJECTIVES,
      frCurve: this.frCurve.slice(),
      migrations: this.records.slice(),
      counters: { decisions: this.decisions, migrations: this.records.length },
      stopReason: this.stopReason!,
    };
  }

  private apply(move: CheckedMove): void {
    const state = this.state;
    const pms = state.compiled.source.pms;
    const from = { pm: pms[state.vmPm[move.vm]].id, numa: state.numaList(move.vm, state.vmNode[move.vm]) };
    state.apply(move);
    this.records.push({ vm: state.compiled.source.vms[move.vm].id, from, to: { pm: pms[move.pm].id, numa: state.numaList(move.vm, move.node) } });
    this.frCurve.push(state.fragment.rate);
    this.view.migrations = this.records.length;
  }

  /** Turns the policy's answer into a checked move, or stops the run saying what was asked and why it is impossible. */
  private checkAnswer(answer: unknown): CheckedMove {
    const number = this.records.length + 1;
    if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
      const shown = answer === undefined ? 'undefined' : JSON.stringify(answer) ?? String(answer);
      throw new PolicyError(this.policy.id, `nextMigration() returned ${shown} for migration ${number}; expected { vm, pm, node? } or null to stop`);
    }
    const { vm, pm, node } = answer as { vm?: unknown; pm?: unknown; node?: unknown };
    const checked = this.state.check(vm, pm, node);
    if (checked.ok) return checked.move;
    throw new PolicyError(this.policy.id, `migration ${number}: ${this.describeAsk(vm, pm, node)} is impossible: ${checked.reason}`);
  }

  private describeAsk(vm: unknown, pm: unknown, node: unknown): string {
    const { compiled, vmPm, vmNode } = this.state;
    const nodePart = node === undefined || node === null ? '' : ` node ${String(node)}`;
    const pmPart = typeof pm === 'number' && pm >= 0 && pm < compiled.pmCount ? `PM ${pm} (${compiled.source.pms[pm].id})` : `PM ${String(pm)}`;
    if (!(typeof vm === 'number' && Number.isInteger(vm) && vm >= 0 && vm < compiled.vmCount)) return `moving VM ${String(vm)} to ${pmPart}${nodePart}`;
    const here = vmPm[vm];
    const mode = compiled.vmDouble[vm] === 1 ? 'double-NUMA' : 'single-NUMA';
    const at = compiled.vmDouble[vm] === 1 ? '' : ` node ${vmNode[vm]}`;
    return (
      `moving VM ${vm} (${compiled.source.vms[vm].id}, ${compiled.vmCpu[vm]} cores, ${compiled.vmMem[vm]} MB, ${mode}) ` +
      `from PM ${here} (${compiled.source.pms[here].id})${at} to ${pmPart}${nodePart}`
    );
  }

  /** Runs policy code, turning anything it throws into a PolicyError that keeps the original as its cause. */
  private callPolicy<T>(call: () => T): T {
    try {
      return call();
    } catch (error) {
      if (error instanceof PolicyError) throw error;
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw new PolicyError(this.policy.id, `threw ${message} before migration ${this.records.length + 1}`, undefined, { cause: error });
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
