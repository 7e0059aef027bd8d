import { InputError, PolicyError } from '../core/errors';
import { EventLoop } from '../core/event-loop';
import { resolveParams } from '../core/params';
import { createRng } from '../core/rng';
import { runToEnd, type Simulation } from '../core/simulation';
import { BatchBuilder } from './batch-builder';
import { resolveCluster } from './cluster-config';
import { compileRequests } from './compiled-requests';
import { resetShape } from './cost-model';
import { GapRecorder } from './gap-recorder';
import { buildResult } from './result';
import type { LlmScenario } from './model';
import type { LlmPolicy } from './policy-api';
import roundRobin from './policies/round-robin';
import vllm from './policies/vllm';
import { PHASE, RunState } from './run-state';
import type { LlmIteration, LlmResult, LlmRunOptions, LlmSnapshot } from './run-types';
import { SEGMENT } from './segment-log';
import { SeriesRecorder, seriesInterval } from './series';
import { Transfers } from './transfers';
import { RunView } from './view';

/** Events are plain data; at one time, state changes come before new batches are formed. */
export type LlmEvent =
  | { readonly kind: 'iteration-end'; readonly replica: number }
  | { readonly kind: 'transfer-end'; readonly request: number }
  | { readonly kind: 'arrival' }
  | { readonly kind: 'migrate' }
  | { readonly kind: 'schedule'; readonly replica: number };

const PRIORITY = { 'iteration-end': 0, 'transfer-end': 1, arrival: 2, migrate: 3, schedule: 4 } as const;

/** A policy hook bound to the view and plan it runs with (a fallback built-in gets its own view with its defaults). */
interface Part {
  readonly policy: LlmPolicy;
  readonly view: RunView;
  plan: unknown;
}

/**
 * An LLM-serving run in step-wise form: each step processes one event (an arrival, the end of an iteration, a
 * transfer landing, a migration check, or forming a batch). The run owns all its state.
 */
export class LlmSimulation implements Simulation<LlmSnapshot, LlmResult> {
  readonly state: RunState;
  readonly loop: EventLoop<LlmEvent>;
  private readonly builder: BatchBuilder;
  private readonly scheduler: Part;
  private readonly dispatcher: Part;
  private readonly parts: Part[];
  readonly main: Part;
  private readonly transfers: Transfers;
  private readonly series: SeriesRecorder;
  readonly gaps = new GapRecorder();
  private readonly endEvents: LlmEvent[] = [];
  private readonly scheduleEvents: LlmEvent[] = [];
  private finishedRun = false;
  private readonly recordIterations: boolean;
  /** The last iteration started, kept only when options.recordIterations is on. */
  private recordedIteration: LlmIteration | undefined;
  maxQueued = 0;
  counters = { decisions: 0, iterations: 0, preemptions: 0, swaps: 0, migrations: 0, migrationsDropped: 0, kvTransfers: 0, batchedRequests: 0, busyTime: 0 };

