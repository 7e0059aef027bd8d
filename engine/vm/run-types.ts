import type { Objective } from '../core/policy';
import type { RunControl } from '../core/simulation';
import type { MipOptions, MipSolution, VmObjective } from './policy-api';

/** Solves a CPLEX-LP-format MIP synchronously; the worker or CLI that starts a run loads HiGHS and passes it in. */
export type MipSolver = (lp: string, options: MipOptions) => MipSolution;

/** State drift: the scenario's events of the first `decisionSeconds` happen before the plan is applied. */
export interface DriftOptions {
  /**
   * The policy's decision time in seconds. Leave it out to use the measured time the policy took (then the run
   * records it in metrics.decisionSeconds; pass that value to reproduce the run exactly).
   */
  readonly decisionSeconds?: number;
}

export interface VmRunOptions extends RunControl {
  /** Seeds the policy's random stream (default 1). */
  readonly seed?: number;
  /** Parameter values by name; strings are parsed (from `--param k=v`). */
  readonly params?: Readonly<Record<string, number | string>>;
  /** Migration number limit (MNL); default the scenario's, else none (Infinity). */
  readonly migrationLimit?: number;
  /** F in the fragment rate (default 16). */
  readonly fragmentSize?: number;
  /** Default: placement when the scenario has pending VMs, else rescheduling. */
  readonly mode?: 'rescheduling' | 'placement';
  /** What the run optimises besides migrations (default 'fragment'); it sets the reported objectives. */
  readonly objective?: VmObjective;
  /** State drift on (with these options) or off (left out). */
  readonly drift?: DriftOptions;
  /** The MIP solver `view.solveMip` calls. */
  readonly mipSolver?: MipSolver;
}

/** A place in a result record, with the scenario's PM id and the NUMA nodes used ([0, 1] for a double-NUMA VM). */
export interface VmPlace {
  readonly pm: string;
  readonly numa: readonly number[];
}

/** One applied migration, with the scenario's ids; `step` is the decision (0-based) that asked for it. */
export interface MigrationRecord {
  readonly vm: string;
  readonly from: VmPlace;
  readonly to: VmPlace;
  readonly step: number;
}

/** A pending VM placed (placement mode); `step` is the decision (0-based) that asked for it. */
export interface PlacementRecord {
  readonly vm: string;
  readonly to: VmPlace;
  readonly step: number;
}

/** A planned migration that state drift made impossible, and why. */
export interface DroppedMigration {
  readonly vm: string;
  readonly from: VmPlace;
  readonly to: VmPlace;
  readonly reason: string;
}

/**
 * Why the run ended: the policy answered null, the migration number limit was reached (rescheduling), or nothing
 * was left pending (placement).
 */
export type StopReason = 'policy' | 'limit' | 'placed-all';

export interface VmResult {
  /** Metric name -> value; see METRICS in metrics.ts. No wall-clock times, so a run reproduces to the bit. */
  readonly metrics: Readonly<Record<string, number>>;
  readonly objectives: readonly Objective[];
  readonly mode: 'rescheduling' | 'placement';
  /**
   * frCurve[k] is the fragment rate after k applied migrations; frCurve[0] is the FR before the first (after the
   * drift's arrivals and exits, in a run with drift).
   */
  readonly frCurve: readonly number[];
  /** The applied migrations, in order. */
  readonly migrations: readonly MigrationRecord[];
  /** Placement mode: the pending VMs placed, in order. */
  readonly placements: readonly PlacementRecord[];
  /** Drift: the FR curve of the plan on the frozen snapshot, the drift events applied, and the dropped migrations. */
  readonly drift?: {
    readonly plannedFrCurve: readonly number[];
    readonly eventsApplied: number;
    readonly dropped: readonly DroppedMigration[];
  };
  readonly counters: { readonly decisions: number; readonly migrations: number };
  readonly stopReason: StopReason;
  /** What the policy recorded with view.note() (a solver's status and gap, say). */
  readonly notes: Readonly<Record<string, number | string | boolean>>;
  /**
   * Wall time the policy took to decide, in ms (prepare and every call). A measurement, so it is kept out of
   * `metrics`, which reproduce to the bit.
   */
  readonly decisionMs: number;
}

/** A plain-data picture of a run in progress, for progress views and step-by-step lessons. */
export interface VmSnapshot {
  readonly migrations: readonly MigrationRecord[];
  readonly placements: readonly PlacementRecord[];
  readonly frCurve: readonly number[];
  readonly fragmentRate: number;
  readonly migrationLimit: number;
  /** Current PM index of every VM the policy sees (-1 while pending). */
  readonly vmPm: readonly number[];
  /** Current node of every single-NUMA VM; -1 for double-NUMA and pending VMs. */
  readonly vmNode: readonly number[];
  readonly done: boolean;
}
