import type { Batch, LlmPolicy, LlmView } from 'schedlab/llm';

/** Per-run scratch: the running requests at the start of a batch (the list shrinks as requests are preempted). */
interface Plan {
  order: Int32Array;
}

/** The latest-arrived running request of the replica that is not in the batch, or -1. */
function latestNotInBatch(view: LlmView, replica: number): number {
  let victim = -1;
  for (let i = 0; i < view.runningCount(replica); i++) {
    const r = view.running(replica, i);
    if (!view.inBatch(r) && r > victim) victim = r;
  }
  return victim;
}

/** Most tokens of `request`'s prefill that fit in the blocks it holds plus the free ones. */
function tokensThatFit(view: LlmView, replica: number, request: number): number {
  return (view.blocksHeld(request) + view.freeBlocks(replica)) * view.blockSize - view.cachedTokens(request);
}

/**
 * Sarathi-Serve's stall-free batching: every iteration has a token budget. Running decodes go first (one token
 * each; when blocks run out the latest-arrived running request is preempted by recompute), then the chunks of
 * partially prefilled requests, then new requests first come first served while the budget, the batch cap and the
 * KV cache (whole prompt above a watermark) allow, each taking a chunk of at most what is left of the budget.
 */
const policy: LlmPolicy<Plan> = {
  id: 'sarathi',
  label: 'Sarathi-Serve',
  description: 'Chunked prefills piggybacked on decodes under a per-iteration token budget',
  paper: 'Agrawal et al., Taming Throughput-Latency Tradeoff in LLM Inference with Sarathi-Serve (OSDI 2024)',
  params: [
    { name: 'chunkSize', description: 'Token budget per iteration (decodes + prefill chunks)', min: 16, max: 65_536, default: 512, integer: true },
    { name: 'maxNumSeqs', description: 'Most requests in one batch', min: 1, max: 100_000, default: 512, integer: true },
    { name: 'watermark', description: 'Fraction of KV blocks admission keeps free', min: 0, max: 0.5, default: 0.01 },
  ],
  prepare: () => ({ order: new Int32Array(256) }),
  schedule: (view, batch, plan) => {
    fill(view, batch, plan);
    // Partial prefills can fill the cache with nothing left to decode; free room rather than stall.
    while (batch.size === 0 && view.runningCount(batch.replica) > 0) {
      batch.preempt(latestNotInBatch(view, batch.replica));
      fill(view, batch, plan);
    }
  },
};

function fill(view: LlmView, batch: Batch, plan: Plan): void {
  const k = batch.replica;
  const budget = view.param('chunkSize');
  const maxSeqs = view.param('maxNumSeqs');
  const watermark = Math.floor(view.param('watermark') * view.totalBlocks(k));
  const count = view.runningCount(k);
  if (plan.order.length < count) plan.order = new Int32Array(count * 2);
  for (let i = 0; i < count; i++) plan.order[i] = view.running(k, i);
  // 1. Decodes, with recompute eviction of the latest arrival when out of blocks.
  for (let i = 0; i < count && batch.size < maxSeqs; i++) {
    const r = plan.order[i];
    if (view.phase(r) !== 'running' || view.prefillRemaining(r) > 0 || view.inBatch(r)) continue;
    while (!batch.canDecode(r)) {
      const victim = latestNotInBatch(view, k);
      batch.preempt(victim);
      if (victim === r) break;
    }
    if (view.phase(r) === 'running') batch.decode(r);
  }
  // 2. Chunks of partial prefills, in the order they started.
  for (let i = 0; i < count && batch.tokens < budget && batch.size < maxSeqs; i++) {
    const r = plan.order[i];
    if (view.phase(r) !== 'running' || view.inBatch(r)) continue;
    const chunk = Math.min(view.prefillRemaining(r), budget - batch.tokens, tokensThatFit(view, k, r));
    if (chunk > 0) batch.prefill(r, chunk);
  }
  // 3. New requests, FCFS, while the whole prompt fits above the watermark.
  while (view.waitingCount(k) > 0 && batch.tokens < budget && batch.size < maxSeqs) {
    const r = view.waiting(k, 0);
    const left = view.prefillRemaining(r);
    const reserve = view.runningCount(k) === 0 ? 0 : watermark;
    if (view.freeBlocks(k) - batch.blocksNeeded(r, left) < reserve) break;
    batch.prefill(r, Math.min(left, budget - batch.tokens));
  }
}

export default policy;
