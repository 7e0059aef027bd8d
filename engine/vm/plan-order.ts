/**
 * Turning a target placement into migrations that can run one after another. A final placement can be feasible
 * while no order of single moves reaches it: two full nodes that swap VMs need a third place in between. Plans from
 * search and from the MIP are sets of targets, so the engine offers this ordering to every policy (view.orderMoves).
 */
import type { ClusterState } from './cluster-state';
import type { Migration } from './policy-api';

export interface OrderedMoves {
  /** Targets in an order where each is feasible once the ones before it are applied. */
  readonly order: Migration[];
  /** Targets no order reaches from the current state (they wait for room that only they would free). */
  readonly blocked: Migration[];
}

/** Orders target moves (distinct VMs) on a scratch copy of the state; targets already met are left out. */
export function orderMoves(state: ClusterState, targets: readonly Migration[]): OrderedMoves {
  const scratch = state.clone();
  const c = state.compiled;
  let remaining = targets.filter((t) => {
    const here = state.vmPm[t.vm];
    const node = t.node ?? (c.vmDouble[t.vm] === 1 ? -1 : undefined);
    return !(here === t.pm && (c.vmDouble[t.vm] === 1 || node === undefined || state.vmNode[t.vm] === node));
  });
  const order: Migration[] = [];
  // Each pass applies every target that fits now; a pass that applies nothing leaves the rest blocked.
  for (let progress = true; progress && remaining.length > 0; ) {
    progress = false;
    const next: Migration[] = [];
    for (const target of remaining) {
      const checked = scratch.check(target.vm, target.pm, target.node);
      if (checked.ok) {
        scratch.apply(checked.move);
        order.push(target);
        progress = true;
      } else {
        next.push(target);
      }
    }
    remaining = next;
  }
  return { order, blocked: remaining };
}
