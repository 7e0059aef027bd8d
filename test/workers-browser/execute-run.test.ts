import { describe, expect, it } from 'vitest';
import { findScenario } from '../../engine/jobshop/catalogue';
import { findBuiltinPolicy } from '../../engine/jobshop/policies';
import { simulate } from '../../engine/jobshop/simulate';
import { executeRun } from '../../workers/browser/execute-run';
import type { JobShopRunRequest as RunRequest, OutcomeOf } from '../../workers/browser/run-protocol';
import { compilePolicy } from '../../workers/policy-compile';
import { withSeededMathRandom } from '../../workers/seeded-math-random';
import { BLEND, MATH_RANDOM, onLine5 } from './fixtures/policies';

// The worker's run function, called directly in Node: its outcomes, failures and progress, without a browser.

const ta01 = findScenario('ta01')!.create();

function request(policy: RunRequest['policy'], options: Partial<RunRequest['options']> = {}): RunRequest {
  return { runId: 'r', instance: ta01, policy, options: { scheme: 'active', seed: 1, params: {}, ...options } };
}

function failure(outcome: OutcomeOf<RunRequest>) {
  if (outcome.ok) throw new Error('expected the run to fail');
  return outcome.failure;
}

describe('executeRun (the simulation worker, minus the worker)', () => {
  it('computes what the CLI computes for a built-in and for a source policy using Math.random', () => {
    const builtin = executeRun(request({ kind: 'builtin', id: 'random' }, { seed: 9, scheme: 'non-delay' }));
    const cliBuiltin = withSeededMathRandom(9, () => simulate(ta01, findBuiltinPolicy('random')!, { seed: 9, scheme: 'non-delay', params: {} }));
    expect(builtin.ok && builtin.result).toEqual(cliBuiltin);

    const source = executeRun(request({ kind: 'source', source: MATH_RANDOM, fileName: 'r.ts' }, { seed: 7 }));
    const cliSource = withSeededMathRandom(7, () => simulate(ta01, compilePolicy(MATH_RANDOM, 'r.ts'), { seed: 7, params: {} }));
    expect(source.ok && source.result).toEqual(cliSource);
  });

  it('reports progress about ten times, rising to 1', () => {
    const seen: number[] = [];
    executeRun(request({ kind: 'builtin', id: 'mwkr' }), (f) => seen.push(f));
    expect(seen.length).toBeGreaterThanOrEqual(9);
    expect(seen.length).toBeLessThanOrEqual(11);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(seen.at(-1)).toBe(1);
  });

  it('turns a syntax error into a compile failure with line and column', () => {
    const source = ['export default {', "  id: 'x', label: 'x', description: 'x',", '  priority: () => 1 +,', '};'].join('\n');
    expect(failure(executeRun(request({ kind: 'source', source, fileName: 'bad.ts' })))).toMatchObject({ kind: 'compile', line: 3, column: expect.any(Number) });
  });

  it('points a policy that throws at its line', () => {
    const outcome = executeRun(request({ kind: 'source', source: onLine5("throw new Error('nope')"), fileName: 'p.ts' }));
    expect(failure(outcome)).toMatchObject({ kind: 'policy', line: 5, message: expect.stringContaining('p.ts:5: Error: nope') });
  });

  it('reports bad input (an out-of-range parameter, an unknown built-in) as input', () => {
    const params = executeRun(request({ kind: 'source', source: BLEND, fileName: 'b.ts' }, { params: { w: '11' } }));
    expect(failure(params)).toMatchObject({ kind: 'input', message: expect.stringContaining('parameter "w"') });
    expect(failure(executeRun(request({ kind: 'builtin', id: 'nope' })))).toMatchObject({ kind: 'input' });
  });
});
