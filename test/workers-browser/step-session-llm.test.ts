import { describe, expect, it } from 'vitest';
import { llmEngine, type LlmPolicy } from '../../engine/llm';
import { executeRun } from '../../workers/browser/execute-run';
import type { LlmRunRequest } from '../../workers/browser/run-protocol';
import type { LlmStepFrame } from '../../workers/browser/step-protocol';
import { openStepSession } from '../../workers/browser/step-session';
import { compileLlmPolicy } from '../../workers/policy-compile';
import { withSeededMathRandom } from '../../workers/seeded-math-random';
import { LLM_MATH_RANDOM } from './fixtures/llm-policies';
import { failureOf, frameAt, open } from './fixtures/step-session';

// The step session on LLM runs, in Node: one decision is one batch formed; the last frame is the finished run.

/** About ten requests of 512 + 128 tokens on two replicas: a few hundred iterations. */
const scenario = llmEngine.findPreset('steady')!.create({ seed: 2, duration: 5, cluster: { replicas: 2 } });

function request(policy: LlmRunRequest['policy'], seed: number, dispatch?: string): LlmRunRequest {
  return { engine: 'llm', runId: 'r', scenario, policy, options: { seed, params: {} }, ...(dispatch ? { dispatch } : {}) };
}

const builtin = request({ kind: 'builtin', id: 'sarathi' }, 3, 'lor');
const source = request({ kind: 'source', source: LLM_MATH_RANDOM, fileName: 'r.ts' }, 7);

const llm = (frame: ReturnType<typeof frameAt>): LlmStepFrame => {
  if (frame.engine !== 'llm') throw new Error(`a ${frame.engine} frame`);
  return frame;
};

/** Dispatches to replica 0 until request 6 arrives, where line 5 throws. */
const THROWS_AT_SIXTH = [
  "import type { LlmPolicy } from 'schedlab/llm';", // 1
  'const policy: LlmPolicy = {', // 2
  "  id: 'sixth', label: 'Sixth', description: 'throws at request 6',", // 3
  '  dispatch: (view, request) => {', // 4
  "    if (request === 6) throw new Error('sixth request');", // 5
  '    return 0;', // 6
  '  },', // 7
  '};', // 8
  'export default policy;', // 9
].join('\n');

describe('step session: LLM serving', () => {
  it.each([
    ['sarathi + lor', builtin],
    ['a source dispatcher using Math.random', source],
  ])('ends on the metrics executeRun gives, to the bit (%s)', (_name, req) => {
    const run = executeRun(req);
    if (!run.ok) throw new Error(run.failure.message);
    const session = open(req);
    expect(session.info.totalDecisions).toBe(run.result.counters.iterations);
    expect(session.info.totalDecisions).toBeGreaterThan(100);
    expect(session.info.metrics).toEqual(run.result.metrics);
    const total = session.info.totalDecisions;
    expect(llm(frameAt(session, total)).metrics).toEqual(run.result.metrics);
    frameAt(session, 0);
    const again = llm(frameAt(session, total));
    expect(again.metrics).toEqual(run.result.metrics);
    expect(again.snapshot.finished).toBe(scenario.requests.length);
  });

  it.each([
    ['a built-in', builtin],
    ['a source policy', source],
  ])('gives the same frame at decision 2 going back from 3, in a fresh session, and from a fresh simulation (%s)', (_name, req) => {
    const session = open(req);
    frameAt(session, 3);
    const back = llm(frameAt(session, 2));
    expect(back).toEqual(llm(frameAt(open(req), 2)));
    const main = req.policy.kind === 'builtin' ? llmEngine.findPolicy(req.policy.id)! : compileLlmPolicy(req.policy.source, req.policy.fileName);
    const policy = req.dispatch ? (llmEngine.combinePolicies(main, llmEngine.findPolicy(req.dispatch)!) as LlmPolicy) : main;
    const direct = withSeededMathRandom(req.options.seed, () => {
      const sim = llmEngine.createSimulation(scenario, policy, { ...req.options, recordIterations: true });
      while (sim.iterationsStarted < 2) sim.step();
      return { snapshot: sim.snapshot(), lastIteration: sim.lastIteration() };
    });
    expect(back.snapshot).toEqual(direct.snapshot);
    expect(back.lastIteration).toEqual(direct.lastIteration);
  });

  it('numbers frames by batches formed, marks only the last done, and records each batch', () => {
    const session = open(builtin);
    const total = session.info.totalDecisions;
    const first = llm(session.info.frame);
    expect(first).toMatchObject({ decision: 0, done: false, time: 0 });
    expect(first.lastIteration).toBeUndefined();
    expect(first.snapshot.arrived).toBe(0);
    let previousTime = 0;
    for (const k of [1, 2, 3, 50, total - 1]) {
      const frame = llm(frameAt(session, k));
      expect(frame).toMatchObject({ decision: k, done: false });
      const iteration = frame.lastIteration!;
      // The frame is taken the moment the batch is formed: on a replica now busy, at the frame's time.
      expect(iteration.start).toBe(frame.time);
      expect(frame.snapshot.replicas[iteration.replica].busy).toBe(true);
      expect(iteration.batch.length).toBeGreaterThan(0);
      expect(frame.time).toBeGreaterThanOrEqual(previousTime);
      previousTime = frame.time;
    }
    // The first batch of the run prefills the first request's prompt (512 tokens; sarathi chunks at most 512).
    expect(llm(frameAt(session, 1)).lastIteration!.batch).toEqual([{ request: 0, prefillTokens: 512, decode: false }]);
    const end = llm(frameAt(session, total));
    expect(end).toMatchObject({ decision: total, done: true });
    expect(end.time).toBeGreaterThan(end.lastIteration!.start);
    expect(llm(frameAt(session, total + 10)).decision).toBe(total);
  });

  it('steps up to a dispatcher that throws and reports it, with its line, when stepping past it', () => {
    const session = open(request({ kind: 'source', source: THROWS_AT_SIXTH, fileName: 'p.ts' }, 1));
    const total = session.info.totalDecisions;
    expect(session.info.failure).toMatchObject({ kind: 'policy', line: 5, message: expect.stringContaining('p.ts:5') });
    expect(total).toBeGreaterThan(1);
    const before = llm(frameAt(session, total - 1));
    expect(before.snapshot.arrived).toBe(6);
    expect(failureOf(session.goTo(total))).toMatchObject({ kind: 'policy', line: 5, message: expect.stringContaining('sixth request') });
  });

  it('reports compile errors with line and column, and unknown dispatchers as input', () => {
    const bad = ["import type { LlmPolicy } from 'schedlab/llm';", 'const policy: LlmPolicy = {', "  id: 'x' label: 'x',", '};', 'export default policy;'].join('\n');
    expect(failureOf(openStepSession(request({ kind: 'source', source: bad, fileName: 'bad.ts' }, 1)))).toMatchObject({ kind: 'compile', line: 3, column: expect.any(Number) });
    expect(failureOf(openStepSession(request({ kind: 'builtin', id: 'vllm' }, 1, 'nope')))).toMatchObject({ kind: 'input', message: expect.stringContaining('nope') });
  });
});
