import type { Batch, LlmPolicy, LlmView } from 'schedlab/llm';

/** The latest-arrived running request of the replica that is not in the batch, or -1. */
function latestNotInBatch(view: LlmView, replica: number): number {
  let victim = -1;
  for (let i = 0; i < view.runningCount(replica); i++) {
    const r = view.running(replica, i);
    if (!view.inBatch(r) && r > victim) victim = r;
  }
  return victim;
}

/** The waiting request with the fewest prefill tokens left (earliest arrival on a tie), or -1. */
function shortestWaiting(view: LlmView, replica: number): number {
  let best = -1;
  for (let i = 0; i < view.waitingCount(replica); i++) {
    const r = view.waiting(replica, i);
    if (best < 0 || view.prefillRemaining(r) < view.prefillRemaining(best) || (view.prefillRemaining(r) === view.prefillRemaining(best) && r < best)) best = r;
  }
  return best;
}

function fill(view: LlmView, batch: Batch): void {
  const k = batch.replica;
  const budget = view.param('chunkSize');
  // Decodes and partial prefills first (so admitted work keeps moving), then the shortest waiting prompts.
  for (let i = 0; i < view.runningCount(k); i++) {
    const r = view.running(k, i);
    if (view.inBatch(r)) continue;
    if (view.prefillRemaining(r) === 0) {
      if (batch.canDecode(r)) batch.decode(r);
      continue;
    }
    const room = (view.blocksHeld(r) + view.freeBlocks(k)) * view.blockSize - view.cachedTokens(r);
    const chunk = Math.min(view.prefillRemaining(r), budget - batch.tokens, room);
    if (chunk > 0) batch.prefill(r, chunk);
  }
  while (batch.tokens < budget && view.waitingCount(k) > 0) {
    const r = shortestWaiting(view, k);
    const left = view.prefillRemaining(r);
    if (batch.blocksNeeded(r, left) > view.freeBlocks(k)) break;
    batch.prefill(r, Math.min(left, budget - batch.tokens));
  }
}

/**
 * Shortest-prompt-first: chunked prefill under a token budget, as Sarathi-Serve, but new requests are admitted
 * shortest prompt first (the prompt length is known on arrival; the output length is not). Running requests that
 * cannot get a block wait; when nothing at all can run, the latest-arrived running request is preempted.
 */
const policy: LlmPolicy = {
  id: 'spf',
  label: 'Shortest prompt first',
  description: 'Chunked prefill; admit the shortest waiting prompt first',
  paper: 'Shortest-job-first on the known prompt length; cf. Fu et al., Efficient LLM Scheduling by Learning to Rank (NeurIPS 2024)',
  params: [{ name: 'chunkSize', description: 'Token budget per iteration', min: 16, max: 65_536, default: 512, integer: true }],
  schedule: (view, batch) => {
    fill(view, batch);
    while (batch.size === 0 && view.runningCount(batch.replica) > 0) {
      batch.preempt(latestNotInBatch(view, batch.replica));
      fill(view, batch);
    }
  },
};

export default policy;
