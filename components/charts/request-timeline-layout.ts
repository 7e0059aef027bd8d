import type { Timeline } from '../../engine/core/timeline';

/**
 * The arithmetic of the request timeline, apart from any drawing so it can be tested in Node: the bars as typed
 * arrays, which row each bar goes in (one lane per request, or requests packed into lanes under their replica),
 * and which rows a time window needs. A run on azure-conv has ~19,000 requests and ~60,000 bars; everything here
 * is linear or n log n once per run, so zooming and hovering only read arrays.
 */

/** Segment kinds as the engine numbers them (timeline.groups): queued, prefill, decode, preempted, transfer. */
export const SEGMENT_KINDS = ['queued', 'prefill', 'decode', 'preempted', 'transfer'] as const;
export type SegmentKindName = (typeof SEGMENT_KINDS)[number];

export interface BarIndex {
  readonly count: number;
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly kind: Uint8Array;
  readonly request: Int32Array;
  readonly replica: Int32Array;
  readonly requestCount: number;
  readonly replicaCount: number;
  readonly horizon: number;
  /** Per request: the largest end of its bars so far over requests 0..r (non-decreasing, for binary search). */
  readonly prefixMaxEnd: Float64Array;
  /** Per request: the smallest start of its bars over requests r..n-1 (non-decreasing). */
  readonly suffixMinStart: Float64Array;
}

const REPLICA_IN_LABEL = /replica (\d+)$/;

/**
 * Bars of an LLM timeline as typed arrays. The engine puts the request in `lane`, the kind in `group` and the
 * replica at the end of the label ("request 7 decode on replica 1"); the label is the only place it says the
 * replica, so it is read from there once.
 */
export function indexBars(timeline: Timeline): BarIndex {
  const n = timeline.bars.length;
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  const kind = new Uint8Array(n);
  const request = new Int32Array(n);
  const replica = new Int32Array(n);
  const requestCount = timeline.lanes.length;
  let replicaCount = 1;
  const firstStart = new Float64Array(requestCount).fill(Infinity);
  const lastEnd = new Float64Array(requestCount).fill(-Infinity);
  timeline.bars.forEach((bar, i) => {
    start[i] = bar.start;
    end[i] = bar.end;
    kind[i] = bar.group;
    request[i] = bar.lane;
    const k = Number(REPLICA_IN_LABEL.exec(bar.label)?.[1] ?? 0);
    replica[i] = k;
    if (k + 1 > replicaCount) replicaCount = k + 1;
    if (bar.start < firstStart[bar.lane]) firstStart[bar.lane] = bar.start;
    if (bar.end > lastEnd[bar.lane]) lastEnd[bar.lane] = bar.end;
  });
  const prefixMaxEnd = new Float64Array(requestCount);
  let max = -Infinity;
  for (let r = 0; r < requestCount; r++) prefixMaxEnd[r] = max = Math.max(max, lastEnd[r]);
  const suffixMinStart = new Float64Array(requestCount);
  let min = Infinity;
  for (let r = requestCount - 1; r >= 0; r--) suffixMinStart[r] = min = Math.min(min, firstStart[r]);
  return { count: n, start, end, kind, request, replica, requestCount, replicaCount, horizon: timeline.horizon, prefixMaxEnd, suffixMinStart };
}

export type LaneMode = 'request' | 'replica';

export interface RowBand {
  readonly label: string;
  readonly firstRow: number;
  readonly rows: number;
}

export interface RowLayout {
  readonly mode: LaneMode;
  readonly rowCount: number;
  /** Bars of row r are order[rowStart[r] .. rowStart[r + 1] - 1]. */
  readonly rowStart: Int32Array;
  readonly order: Int32Array;
  /** Replica bands (replica mode); empty in request mode. */
  readonly bands: readonly RowBand[];
}

/** Groups bars by row (counting sort): what drawing visible rows and hit-testing a row both need. */
function groupByRow(index: BarIndex, rowOf: Int32Array, rowCount: number): { rowStart: Int32Array; order: Int32Array } {
  const rowStart = new Int32Array(rowCount + 1);
  for (let i = 0; i < index.count; i++) rowStart[rowOf[i] + 1]++;
  for (let r = 0; r < rowCount; r++) rowStart[r + 1] += rowStart[r];
  const fill = rowStart.slice(0, rowCount);
  const order = new Int32Array(index.count);
  for (let i = 0; i < index.count; i++) order[fill[rowOf[i]]++] = i;
  return { rowStart, order };
}

