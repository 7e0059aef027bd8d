/**
 * The built-in lessons: each passes the server's validation, every scenario builds with the code the runs use
 * (workers/sweep-run-inputs.ts), every offered policy runs on it, and the claims their text makes about this
 * engine's numbers hold. A change to an engine that breaks a lesson's story fails here, not in front of a class.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_LESSONS, findBuiltinLesson } from '../../db/lessons';
import { JOBSHOP_LESSONS } from '../../db/lessons/jobshop-lessons';
import { LLM_LESSONS } from '../../db/lessons/llm-lessons';
import { VM_LESSONS } from '../../db/lessons/vm-lessons';
import { BUILTIN_LESSON_ID, LessonSpecSchema } from '../../db/lesson-spec';
import { validateLessonSpec } from '../../db/lesson-validate';
import { resolveLesson } from '../../db/lesson-runs';
import { findBuiltin } from '../../db/sweep-options';
import type { SweepScenario } from '../../db/sweep-expand';
import { sweepRunInputs } from '../../workers/sweep-run-inputs';
import { executeSweepTask } from '../../workers/node/sweep-execute';
import type { LessonRecord } from '../../db/lesson-spec';

const ENGINES = ['jobshop', 'vm', 'llm'] as const;

function lesson(id: string): LessonRecord {
  const found = findBuiltinLesson(id);
  if (!found) throw new Error(`no built-in lesson ${id}`);
  return found;
}

async function metricsOf(id: string, builtin: string, options: { scenario?: number; seed?: number; params?: Record<string, number> } = {}): Promise<Record<string, number>> {
  const record = lesson(id);
  const { scenarios, options: runOptions } = resolveLesson(record.spec);
  const outcome = await executeSweepTask({
    engine: record.spec.engine,
    scenario: scenarios[options.scenario ?? 0],
    policy: { label: builtin, builtin },
    params: options.params ?? {},
    seed: options.seed ?? record.spec.seed,
    options: runOptions,
    artifacts: false,
  });
  expect(outcome.error).toBeNull();
  return { ...outcome.metrics };
}

describe('built-in lessons', () => {
  it('has at least three per engine, in engine order, with unique slug ids and at least one challenge each', () => {
    expect(BUILTIN_LESSONS.map((l) => l.spec.engine)).toEqual([...JOBSHOP_LESSONS, ...VM_LESSONS, ...LLM_LESSONS].map((l) => l.spec.engine));
    for (const engine of ENGINES) {
      const ofEngine = BUILTIN_LESSONS.filter((l) => l.spec.engine === engine);
      expect(ofEngine.length).toBeGreaterThanOrEqual(3);
      expect(ofEngine.some((l) => l.spec.challenge !== undefined)).toBe(true);
      for (const l of ofEngine) expect(l.id.startsWith(`${engine}-`)).toBe(true);
    }
    expect(new Set(BUILTIN_LESSONS.map((l) => l.id)).size).toBe(BUILTIN_LESSONS.length);
    for (const l of BUILTIN_LESSONS) {
      expect(l.id).toMatch(BUILTIN_LESSON_ID);
      expect(l.builtin).toBe(true);
      expect(l.closed).toBe(l.spec.challenge ? false : undefined);
    }
    // Hidden controls and metrics are exercised by some built-ins.
    expect(BUILTIN_LESSONS.some((l) => l.spec.hidden.controls.includes('editor'))).toBe(true);
    expect(BUILTIN_LESSONS.some((l) => l.spec.hidden.metrics.length > 0)).toBe(true);
    expect(findBuiltinLesson('jobshop-nope')).toBeUndefined();
  });

  it('passes the server validation, as written and as parsed', () => {
    for (const source of [...JOBSHOP_LESSONS, ...VM_LESSONS, ...LLM_LESSONS]) {
      const result = validateLessonSpec(source.spec);
      expect(result.ok ? [] : result.issues, source.id).toEqual([]);
      expect(validateLessonSpec(lesson(source.id).spec).ok).toBe(true);
      expect(LessonSpecSchema.parse(lesson(source.id).spec)).toStrictEqual(lesson(source.id).spec);
      expect(source.spec.questions!.length).toBeGreaterThanOrEqual(2);
      expect(source.spec.questions!.length).toBeLessThanOrEqual(4);
    }
  });

  it('builds every scenario (the lesson seed and every challenge seed) and runs every offered policy on it', async () => {
    for (const record of BUILTIN_LESSONS) {
      const { spec } = record;
      const { scenarios, challengeScenarios, options } = resolveLesson(spec);
      const runs: { scenario: SweepScenario; seed: number }[] = scenarios.map((scenario) => ({ scenario, seed: spec.seed }));
      for (const scenario of challengeScenarios) for (const seed of spec.challenge!.seeds) runs.push({ scenario, seed });
      for (const { scenario, seed } of runs) {
        const inputs = sweepRunInputs(spec.engine, scenario, seed, options);
        expect(inputs.engine).toBe(spec.engine);
      }
      const policies = ['builtin' in spec.starter ? spec.starter.builtin : undefined, ...spec.compare].filter((p): p is string => p !== undefined);
      for (const id of policies) expect(findBuiltin(spec.engine, id), `${record.id}: ${id}`).toBeDefined();
      for (const id of policies) {
        // Search's default stops on a 1 s clock; a fixed step count keeps this test short and the same everywhere.
        const params: Record<string, number> = id === 'search' ? { timeLimitMs: 0, iterations: 20_000 } : {};
        for (let s = 0; s < scenarios.length; s++) {
          const metrics = await metricsOf(record.id, id, { scenario: s, params });
          if (spec.challenge) expect(Number.isFinite(metrics[spec.challenge.objective]), `${record.id} ${id} ${spec.challenge.objective}`).toBe(true);
        }
      }
    }
  }, 120_000);

  it('job shop: SPT is worse than MWKR on ft06, and tabu finds the optimum 55', async () => {
    const spt = await metricsOf('jobshop-spt-makespan', 'spt');
    const mwkr = await metricsOf('jobshop-spt-makespan', 'mwkr');
    expect(spt.makespan).toBeGreaterThan(mwkr.makespan);
    expect(mwkr.makespan).toBeGreaterThan(55);
    expect(spt.bestKnownBound).toBe(55);
    expect((await metricsOf('jobshop-rules-vs-tabu', 'tabu')).makespan).toBe(55);
  });

  it('job shop: the due-date scenarios report tardiness, and EDD beats SPT on it', async () => {
    for (const scenario of [0, 1]) {
      const edd = await metricsOf('jobshop-due-dates', 'edd', { scenario });
      const spt = await metricsOf('jobshop-due-dates', 'spt', { scenario });
      expect(edd.totalTardiness).toBeLessThan(spt.totalTardiness);
    }
  });

  it('VM: on teach-fragments (FR 1.0) greedy cannot start, while a two-move search plan lowers FR', async () => {
    const greedy = await metricsOf('vm-fragmentation', 'greedy');
    expect(greedy.frBefore).toBe(1);
    expect(greedy.migrations).toBe(0);
    const search = await metricsOf('vm-fragmentation', 'search', { params: { timeLimitMs: 0, iterations: 20_000 } });
    expect(search.migrations).toBe(2);
    expect(search.frAfter).toBeCloseTo(22 / 38, 10);
  });

  it('VM: under 120 s of drift, search drops planned migrations and ends above what it planned', async () => {
    const search = await metricsOf('vm-drift', 'search', { params: { timeLimitMs: 0, iterations: 20_000 } });
    expect(search.dropped).toBeGreaterThan(0);
    expect(search.frAfter).toBeGreaterThan(search.frPlanned);
  });

  it('LLM: chunked prefill lowers the inter-token tail, and wins goodput under load', async () => {
    const vllm = await metricsOf('llm-prefill-decode', 'vllm');
    const sarathi = await metricsOf('llm-prefill-decode', 'sarathi');
    expect(sarathi.itlP99).toBeLessThan(vllm.itlP99);
    expect(vllm.requests).toBeLessThanOrEqual(300);
    let vllmGoodput = 0;
    let sarathiGoodput = 0;
    for (const seed of lesson('llm-chunked-prefill').spec.challenge!.seeds) {
      vllmGoodput += (await metricsOf('llm-chunked-prefill', 'vllm', { seed })).goodput;
      sarathiGoodput += (await metricsOf('llm-chunked-prefill', 'sarathi', { seed })).goodput;
    }
    expect(sarathiGoodput).toBeGreaterThan(vllmGoodput);
  });

  it('LLM: the conservative reservation collapses goodput and never preempts; the aggressive one fills more of the cache', async () => {
    const orca = await metricsOf('llm-memory-estimation', 'orca');
    const vllm = await metricsOf('llm-memory-estimation', 'vllm');
    const pastFuture = await metricsOf('llm-memory-estimation', 'past-future');
    expect(orca.preemptions).toBe(0);
    expect(orca.goodput).toBeLessThan(vllm.goodput / 2);
    expect(orca.goodput).toBeLessThan(pastFuture.goodput / 2);
    expect(orca.ttftP99).toBeGreaterThan(pastFuture.ttftP99);
    expect(vllm.kvUsageMean).toBeGreaterThan(orca.kvUsageMean);
    expect(vllm.requests).toBeLessThanOrEqual(300);
  });
});
