/** Turns a finished run's state into the plain-data result: metrics, timeline, series, counters, requests. */
import { TimelineBuilder, type Timeline } from '../core/timeline';
import { computeMetrics, OBJECTIVES } from './metrics';
import type { RunState } from './run-state';
import type { LlmResult, RequestRecord } from './run-types';
import { SEGMENT, SEGMENT_NAMES } from './segment-log';
import type { LlmSeries, SeriesRecorder } from './series';
import type { GapRecorder } from './gap-recorder';

export interface FinishedRun {
  readonly state: RunState;
  readonly gaps: GapRecorder;
  readonly maxQueued: number;
  readonly counters: {
    readonly decisions: number;
    readonly iterations: number;
    readonly preemptions: number;
    readonly swaps: number;
    readonly migrations: number;
    readonly kvTransfers: number;
    readonly batchedRequests: number;
    readonly busyTime: number;
  };
  readonly options: { readonly timeline?: boolean };
}

function buildTimeline(state: RunState, enabled: boolean): Timeline {
  const lanes = enabled ? Array.from({ length: state.n }, (_, r) => ({ id: `r${r}`, label: `request ${r}` })) : [];
  const builder = new TimelineBuilder(lanes, SEGMENT_NAMES);
  if (!enabled) return builder.build();
  const log = state.segments;
  for (let i = 0; i < log.count; i++) {
    const kind = log.kind[i];
    const work = kind === SEGMENT.prefill || kind === SEGMENT.decode;
    builder.add({
      lane: log.request[i],
      start: log.start[i],
      end: log.end[i],
      group: kind,
      kind: work ? 'work' : 'down',
      label: `request ${log.request[i]} ${SEGMENT_NAMES[kind]} on replica ${log.replica[i]}`,
    });
  }
  return builder.build();
}

function buildSeries(state: RunState, series: SeriesRecorder): LlmSeries {
  const R = state.replicaCount;
  const blocks = state.cluster.kvBlocks;
  return {
    interval: series.interval,
    time: series.times(),
    inSystem: series.channel(0),
    queued: series.channel(1),
    running: series.channel(2),
    kvUsage: series.channel(3, 1 / (blocks * R)),
    replicaKvUsage: Array.from({ length: R }, (_, k) => series.channel(4 + k, 1 / blocks)),
    replicaQueue: Array.from({ length: R }, (_, k) => series.channel(4 + R + k)),
  };
}

function buildRequests(state: RunState): RequestRecord[] {
  const { arrival, prompt, output } = state.requests;
  const records: RequestRecord[] = new Array(state.n);
  for (let r = 0; r < state.n; r++) {
    records[r] = {
      id: r,
      arrival: arrival[r],
      promptTokens: prompt[r],
      outputTokens: output[r],
      firstTokenAt: state.firstToken[r],
      finishedAt: state.finishedAt[r],
      preemptions: state.preemptions[r],
      replica: state.replica[r],
    };
  }
  return records;
}

export function buildResult(run: FinishedRun, series: SeriesRecorder, events: number): LlmResult {
  const { state, counters } = run;
  const metrics = computeMetrics({ state, series, gaps: run.gaps, counters, maxQueued: run.maxQueued });
  return {
    metrics,
    objectives: OBJECTIVES,
    timeline: buildTimeline(state, run.options.timeline !== false),
    series: buildSeries(state, series),
    counters: {
      decisions: counters.decisions,
      events,
      iterations: counters.iterations,
      preemptions: counters.preemptions,
      swaps: counters.swaps,
      migrations: counters.migrations,
      kvTransfers: counters.kvTransfers,
    },
    requests: buildRequests(state),
  };
}
