import { transform } from 'sucrase';
import type { JobShopPolicy } from '../engine/jobshop/policy-api';
import type { VmPolicy } from '../engine/vm/policy-api';
import type { LlmPolicy } from '../engine/llm/policy-api';
import { PolicySourceError } from './policy-source-error';
import { policyLineOf, policySourceName } from './policy-stack';
import { validatePolicy } from './policy-validate';
import { validateVmPolicy } from './policy-validate-vm';
import { validateLlmPolicy } from './policy-validate-llm';

/**
 * The one path from a policy's TypeScript source to a policy object, shared by the CLI's worker thread and the
 * browser editor's Web Worker (so: no Node or DOM imports here).
 *
 * 1. sucrase strips the types and turns imports into CommonJS. It keeps every line where it was, so a line in an
 *    error is the line the author sees.
 * 2. The code is evaluated inside a function wrapper that starts on the same first line (again, lines stay exact),
 *    with `//# sourceURL=<file>` so stack frames name the policy file (see policy-stack.ts).
 * 3. The default export is checked to be a policy object.
 *
 * What this layer is: a guard against accidents in the author's own code. A policy gets a `require` that refuses
 * everything (policy files may import types only), and the host globals a policy has no business using (network,
 * storage, timers, messaging, `process`) are shadowed by stand-ins that throw a clear error when touched.
 * What it is not: a sandbox. Code that wants out can reach the real globals through `globalThis`, `Function` or a
 * prototype chain. Isolation for code written by someone else is the job of the boundary around the worker (a
 * terminable worker with no privileges in the browser; a separate isolated process on the server), not of this file.
 */

/** Host globals a policy must not use; inside the policy each name is bound to a stand-in that throws. */
export const SHADOWED_GLOBALS = [
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'EventSource',
  'importScripts',
  'navigator',
  'process',
  'indexedDB',
  'caches',
  'localStorage',
  'sessionStorage',
  'document',
  'postMessage',
  'close',
  'addEventListener',
  'removeEventListener',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'queueMicrotask',
] as const;

function forbidden(name: string): unknown {
  const refuse = (): never => {
    throw new Error(`policies cannot use ${name}: a policy decides from the view it is given (no network, storage, timers or host access)`);
  };
  return new Proxy(function unavailable() {}, { apply: refuse, construct: refuse, get: refuse, set: refuse, has: refuse });
}

const STAND_INS = SHADOWED_GLOBALS.map(forbidden);

/** TypeScript to CommonJS JavaScript with the same line numbers. Syntax errors name file:line:column. */
export function transpilePolicy(source: string, fileName: string): string {
  try {
    // disableESTransforms: modern syntax stays as written, so the output stays close to the source.
    return transform(source, { transforms: ['typescript', 'imports'], disableESTransforms: true }).code;
  } catch (error) {
    const loc = (error as { loc?: { line?: number; column?: number } }).loc;
    const message = error instanceof Error ? error.message : String(error);
    // sucrase appends " (line:column)"; the location goes in front instead.
    const detail = message.replace(/\s*\(\d+:\d+\)\s*$/, '');
    throw new PolicySourceError(fileName, `syntax error: ${detail}`, { line: loc?.line, column: loc?.column });
  }
}

type ModuleFactory = (module: { exports: Record<string, unknown> }, exports: Record<string, unknown>, require: (specifier: string) => never, ...standIns: unknown[]) => void;

function evaluate(code: string, fileName: string): ModuleFactory {
  const sourceName = policySourceName(fileName);
  // Both functions open on line 1 so the policy's lines keep their numbers. The inner function holds the code, so
  // a policy may declare its own `const process = ...` without clashing with the stand-in parameters.
  const wrapped =
    `(function (module, exports, require, ${SHADOWED_GLOBALS.join(', ')}) { return (function () {${code}\n}).call(undefined); })` +
    `\n//# sourceURL=${sourceName}`;
  try {
    // Indirect eval: global scope, so the policy sees none of this module's variables.
    return (0, eval)(wrapped) as ModuleFactory;
  } catch (error) {
    // sucrase does not check everything (e.g. a duplicate declaration); V8's parser does, without a line number.
    const message = error instanceof Error ? error.message : String(error);
    throw new PolicySourceError(fileName, `syntax error: ${message}`);
  }
}

/**
 * Evaluates a compiled policy file and returns what it exports by default (and the names of its other exports, for
 * a helpful message when the default is missing). Shared by the engines: each checks the shape of its own policies.
 */
function loadDefaultExport(source: string, fileName: string): { exported: unknown; others: string[] } {
  const factory = evaluate(transpilePolicy(source, fileName), fileName);
  const refuseImport = (specifier: string): never => {
    // The caller's frame is the import line of the policy (sucrase keeps the require where the import was).
    const line = policyLineOf(new Error(), fileName);
    const which = line === undefined ? 'it imports' : `line ${line} imports`;
    throw new PolicySourceError(fileName, `policy files may only import types; ${which} '${specifier}'`, { line, detailNamesLine: true });
  };
  const exports: Record<string, unknown> = {};
  const module = { exports };
  try {
    factory(module, exports, refuseImport, ...STAND_INS);
  } catch (error) {
    if (error instanceof PolicySourceError) throw error;
    const line = policyLineOf(error, fileName);
    const thrown = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new PolicySourceError(fileName, `threw while loading: ${thrown}`, { line });
  }
  // `export =` replaces module.exports; ES exports fill in the original object.
  const replaced = module.exports !== exports;
  const exported = replaced ? module.exports : exports.default;
  const others = replaced ? [] : Object.keys(exports).filter((name) => name !== 'default');
  return { exported, others };
}

/** Compiles and evaluates a job-shop policy file; returns its default export once checked to be a policy. */
export function compilePolicy(source: string, fileName: string): JobShopPolicy {
  const { exported, others } = loadDefaultExport(source, fileName);
  return validatePolicy(exported, fileName, others);
}

/** Compiles and evaluates a VM-rescheduling policy file (`import type { VmPolicy } from 'schedlab/vm'`). */
export function compileVmPolicy(source: string, fileName: string): VmPolicy {
  const { exported, others } = loadDefaultExport(source, fileName);
  return validateVmPolicy(exported, fileName, others);
}

/** Compiles and evaluates an LLM-serving policy file (`import type { LlmPolicy } from 'schedlab/llm'`). */
export function compileLlmPolicy(source: string, fileName: string): LlmPolicy {
  const { exported, others } = loadDefaultExport(source, fileName);
  return validateLlmPolicy(exported, fileName, others);
}

/** The compile functions a run can use, one per engine; the browser sandbox hands out gated versions of each. */
export interface PolicyCompilers {
  readonly jobshop: typeof compilePolicy;
  readonly vm: typeof compileVmPolicy;
  readonly llm: typeof compileLlmPolicy;
}

export const POLICY_COMPILERS: PolicyCompilers = { jobshop: compilePolicy, vm: compileVmPolicy, llm: compileLlmPolicy };
