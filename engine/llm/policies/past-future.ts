import type { Batch, LlmPolicy, LlmView } from 'schedlab/llm';

interface Plan {
  /** The last `window` finished output lengths, sorted ascending. */
  history: number[];
  /** Finish order position up to which the history has been read. */
  seen: number;
  /** Finished lengths in arrival order of finishing, to drop the oldest from the window. */
  recent: number[];
  /** Scratch for the peak computation: held tokens and estimated remaining tokens per request. */
  held: Float64Array;
  remaining: Float64Array;
  order: number[];
}

const WINDOW = 200;

/** Keeps the sorted window of the last WINDOW finished output lengths up to date. */
function readHistory(view: LlmView, plan: Plan): void {
  while (plan.seen < view.finishedCount) {
    const length = view.generatedTokens(view.finished(plan.seen++));
    plan.recent.push(length);
    insertSorted(plan.history, length);
    if (plan.recent.length > WINDOW) {
      const dropped = plan.recent.shift()!;
      plan.history.splice(lowerBound(plan.history, dropped), 1);
    }
  }
}

function lowerBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted(sorted: number[], value: number): void {
  sorted.splice(lowerBound(sorted, value + 0.5), 0, value);
}

/**
 * Tokens a request with `generated` tokens so far is expected still to generate: the `quantile` of the finished
 * lengths above `generated` (the "past"), with max_new_tokens as the last point of that support.
 */
function expectedRemaining(view: LlmView, plan: Plan, generated: number, quantile: number): number {
  const h = plan.history;
  const start = lowerBound(h, generated + 0.5);
  const n = h.length - start + 1; // + max_new_tokens
  const pos = quantile * (n - 1);
  const i = Math.floor(pos);
  const at = (j: number) => (start + j < h.length ? h[start + j] : view.maxOutputTokens);
  const value = i + 1 < n ? at(i) + (pos - i) * (at(i + 1) - at(i)) : at(i);
  return Math.max(1, value - generated);
}

/**
 * Peak KV tokens of the running requests plus `candidate` (-1 for none): sort by estimated remaining tokens b,
 * descending; when the k-th longest finishes, the k still alive have each grown by b(k):
 * peak = max_k [ k·b(k) + Σ_{j<=k} a(j) ].
 */
function peakTokens(view: LlmView, plan: Plan, replica: number, candidate: number, quantile: number): number {
  let n = 0;
  const add = (r: number, held: number) => {
    plan.held[n] = held;
    plan.remaining[n] = expectedRemaining(view, plan, view.generatedTokens(r), quantile);
    plan.order[n] = n;
    n++;
  };
  const count = view.runningCount(replica);
  if (plan.held.length < count + 1) {
    plan.held = new Float64Array((count + 1) * 2);
    plan.remaining = new Float64Array((count + 1) * 2);
  }
  plan.order.length = 0;
  for (let i = 0; i < count; i++) {
    const r = view.running(replica, i);
    add(r, view.promptTokens(r) + view.generatedTokens(r));
  }
  if (candidate >= 0) add(candidate, view.promptTokens(candidate) + view.generatedTokens(candidate));
  const { held, remaining, order } = plan;
  order.sort((x, y) => remaining[y] - remaining[x] || x - y);
  let peak = 0;
  let sumHeld = 0;
  for (let k = 0; k < n; k++) {
    sumHeld += held[order[k]];
    const value = (k + 1) * remaining[order[k]] + sumHeld;
    if (value > peak) peak = value;
  }
  return peak;
}

function latestNotInBatch(view: LlmView, replica: number): number {
  let victim = -1;
  for (let i = 0; i < view.runningCount(replica); i++) {
    const r = view.running(replica, i);
    if (!view.inBatch(r) && r > victim) victim = r;
  }
  return victim;
}

function fill(view: LlmView, batch: Batch, plan: Plan): void {
  const k = batch.replica;
  const budget = view.param('maxPrefillTokens');
  const quantile = view.param('quantile');
  const capacity = view.totalBlocks(k) * view.blockSize * (1 - view.param('headroom'));
  for (let i = 0; i < view.runningCount(k); i++) {
    const r = view.running(k, i);
    if (view.inBatch(r)) continue;
    if (view.prefillRemaining(r) === 0) {
      // The estimate can be wrong: when out of blocks, pause the latest request (reverse FCFS), as LightLLM does.
      while (!batch.canDecode(r) && view.phase(r) === 'running') batch.preempt(latestNotInBatch(view, k));
      if (view.phase(r) === 'running') batch.decode(r);
    } else {
      const room = (view.blocksHeld(r) + view.freeBlocks(k)) * view.blockSize - view.cachedTokens(r);
      const chunk = Math.min(view.prefillRemaining(r), budget - batch.tokens, room);
      if (chunk > 0) batch.prefill(r, chunk);
    }
  }
  // Admission, FCFS, stopping at the first request whose estimated peak would not fit.
  while (view.waitingCount(k) > 0 && batch.tokens < budget) {
    const r = view.waiting(k, 0);
    const alone = view.runningCount(k) === 0;
    if (!alone && peakTokens(view, plan, k, r, quantile) >= capacity) break;
    const chunk = Math.min(view.prefillRemaining(r), budget - batch.tokens);
    if (batch.blocksNeeded(r, chunk) > view.freeBlocks(k)) break;
    batch.prefill(r, chunk);
  }
}

/**
 * LightLLM's Past-Future scheduler: admit a waiting request only if the batch's estimated peak KV use still fits.
 * The future (how long each request will still run) is estimated from the past: the distribution of the last 200
 * finished output lengths, conditioned on what each request has generated so far (before any request finishes, every
 * request is assumed to run to max_new_tokens, as LightLLM's initial history does). Prefills are chunked under a token
 * budget alongside the decodes.
 */
const policy: LlmPolicy<Plan> = {
  id: 'past-future',
  label: 'Past-Future (LightLLM)',
  description: 'Admit while the peak KV use, estimated from finished output lengths, fits',
  paper: 'Gong et al., Past-Future Scheduler for LLM Serving under SLA Guarantees (ASPLOS 2025); ModelTC/lightllm',
  params: [
    { name: 'quantile', description: 'Quantile of the conditional output-length history used as the estimate', min: 0, max: 1, default: 0.9 },
    { name: 'headroom', description: 'Fraction of the KV cache the peak estimate must leave free', min: 0, max: 0.5, default: 0.05 },
    { name: 'maxPrefillTokens', description: 'Token budget per iteration', min: 16, max: 65_536, default: 2048, integer: true },
  ],
  prepare: () => ({ history: [], seen: 0, recent: [], held: new Float64Array(256), remaining: new Float64Array(256), order: [] }),
  schedule: (view, batch, plan) => {
    readHistory(view, plan);
    fill(view, batch, plan);
    while (batch.size === 0 && view.runningCount(batch.replica) > 0) {
      batch.preempt(latestNotInBatch(view, batch.replica));
      fill(view, batch, plan);
    }
  },
};

export default policy;
