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

/**
 * vLLM v0's default scheduler (the aggressive baseline): when nothing is swapped out, admit waiting requests first
 * come first served as whole-prompt prefills while the padded batch fits the token budget and the KV cache keeps a
 * watermark free; an iteration with prefills runs only prefills. Otherwise decode every running request; a request
 * that needs a block when none is free evicts the latest-arrived running request (recompute: it goes back to the
 * front of the queue), or itself when it is the latest.
 */
const policy: LlmPolicy<Plan> = {
  id: 'vllm',
  label: 'vLLM (default)',
  description: 'FCFS, prefill first, watermark admission, newest-first recompute preemption',
  paper: 'Kwon et al., Efficient Memory Management for LLM Serving with PagedAttention (SOSP 2023); vllm/core/scheduler.py',
  params: [
    { name: 'maxBatchedTokens', description: 'Token budget of a prefill batch (padded: requests x longest prompt)', min: 1, max: 1_000_000, default: 4096, integer: true },
    { name: 'maxNumSeqs', description: 'Most requests running at once', min: 1, max: 100_000, default: 256, integer: true },
    { name: 'watermark', description: 'Fraction of KV blocks admission keeps free', min: 0, max: 0.5, default: 0.01 },
  ],
  prepare: () => ({ order: new Int32Array(256) }),
  schedule: (view, batch, plan) => {
    const k = batch.replica;
    const watermark = Math.floor(view.param('watermark') * view.totalBlocks(k));
    if (view.swappedCount(k) === 0 && admitPrefills(view, batch, watermark)) return;
    decodeAll(view, batch, plan);
    // Swap-ins only in a step without preemptions, as vLLM does (policies here preempt by recompute, so this is rare).
    if (batch.preempted > 0) return;
    while (view.swappedCount(k) > 0) {
      const r = view.swapped(k, 0);
      if (view.freeBlocks(k) - view.blocksHeld(r) - 1 < watermark) break;
      batch.swapIn(r);
      if (batch.canDecode(r)) batch.decode(r);
    }
  },
};

/** Whole-prompt prefills, FCFS, stopping at the first that does not fit; true when any was admitted. */
function admitPrefills(view: LlmView, batch: Batch, watermark: number): boolean {
  const k = batch.replica;
  const budget = view.param('maxBatchedTokens');
  const maxSeqs = view.param('maxNumSeqs');
  let longest = 0;
  while (view.waitingCount(k) > 0) {
    const r = view.waiting(k, 0);
    const tokens = view.prefillRemaining(r);
    const padded = (batch.size + 1) * Math.max(longest, tokens);
    // A prompt longer than the budget runs alone rather than never.
    if (batch.size > 0 && padded > budget) break;
    if (view.runningCount(k) + 1 > maxSeqs) break;
    const alone = view.runningCount(k) === 0;
    if (view.freeBlocks(k) - batch.blocksNeeded(r, tokens) < (alone ? 0 : watermark)) break;
    batch.prefill(r, tokens);
    longest = Math.max(longest, tokens);
  }
  return batch.size > 0;
}

/** Decodes every running request in order, evicting the latest-arrived (recompute) when blocks run out. */
function decodeAll(view: LlmView, batch: Batch, plan: Plan): void {
  const k = batch.replica;
  const count = view.runningCount(k);
  if (plan.order.length < count) plan.order = new Int32Array(count * 2);
  for (let i = 0; i < count; i++) plan.order[i] = view.running(k, i);
  for (let i = 0; i < count; i++) {
    const r = plan.order[i];
    if (view.phase(r) !== 'running' || view.prefillRemaining(r) > 0) continue;
    while (!batch.canDecode(r)) {
      const victim = latestNotInBatch(view, k);
      batch.preempt(victim);
      if (victim === r) break;
    }
    if (view.phase(r) === 'running') batch.decode(r);
  }
}

export default policy;
