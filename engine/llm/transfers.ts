/**
 * KV caches moving between replicas: after the prefill in a disaggregated cluster (DistServe), and migrations a
 * dispatcher asks for (Llumnix). Both are stop-and-copy: the request pauses; the destination's blocks are taken
 * when the copy starts and the source's are freed when it lands. A transfer takes the fixed transfer latency plus
 * the KV bytes over the network bandwidth between replicas.
 */
import { PolicyError } from '../core/errors';
import type { LlmPolicy } from './policy-api';
import { PHASE, PHASE_NAMES, type RunState } from './run-state';
import { SEGMENT } from './segment-log';
import type { RunView } from './view';

interface HostPart {
  readonly policy: LlmPolicy;
  readonly view: RunView;
  plan: unknown;
}

export interface TransferHost {
  readonly state: RunState;
  readonly loop: { scheduleAt(time: number, priority: number, event: { readonly kind: 'transfer-end'; readonly request: number }): void };
  readonly main: HostPart;
  readonly counters: { migrations: number; kvTransfers: number; migrationsDropped: number };
  requestSchedule(replica: number): void;
  callPolicy<T>(part: HostPart, call: () => T): T;
}

const TRANSFER_PRIORITY = 1;

export class Transfers {
  private readonly from: Int32Array;
  private readonly sourceBlocks: Int32Array;

  constructor(private readonly host: TransferHost) {
    this.from = new Int32Array(host.state.n).fill(-1);
    this.sourceBlocks = new Int32Array(host.state.n);
  }

  /** Seconds to copy the request's KV cache to another replica (every GPU of the group sends its share). */
  private duration(request: number): number {
    const c = this.host.state.cluster;
    const bytes = this.host.state.cached[request] * c.kvBytesPerToken * c.tensorParallel;
    return c.transferLatency + bytes / c.networkBandwidth;
  }

  /** Takes the request off its replica and points it at `to`; its KV stays on the source until it lands. */
  private detach(request: number, to: number, now: number): void {
    const s = this.host.state;
    const source = s.replica[request];
    s.running[source].remove(request);
    s.phase[request] = PHASE.transferring;
    this.from[request] = source;
    this.sourceBlocks[request] = s.blocks[request];
    s.blocks[request] = 0;
    s.replica[request] = to;
    s.segments.open(request, SEGMENT.transfer, now, source);
  }

  private start(request: number, now: number): void {
    const s = this.host.state;
    s.allocate(request, s.replica[request], s.blocksFor(s.cached[request]));
    this.host.loop.scheduleAt(now + this.duration(request), TRANSFER_PRIORITY, { kind: 'transfer-end', request });
  }

  /** Disaggregation: the prefill is done; the KV cache goes to a decode replica, as soon as it has room. */
  toDecode(request: number, now: number): void {
    const s = this.host.state;
    const main = this.host.main;
    const split = s.cluster.prefillReplicas;
    let to = -1;
    if (typeof main.policy.placeDecode === 'function') {
      to = this.host.callPolicy(main, () => main.policy.placeDecode!(main.view, request, main.plan));
      if (!(Number.isInteger(to) && to >= split && to < s.replicaCount)) {
        throw new PolicyError(main.policy.id, `placeDecode() returned ${JSON.stringify(to) ?? String(to)} for request ${request}; expected a decode replica in ${split} .. ${s.replicaCount - 1}`, now);
      }
    } else {
      for (let k = split; k < s.replicaCount; k++) if (to < 0 || s.freeBlocks[k] > s.freeBlocks[to]) to = k;
    }
    this.detach(request, to, now);
    this.host.counters.kvTransfers++;
    s.incoming[to].push(request);
    this.pull(to, now);
  }

  /** Starts the transfers waiting for room on `replica`, in order, while they fit. */
  pull(replica: number, now: number): void {
    const s = this.host.state;
    const incoming = s.incoming[replica];
    while (incoming.size > 0) {
      const request = incoming.get(0);
      if (s.blocksFor(s.cached[request]) > s.freeBlocks[replica]) break;
      incoming.removeAt(0);
      this.start(request, now);
    }
  }

  /** The copy is done: free the source's blocks and run the request on its new replica. */
  land(request: number, now: number): void {
    const s = this.host.state;
    const source = this.from[request];
    const held = this.sourceBlocks[request];
    s.freeBlocks[source] += held;
    s.usedBlocksTotal -= held;
    this.sourceBlocks[request] = 0;
    this.from[request] = -1;
    const to = s.replica[request];
    s.phase[request] = PHASE.running;
    s.running[to].push(request);
    s.segments.open(request, SEGMENT.decode, now, to);
    this.host.requestSchedule(to);
    this.pull(source, now);
    this.host.requestSchedule(source);
  }

  /** Checks a migration the policy asked for; starts it now, or when the request's current iteration ends. */
  requestMigration(policyId: string, migration: unknown, now: number): void {
    const s = this.host.state;
    const m = (typeof migration === 'object' && migration !== null ? migration : {}) as { request?: unknown; to?: unknown };
    const r = m.request as number;
    const to = m.to as number;
    const asked = `migrate() asked to move request ${String(m.request)} to replica ${String(m.to)}`;
    const fail = (why: string): never => {
      throw new PolicyError(policyId, `${asked}, which is invalid: ${why}`, now);
    };
    if (!(Number.isInteger(r) && r >= 0 && r < s.arrivedCount)) fail(`there is no arrived request ${String(m.request)}`);
    if (!(Number.isInteger(to) && to >= 0 && to < s.replicaCount)) fail(`there is no replica ${String(m.to)} (replicas 0 .. ${s.replicaCount - 1})`);
    if (s.phase[r] !== PHASE.running) fail(`the request is not running (it is ${PHASE_NAMES[s.phase[r]]})`);
    if (s.prefillRemaining(r) > 0) fail('the request has not finished its prefill');
    if (s.replica[r] === to) fail('the request is already there');
    if (s.migrateTo[r] >= 0) fail(`the request is already about to migrate to replica ${s.migrateTo[r]}`);
    if (to < s.cluster.prefillReplicas) fail('the destination is a prefill replica');
    const need = s.blocksFor(s.cached[r]);
    if (need > s.freeBlocks[to]) fail(`it needs ${need} KV blocks and replica ${to} has ${s.freeBlocks[to]} free`);
    s.migrateTo[r] = to;
    const k = s.replica[r];
    const inFlight = s.busy[k] === 1 && s.batchStamp[r] === s.batches[k].stamp;
    if (!inFlight) this.startMigration(r, now);
  }

  /** Starts a pending migration; dropped (and counted) if the destination has filled up in the meantime. */
  startMigration(request: number, now: number): void {
    const s = this.host.state;
    const to = s.migrateTo[request];
    s.migrateTo[request] = -1;
    if (s.blocksFor(s.cached[request]) > s.freeBlocks[to]) {
      this.host.counters.migrationsDropped++;
      return;
    }
    this.detach(request, to, now);
    this.host.counters.migrations++;
    this.start(request, now);
  }
}
