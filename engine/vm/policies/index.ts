import type { VmPolicy } from '../policy-api';
import bfd from './bfd';
import ffd from './ffd';
import greedy from './greedy';
import mip from './mip';
import search from './search';
import leastAllocated, { balancedAllocationPolicy, mostAllocatedPolicy } from './kube-scheduler';

/** The built-in policies, in the order the CLI and the editor list them. Each is a policy file on the public API. */
export const BUILTIN_POLICIES: readonly VmPolicy[] = [greedy, ffd, bfd, search, mip, leastAllocated, mostAllocatedPolicy, balancedAllocationPolicy] as VmPolicy[];

/** Which mode a policy can run in: rescheduling (nextMigration), placement (nextPlacement) or both. */
export function policyModes(policy: VmPolicy): ('rescheduling' | 'placement')[] {
  return [...(policy.nextMigration ? ['rescheduling' as const] : []), ...(policy.nextPlacement ? ['placement' as const] : [])];
}

export function findBuiltinPolicy(id: string): VmPolicy | undefined {
  const wanted = id.toLowerCase();
  return BUILTIN_POLICIES.find((p) => p.id === wanted);
}
