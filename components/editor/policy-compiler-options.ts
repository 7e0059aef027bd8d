/**
 * TypeScript options the editor checks a policy file with, as plain values so that both Monaco's TypeScript worker
 * and the `typescript` package (test/editor) read them. They match how a policy really runs: modern JavaScript in
 * a worker with no page, so there is no DOM lib and `document` or `window` is a type error.
 *
 * Numbers are TypeScript's enum values (ts.ScriptTarget.ES2022 = 9, ts.ModuleKind.ESNext = 99); lib entries are lib
 * file names, which both accept. No module resolution is needed: the API is an ambient `declare module`.
 */
export const POLICY_COMPILER_OPTIONS = {
  strict: true,
  target: 9,
  module: 99,
  lib: ['lib.es2022.d.ts'],
  types: [] as string[],
  isolatedModules: true,
  noEmit: true,
  allowNonTsExtensions: true,
  noFallthroughCasesInSwitch: true,
} as const;

/**
 * The URI of the API declaration inside the editor's TypeScript service: file:/// so go-to-definition works, and
 * nothing that Uri.toString() would percent-encode (no "@"). Monaco opens an extra lib as a model when a
 * diagnostic points into it; under an encoded name the worker would then hold two copies of the module and every
 * API method would show "(+1 overload)".
 */
export const POLICY_API_LIB_URI = 'file:///schedlab-jobshop/policy-api.d.ts';

/** The VM engine's API declaration ('schedlab/vm'), beside the job shop's: both modules are always loaded. */
export const VM_POLICY_API_LIB_URI = 'file:///schedlab-vm/policy-api.d.ts';

/** The LLM-serving engine's API declaration ('schedlab/llm'), loaded beside the others. */
export const LLM_POLICY_API_LIB_URI = 'file:///schedlab-llm/policy-api.d.ts';
