import { describe, expect, it } from 'vitest';
import { PolicyError } from '../../engine/core/errors';
import { createRng } from '../../engine/core/rng';
import { findScenario } from '../../engine/jobshop/catalogue';
import { findBuiltinPolicy } from '../../engine/jobshop/policies';
import { simulate } from '../../engine/jobshop/simulate';
import { compilePolicy, transpilePolicy } from '../../workers/policy-compile';
import { PolicySourceError } from '../../workers/policy-source-error';
import { describePolicyFailure, policyLineOf } from '../../workers/policy-stack';
import { withSeededMathRandom } from '../../workers/seeded-math-random';

/** Source from lines: keeps the line numbers in these tests readable. */
const lines = (...text: string[]) => text.join('\n');

const HEADER = "import type { JobShopPolicy, Candidate } from 'schedlab/jobshop';";

function compileError(source: string, file = 'p.ts'): PolicySourceError {
  try {
    compilePolicy(source, file);
  } catch (error) {
    expect(error).toBeInstanceOf(PolicySourceError);
    return error as PolicySourceError;
  }
  throw new Error('expected the policy not to compile');
}

function runError(source: string, file: string): unknown {
  const policy = compilePolicy(source, file);
  try {
    simulate(findScenario('ft06')!.create(), policy);
  } catch (error) {
    return error;
  }
  throw new Error('expected the run to fail');
}