  constructor(
    readonly scenario: LlmScenario,
    readonly policy: LlmPolicy,
    readonly options: LlmRunOptions = {},
  ) {
    if (options.seed !== undefined && !Number.isSafeInteger(options.seed)) throw new InputError(`seed ${options.seed} is not a whole number`);
    const cluster = resolveCluster(scenario.cluster);
    const requests = compileRequests(scenario);
    for (let i = 0; i < requests.count; i++) {
      const need = Math.ceil((requests.prompt[i] + requests.output[i]) / cluster.blockSize);
      if (need > cluster.kvBlocks) {
        throw new InputError(`request ${i} needs ${need} KV blocks (${requests.prompt[i]} prompt + ${requests.output[i]} output tokens) and a replica has ${cluster.kvBlocks}`);
      }
    }
    this.state = new RunState(requests, cluster);
    this.recordIterations = options.recordIterations === true;
    const root = createRng(options.seed ?? 1);
    const oracle = scenario.oracleLengths === true;
    const params = resolveParams(policy.params, options.params, `policy "${policy.id}"`);
    const mainView = new RunView(this.state, params, root.split('policy'), policy.id, oracle);
    const fallback = (p: LlmPolicy): Part => ({ policy: p, view: new RunView(this.state, resolveParams(p.params), root.split(`fallback-${p.id}`), p.id, oracle), plan: undefined });
    const main: Part = { policy, view: mainView, plan: undefined };
    this.main = main;
    this.scheduler = typeof policy.schedule === 'function' ? main : fallback(vllm);
    this.dispatcher = typeof policy.dispatch === 'function' ? main : fallback(roundRobin);
    this.parts = [...new Set([main, this.scheduler, this.dispatcher])];
    this.builder = new BatchBuilder(this.state, this.scheduler.policy.id);
    const R = cluster.replicas;
    for (let k = 0; k < R; k++) {
      this.endEvents.push({ kind: 'iteration-end', replica: k });
      this.scheduleEvents.push({ kind: 'schedule', replica: k });
    }
    const span = requests.count > 0 ? requests.arrival[requests.count - 1] : 1;
    this.series = new SeriesRecorder(4 + 2 * R, seriesInterval(span, options.seriesBuckets));
    this.loop = new EventLoop<LlmEvent>((event) => this.handle(event));
    this.transfers = new Transfers(this);
    for (const part of this.parts) part.plan = this.callPolicy(part, () => part.policy.prepare?.(part.view));
    if (requests.count > 0) this.loop.scheduleAt(requests.arrival[0], PRIORITY.arrival, { kind: 'arrival' });
    if (typeof policy.migrate === 'function' && requests.count > 0) {
      this.loop.scheduleAt(requests.arrival[0], PRIORITY.migrate, { kind: 'migrate' });
    }
  }

  get now(): number {
    return this.loop.now;
  }

  get done(): boolean {
    return this.finishedRun;
  }

  /** Iterations started so far: one per batch formed, which a step-by-step lesson counts as one decision. */
  get iterationsStarted(): number {
    return this.counters.iterations;
  }

  /**
   * The batch of the last iteration started. Undefined before the first, and always when the run was not created
   * with `recordIterations`.
   */
  lastIteration(): LlmIteration | undefined {
    return this.recordedIteration;
  }

  get fractionDone(): number {
    return this.state.n === 0 ? 1 : this.state.finishedCount / this.state.n;
  }

  step(): boolean {
    if (this.finishedRun) return false;
    if (!this.loop.step() || this.loop.pending === 0) this.finish();
    return true;
  }

  runUntil(time: number): void {
    while (!this.finishedRun && this.loop.nextEventTime() < time) this.step();
    if (!this.finishedRun && this.loop.pending === 0) this.finish();
  }

  snapshot(): LlmSnapshot {
    const s = this.state;
    const replicas = [];
    for (let k = 0; k < s.replicaCount; k++) {
      replicas.push({
        busy: s.busy[k] === 1,
        waiting: s.waiting[k].toArray(),
        running: s.running[k].toArray(),
        swapped: s.swapped[k].toArray(),
        freeBlocks: s.freeBlocks[k],
        totalBlocks: s.totalBlocks[k],
      });
    }
    return { time: this.loop.now, arrived: s.arrivedCount, finished: s.finishedCount, replicas, done: this.finishedRun };
  }

  result(): LlmResult {
    if (!this.finishedRun) throw new Error('result() before the run is done; call step() until done');
    return buildResult(this, this.series, this.loop.processed);
  }

