/**
 * All mutable state of one run, as flat typed arrays indexed by request or by replica, and the bookkeeping every
 * state change shares (KV blocks, the lists of a replica, the segment log the timeline is drawn from). The
 * simulation decides when things happen; this file keeps the numbers consistent.
 */
import type { ResolvedCluster } from './cluster-config';
import type { CompiledRequests } from './compiled-requests';
import { emptyShape, type BatchShape } from './cost-model';
import { RequestList } from './request-list';
import type { LlmBatchEntry } from './run-types';
import { SegmentLog, SEGMENT } from './segment-log';

export const PHASE = { pending: 0, waiting: 1, running: 2, swapped: 3, transferring: 4, finished: 5 } as const;
export const PHASE_NAMES = ['pending', 'waiting', 'running', 'swapped', 'transferring', 'finished'] as const;

/** The batch of one replica: being formed, then in flight until its iteration ends. */
export class ReplicaBatch {
  requests = new Int32Array(64);
  tokens = new Int32Array(64);
  count = 0;
  /** Bytes moved over PCIe by swaps decided for this batch (charged to its iteration). */
  swapBytes = 0;
  preempted = 0;
  swaps = 0;
  readonly shape: BatchShape = emptyShape();
  /** Stamp that marks this batch's requests in RunState.batchStamp. */
  stamp = 0;
  start = 0;
  end = 0;

  add(request: number, tokens: number): void {
    if (this.count === this.requests.length) {
      const requests = new Int32Array(this.count * 2);
      requests.set(this.requests);
      this.requests = requests;
      const sizes = new Int32Array(this.count * 2);
      sizes.set(this.tokens);
      this.tokens = sizes;
    }
    this.requests[this.count] = request;
    this.tokens[this.count++] = tokens;
  }

  /** The batch as plain data (a copy: the buffers are reused by the replica's next iteration). */
  entries(): LlmBatchEntry[] {
    const out: LlmBatchEntry[] = new Array(this.count);
    for (let i = 0; i < this.count; i++) {
      const tokens = this.tokens[i];
      out[i] = { request: this.requests[i], prefillTokens: tokens, decode: tokens === 0 };
    }
    return out;
  }
}

export class RunState {
  readonly n: number;
  readonly replicaCount: number;
  readonly blockSize: number;
  // Per request.
  readonly phase: Uint8Array;
  readonly replica: Int32Array;
  readonly cached: Int32Array;
  /** Prefill target: prompt + tokens generated when it (re)started; the prefill is done when cached reaches it. */
  readonly target: Int32Array;
  readonly generated: Int32Array;
  readonly blocks: Int32Array;
  readonly preemptions: Int32Array;
  readonly batchStamp: Int32Array;
  /** Pending migration destination, -1 for none. */
  readonly migrateTo: Int32Array;
  readonly firstScheduled: Float64Array;
  readonly firstToken: Float64Array;
  readonly finishedAt: Float64Array;
  readonly lastToken: Float64Array;
  readonly finishOrder: Int32Array;
  finishedCount = 0;
  arrivedCount = 0;
  // Per replica.
  readonly totalBlocks: Int32Array;
  readonly freeBlocks: Int32Array;
  readonly swapFree: Int32Array;
  readonly busy: Uint8Array;
  readonly scheduled: Uint8Array;
  readonly waiting: RequestList[] = [];
  readonly running: RequestList[] = [];
  readonly swapped: RequestList[] = [];
  /** Disaggregation: requests whose KV waits for room on this (decode) replica, in order. */
  readonly incoming: RequestList[] = [];
  readonly batches: ReplicaBatch[] = [];
  readonly segments: SegmentLog;
  usedBlocksTotal = 0;
  peakUsedFraction = 0;
  nextStamp = 1;

