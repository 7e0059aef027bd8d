import type { JobShopPolicy } from '../engine/jobshop/policy-api';
import { PolicySourceError } from './policy-source-error';

/**
 * Checks that a policy file's default export is a policy object, with messages that say what to write. The engine
 * checks decisions while it runs; this checks the shape once, before the first run, so a typo in `params` is
 * reported against the file rather than as a failure at some decision.
 */

const SHAPE = '{ id, label, description, priority or choose }';

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'function') return 'a function';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

export function checkParameter(file: string, spec: unknown, index: number, names: Set<string>): void {
  const fail = (detail: string): never => {
    throw new PolicySourceError(file, `params[${index}] ${detail}`);
  };
  if (typeof spec !== 'object' || spec === null) fail(`is ${describe(spec)}; expected { name, description, min, max, default }`);
  const p = spec as Record<string, unknown>;
  if (typeof p.name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(p.name)) {
    fail(`has name ${JSON.stringify(p.name)}; expected an identifier such as "k" or "lookAhead" (used in --param name=value)`);
  }
  const name = p.name as string;
  if (names.has(name)) fail(`declares "${name}" a second time`);
  names.add(name);
  if (typeof p.description !== 'string') fail(`("${name}") needs a description string`);
  for (const key of ['min', 'max', 'default'] as const) {
    if (typeof p[key] !== 'number' || !Number.isFinite(p[key])) fail(`("${name}") needs a finite number "${key}", got ${describe(p[key])}`);
  }
  const { min, max } = p as { min: number; max: number };
  const fallback = p.default as number;
  if (min > max) fail(`("${name}") has min ${min} above max ${max}`);
  if (fallback < min || fallback > max) fail(`("${name}") has default ${fallback} outside [${min}, ${max}]`);
  if (p.integer !== undefined && typeof p.integer !== 'boolean') fail(`("${name}") has integer ${describe(p.integer)}; expected true or false`);
  if (p.integer === true && !Number.isInteger(fallback)) fail(`("${name}") is a whole-number parameter with default ${fallback}`);
}

/** Returns the export as a policy, or throws a PolicySourceError naming the file and what is wrong. */
export function validatePolicy(exported: unknown, file: string, otherExports: readonly string[] = []): JobShopPolicy {
  if (exported === undefined) {
    const named = otherExports.length > 0 ? ` (it exports ${otherExports.map((n) => `"${n}"`).join(', ')})` : '';
    throw new PolicySourceError(file, `has no default export${named}; end the file with "export default policy;"`);
  }
  if (typeof exported !== 'object' || exported === null || Array.isArray(exported)) {
    throw new PolicySourceError(file, `default export is ${describe(exported)}; expected a policy object ${SHAPE}`);
  }
  const p = exported as Record<string, unknown>;
  for (const key of ['id', 'label', 'description'] as const) {
    if (typeof p[key] !== 'string' || (p[key] as string).trim() === '') {
      throw new PolicySourceError(file, `policy needs a non-empty string "${key}" (got ${describe(p[key])}); a policy is ${SHAPE}`);
    }
  }
  if (/\s/.test(p.id as string)) throw new PolicySourceError(file, `policy id "${p.id}" contains spaces; use a short id such as "my-mwkr"`);
  if (p.paper !== undefined && typeof p.paper !== 'string') throw new PolicySourceError(file, `policy "paper" must be a string`);
  for (const hook of ['priority', 'choose', 'prepare'] as const) {
    if (p[hook] !== undefined && typeof p[hook] !== 'function') {
      throw new PolicySourceError(file, `policy "${hook}" is ${describe(p[hook])}; expected a function`);
    }
  }
  if (p.priority === undefined && p.choose === undefined) {
    throw new PolicySourceError(file, `policy "${p.id}" gives neither priority(candidate, view) nor choose(view)`);
  }
  if (p.params !== undefined) {
    if (!Array.isArray(p.params)) throw new PolicySourceError(file, `policy "params" is ${describe(p.params)}; expected an array`);
    const names = new Set<string>();
    p.params.forEach((spec, index) => checkParameter(file, spec, index, names));
  }
  return exported as JobShopPolicy;
}
