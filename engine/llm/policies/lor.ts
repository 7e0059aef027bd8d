import type { LlmPolicy } from 'schedlab/llm';

/**
 * Least outstanding requests: an arriving request goes to the replica with the fewest requests waiting, running or
 * swapped out (lowest index on a tie; prefill replicas only, in a disaggregated cluster).
 */
const policy: LlmPolicy = {
  id: 'lor',
  label: 'Least outstanding requests',
  description: 'Dispatch to the replica with the fewest outstanding requests',
  paper: 'Vidur (Agrawal et al., MLSys 2024): vidur/scheduler/global_scheduler/lor_global_scheduler.py',
  dispatch: (view) => {
    let best = 0;
    let bestLoad = Infinity;
    for (let k = 0; k < view.replicaCount; k++) {
      if (view.replicaRole(k) === 'decode') continue;
      const load = view.waitingCount(k) + view.runningCount(k) + view.swappedCount(k);
      if (load < bestLoad) {
        best = k;
        bestLoad = load;
      }
    }
    return best;
  },
};

export default policy;
