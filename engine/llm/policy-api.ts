/**
 * SchedLab LLM-serving policy API.
 *
 * This one file is everything a policy author needs: the editor loads it for completion and type errors, and every
 * built-in policy is written against it exactly as yours is. A policy file has a default export:
 *
 * ```ts
 * import type { LlmPolicy } from 'schedlab/llm';
 *
 * const policy: LlmPolicy = {
 *   id: 'tiny-fcfs',
 *   label: 'Tiny FCFS',
 *   description: 'Decode everything running, then admit whole prompts first-come first-served while they fit',
 *   schedule: (view, batch) => {
 *     const r = batch.replica;
 *     for (let i = 0; i < view.runningCount(r); i++) {
 *       const id = view.running(r, i);
 *       if (view.prefillRemaining(id) === 0 && batch.canDecode(id)) batch.decode(id);
 *     }
 *     for (let i = 0; i < view.waitingCount(r); i++) {
 *       const id = view.waiting(r, i);
 *       if (!batch.canPrefill(id, view.prefillRemaining(id))) break;
 *       batch.prefill(id, view.prefillRemaining(id));
 *     }
 *   },
 * };
 * export default policy;
 * ```
 *
 * The cluster is a set of replicas (a GPU or a tensor-parallel group, with one model and a paged KV cache). Each
 * replica runs iterations back to back: before each one the engine calls `schedule` for that replica, and the policy
 * forms the batch through the `Batch` it is given — decodes of running requests, prefill chunks, preemptions,
 * swap-ins. The engine checks every call at once and charges the iteration time from its cost model; at the end of
 * the iteration tokens advance, a prefill that reaches its end emits the first token, and finished requests free
 * their KV blocks. A batch that would not fit in the KV cache, a preemption of a request that is not running there,
 * an unknown request: the run stops with an error that says what was decided, when, and why it is invalid.
 * An empty batch leaves the replica idle until a request arrives, or a transfer or migration lands there.
 *
 * `dispatch` sends each arriving request to a replica; `migrate` may move running requests between replicas (the KV
 * cache travels over the network; the request pauses meanwhile); in a disaggregated cluster `placeDecode` picks the
 * decode replica a request's KV cache moves to after its prefill. A policy without `schedule` uses vLLM's default
 * scheduler; one without `dispatch` uses round-robin; so a dispatcher alone and a replica scheduler alone both run.
 *
 * Requests are numbered from 0 in arrival order; replicas from 0. Times are seconds. KV is counted in blocks of
 * `view.blockSize` tokens. A request holds KV for its cached tokens (`cachedTokens`). A fresh request must prefill its
 * prompt; the iteration that completes the prefill emits its first token; every decode emits one more token.
 * A request preempted by recompute loses its KV cache and must prefill its prompt plus the tokens generated so far
 * again; one preempted by swap keeps it in CPU memory and comes back with `swapIn`.
 *
 * Policies never see how many tokens a request will generate (`outputTokens` is -1) unless the scenario turns on
 * oracle lengths. Only types may be imported; randomness comes from `view.random()` (and `Math.random`, which is
 * seeded per run), so a run is reproducible.
 *
 * This file is self-contained on purpose: it imports nothing.
 */

/** A numeric parameter the policy reads with `view.param(name)`; sweeps and searches vary it within its range. */
export interface PolicyParameter {
  /** Name used with `view.param(name)` and `--param name=value`. */
  readonly name: string;
  /** What the parameter changes. */
  readonly description: string;
  /** Smallest allowed value. */
  readonly min: number;
  /** Largest allowed value. */
  readonly max: number;
  /** Value used when none is given. */
  readonly default: number;
  /** Only whole numbers are allowed. */
  readonly integer?: boolean;
}

/** recompute: drop the KV cache (prefill again later); swap: copy it to CPU memory (costs PCIe transfer time). */
export type PreemptionMode = 'recompute' | 'swap';

