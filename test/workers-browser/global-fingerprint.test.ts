import { afterEach, describe, expect, it } from 'vitest';
import { findScenario } from '../../engine/jobshop/catalogue';
import { RunView } from '../../engine/jobshop/view';
import { executeRun } from '../../workers/browser/execute-run';
import { fingerprintUnchanged, takeFingerprint } from '../../workers/browser/global-fingerprint';
import { MATH_RANDOM, PATCHES_ARRAY } from './fixtures/policies';

// Runs in Node's global scope; the worker uses the same code on its own.

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((undo) => undo()));

describe('global fingerprint', () => {
  it('stays unchanged across an ordinary run (Math.random swapped and restored)', () => {
    const before = takeFingerprint();
    const outcome = executeRun({
      runId: 'r',
      instance: findScenario('ft06')!.create(),
      policy: { kind: 'source', source: MATH_RANDOM, fileName: 'm.ts' },
      options: { scheme: 'active', seed: 3, params: {} },
    });
    expect(outcome.ok).toBe(true);
    expect(fingerprintUnchanged(before)).toBe(true);
  });

  it('notices a policy that patches a built-in prototype at load time', () => {
    const before = takeFingerprint();
    cleanups.push(() => delete (Array.prototype as unknown as { last?: unknown }).last);
    executeRun({
      runId: 'r',
      instance: findScenario('ft06')!.create(),
      policy: { kind: 'source', source: PATCHES_ARRAY, fileName: 'p.ts' },
      options: { scheme: 'active', seed: 1, params: {} },
    });
    expect(fingerprintUnchanged(before)).toBe(false);
  });

  it('notices a new global, a replaced Math function and a patched view', () => {
    for (const [change, undo] of [
      [() => ((globalThis as Record<string, unknown>).leaked = 1), () => delete (globalThis as Record<string, unknown>).leaked],
      [() => (Math.max = () => 0), ((max) => () => (Math.max = max))(Math.max)],
      [
        () => ((RunView.prototype as unknown as Record<string, unknown>).extra = 1),
        () => delete (RunView.prototype as unknown as Record<string, unknown>).extra,
      ],
    ] as const) {
      const before = takeFingerprint();
      change();
      cleanups.push(undo);
      expect(fingerprintUnchanged(before)).toBe(false);
    }
  });
});
