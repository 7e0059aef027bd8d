import type { LlmPolicy } from 'schedlab/llm';

/**
 * Round-robin dispatch: arriving requests go to the replicas in turn (the prefill replicas only, in a disaggregated
 * cluster). Vidur's default global scheduler. Batches are formed by vLLM's default scheduler unless combined with a
 * replica scheduler.
 */
const policy: LlmPolicy<{ next: number }> = {
  id: 'round-robin',
  label: 'Round-robin',
  description: 'Dispatch arriving requests to the replicas in turn',
  paper: 'Vidur (Agrawal et al., MLSys 2024): vidur/scheduler/global_scheduler/round_robin_global_scheduler.py',
  prepare: () => ({ next: 0 }),
  dispatch: (view, _request, plan) => {
    let eligible = 0;
    while (eligible < view.replicaCount && view.replicaRole(eligible) !== 'decode') eligible++;
    const k = plan.next % eligible;
    plan.next = k + 1;
    return k;
  },
};

export default policy;