/**
 * Where a request is: not arrived yet; waiting at its replica (new, or preempted by recompute); running (holds KV on
 * its replica); swapped out to CPU; transferring (KV moving to another replica); finished.
 */
export type RequestPhase = 'pending' | 'waiting' | 'running' | 'swapped' | 'transferring' | 'finished';

/** mixed: prefills and decodes; prefill / decode: one side of a disaggregated cluster. */
export type ReplicaRole = 'mixed' | 'prefill' | 'decode';

/** One migration: move running request `request` to replica `to`. */
export interface Migration {
  /** Request index. */
  readonly request: number;
  /** Destination replica. */
  readonly to: number;
}

/**
 * Read-only view of the whole cluster. The engine reuses one view for every call and hands out values only through
 * methods, never its own arrays, so a policy changes nothing except through `Batch` and what it returns.
 */
export interface LlmView {
  /** Simulation time, seconds. */
  readonly now: number;
  /** Number of replicas. */
  readonly replicaCount: number;
  /** Requests in the scenario (arrived or not). */
  readonly requestCount: number;
  /** Requests that have arrived so far; they are numbered 0 .. arrivedCount-1. */
  readonly arrivedCount: number;
  /** Tokens per KV block. */
  readonly blockSize: number;
  /** Whether `outputTokens` tells the truth (the scenario turned on oracle lengths). */
  readonly oracleLengths: boolean;
  /** The most tokens any request may generate (max_new_tokens): what a conservative scheduler reserves. */
  readonly maxOutputTokens: number;
  /** Requests finished so far. */
  readonly finishedCount: number;

  /** The k-th request to finish (k from 0, in finish order): with `generatedTokens`, the history of output lengths. */
  finished(k: number): number;

  /** The replica's role: 'mixed', or 'prefill' / 'decode' in a disaggregated cluster. */
  replicaRole(replica: number): ReplicaRole;
  /** KV blocks of the replica. */
  totalBlocks(replica: number): number;
  /** KV blocks free now (after the decisions made so far in the batch being formed). */
  freeBlocks(replica: number): number;
  /** Requests waiting at the replica to (re)start: arrival order, with requests preempted by recompute in front. */
  waitingCount(replica: number): number;
  /** The i-th waiting request of the replica (i from 0). */
  waiting(replica: number, i: number): number;
  /** Requests running on the replica (holding KV there), in the order they started; includes partial prefills. */
  runningCount(replica: number): number;
  /** The i-th running request of the replica (i from 0). */
  running(replica: number, i: number): number;
  /** Requests of the replica swapped out to CPU memory, in the order they were swapped out. */
  swappedCount(replica: number): number;
  /** The i-th swapped request of the replica. */
  swapped(replica: number, i: number): number;
  /** Whether the replica is in the middle of an iteration. */
  busy(replica: number): boolean;

  /** Arrival time, seconds. */
  arrival(request: number): number;
  /** Prompt length in tokens. */
  promptTokens(request: number): number;
  /** Output tokens emitted so far. */
  generatedTokens(request: number): number;
  /** The true output length when the scenario has oracle lengths; -1 otherwise. */
  outputTokens(request: number): number;
  /** Tokens whose KV is cached now (0 while waiting; kept while swapped). */
  cachedTokens(request: number): number;
  /** Tokens still to prefill before the next token can come: the prompt (plus generated tokens after a recompute). */
  prefillRemaining(request: number): number;
  /** Where the request is now. */
  phase(request: number): RequestPhase;
  /** The replica the request is at (or moving to); -1 before dispatch. */
  replicaOf(request: number): number;
  /** KV blocks the request holds on its replica (or in CPU memory while swapped). */
  blocksHeld(request: number): number;
  /** KV blocks `tokens` cached tokens occupy: ceil(tokens / blockSize). */
  blocksFor(tokens: number): number;
  /** Times the request was preempted. */
  preemptions(request: number): number;
  /** Time of the first token, NaN before it. */
  firstTokenAt(request: number): number;
  /** Name of the request's SLO class ("default" without one). */
  sloClass(request: number): string;
  /** TTFT limit of the request's SLO, seconds. */
  ttftLimit(request: number): number;
  /** TPOT limit of the request's SLO, seconds. */
  tpotLimit(request: number): number;
  /** The request's priority (larger is more important; 0 when the scenario gives none). */
  priority(request: number): number;
  /** The request's session (conversation) number, -1 without one. */
  session(request: number): number;
  /** Whether the request is in the batch being formed (for `schedule`) or in the replica's running iteration. */
  inBatch(request: number): boolean;

