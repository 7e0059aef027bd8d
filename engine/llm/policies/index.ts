import type { LlmPolicy } from '../policy-api';
import distserve from './distserve';
import llumnix from './llumnix';
import lor from './lor';
import orca from './orca';
import pastFuture from './past-future';
import roundRobin from './round-robin';
import sarathi from './sarathi';
import spf from './spf';
import vllm from './vllm';

/**
 * The built-in policies, in the order the CLI and the editor list them: replica schedulers, then dispatchers, then
 * disaggregation. Each is a policy file on the public API.
 */
export const BUILTIN_POLICIES: readonly LlmPolicy[] = [vllm, orca, sarathi, pastFuture, spf, roundRobin, lor, llumnix, distserve] as LlmPolicy[];

export function findBuiltinPolicy(id: string): LlmPolicy | undefined {
  const wanted = id.toLowerCase();
  return BUILTIN_POLICIES.find((p) => p.id === wanted);
}

/** What a policy decides: 'replica' (forms batches), 'dispatch' (places requests), or both. */
export function policyRole(policy: LlmPolicy): 'replica' | 'dispatch' | 'both' {
  const schedules = typeof policy.schedule === 'function';
  const dispatches = typeof policy.dispatch === 'function' || typeof policy.migrate === 'function' || typeof policy.placeDecode === 'function';
  return schedules && dispatches ? 'both' : schedules ? 'replica' : 'dispatch';
}

/**
 * One policy from a replica scheduler and a dispatcher (`--policy sarathi --dispatch lor`): the scheduler's
 * `schedule`, the dispatcher's `dispatch` / `migrate` / `placeDecode`, each with its own plan. Parameters of both are
 * declared; a name both declare is an error, since `--param name=v` could not say which one it means.
 */
export function combinePolicies(scheduler: LlmPolicy, dispatcher: LlmPolicy): LlmPolicy<{ s: unknown; d: unknown }> {
  const names = new Set((scheduler.params ?? []).map((p) => p.name));
  const clash = (dispatcher.params ?? []).find((p) => names.has(p.name));
  if (clash) throw new Error(`policies "${scheduler.id}" and "${dispatcher.id}" both declare parameter "${clash.name}"`);
  const s = scheduler as LlmPolicy<unknown>;
  const d = dispatcher as LlmPolicy<unknown>;
  return {
    id: `${scheduler.id}+${dispatcher.id}`,
    label: `${scheduler.label} + ${dispatcher.label}`,
    description: `${scheduler.description}; ${dispatcher.description}`,
    paper: [scheduler.paper, dispatcher.paper].filter(Boolean).join('; ') || undefined,
    params: [...(scheduler.params ?? []), ...(dispatcher.params ?? [])],
    migrationInterval: dispatcher.migrationInterval,
    prepare: (view) => ({ s: s.prepare?.(view), d: d.prepare?.(view) }),
    ...(s.schedule ? { schedule: (view, batch, plan) => s.schedule!(view, batch, plan.s) } : {}),
    ...(d.dispatch ? { dispatch: (view, request, plan) => d.dispatch!(view, request, plan.d) } : {}),
    ...(d.migrate ? { migrate: (view, plan) => d.migrate!(view, plan.d) } : {}),
    ...(d.placeDecode ? { placeDecode: (view, request, plan) => d.placeDecode!(view, request, plan.d) } : {}),
  };
}