  private finish(): void {
    const s = this.state;
    this.series.advance(this.loop.now);
    this.finishedRun = true;
    if (s.finishedCount === s.n) return;
    const idle: string[] = [];
    for (let k = 0; k < s.replicaCount; k++) {
      const w = s.waiting[k].size + s.running[k].size + s.swapped[k].size + s.incoming[k].size;
      if (w > 0) idle.push(`replica ${k}: ${s.waiting[k].size} waiting, ${s.running[k].size} running, ${s.swapped[k].size} swapped, ${s.incoming[k].size} incoming`);
    }
    throw new PolicyError(
      this.scheduler.policy.id,
      `the run ended with ${s.n - s.finishedCount} of ${s.n} requests unfinished: schedule() formed an empty batch and nothing else was left to happen (${idle.join('; ')})`,
      this.loop.now,
    );
  }

  private handle(event: LlmEvent): void {
    const now = this.loop.now;
    this.series.advance(now);
    for (const part of this.parts) part.view.now = now;
    switch (event.kind) {
      case 'arrival':
        this.arrive(now);
        break;
      case 'schedule':
        this.state.scheduled[event.replica] = 0;
        this.formBatch(event.replica, now);
        break;
      case 'iteration-end':
        this.endIteration(event.replica, now);
        break;
      case 'transfer-end':
        this.transfers.land(event.request, now);
        break;
      case 'migrate':
        this.migrate(now);
        break;
    }
    this.refreshChannels();
  }

  private arrive(now: number): void {
    const s = this.state;
    const request = s.arrivedCount++;
    const d = this.dispatcher;
    const k = this.callPolicy(d, () => d.policy.dispatch!(d.view, request, d.plan));
    if (!(Number.isInteger(k) && k >= 0 && k < s.replicaCount)) {
      throw new PolicyError(d.policy.id, `dispatch() returned ${JSON.stringify(k) ?? String(k)} for request ${request}; expected a replica in 0 .. ${s.replicaCount - 1}`, now);
    }
    const split = s.cluster.prefillReplicas;
    if (split > 0 && k >= split) {
      throw new PolicyError(d.policy.id, `dispatch() sent request ${request} to replica ${k}, a decode replica; arriving requests go to a prefill replica (0 .. ${split - 1})`, now);
    }
    s.replica[request] = k;
    s.phase[request] = PHASE.waiting;
    s.waiting[k].push(request);
    s.segments.open(request, SEGMENT.queued, now, k);
    this.requestSchedule(k);
    if (s.arrivedCount < s.n) this.loop.scheduleAt(s.requests.arrival[s.arrivedCount], PRIORITY.arrival, { kind: 'arrival' });
  }

  /** Asks for a batch on an idle replica with work, once per instant. */
  requestSchedule(k: number): void {
    const s = this.state;
    if (s.busy[k] === 1 || s.scheduled[k] === 1) return;
    if (s.waiting[k].size + s.running[k].size + s.swapped[k].size === 0) return;
    s.scheduled[k] = 1;
    this.loop.scheduleAt(this.loop.now, PRIORITY.schedule, this.scheduleEvents[k]);
  }

  private formBatch(k: number, now: number): void {
    const s = this.state;
    if (s.busy[k] === 1 || s.waiting[k].size + s.running[k].size + s.swapped[k].size === 0) return;
    const batch = s.batches[k];
    batch.count = 0;
    batch.swapBytes = 0;
    batch.preempted = 0;
    batch.swaps = 0;
    resetShape(batch.shape);
    batch.stamp = s.nextStamp++;
    this.builder.begin(k, batch, now);
    const p = this.scheduler;
    this.callPolicy(p, () => p.policy.schedule!(p.view, this.builder, p.plan));
    this.counters.preemptions += batch.preempted;
    this.counters.swaps += batch.swaps;
    if (batch.count === 0 && batch.swapBytes === 0) {
      batch.stamp = 0;
      return;
    }
    const duration = s.cluster.cost.iterationSeconds(batch.shape) + batch.swapBytes / s.cluster.gpu.hostBandwidth;
    if (!(duration >= 0 && Number.isFinite(duration))) throw new InputError(`the cost model gave an iteration time of ${duration} s; check its constants`);
    s.busy[k] = 1;
    batch.start = now;
    batch.end = now + duration;
    s.notePeak();
    this.counters.iterations++;
    if (this.recordIterations) this.recordedIteration = { replica: k, start: now, batch: batch.entries() };
    this.counters.batchedRequests += batch.count;
    this.counters.busyTime += duration;
    this.loop.scheduleAt(batch.end, PRIORITY['iteration-end'], this.endEvents[k]);
  }