describe('compilePolicy', () => {
  it('turns a TypeScript policy into a policy object that runs like the built-in', () => {
    const policy = compilePolicy(
      lines(
        HEADER,
        'const policy: JobShopPolicy = {',
        "  id: 'my-mwkr', label: 'Mine', description: 'MWKR again',",
        '  priority: (c: Candidate, view) => -view.jobRemainingWork(c.job),',
        '};',
        'export default policy;',
      ),
      'my-mwkr.ts',
    );
    expect(policy).toMatchObject({ id: 'my-mwkr', label: 'Mine' });
    const instance = findScenario('ta01')!.create();
    expect(simulate(instance, policy).metrics).toEqual(simulate(instance, findBuiltinPolicy('mwkr')!).metrics);
  });

  it('keeps line numbers: type-only lines vanish without moving the code below them', () => {
    const source = lines(
      HEADER, // 1
      '', // 2
      'interface Weights {', // 3
      '  readonly a: number;', // 4
      '  readonly b: number;', // 5
      '}', // 6
      'type Pair = [number, number];', // 7
      'const w: Weights = { a: 1, b: 2 } satisfies Weights;', // 8
      'function score<T extends number>(x: T): number {', // 9
      '  const pair: Pair = [x, w.a];', // 10
      '  if (pair[0] > 3) throw new RangeError(`job ${x} is too late`);', // 11
      '  return pair[0] as number;', // 12
      '}', // 13
      'const policy: JobShopPolicy = {', // 14
      "  id: 'late', label: 'Late', description: 'throws at job 4',", // 15
      '  priority: (c) => score(c.job),', // 16
      '};', // 17
      'export default policy;', // 18
    );
    expect(transpilePolicy(source, 'late.ts').split('\n')).toHaveLength(18);
    const error = runError(source, 'late.ts');
    expect(error).toBeInstanceOf(PolicyError);
    expect(policyLineOf(error, 'late.ts')).toBe(11);
    const failure = describePolicyFailure(error, 'late.ts');
    expect(failure.line).toBe(11);
    expect(failure.message).toBe('policy threw at late.ts:11: RangeError: job 4 is too late');
  });

  it('names the policy line of a view call the engine refuses', () => {
    const source = lines(
      HEADER,
      'const policy: JobShopPolicy = {',
      "  id: 'nosy', label: 'Nosy', description: 'asks about a job that does not exist',",
      '  priority: (c, view) =>',
      '    view.jobDue(c.job + 100),',
      '};',
      'export default policy;',
    );
    const failure = describePolicyFailure(runError(source, 'nosy.ts'), 'nosy.ts');
    expect(failure.line).toBe(5);
    expect(failure.message).toMatch(/^nosy\.ts:5: policy "nosy" at t=0: asked about job 10\d/);
  });

  it('rejects a value import, naming its line', () => {
    const error = compileError(lines(HEADER, '', "import { sortBy } from 'lodash';", 'export default { id: "x", label: "X", description: "d", priority: (c: any) => sortBy([c.job])[0] };'), 'mine.ts');
    expect(error.message).toBe("mine.ts: policy files may only import types; line 3 imports 'lodash'");
    expect(error.line).toBe(3);
  });

  it('reports syntax errors with file, line and column', () => {
    const error = compileError(lines(HEADER, 'const policy = {', "  id: 'x' label: 'X',", '};'), 'broken.ts');
    expect(error.line).toBe(3);
    expect(error.column).toBeGreaterThan(0);
    expect(error.message).toMatch(/^broken\.ts:3:\d+: syntax error: /);
  });

  it('reports an error thrown while the file loads', () => {
    const error = compileError(lines(HEADER, 'const table = undefined as unknown as number[];', 'const first = table[0];', 'export default first;'), 'load.ts');
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/^load\.ts:3: threw while loading: TypeError/);
  });

  it('checks the default export with messages that say what to write', () => {
    const policyWith = (body: string) => lines(HEADER, `export default { ${body} };`);
    expect(compileError(lines(HEADER, 'export const policy = 1;')).message).toBe(
      'p.ts: has no default export (it exports "policy"); end the file with "export default policy;"',
    );
    expect(compileError(lines(HEADER, 'export default 42;')).message).toMatch(/default export is number 42; expected a policy object/);
    expect(compileError(policyWith("label: 'L', description: 'D', priority: () => 0")).message).toMatch(/needs a non-empty string "id"/);
    expect(compileError(policyWith("id: 'a', label: 'L', description: 'D'")).message).toMatch(/gives neither priority\(candidate, view\) nor choose\(view\)/);
    expect(compileError(policyWith("id: 'a', label: 'L', description: 'D', priority: 3")).message).toMatch(/"priority" is number 3; expected a function/);
    const withParams = (spec: string) => policyWith(`id: 'a', label: 'L', description: 'D', priority: () => 0, params: [${spec}]`);
    expect(compileError(withParams("{ name: 'k', description: 'd', min: 5, max: 1, default: 2 }")).message).toMatch(/params\[0\] \("k"\) has min 5 above max 1/);
    expect(compileError(withParams("{ name: 'k', description: 'd', min: 0, max: 1, default: 2 }")).message).toMatch(/default 2 outside \[0, 1\]/);
    expect(compileError(withParams("{ name: 'k', description: 'd', min: 0, max: 1, default: 0 }, { name: 'k', description: 'd', min: 0, max: 1, default: 0 }")).message).toMatch(
      /params\[1\] declares "k" a second time/,
    );
    expect(compileError(withParams("{ name: 'look ahead', description: 'd', min: 0, max: 1, default: 0 }")).message).toMatch(/expected an identifier/);
  });

  it('shadows host globals with stand-ins that say why, but lets a policy name its own variables so', () => {
    const usesProcess = lines(HEADER, "export default { id: 'p', label: 'P', description: 'd', priority: () => (process.env.X ? 1 : 0) };");
    const failure = describePolicyFailure(runError(usesProcess, 'env.ts'), 'env.ts');
    expect(failure.message).toMatch(/^policy threw at env\.ts:2: Error: policies cannot use process/);
    const ownProcess = lines(HEADER, 'const process = (x: number) => x * 2;', "export default { id: 'p', label: 'P', description: 'd', priority: (c: any) => process(c.job) };");
    expect(() => simulate(findScenario('ft06')!.create(), compilePolicy(ownProcess, 'own.ts'))).not.toThrow();
  });
});

describe('withSeededMathRandom', () => {
  const draw = () => [Math.random(), Math.random(), Math.random()];

  it("draws Math.random from the run's seed, split off as 'math-random', and restores it afterwards", () => {
    const original = Math.random;
    const first = withSeededMathRandom(7, draw);
    expect(withSeededMathRandom(7, draw)).toEqual(first);
    expect(withSeededMathRandom(8, draw)).not.toEqual(first);
    const stream = createRng(7).split('math-random');
    expect(first).toEqual([stream.next(), stream.next(), stream.next()]);
    expect(Math.random).toBe(original);
    expect(() => withSeededMathRandom(1, () => { throw new Error('x'); })).toThrow('x');
    expect(Math.random).toBe(original);
  });

  it('makes a policy that uses Math.random reproducible', () => {
    const policy = compilePolicy(lines(HEADER, "export default { id: 'r', label: 'R', description: 'd', priority: () => Math.random() };"), 'r.ts');
    const instance = findScenario('ta01')!.create();
    const run = (seed: number) => withSeededMathRandom(seed, () => simulate(instance, policy, { seed })).schedule;
    expect(run(3)).toEqual(run(3));
    expect(run(3)).not.toEqual(run(4));
  });
});