/** One lane per request, in arrival order. */
export function requestRows(index: BarIndex): RowLayout {
  return { mode: 'request', rowCount: index.requestCount, ...groupByRow(index, index.request, index.requestCount), bands: [] };
}

/**
 * Lanes per replica: each replica a band, its requests packed into as few lanes as never overlap (greedy by start
 * time, first free lane), so a band is as tall as the replica's peak number of requests in the system. A request
 * that migrated appears in the band of each replica it spent time on.
 */
export function replicaRows(index: BarIndex): RowLayout {
  // Span of each (replica, request) pair, keyed by replica * requests + request.
  const spans = new Map<number, { replica: number; request: number; start: number; end: number }>();
  for (let i = 0; i < index.count; i++) {
    const key = index.replica[i] * index.requestCount + index.request[i];
    const span = spans.get(key);
    if (!span) spans.set(key, { replica: index.replica[i], request: index.request[i], start: index.start[i], end: index.end[i] });
    else {
      if (index.start[i] < span.start) span.start = index.start[i];
      if (index.end[i] > span.end) span.end = index.end[i];
    }
  }
  const byReplica: { replica: number; request: number; start: number; end: number }[][] = Array.from({ length: index.replicaCount }, () => []);
  for (const span of spans.values()) byReplica[span.replica].push(span);
  const laneOf = new Map<number, number>();
  const bands: RowBand[] = [];
  let next = 0;
  byReplica.forEach((list, k) => {
    list.sort((a, b) => a.start - b.start || a.request - b.request);
    const laneEnds: number[] = [];
    for (const span of list) {
      let lane = laneEnds.findIndex((end) => end <= span.start);
      if (lane < 0) lane = laneEnds.push(0) - 1;
      laneEnds[lane] = span.end;
      laneOf.set(k * index.requestCount + span.request, next + lane);
    }
    const rows = Math.max(1, laneEnds.length);
    bands.push({ label: `replica ${k}`, firstRow: next, rows });
    next += rows;
  });
  const rowOf = new Int32Array(index.count);
  for (let i = 0; i < index.count; i++) rowOf[i] = laneOf.get(index.replica[i] * index.requestCount + index.request[i])!;
  return { mode: 'replica', rowCount: next, ...groupByRow(index, rowOf, next), bands };
}

/** First index in a non-decreasing array whose value is >= x (array length when none). */
function lowerBound(values: Float64Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Rows to show for the time window [t0, t1]. Requests arrive in order, so the requests alive in a window are (all
 * but a few) a contiguous range: the first whose life reaches t0 to the last that started by t1. Zooming in on time
 * therefore zooms in on lanes too, and only those lanes are drawn. Replica mode shows every lane (a band is as tall
 * as the replica's concurrency, not its request count).
 */
export function visibleRows(layout: RowLayout, index: BarIndex, t0: number, t1: number): [number, number] {
  if (layout.rowCount === 0) return [0, -1];
  if (layout.mode === 'replica') return [0, layout.rowCount - 1];
  const first = Math.min(lowerBound(index.prefixMaxEnd, t0), layout.rowCount - 1);
  // suffixMinStart is non-decreasing: the last request with a start <= t1 is one before the first start > t1.
  let lo = 0;
  let hi = index.requestCount;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.suffixMinStart[mid] <= t1) lo = mid + 1;
    else hi = mid;
  }
  const last = Math.max(first, lo - 1);
  return [first, last];
}

/** The bar of `row` covering time t (the last drawn one, as it is on top), or -1. */
export function barAt(layout: RowLayout, index: BarIndex, row: number, t: number, slack = 0): number {
  if (row < 0 || row >= layout.rowCount) return -1;
  let found = -1;
  for (let j = layout.rowStart[row]; j < layout.rowStart[row + 1]; j++) {
    const i = layout.order[j];
    if (index.start[i] - slack <= t && t <= index.end[i] + slack) found = i;
  }
  return found;
}
