import { describe, expect, it } from 'vitest';
import { findScenario } from '../../engine/jobshop/catalogue';
import { findBuiltinPolicy } from '../../engine/jobshop/policies';
import { createSimulation } from '../../engine/jobshop/simulate';
import { executeRun } from '../../workers/browser/execute-run';
import type { JobShopRunRequest } from '../../workers/browser/run-protocol';
import type { JobShopStepFrame } from '../../workers/browser/step-protocol';
import { openStepSession } from '../../workers/browser/step-session';
import { compilePolicy } from '../../workers/policy-compile';
import { withSeededMathRandom } from '../../workers/seeded-math-random';
import { MATH_RANDOM } from './fixtures/policies';
import { failureOf, frameAt, open } from './fixtures/step-session';

// The step session on job-shop runs, in Node: its frames belong to the run the lab runs, to the bit.

const ft06 = findScenario('ft06')!.create(); // 6 jobs x 6 machines: 36 decisions

function request(policy: JobShopRunRequest['policy'], options: Partial<JobShopRunRequest['options']> = {}): JobShopRunRequest {
  return { runId: 'r', instance: ft06, policy, options: { scheme: 'non-delay', seed: 9, params: {}, ...options } };
}

const builtin = request({ kind: 'builtin', id: 'random' });
const source = request({ kind: 'source', source: MATH_RANDOM, fileName: 'r.ts' }, { scheme: 'active', seed: 7 });

const jobShop = (frame: ReturnType<typeof frameAt>): JobShopStepFrame => {
  if (frame.engine !== 'jobshop') throw new Error(`a ${frame.engine} frame`);
  return frame;
};

/** A policy whose line 5 throws at the fifth decision (view.decisions is 4 there). */
const THROWS_AT_FIFTH = [
  "import type { JobShopPolicy } from 'schedlab/jobshop';", // 1
  'const policy: JobShopPolicy = {', // 2
  "  id: 'fifth', label: 'Fifth', description: 'throws at the fifth decision',", // 3
  '  priority: (c, view) => {', // 4
  "    if (view.decisions === 4) throw new Error('fifth decision');", // 5
  '    return c.job;', // 6
  '  },', // 7
  '};', // 8
  'export default policy;', // 9
].join('\n');

describe('step session: job shop', () => {
  it.each([
    ['a built-in using view.random()', builtin],
    ['a source policy using Math.random', source],
  ])('ends on the metrics and schedule executeRun gives, to the bit (%s)', (_name, req) => {
    const run = executeRun(req);
    if (!run.ok) throw new Error(run.failure.message);
    const session = open(req);
    expect(session.info.totalDecisions).toBe(36);
    expect(session.info.metrics).toEqual(run.result.metrics);
    const end = jobShop(frameAt(session, 36));
    expect(end.metrics).toEqual(run.result.metrics);
    expect(end.snapshot.schedule).toEqual(run.result.schedule);
    // Again from a new simulation stepped from 0 to the end, rather than the probe.
    frameAt(session, 0);
    expect(jobShop(frameAt(session, 36)).metrics).toEqual(run.result.metrics);
  });

  it.each([
    ['a built-in', builtin],
    ['a source policy', source],
  ])('gives the same frame at decision 2 going back from 3, in a fresh session, and from a fresh simulation (%s)', (_name, req) => {
    const session = open(req);
    frameAt(session, 3);
    const back = jobShop(frameAt(session, 2));
    const fresh = jobShop(frameAt(open(req), 2));
    expect(back).toEqual(fresh);
    const policy = req.policy.kind === 'builtin' ? findBuiltinPolicy(req.policy.id)! : compilePolicy(req.policy.source, req.policy.fileName);
    const { scheme, seed } = req.options;
    const direct = withSeededMathRandom(seed, () => {
      const sim = createSimulation(ft06, policy, { scheme, seed, params: {}, recordDecisions: true });
      sim.step();
      sim.step();
      return { snapshot: sim.snapshot(), lastDecision: sim.lastDecision() };
    });
    expect(back.snapshot).toEqual(direct.snapshot);
    expect(back.lastDecision).toEqual(direct.lastDecision);
    expect(back.snapshot.schedule).toHaveLength(2);
  });

  it('numbers frames by decision, marks only the last done, records each decision and clamps out-of-range steps', () => {
    const session = open(source);
    const first = jobShop(session.info.frame);
    expect(first).toMatchObject({ decision: 0, done: false });
    expect(first.lastDecision).toBeUndefined();
    expect(first.metrics).toBeUndefined();
    expect(first.snapshot.candidates.length).toBeGreaterThan(0);
    for (const k of [1, 2, 17, 35]) {
      const frame = jobShop(frameAt(session, k));
      expect(frame).toMatchObject({ decision: k, done: false });
      expect(frame.snapshot.decisions).toBe(k);
      const decision = frame.lastDecision!;
      const { priority, ...chosen } = decision.candidates[decision.chosen];
      expect(chosen).toEqual(frame.snapshot.schedule[k - 1]);
      // Math.random priorities, lowest first.
      expect(priority).toBe(Math.min(...decision.candidates.map((c) => c.priority!)));
      expect(priority).toBeGreaterThanOrEqual(0);
      expect(priority).toBeLessThan(1);
    }
    expect(jobShop(frameAt(session, 36))).toMatchObject({ decision: 36, done: true });
    expect(jobShop(frameAt(session, 1000))).toMatchObject({ decision: 36, done: true });
    expect(jobShop(frameAt(session, -3))).toMatchObject({ decision: 0, done: false });
    expect(jobShop(frameAt(session, 2.7)).decision).toBe(2);
    expect(failureOf(session.goTo(Number.NaN))).toMatchObject({ kind: 'input' });
  });

  it('steps up to a policy that throws and reports it, with its line, when stepping past it', () => {
    const session = open(request({ kind: 'source', source: THROWS_AT_FIFTH, fileName: 'p.ts' }));
    expect(session.info.totalDecisions).toBe(5);
    expect(session.info.failure).toMatchObject({ kind: 'policy', line: 5, message: expect.stringContaining('p.ts:5') });
    expect(jobShop(frameAt(session, 4))).toMatchObject({ decision: 4, done: false });
    const failure = failureOf(session.goTo(5));
    expect(failure).toMatchObject({ kind: 'policy', line: 5, message: expect.stringContaining('fifth decision') });
    expect(failureOf(session.goTo(99))).toMatchObject({ kind: 'policy', line: 5 });
    // A new simulation replaces the one that threw.
    expect(jobShop(frameAt(session, 3)).snapshot.schedule).toHaveLength(3);
  });

  it('reports compile errors with line and column, and bad input, as executeRun does', () => {
    const bad = ['export default {', "  id: 'x', label: 'x', description: 'x',", '  priority: () => 1 +,', '};'].join('\n');
    expect(failureOf(openStepSession(request({ kind: 'source', source: bad, fileName: 'bad.ts' })))).toMatchObject({ kind: 'compile', line: 3, column: expect.any(Number) });
    expect(failureOf(openStepSession(request({ kind: 'builtin', id: 'nope' })))).toMatchObject({ kind: 'input' });
    expect(failureOf(openStepSession(request({ kind: 'builtin', id: 'spt' }, { seed: 1.5 })))).toMatchObject({ kind: 'input', message: expect.stringContaining('seed') });
  });
});
