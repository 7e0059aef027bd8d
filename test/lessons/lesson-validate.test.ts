/** Server-side lesson validation: every problem comes back with the JSON path of the field at fault. */
import { describe, expect, it } from 'vitest';
import type { LessonSpecInput } from '../../db/lesson-spec';
import { LessonSpecError, builtinPolicyIssues, parseLessonSpec, validateLessonSpec, type LessonIssue } from '../../db/lesson-validate';
import { resolveLesson } from '../../db/lesson-runs';

const base: LessonSpecInput = {
  engine: 'jobshop',
  title: 'A lesson',
  instructions: 'Run it.',
  scenarios: ['ft06'],
  starter: { builtin: 'spt' },
  compare: ['mwkr'],
};

function issuesOf(spec: unknown): LessonIssue[] {
  const result = validateLessonSpec(spec);
  if (result.ok) throw new Error('expected the spec to be refused');
  return [...result.issues];
}

describe('lesson validation', () => {
  it('accepts a good spec and fills in the defaults', () => {
    const result = validateLessonSpec(base);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.spec).toMatchObject({ version: 1, seed: 1, options: {}, hidden: { controls: [], metrics: [] }, questions: [] });
  });

  it('names an unknown catalogue scenario with the known ones', () => {
    const [issue] = issuesOf({ ...base, scenarios: ['ft06', 'xx'] });
    expect(issue.path).toBe('spec.scenarios[1]');
    expect(issue.message).toMatch(/^unknown jobshop scenario "xx" \(known: teach-3x3, /);
  });

  it('names a bad generator entry and a bad challenge scenario', () => {
    expect(issuesOf({ ...base, scenarios: [{ generator: 'taillard', settings: { jobs: 5 } }] })).toEqual([{ path: 'spec.scenarios[0].settings', message: 'generator "taillard" needs machines, timeSeed, machineSeed' }]);
    expect(issuesOf({ ...base, scenarios: [{ generator: 'nope' }] })[0].path).toBe('spec.scenarios[0].generator');
    expect(issuesOf({ ...base, scenarios: [{ file: 'a.txt' }] })[0].path).toBe('spec.scenarios[0].file');
    expect(issuesOf({ ...base, challenge: { objective: 'makespan', scenarios: ['ft06', 'ta99'] } })[0].path).toBe('spec.challenge.scenarios[1]');
  });

  it('checks inline job-shop instances with the engine validator', () => {
    const instance = { name: 'bad', machineCount: 1, jobs: [{ operations: [{ alternatives: [{ machine: 3, duration: 1 }] }] }] };
    const [issue] = issuesOf({ ...base, scenarios: [{ instance }] });
    expect(issue.path).toMatch(/^spec\.scenarios\[0\]\.instance\.jobs\[0\]/);
  });

  it('checks options with the engine option schema', () => {
    expect(issuesOf({ ...base, options: { scheme: 'fast' } })[0].path).toBe('spec.options.scheme');
    expect(issuesOf({ ...base, options: { mnl: 3 } })[0]).toMatchObject({ path: 'spec.options', message: expect.stringMatching(/mnl/) });
    expect(issuesOf({ ...base, engine: 'vm', scenarios: ['teach-fragments'], starter: { builtin: 'greedy' }, compare: [], options: { mnl: -1 } })[0].path).toBe('spec.options.mnl');
  });

  it('names unknown built-in policies, and a VM policy that cannot run in the lesson mode', () => {
    const issues = issuesOf({ ...base, starter: { builtin: 'nope' }, compare: ['mwkr', 'also-nope'] });
    expect(issues.map((i) => i.path)).toEqual(['spec.starter.builtin', 'spec.compare[1]']);
    expect(issues[0].message).toMatch(/^unknown jobshop policy "nope" \(known: spt, /);
    const vm = issuesOf({ engine: 'vm', title: 't', instructions: '', scenarios: ['placement-priorities'], starter: { builtin: 'greedy' }, options: { mode: 'placement' } });
    expect(vm).toEqual([{ path: 'spec.starter.builtin', message: 'VM policy "greedy" cannot run in placement mode (it runs in rescheduling)' }]);
  });

  it('names unknown metrics, an unknown objective and a hidden objective', () => {
    expect(issuesOf({ ...base, hidden: { metrics: ['makespan', 'speed'] } })).toEqual([{ path: 'spec.hidden.metrics[1]', message: expect.stringMatching(/^unknown jobshop metric "speed" \(metrics: makespan, /) }]);
    expect(issuesOf({ ...base, challenge: { objective: 'fun' } })[0].path).toBe('spec.challenge.objective');
    expect(issuesOf({ ...base, engine: 'llm', scenarios: ['steady'], starter: { builtin: 'vllm' }, compare: [], challenge: { objective: 'makespan' } })[0].message).toMatch(/unknown llm metric "makespan"/);
    const [hidden] = issuesOf({ ...base, hidden: { metrics: ['makespan'] }, challenge: { objective: 'makespan' } });
    expect(hidden).toMatchObject({ path: 'spec.challenge.objective', message: expect.stringMatching(/is hidden/) });
  });

  it('reports schema problems at their paths, a union at the branch that is closest', () => {
    expect(issuesOf({ ...base, title: '  ' })[0].path).toBe('spec.title');
    expect(issuesOf({ ...base, engine: 'quantum' })[0].path).toBe('spec.engine');
    expect(issuesOf({ ...base, starter: { source: 'x', fileName: '../evil.ts' } })[0].path).toBe('spec.starter.fileName');
    expect(issuesOf({ ...base, hidden: { controls: ['everything'] } })[0].path).toBe('spec.hidden.controls[0]');
    expect(issuesOf({ ...base, extra: 1 })[0].path).toBe('spec');
    expect(issuesOf({ ...base, challenge: { objective: 'makespan', budgetSeconds: 1000 } })[0].path).toBe('spec.challenge.budgetSeconds');
    expect(issuesOf(undefined)[0].path).toBe('spec');
  });

  it('refuses text Postgres cannot store (NUL, lone surrogates), naming the field', () => {
    expect(issuesOf({ ...base, instructions: 'a\u0000b' })).toEqual([{ path: 'spec.instructions', message: 'must not contain the NUL character (U+0000)' }]);
    expect(issuesOf({ ...base, questions: ['fine', 'bad \uD800'] })[0].path).toBe('spec.questions[1]');
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    expect(issuesOf({ ...base, options: deep })[0].message).toBe('is nested more than 64 levels deep');
  });

  it('parseLessonSpec throws LessonSpecError with every issue; resolveLesson fills in labels', () => {
    expect(() => parseLessonSpec({ ...base, scenarios: ['xx'] })).toThrow(LessonSpecError);
    try {
      parseLessonSpec({ ...base, scenarios: ['xx'], compare: ['nope'] });
    } catch (error) {
      expect((error as LessonSpecError).issues.map((i) => i.path)).toEqual(['spec.scenarios[0]', 'spec.compare[0]']);
    }
    const spec = parseLessonSpec({ ...base, scenarios: ['ft06', { generator: 'random', settings: { jobs: 3, machines: 2, seed: 1 } }], challenge: { objective: 'makespan' } });
    const resolved = resolveLesson(spec);
    expect(resolved.scenarios.map((s) => s.label)).toEqual(['ft06', 'random(jobs=3,machines=2,seed=1)']);
    expect(resolved.challengeScenarios).toBe(resolved.scenarios);
    expect(builtinPolicyIssues(spec, 'FDD/MWKR', 'policy.builtin')).toEqual([]);
    expect(builtinPolicyIssues(spec, 'nope', 'policy.builtin')[0].path).toBe('policy.builtin');
  });
});