  /** The value of a declared parameter (its default unless the run sets it). */
  param(name: string): number;
  /** A uniform number in [0, 1) from this run's seeded policy stream. */
  random(): number;
}

/**
 * The batch being formed for one iteration of one replica. Each call is checked and applied at once (so
 * `view.freeBlocks` already counts it); an invalid call stops the run with an error explaining it.
 */
export interface Batch {
  /** The replica this batch runs on. */
  readonly replica: number;
  /** Requests in the batch so far. */
  readonly size: number;
  /** Tokens in the batch so far (prefill chunk sizes + 1 per decode). */
  readonly tokens: number;
  /** Requests preempted while forming this batch. */
  readonly preempted: number;

  /** Adds one decode token for a running request whose prefill is complete (needs a block when its last is full). */
  decode(request: number): void;
  /** Adds a prefill chunk of `tokens` (1 .. prefillRemaining) for a waiting request or a running partial prefill. */
  prefill(request: number, tokens: number): void;
  /** Preempts a running request of this replica that is not in the batch; 'recompute' unless `mode` says 'swap'. */
  preempt(request: number, mode?: PreemptionMode): void;
  /** Brings a swapped request back (needs blocks for its cached tokens; costs PCIe time); decode it afterwards. */
  swapIn(request: number): void;
  /** Whether `decode(request)` would be accepted now. */
  canDecode(request: number): boolean;
  /** Whether `prefill(request, tokens)` would be accepted now. */
  canPrefill(request: number, tokens: number): boolean;
  /** Blocks the request needs beyond those it holds to cache `tokens` more tokens. */
  blocksNeeded(request: number, tokens: number): number;
}

/**
 * An LLM-serving policy: any of a replica scheduler (`schedule`), a dispatcher (`dispatch`, `migrate`) and a
 * disaggregation placement (`placeDecode`).
 *
 * `Plan` is whatever `prepare` returns: per-run state that the engine passes back to every call, so that nothing is
 * kept between runs in module variables.
 */
export interface LlmPolicy<Plan = unknown> {
  /** Short stable id ("sarathi"). */
  readonly id: string;
  /** Display name ("Sarathi-Serve"). */
  readonly label: string;
  /** One line: what the policy does. */
  readonly description: string;
  /** The paper or code the policy comes from. */
  readonly paper?: string;
  /** Declared numeric parameters. */
  readonly params?: readonly PolicyParameter[];
  /** Seconds between `migrate` calls (default 1). */
  readonly migrationInterval?: number;
  /** Called once before the first arrival; its result is passed to every later call. */
  prepare?(view: LlmView): Plan;
  /** Forms the next iteration's batch on `batch.replica`. Called whenever the replica is free and has work. */
  schedule?(view: LlmView, batch: Batch, plan: Plan): void;
  /** The replica an arriving request goes to (a prefill replica in a disaggregated cluster). */
  dispatch?(view: LlmView, request: number, plan: Plan): number;
  /** Called every `migrationInterval` seconds while requests are running; the migrations to start now, or null. */
  migrate?(view: LlmView, plan: Plan): readonly Migration[] | null;
  /** Disaggregated cluster: the decode replica a request's KV cache moves to after its prefill (default: most free blocks). */
  placeDecode?(view: LlmView, request: number, plan: Plan): number;
}