  private endIteration(k: number, now: number): void {
    const s = this.state;
    const batch = s.batches[k];
    const output = s.requests.output;
    const disaggregatedPrefill = k < s.cluster.prefillReplicas;
    s.busy[k] = 0;
    let sharedGaps = 0;
    for (let i = 0; i < batch.count; i++) {
      const r = batch.requests[i];
      const q = batch.tokens[i];
      if (q === 0) {
        s.cached[r]++;
      } else {
        s.cached[r] += q;
        if (s.cached[r] < s.target[r]) continue;
        s.segments.open(r, SEGMENT.decode, now, k);
      }
      // This entry emits a token.
      s.generated[r]++;
      const last = s.lastToken[r];
      if (Number.isNaN(s.firstToken[r])) s.firstToken[r] = now;
      else if (last === batch.start) sharedGaps++;
      else this.gaps.add(now - last, 1);
      s.lastToken[r] = now;
      if (s.generated[r] >= output[r]) s.finish(r, now);
      else if (s.migrateTo[r] >= 0) this.transfers.startMigration(r, now);
      else if (disaggregatedPrefill) this.transfers.toDecode(r, now);
    }
    this.gaps.add(now - batch.start, sharedGaps);
    batch.stamp = 0;
    this.transfers.pull(k, now);
    this.requestSchedule(k);
  }

  private migrate(now: number): void {
    const s = this.state;
    const main = this.main;
    const answer = this.callPolicy(main, () => main.policy.migrate!(main.view, main.plan));
    if (answer !== null && answer !== undefined) {
      if (!Array.isArray(answer)) throw new PolicyError(main.policy.id, `migrate() returned ${JSON.stringify(answer)}; expected an array of { request, to } or null`, now);
      for (const m of answer) this.transfers.requestMigration(main.policy.id, m, now);
    }
    const interval = main.policy.migrationInterval ?? 1;
    if (s.finishedCount < s.n) this.loop.scheduleAt(now + interval, PRIORITY.migrate, { kind: 'migrate' });
  }

  private refreshChannels(): void {
    const s = this.state;
    const v = this.series.values;
    const R = s.replicaCount;
    let running = 0;
    for (let k = 0; k < R; k++) {
      running += s.running[k].size;
      v[4 + k] = s.totalBlocks[k] - s.freeBlocks[k];
      v[4 + R + k] = s.waiting[k].size;
    }
    const inSystem = s.arrivedCount - s.finishedCount;
    v[0] = inSystem;
    v[1] = inSystem - running;
    if (v[1] > this.maxQueued) this.maxQueued = v[1];
    v[2] = running;
    v[3] = s.usedBlocksTotal;
  }

  /** Runs policy code, turning anything it throws into a PolicyError that keeps the original as its cause. */
  callPolicy<T>(part: Part, call: () => T): T {
    this.counters.decisions++;
    try {
      return call();
    } catch (error) {
      if (error instanceof PolicyError) throw error;
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw new PolicyError(part.policy.id, `threw ${message}`, this.loop.now, { cause: error });
    }
  }
}

export function createSimulation(scenario: LlmScenario, policy: LlmPolicy, options: LlmRunOptions = {}): LlmSimulation {
  return new LlmSimulation(scenario, policy, options);
}

export function simulate(scenario: LlmScenario, policy: LlmPolicy, options: LlmRunOptions = {}): LlmResult {
  const sim = new LlmSimulation(scenario, policy, options);
  return runToEnd(sim, () => sim.fractionDone, options);
}