  constructor(
    readonly requests: CompiledRequests,
    readonly cluster: ResolvedCluster,
  ) {
    const n = (this.n = requests.count);
    const r = (this.replicaCount = cluster.replicas);
    this.blockSize = cluster.blockSize;
    this.phase = new Uint8Array(n);
    this.replica = new Int32Array(n).fill(-1);
    this.cached = new Int32Array(n);
    this.target = Int32Array.from(requests.prompt);
    this.generated = new Int32Array(n);
    this.blocks = new Int32Array(n);
    this.preemptions = new Int32Array(n);
    this.batchStamp = new Int32Array(n);
    this.migrateTo = new Int32Array(n).fill(-1);
    this.firstScheduled = new Float64Array(n).fill(NaN);
    this.firstToken = new Float64Array(n).fill(NaN);
    this.finishedAt = new Float64Array(n).fill(NaN);
    this.lastToken = new Float64Array(n).fill(NaN);
    this.finishOrder = new Int32Array(n);
    this.totalBlocks = new Int32Array(r).fill(cluster.kvBlocks);
    this.freeBlocks = new Int32Array(r).fill(cluster.kvBlocks);
    this.swapFree = new Int32Array(r).fill(cluster.swapBlocks);
    this.busy = new Uint8Array(r);
    this.scheduled = new Uint8Array(r);
    for (let k = 0; k < r; k++) {
      this.waiting.push(new RequestList());
      this.running.push(new RequestList());
      this.swapped.push(new RequestList());
      this.incoming.push(new RequestList(4));
      this.batches.push(new ReplicaBatch());
    }
    this.segments = new SegmentLog(n);
  }

  blocksFor(tokens: number): number {
    return Math.ceil(tokens / this.blockSize);
  }

  prefillRemaining(request: number): number {
    const left = this.target[request] - this.cached[request];
    return left > 0 ? left : 0;
  }

  /** Takes `count` blocks of `replica` for `request` (the caller has checked they are free). */
  allocate(request: number, replica: number, count: number): void {
    if (count <= 0) return;
    this.blocks[request] += count;
    this.freeBlocks[replica] -= count;
    this.usedBlocksTotal += count;
  }

  /** Returns every block the request holds on `replica`. */
  release(request: number, replica: number): void {
    const count = this.blocks[request];
    this.blocks[request] = 0;
    this.freeBlocks[replica] += count;
    this.usedBlocksTotal -= count;
  }

  /** Records the peak KV use after a batch has taken its blocks. */
  notePeak(): void {
    const fraction = this.usedBlocksTotal / (this.cluster.kvBlocks * this.replicaCount);
    if (fraction > this.peakUsedFraction) this.peakUsedFraction = fraction;
  }

  /** Recompute preemption: the KV cache is dropped; the request must prefill prompt + generated tokens again. */
  preemptRecompute(request: number, now: number): void {
    const k = this.replica[request];
    this.running[k].remove(request);
    this.release(request, k);
    this.cached[request] = 0;
    this.target[request] = this.requests.prompt[request] + this.generated[request];
    this.phase[request] = PHASE.waiting;
    this.preemptions[request]++;
    this.waiting[k].unshift(request);
    this.segments.open(request, SEGMENT.preempted, now);
  }

  /** Swap preemption: the KV blocks move to CPU memory; returns the bytes moved. */
  preemptSwap(request: number, now: number): number {
    const k = this.replica[request];
    const count = this.blocks[request];
    this.running[k].remove(request);
    this.release(request, k);
    this.blocks[request] = count; // still held, in CPU memory
    this.swapFree[k] -= count;
    this.phase[request] = PHASE.swapped;
    this.preemptions[request]++;
    this.swapped[k].push(request);
    this.segments.open(request, SEGMENT.preempted, now);
    return count * this.blockSize * this.cluster.kvBytesPerToken;
  }

  /** Brings a swapped request back to its replica's GPU; returns the bytes moved. */
  swapIn(request: number, now: number): number {
    const k = this.replica[request];
    const count = this.blocks[request];
    this.swapped[k].remove(request);
    this.swapFree[k] += count;
    this.blocks[request] = 0;
    this.allocate(request, k, count);
    this.phase[request] = PHASE.running;
    this.running[k].push(request);
    this.segments.open(request, SEGMENT.decode, now);
    return count * this.blockSize * this.cluster.kvBytesPerToken;
  }

  finish(request: number, now: number): void {
    const k = this.replica[request];
    this.running[k].remove(request);
    this.release(request, k);
    this.phase[request] = PHASE.finished;
    this.finishedAt[request] = now;
    this.finishOrder[this.finishedCount++] = request;
    this.segments.close(request, now);
  }
}
