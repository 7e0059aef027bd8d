import { describe, expect, it } from 'vitest';
import { buildSpec, parseNumberList } from '../../../components/sweeps/build-spec';
import { expandSweep } from '../../../db/sweep-expand';
import { parseSweepSpec } from '../../../db/sweep-spec';

describe('the sweep builder writes a spec schedlab sweep accepts', () => {
  it('grids, random points, the editor policy, seeds and option lists expand into the expected runs', () => {
    const spec = buildSpec({
      engine: 'jobshop',
      title: ' ATC study ',
      scenarios: ['ft06', 'ta01'],
      policies: [
        { builtin: 'mwkr', grid: {}, randomPoints: 0 },
        { builtin: 'atc', grid: { k: '0.5, 1 2' }, randomPoints: 0 },
        { builtin: 'tabu', grid: {}, randomPoints: 3 },
      ],
      editorSource: "import type { JobShopPolicy } from 'schedlab/jobshop';\nexport default { id: 'x', label: 'X', description: 'x', priority: () => 0 } satisfies JobShopPolicy;\n",
      seedFrom: 5,
      seedCount: 2,
      options: { scheme: 'active, non-delay', dueFactor: '1.3', arrivalMean: ' ' },
    });
    expect(spec.title).toBe('ATC study');
    expect(spec.options).toEqual({ scheme: ['active', 'non-delay'], dueFactor: 1.3 });
    const expanded = expandSweep(parseSweepSpec(spec));
    // (1 + 3 + 3 + 1 editor) policy points x 2 scenarios x 2 schemes x 2 seeds
    expect(expanded.runs).toHaveLength(8 * 2 * 2 * 2);
    expect(new Set(expanded.runs.filter((r) => r.policy.builtin === 'atc').map((r) => r.params.k))).toEqual(new Set([0.5, 1, 2]));
    expect(expanded.runs.filter((r) => r.policy.source !== undefined)).toHaveLength(8);
    expect(new Set(expanded.runs.map((r) => r.seed))).toEqual(new Set([5, 6]));
  });

  it('a value that is not a number is refused, naming the field', () => {
    expect(() => parseNumberList('1, x', 'atc.k')).toThrow('atc.k: "x" is not a number');
    expect(() => buildSpec({ engine: 'jobshop', title: '', scenarios: ['ft06'], policies: [{ builtin: 'atc', grid: { k: '1,,two' }, randomPoints: 0 }], seedFrom: 1, seedCount: 1, options: {} })).toThrow('atc.k: "two"');
  });
});
