import { POLICY_COMPILERS, type PolicyCompilers } from '../policy-compile';
import { refuse, SandboxError } from './sandbox-error';

/**
 * Turns off code generation from strings in the worker, except for the one eval compilePolicy needs.
 *
 * Why: removing fetch & co. is not enough while a policy can build code from a string. `eval('import("https://...")')`
 * or `new Function(...)` would reach dynamic `import()`, which fetches from the network and cannot be removed as a
 * global. (A literal `import(...)` in the policy source is harmless: sucrase rewrites it to `require`, which
 * compilePolicy refuses.) So `eval`, every Function constructor and string timers throw, and compiling a policy
 * goes through a gated compile (one per engine), which opens the gate for exactly one eval — the one that turns the transpiled source
 * into a function — before any of the policy's own code runs.
 */

type Define = (target: object, name: PropertyKey, descriptor: PropertyDescriptor) => boolean;

/** The constructors behind `function`, `async function`, `function*` and `async function*`. */
function functionConstructorPrototypes(): object[] {
  // Reached through the prototypes of literals: only Function itself has a global name.
  const literals = [function () {}, async function () {}, function* () {}, async function* () {}];
  return literals.map((literal) => Object.getPrototypeOf(literal) as object);
}

/**
 * Locks down code generation on `scope`; returns the compile function of each engine with its one eval allowed.
 * `define` redefines a property and reports whether it could (see sandbox.ts).
 */
export function lockDownCodeGeneration(scope: typeof globalThis, define: Define): PolicyCompilers {
  // The real eval, called through a variable: an indirect eval, global scope — what compilePolicy's `(0, eval)` is.
  const realEval = scope.eval;
  let gateOpen = false;
  const gatedEval = function evalOutsideCompile(code: unknown): unknown {
    if (!gateOpen) throw new SandboxError('eval');
    gateOpen = false;
    return realEval(code as string);
  };
  define(scope, 'eval', { value: gatedEval, writable: false, enumerable: false, configurable: false });

  const refusedFunction = refuse('the Function constructor (code from a string)');
  // `x instanceof Function` must keep working; it reads the constructor's `prototype`.
  refusedFunction.prototype = Function.prototype;
  for (const prototype of functionConstructorPrototypes()) {
    define(prototype, 'constructor', { value: refusedFunction, writable: false, enumerable: false, configurable: false });
  }
  define(scope, 'Function', { value: refusedFunction, writable: false, enumerable: false, configurable: false });

  for (const timer of ['setTimeout', 'setInterval'] as const) {
    const real = scope[timer].bind(scope) as (handler: unknown, ...rest: unknown[]) => number;
    const functionsOnly = (handler: unknown, ...rest: unknown[]): number => {
      if (typeof handler !== 'function') throw new SandboxError(`${timer} with a string of code`);
      return real(handler, ...rest);
    };
    defineAlongChain(scope, timer, { value: functionsOnly, writable: false, enumerable: true, configurable: false }, define);
  }

  function gated<T>(compile: (source: string, fileName: string) => T): (source: string, fileName: string) => T {
    return function compileGated(source: string, fileName: string): T {
      gateOpen = true;
      try {
        return compile(source, fileName);
      } finally {
        gateOpen = false;
      }
    };
  }
  return { jobshop: gated(POLICY_COMPILERS.jobshop), vm: gated(POLICY_COMPILERS.vm), llm: gated(POLICY_COMPILERS.llm) };
}

/**
 * Redefines `name` on every object of `scope`'s prototype chain that has it, then on `scope` itself. Chromium puts
 * many worker APIs on WorkerGlobalScope.prototype (fetch, importScripts, indexedDB, setTimeout): replacing only
 * `self.fetch` would leave `WorkerGlobalScope.prototype.fetch.call(self, ...)` working.
 */
export function defineAlongChain(scope: object, name: PropertyKey, descriptor: PropertyDescriptor, define: Define): boolean {
  let all = true;
  for (let holder: object | null = Object.getPrototypeOf(scope) as object | null; holder; holder = Object.getPrototypeOf(holder) as object | null) {
    if (Object.prototype.hasOwnProperty.call(holder, name)) all = define(holder, name, descriptor) && all;
  }
  return define(scope, name, descriptor) && all;
}
