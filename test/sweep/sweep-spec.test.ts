import { describe, expect, it } from 'vitest';
import { expandSweep } from '../../db/sweep-expand';
import { parseSweepSpec, SweepSpecError, type SweepSpecInput } from '../../db/sweep-spec';

function issuesOf(value: unknown): { path: string; message: string }[] {
  try {
    expandSweep(parseSweepSpec(value));
  } catch (error) {
    if (error instanceof SweepSpecError) return [...error.issues];
    throw error;
  }
  throw new Error('expected the spec to be refused');
}

const base: SweepSpecInput = { engine: 'jobshop', scenarios: ['ft06'], policies: ['mwkr'] };

describe('sweep spec validation names the field', () => {
  it.each([
    [{ ...base, engine: 'flowshop' }, 'engine'],
    [{ ...base, scenarios: [] }, 'scenarios'],
    [{ ...base, scenarios: ['ft06', 'ft07'] }, 'scenarios[1]'],
    [{ ...base, scenarios: [{ generator: 'random', settings: { jobs: 3 } }] }, 'scenarios[0].settings'],
    [{ ...base, scenarios: [{ id: 'ft06', generator: 'random' }] }, 'scenarios[0]'],
    [{ ...base, policies: ['mwkr', 'nope'] }, 'policies[1]'],
    [{ ...base, policies: [{ builtin: 'atc', params: { grid: { kk: [1] } } }] }, 'policies[0].params'],
    [{ ...base, policies: [{ builtin: 'atc', params: { grid: { k: 'x' } } }] }, 'policies[0].params.grid.k'],
    [{ ...base, policies: [{ source: 'export default {}', params: { random: { count: 3 } } }] }, 'policies[0].params.random.ranges'],
    [{ ...base, seeds: [1.5] }, 'seeds[0]'],
    [{ ...base, options: { scheme: ['active', 'sideways'] } }, 'options.scheme'],
    [{ ...base, options: { mnl: 3 } }, 'options'],
    [{ ...base, budgetSeconds: -1 }, 'budgetSeconds'],
    [{ ...base, extra: true }, ''],
    [{ engine: 'vm', scenarios: ['teach-fragments'], policies: ['greedy'], options: { drift: {} } }, 'options.drift.decisionSeconds'],
  ])('%j -> %s', (spec, path) => {
    const issues = issuesOf(spec);
    expect(issues.map((i) => i.path), JSON.stringify(issues)).toContain(path);
    for (const issue of issues) expect(issue.message.length).toBeGreaterThan(3);
  });

  it('refuses two entries that make the same run', () => {
    expect(issuesOf({ ...base, seeds: [1, 2, 1] })[0].message).toMatch(/same run/);
  });
});

describe('sweep expansion', () => {
  const spec: SweepSpecInput = {
    engine: 'jobshop',
    scenarios: ['ft06', { generator: 'random', settings: { jobs: 4, machines: 3, seed: 9 } }],
    policies: ['mwkr', { builtin: 'atc', params: { grid: { k: [1, 2, 3] } } }, { builtin: 'atc', label: 'atc-random', params: { random: { count: 4, seed: 5 } } }],
    seeds: { from: 1, count: 3 },
    options: { scheme: ['active', 'non-delay'], online: false },
  };

  it('makes policies x points x scenarios x option combinations x seeds runs, keyed uniquely', () => {
    const { runs } = expandSweep(parseSweepSpec(spec));
    expect(runs).toHaveLength((1 + 3 + 4) * 2 * 2 * 3);
    expect(new Set(runs.map((r) => r.key)).size).toBe(runs.length);
    expect(runs.map((r) => r.position)).toEqual(runs.map((_, i) => i));
  });

  it('is deterministic, whatever the key order of the spec', () => {
    const first = expandSweep(parseSweepSpec(spec)).runs;
    const reordered = JSON.parse(JSON.stringify(spec, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v)));
    const second = expandSweep(parseSweepSpec(reordered)).runs;
    expect(second.map((r) => r.key)).toEqual(first.map((r) => r.key));
    expect(second.map((r) => r.params)).toEqual(first.map((r) => r.params));
  });

  it('draws random points within the declared ranges, the same ones every time', () => {
    const points = expandSweep(parseSweepSpec(spec)).runs.filter((r) => r.policy.label === 'atc-random').map((r) => r.params.k);
    expect(new Set(points).size).toBe(4);
    for (const k of points) expect(k).toBeGreaterThanOrEqual(0.1);
    expect(expandSweep(parseSweepSpec(spec)).runs.filter((r) => r.policy.label === 'atc-random').map((r) => r.params.k)).toEqual(points);
  });

  it('keys ignore labels and file names but not the source', () => {
    const a = expandSweep(parseSweepSpec({ ...base, policies: [{ source: 'export default 1', fileName: 'a.ts' }] })).runs[0].key;
    const b = expandSweep(parseSweepSpec({ ...base, policies: [{ source: 'export default 1', fileName: 'b.ts', label: 'other' }] })).runs[0].key;
    const c = expandSweep(parseSweepSpec({ ...base, policies: [{ source: 'export default 2', fileName: 'a.ts' }] })).runs[0].key;
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });
});
