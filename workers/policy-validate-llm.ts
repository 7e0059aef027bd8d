import type { LlmPolicy } from '../engine/llm/policy-api';
import { PolicySourceError } from './policy-source-error';
import { checkParameter, describe } from './policy-validate';

/**
 * The LLM engine's counterpart of validatePolicy: checks once, before the first run, that a policy file's default
 * export is an LlmPolicy, with messages that say what to write. The engine checks each batch while it runs.
 */

const SHAPE = '{ id, label, description, and schedule and/or dispatch }';
const HOOKS = ['prepare', 'schedule', 'dispatch', 'migrate', 'placeDecode'] as const;

/** Returns the export as an LLM policy, or throws a PolicySourceError naming the file and what is wrong. */
export function validateLlmPolicy(exported: unknown, file: string, otherExports: readonly string[] = []): LlmPolicy {
  if (exported === undefined) {
    const named = otherExports.length > 0 ? ` (it exports ${otherExports.map((n) => `"${n}"`).join(', ')})` : '';
    throw new PolicySourceError(file, `has no default export${named}; end the file with "export default policy;"`);
  }
  if (typeof exported !== 'object' || exported === null || Array.isArray(exported)) {
    throw new PolicySourceError(file, `default export is ${describe(exported)}; expected an LLM policy object ${SHAPE}`);
  }
  const p = exported as Record<string, unknown>;
  for (const key of ['id', 'label', 'description'] as const) {
    if (typeof p[key] !== 'string' || (p[key] as string).trim() === '') {
      throw new PolicySourceError(file, `policy needs a non-empty string "${key}" (got ${describe(p[key])}); an LLM policy is ${SHAPE}`);
    }
  }
  if (/\s/.test(p.id as string)) throw new PolicySourceError(file, `policy id "${p.id}" contains spaces; use a short id such as "my-sarathi"`);
  if (p.paper !== undefined && typeof p.paper !== 'string') throw new PolicySourceError(file, `policy "paper" must be a string`);
  for (const hook of HOOKS) {
    if (p[hook] !== undefined && typeof p[hook] !== 'function') throw new PolicySourceError(file, `policy "${hook}" is ${describe(p[hook])}; expected a function`);
  }
  if (p.schedule === undefined && p.dispatch === undefined && p.migrate === undefined && p.placeDecode === undefined) {
    throw new PolicySourceError(file, `policy "${p.id}" gives none of schedule(view, batch), dispatch(view, request), migrate(view) or placeDecode(view, request); an LLM policy is ${SHAPE}`);
  }
  if (p.migrationInterval !== undefined && !(typeof p.migrationInterval === 'number' && p.migrationInterval > 0)) {
    throw new PolicySourceError(file, `policy "migrationInterval" is ${describe(p.migrationInterval)}; expected seconds > 0`);
  }
  if (p.params !== undefined) {
    if (!Array.isArray(p.params)) throw new PolicySourceError(file, `policy "params" is ${describe(p.params)}; expected an array`);
    const names = new Set<string>();
    p.params.forEach((spec, index) => checkParameter(file, spec, index, names));
  }
  return exported as LlmPolicy;
}
