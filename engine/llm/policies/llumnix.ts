import type { LlmPolicy, LlmView, Migration } from 'schedlab/llm';

/** KV blocks the replica's waiting requests will need for their prompts (their demand, queueing pressure). */
function waitingDemand(view: LlmView, replica: number): number {
  let blocks = 0;
  for (let i = 0; i < view.waitingCount(replica); i++) blocks += view.blocksFor(view.prefillRemaining(view.waiting(replica, i)));
  return blocks;
}

/** Dispatch freeness: free blocks after the waiting demand, per request there (running + waiting). */
function dispatchFreeness(view: LlmView, replica: number): number {
  const requests = view.runningCount(replica) + view.waitingCount(replica);
  return (view.freeBlocks(replica) - waitingDemand(view, replica)) / Math.max(1, requests);
}

/** Migration freeness: free blocks per running request, counting the head-of-line waiting request's demand. */
function migrationFreeness(view: LlmView, replica: number): number {
  let free = view.freeBlocks(replica);
  let requests = view.runningCount(replica);
  if (view.waitingCount(replica) > 0) {
    free -= view.blocksFor(view.prefillRemaining(view.waiting(replica, 0)));
    requests++;
  }
  return free / Math.max(1, requests);
}

/**
 * Llumnix: dispatch each request to the replica with the most freeness F = (free KV - demand of its queue) /
 * requests there, i.e. how many more decode steps its batch can take; every `migrationInterval` seconds, pair the
 * least free replica (below a threshold) with the most free one and migrate the source's last running request,
 * so load and fragmentation even out. Migration here is stop-and-copy; the paper's live migration overlaps the copy
 * with decoding. Batches are formed by vLLM's default scheduler unless combined with a replica scheduler.
 */
const policy: LlmPolicy = {
  id: 'llumnix',
  label: 'Llumnix freeness',
  description: 'Dispatch to the freest replica; migrate from the least free to the freest',
  paper: 'Sun et al., Llumnix: Dynamic Scheduling for Large Language Model Serving (OSDI 2024)',
  params: [
    { name: 'migrateBelow', description: 'Migrate out of a replica whose freeness (blocks per request) is below this', min: -1000, max: 100_000, default: 4 },
    { name: 'gap', description: 'Only migrate when the destination is at least this much freer', min: 0, max: 100_000, default: 16 },
  ],
  migrationInterval: 0.5,
  dispatch: (view) => {
    let best = -1;
    let bestFree = -Infinity;
    for (let k = 0; k < view.replicaCount; k++) {
      if (view.replicaRole(k) === 'decode') continue;
      const f = dispatchFreeness(view, k);
      if (f > bestFree) {
        best = k;
        bestFree = f;
      }
    }
    return best;
  },
  migrate: (view) => {
    let source = -1;
    let target = -1;
    for (let k = 0; k < view.replicaCount; k++) {
      if (view.replicaRole(k) === 'prefill') continue;
      if (source < 0 || migrationFreeness(view, k) < migrationFreeness(view, source)) source = k;
      if (target < 0 || migrationFreeness(view, k) > migrationFreeness(view, target)) target = k;
    }
    if (source < 0 || source === target) return null;
    const low = migrationFreeness(view, source);
    if (low >= view.param('migrateBelow') || migrationFreeness(view, target) - low < view.param('gap')) return null;
    // The last running request whose prefill is done and that fits on the target.
    for (let i = view.runningCount(source) - 1; i >= 0; i--) {
      const r = view.running(source, i);
      if (view.prefillRemaining(r) > 0) continue;
      if (view.blocksFor(view.cachedTokens(r)) > view.freeBlocks(target)) continue;
      const move: Migration = { request: r, to: target };
      return [move];
    }
    return null;
  },
};

export default policy;
