import type { Objective } from '../core/policy';
import type { RunControl } from '../core/simulation';
import type { Timeline } from '../core/timeline';
import type { LlmSeries } from './series';

export interface LlmRunOptions extends RunControl {
  /** Seeds the policy's random stream (default 1). */
  readonly seed?: number;
  /** Parameter values by name; strings are parsed (from `--param k=v`). */
  readonly params?: Readonly<Record<string, number | string>>;
  /** Approximate number of buckets of the time series (default 600). */
  readonly seriesBuckets?: number;
  /** Build the per-request timeline (default true; a 20,000-request run gives ~60,000 bars). */
  readonly timeline?: boolean;
  /**
   * Keep the batch of the last iteration started, for `lastIteration()` (step-by-step lessons). Off by default: a
   * normal run copies and allocates nothing per batch.
   */
  readonly recordIterations?: boolean;
}

/** One request in an iteration's batch. */
export interface LlmBatchEntry {
  readonly request: number;
  /** Prompt tokens this iteration prefills for the request (0 for a decode step). */
  readonly prefillTokens: number;
  /** Whether the request decodes one token in this iteration (a prefill chunk is not a decode step). */
  readonly decode: boolean;
}

/** An iteration started on one replica: the batch a scheduling decision formed. */
export interface LlmIteration {
  readonly replica: number;
  /** Simulated start time of the iteration (s). */
  readonly start: number;
  /** The batch, in the order schedule() added the requests. */
  readonly batch: readonly LlmBatchEntry[];
}

/** One request's outcome; times in seconds from the start. */
export interface RequestRecord {
  /** Index in the scenario's request list (arrival order). */
  readonly id: number;
  readonly arrival: number;
  readonly promptTokens: number;
  readonly outputTokens: number;
  readonly firstTokenAt: number;
  readonly finishedAt: number;
  readonly preemptions: number;
  /** The replica it finished on. */
  readonly replica: number;
}

export interface LlmCounters {
  /** Policy calls: schedule, dispatch, migrate, placeDecode. */
  readonly decisions: number;
  /** Events the loop processed. */
  readonly events: number;
  readonly iterations: number;
  readonly preemptions: number;
  readonly swaps: number;
  readonly migrations: number;
  readonly kvTransfers: number;
}

export interface LlmResult {
  /** Metric name -> value; see METRICS in metrics.ts. No wall-clock values, so a run reproduces to the bit. */
  readonly metrics: Readonly<Record<string, number>>;
  readonly objectives: readonly Objective[];
  /** One lane per request: queued / prefill / decode / preempted / transfer segments (groups name the kinds). */
  readonly timeline: Timeline;
  readonly series: LlmSeries;
  readonly counters: LlmCounters;
  readonly requests: readonly RequestRecord[];
}

export interface ReplicaSnapshot {
  readonly busy: boolean;
  readonly waiting: readonly number[];
  readonly running: readonly number[];
  readonly swapped: readonly number[];
  readonly freeBlocks: number;
  readonly totalBlocks: number;
}

/** A plain-data picture of a run in progress, for progress views and step-by-step lessons. */
export interface LlmSnapshot {
  readonly time: number;
  readonly arrived: number;
  readonly finished: number;
  readonly replicas: readonly ReplicaSnapshot[];
  readonly done: boolean;
}
