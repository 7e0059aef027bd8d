import type { VmPolicy } from '../engine/vm/policy-api';
import { PolicySourceError } from './policy-source-error';
import { checkParameter, describe } from './policy-validate';

/**
 * The VM engine's counterpart of validatePolicy: checks once, before the first run, that a policy file's default
 * export is a VmPolicy, with messages that say what to write. The engine checks each migration while it runs.
 */

const SHAPE = '{ id, label, description, nextMigration or nextPlacement }';

/** Returns the export as a VM policy, or throws a PolicySourceError naming the file and what is wrong. */
export function validateVmPolicy(exported: unknown, file: string, otherExports: readonly string[] = []): VmPolicy {
  if (exported === undefined) {
    const named = otherExports.length > 0 ? ` (it exports ${otherExports.map((n) => `"${n}"`).join(', ')})` : '';
    throw new PolicySourceError(file, `has no default export${named}; end the file with "export default policy;"`);
  }
  if (typeof exported !== 'object' || exported === null || Array.isArray(exported)) {
    throw new PolicySourceError(file, `default export is ${describe(exported)}; expected a VM policy object ${SHAPE}`);
  }
  const p = exported as Record<string, unknown>;
  for (const key of ['id', 'label', 'description'] as const) {
    if (typeof p[key] !== 'string' || (p[key] as string).trim() === '') {
      throw new PolicySourceError(file, `policy needs a non-empty string "${key}" (got ${describe(p[key])}); a VM policy is ${SHAPE}`);
    }
  }
  if (/\s/.test(p.id as string)) throw new PolicySourceError(file, `policy id "${p.id}" contains spaces; use a short id such as "my-greedy"`);
  if (p.paper !== undefined && typeof p.paper !== 'string') throw new PolicySourceError(file, `policy "paper" must be a string`);
  for (const hook of ['nextMigration', 'nextPlacement', 'prepare'] as const) {
    if (p[hook] !== undefined && typeof p[hook] !== 'function') {
      throw new PolicySourceError(file, `policy "${hook}" is ${describe(p[hook])}; expected a function`);
    }
  }
  if (p.nextMigration === undefined && p.nextPlacement === undefined) {
    // A job-shop policy pasted into the VM lab is the likely mistake; say so.
    const jobShop = typeof p.priority === 'function' || typeof p.choose === 'function' ? ' (priority/choose are for job-shop policies)' : '';
    throw new PolicySourceError(file, `policy "${p.id}" gives neither nextMigration(view, plan) nor nextPlacement(view, plan)${jobShop}; a VM policy is ${SHAPE}`);
  }
  if (p.params !== undefined) {
    if (!Array.isArray(p.params)) throw new PolicySourceError(file, `policy "params" is ${describe(p.params)}; expected an array`);
    const names = new Set<string>();
    p.params.forEach((spec, index) => checkParameter(file, spec, index, names));
  }
  return exported as VmPolicy;
}
