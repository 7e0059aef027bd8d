import type { Endpoint } from 'comlink';
import type { compilePolicy, PolicyCompilers } from '../policy-compile';
import { defineAlongChain, lockDownCodeGeneration } from './sandbox-code-generation';
import { SandboxError } from './sandbox-error';

/**
 * The policy sandbox of a simulation worker. The worker exists only to run policies, so rather than hiding the
 * dangerous globals from the policy's scope (compilePolicy does that too, lexically, as a guard against accidents)
 * they are taken away from the worker itself: every name below becomes a non-configurable accessor that throws
 * SandboxError when read or assigned, on the global object and on every prototype of it that carried the name.
 * A policy cannot put them back (non-configurable) and cannot find the originals (nothing else holds them).
 *
 * What a worker never had: cookies (`document.cookie`) and the page (DOM, `window`, `parent`) do not exist in a
 * worker's global scope, and `cookieStore` is exposed only to service workers; it is stubbed anyway so a policy
 * trying it gets the same clear message. What stays: computation, `console`, `Math`, typed arrays, `crypto`.
 *
 * Limits, honestly: the worker still runs on the app's origin and in the page's renderer process. This removes
 * every way we know to reach the network or storage from JavaScript, but the boundary that cannot be argued with
 * is the browser's: a CSP `connect-src 'none'` on the worker script, or a sandboxed iframe (opaque origin, own
 * process) hosting the workers. See run-pool.ts for what the shared process means for memory exhaustion.
 */

/** Globals that reach the network, storage, other contexts or the page's messaging. */
export const FORBIDDEN_GLOBALS = [
  // network
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'WebSocketStream',
  'EventSource',
  'WebTransport',
  'RTCPeerConnection',
  'importScripts',
  // FontFace('x', 'url(...)').load() and Notification icons fetch URLs too.
  'FontFace',
  'fonts',
  'Notification',
  // storage
  'indexedDB',
  'caches',
  'cookieStore',
  // other contexts: new threads, or channels to other tabs of the app
  'BroadcastChannel',
  'Worker',
  'SharedWorker',
] as const;

/** Members of `navigator` that send or store (sendBeacon exists only on Window today; stubbed for a clear message). */
export const FORBIDDEN_NAVIGATOR_MEMBERS = ['sendBeacon', 'storage'] as const;

/**
 * The worker's own messaging. comlink needs it, so it is captured first (see `endpoint`); then it is taken away, so
 * a policy cannot post forged replies to the page, swallow the next request or `close()` the worker under the pool.
 * `addEventListener` is removed from the global only: MessagePort (comlink's progress channel) inherits it from
 * EventTarget.prototype and needs it.
 */
const WORKER_PLUMBING = ['postMessage', 'onmessage', 'onmessageerror', 'close'] as const;
const OWN_PLUMBING = ['addEventListener', 'removeEventListener', 'dispatchEvent'] as const;

export interface PolicySandbox {
  /** comlink endpoint over the worker's messaging, captured before lockdown. */
  readonly endpoint: Endpoint;
  /** compilePolicy with the one eval it needs allowed; every other eval and Function constructor throws. */
  readonly compile: typeof compilePolicy;
  /** The same gate around every engine's compile function (job shop, VM, LLM), for executeRun. */
  readonly compilers: PolicyCompilers;
  /** Names that could not be locked (already non-configurable); empty in Chromium. Tests check it. */
  readonly unlocked: readonly string[];
}

/** The part of DedicatedWorkerGlobalScope comlink uses (the project's TypeScript lib is DOM, not WebWorker). */
interface WorkerMessaging {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener: Endpoint['addEventListener'];
  removeEventListener: Endpoint['removeEventListener'];
}

function lockedAccessor(api: string): PropertyDescriptor {
  const refuseAccess = (): never => {
    throw new SandboxError(api);
  };
  return { get: refuseAccess, set: refuseAccess, enumerable: false, configurable: false };
}

/**
 * Locks down the worker's global scope. Call once, at the top of the worker entry, before the worker accepts any
 * request: no policy code may run before this.
 */
export function lockDownWorkerScope(scope: typeof globalThis = globalThis): PolicySandbox {
  const unlocked: string[] = [];
  const define = (target: object, name: PropertyKey, descriptor: PropertyDescriptor): boolean => {
    const done = Reflect.defineProperty(target, name, descriptor);
    if (!done) unlocked.push(String(name));
    return done;
  };

  const worker = scope as unknown as WorkerMessaging;
  const post = worker.postMessage.bind(worker);
  const endpoint: Endpoint = {
    postMessage: (message: unknown, transfer?: Transferable[]) => post(message, transfer ?? []),
    addEventListener: worker.addEventListener.bind(worker),
    removeEventListener: worker.removeEventListener.bind(worker),
  };

  for (const name of FORBIDDEN_GLOBALS) defineAlongChain(scope, name, lockedAccessor(name), define);
  for (const name of WORKER_PLUMBING) defineAlongChain(scope, name, lockedAccessor(name), define);
  for (const name of OWN_PLUMBING) define(scope, name, lockedAccessor(name));

  const navigatorObject = (scope as { navigator?: object }).navigator;
  if (navigatorObject) {
    for (const member of FORBIDDEN_NAVIGATOR_MEMBERS) {
      // Replaced where Chromium defines it (WorkerNavigator.prototype) and stubbed on the navigator object itself.
      defineAlongChain(navigatorObject, member, lockedAccessor(`navigator.${member}`), define);
    }
  }

  const compilers = lockDownCodeGeneration(scope, define);
  return { endpoint, compile: compilers.jobshop, compilers, unlocked };
}
