import type { VmPolicy } from '../policy-api';
import bfd from './bfd';
import ffd from './ffd';
import greedy from './greedy';

/** The built-in policies, in the order the CLI and the editor list them. Each is a policy file on the public API. */
export const BUILTIN_POLICIES: readonly VmPolicy[] = [greedy, ffd, bfd] as VmPolicy[];

export function findBuiltinPolicy(id: string): VmPolicy | undefined {
  const wanted = id.toLowerCase();
  return BUILTIN_POLICIES.find((p) => p.id === wanted);
}
