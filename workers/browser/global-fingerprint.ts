import { CandidateCursor, RunView } from '../../engine/jobshop/view';

/**
 * Notices when a policy changed something shared by every run in its worker: a global, a built-in prototype
 * (`Array.prototype.last = ...`, `Math.max = ...`) or the prototype of the view the engine hands to policies.
 * Such a change outlives the run and would make the next run in the same worker differ from the same run on the
 * CLI (a fresh thread per policy file there). The pool reuses a worker only while its fingerprint is unchanged;
 * a changed one is retired and replaced.
 *
 * The fingerprint is every own property (names and symbols) of the watched objects, with the identity of its value
 * or accessors and its flags. Getters are never called. Cost: a few thousand comparisons, well under a millisecond.
 */

type PropertyPrint = readonly [key: PropertyKey, value: unknown, get: unknown, set: unknown, flags: number];

function flagsOf(d: PropertyDescriptor): number {
  return (d.writable ? 1 : 0) | (d.enumerable ? 2 : 0) | (d.configurable ? 4 : 0);
}

/** Objects a policy can reach without being handed them: globals, their prototypes, hidden intrinsics, the view. */
function watchedObjects(scope: object): Set<object> {
  const watched = new Set<object>([scope, RunView.prototype, CandidateCursor.prototype]);
  const add = (value: unknown): void => {
    if ((typeof value === 'object' && value !== null) || typeof value === 'function') watched.add(value as object);
  };
  for (let holder: object | null = Object.getPrototypeOf(scope) as object | null; holder; holder = Object.getPrototypeOf(holder) as object | null) add(holder);
  for (const key of Reflect.ownKeys(scope)) {
    const descriptor = Reflect.getOwnPropertyDescriptor(scope, key);
    if (!descriptor || !('value' in descriptor)) continue;
    add(descriptor.value);
    if (typeof descriptor.value === 'function') add((descriptor.value as { prototype?: unknown }).prototype);
  }
  // Intrinsics without a global name.
  add(Object.getPrototypeOf(Int8Array)); // %TypedArray%
  add(Object.getPrototypeOf(Int8Array.prototype));
  add(Object.getPrototypeOf([][Symbol.iterator]())); // %ArrayIteratorPrototype%
  add(Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()))); // %IteratorPrototype%
  add(Object.getPrototypeOf(new Map()[Symbol.iterator]()));
  add(Object.getPrototypeOf(new Set()[Symbol.iterator]()));
  add(Object.getPrototypeOf(''[Symbol.iterator]()));
  add(Object.getPrototypeOf(function* () {}));
  add(Object.getPrototypeOf(async function () {}));
  return watched;
}

function printObject(target: object): readonly PropertyPrint[] {
  const prints: PropertyPrint[] = [];
  for (const key of Reflect.ownKeys(target)) {
    const d = Reflect.getOwnPropertyDescriptor(target, key);
    if (d) prints.push([key, d.value, d.get, d.set, flagsOf(d)]);
  }
  return prints;
}

export type GlobalFingerprint = ReadonlyMap<object, { readonly extensible: boolean; readonly props: readonly PropertyPrint[] }>;

export function takeFingerprint(scope: object = globalThis): GlobalFingerprint {
  const print = new Map<object, { extensible: boolean; props: readonly PropertyPrint[] }>();
  for (const target of watchedObjects(scope)) print.set(target, { extensible: Object.isExtensible(target), props: printObject(target) });
  return print;
}

function sameProps(a: readonly PropertyPrint[], b: readonly PropertyPrint[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i], b[i]];
    for (let j = 0; j < x.length; j++) if (!Object.is(x[j], y[j])) return false;
  }
  return true;
}

/** True when nothing watched changed since `before` (and no global was added, so no new object is unwatched). */
export function fingerprintUnchanged(before: GlobalFingerprint, scope: object = globalThis): boolean {
  if (watchedObjects(scope).size !== before.size) return false;
  for (const [target, { extensible, props }] of before) {
    if (Object.isExtensible(target) !== extensible || !sameProps(props, printObject(target))) return false;
  }
  return true;
}
