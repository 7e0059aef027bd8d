import type { LlmPolicy, LlmView } from 'schedlab/llm';

/** Blocks reserved for a request for its whole life: its prompt plus the most it may generate (capped at the cache). */
function reservation(view: LlmView, replica: number, request: number): number {
  const blocks = view.blocksFor(view.promptTokens(request) + view.maxOutputTokens);
  return Math.min(blocks, view.totalBlocks(replica));
}

/**
 * The conservative baseline (Orca-like iteration-level scheduling): every iteration runs all running requests (a
 * whole-prompt prefill or one decode token each) plus new requests first come first served, admitted only while
 * the KV blocks reserved for the maximum output of every running request and the newcomer fit in the cache. It
 * never needs to preempt, at the price of admitting few requests when outputs are short.
 */
const policy: LlmPolicy = {
  id: 'orca',
  label: 'Conservative (Orca-like)',
  description: 'Continuous batching that reserves KV for the maximum output of every request; never preempts',
  paper: 'Yu et al., Orca: A Distributed Serving System for Transformer-Based Generative Models (OSDI 2022)',
  params: [{ name: 'maxNumSeqs', description: 'Most requests in one batch', min: 1, max: 100_000, default: 128, integer: true }],
  schedule: (view, batch) => {
    const k = batch.replica;
    let reserved = 0;
    for (let i = 0; i < view.runningCount(k); i++) {
      const r = view.running(k, i);
      reserved += reservation(view, k, r);
      // Reservations guarantee the room, so neither of these can fail.
      if (view.prefillRemaining(r) > 0) batch.prefill(r, view.prefillRemaining(r));
      else batch.decode(r);
    }
    const maxSeqs = view.param('maxNumSeqs');
    while (view.waitingCount(k) > 0 && batch.size < maxSeqs) {
      const r = view.waiting(k, 0);
      const need = reservation(view, k, r);
      if (reserved + need > view.totalBlocks(k)) break;
      reserved += need;
      batch.prefill(r, view.prefillRemaining(r));
    }
  },
};

export default policy;
