import type { LlmPolicy, LlmView } from 'schedlab/llm';

/** Prompt tokens still to prefill at a replica: the queueing delay a new request would see there. */
function pendingPrefill(view: LlmView, replica: number): number {
  let tokens = 0;
  for (let i = 0; i < view.waitingCount(replica); i++) tokens += view.prefillRemaining(view.waiting(replica, i));
  for (let i = 0; i < view.runningCount(replica); i++) tokens += view.prefillRemaining(view.running(replica, i));
  return tokens;
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
 * DistServe-style disaggregation (run it on a cluster with prefill replicas): arriving requests go to the prefill
 * replica with the least prompt work queued; prefill replicas run prefill-only batches capped by a token budget so
 * they stay compute-bound; after the first token the KV cache moves to the decode replica with the most free
 * blocks, which runs continuous decode batches (evicting the latest arrival by recompute when out of blocks, and
 * re-prefilling such requests itself). On a cluster without prefill replicas it behaves as prefill-first FCFS.
 */
const policy: LlmPolicy = {
  id: 'distserve',
  label: 'DistServe disaggregation',
  description: 'Separate prefill and decode replicas; KV moves to the freest decode replica after the first token',
  paper: 'Zhong et al., DistServe: Disaggregating Prefill and Decoding for Goodput-optimized LLM Serving (OSDI 2024)',
  params: [
    { name: 'prefillMaxTokens', description: 'Token budget of a prefill batch', min: 16, max: 1_000_000, default: 4096, integer: true },
    { name: 'decodeMaxBatch', description: 'Most requests in a decode batch', min: 1, max: 100_000, default: 256, integer: true },
  ],
  dispatch: (view) => {
    let best = 0;
    let bestLoad = Infinity;
    for (let k = 0; k < view.replicaCount; k++) {
      if (view.replicaRole(k) === 'decode') continue;
      const load = pendingPrefill(view, k);
      if (load < bestLoad) {
        best = k;
        bestLoad = load;
      }
    }
    return best;
  },
  placeDecode: (view) => {
    let best = -1;
    for (let k = 0; k < view.replicaCount; k++) {
      if (view.replicaRole(k) !== 'decode') continue;
      if (best < 0 || view.freeBlocks(k) > view.freeBlocks(best)) best = k;
    }
    return best;
  },
  schedule: (view, batch) => {
    const k = batch.replica;
    const budget = view.param('prefillMaxTokens');
    // Prefills (new requests, or recomputes on a decode replica), FCFS, chunked only when one prompt exceeds the budget.
    while (view.waitingCount(k) > 0 && batch.tokens < budget) {
      const r = view.waiting(k, 0);
      const chunk = Math.min(view.prefillRemaining(r), budget - batch.tokens);
      if (!batch.canPrefill(r, chunk)) break;
      batch.prefill(r, chunk);
    }
    for (let i = 0; i < view.runningCount(k) && batch.tokens < budget; i++) {
      const r = view.running(k, i);
      if (view.inBatch(r) || view.prefillRemaining(r) === 0) continue;
      const chunk = Math.min(view.prefillRemaining(r), budget - batch.tokens);
      if (batch.canPrefill(r, chunk)) batch.prefill(r, chunk);
    }
    if (batch.size > 0 && view.replicaRole(k) !== 'decode') return;
    const maxBatch = view.param('decodeMaxBatch');
    for (let i = 0; i < view.runningCount(k) && batch.size < maxBatch; i++) {
      const r = view.running(k, i);
      if (view.inBatch(r) || view.prefillRemaining(r) > 0) continue;
      while (!batch.canDecode(r) && view.phase(r) === 'running') batch.preempt(latestNotInBatch(view, k));
      if (view.phase(r) === 'running') batch.decode(r);
      else i--;
    }
  },
};

export default policy;
