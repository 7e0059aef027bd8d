import type { Objective } from '../core/policy';
import type { RunControl } from '../core/simulation';

export interface VmRunOptions extends RunControl {
  /** Seeds the policy's random stream (default 1). */
  readonly seed?: number;
  /** Parameter values by name; strings are parsed (from `--param k=v`). */
  readonly params?: Readonly<Record<string, number | string>>;
  /** Migration number limit (MNL); default the scenario's, else none (Infinity). */
  readonly migrationLimit?: number;
  /** F in the fragment rate (default 16). */
  readonly fragmentSize?: number;
}

/** A place in a result record, with the scenario's PM id and the NUMA nodes used ([0, 1] for a double-NUMA VM). */
export interface VmPlace {
  readonly pm: string;
  readonly numa: readonly number[];
}

/** One applied migration, with the scenario's ids. */
export interface MigrationRecord {
  readonly vm: string;
  readonly from: VmPlace;
  readonly to: VmPlace;
}

/** Why the run ended: the policy answered null, or the migration number limit was reached. */
export type StopReason = 'policy' | 'limit';

export interface VmResult {
  /** Metric name -> value; see METRICS in metrics.ts. No wall-clock times, so a run reproduces to the bit. */
  readonly metrics: Readonly<Record<string, number>>;
  readonly objectives: readonly Objective[];
  /** frCurve[k] is the fragment rate after k migrations; frCurve[0] is the FR before the first. */
  readonly frCurve: readonly number[];
  /** The applied migrations, in order. */
  readonly migrations: readonly MigrationRecord[];
  readonly counters: { readonly decisions: number; readonly migrations: number };
  readonly stopReason: StopReason;
}

/** A plain-data picture of a run in progress, for progress views and step-by-step lessons. */
export interface VmSnapshot {
  readonly migrations: readonly MigrationRecord[];
  readonly frCurve: readonly number[];
  readonly fragmentRate: number;
  readonly migrationLimit: number;
  /** Current PM index of every VM. */
  readonly vmPm: readonly number[];
  /** Current node of every single-NUMA VM; -1 for double-NUMA VMs. */
  readonly vmNode: readonly number[];
  readonly done: boolean;
}
