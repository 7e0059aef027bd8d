import { describe, expect, it } from 'vitest';
import bfd from '../../../engine/vm/policies/bfd';
import ffd from '../../../engine/vm/policies/ffd';
import greedy from '../../../engine/vm/policies/greedy';
import { simulate } from '../../../engine/vm/simulate';
import { loadSample } from './shared-data';

describe('greedy (VMR2L baseline) on the M sample', () => {
  it('cuts 16/1394 per move and stops at 530/1394 = 0.3802 after 19 migrations with no MNL', () => {
    const result = simulate(loadSample(), greedy, { migrationLimit: Infinity });
    expect(result.stopReason).toBe('policy');
    expect(result.metrics.migrations).toBe(19);
    expect(result.metrics.fragmentCoresBefore).toBe(834);
    expect(result.metrics.fragmentCoresAfter).toBe(834 - 19 * 16);
    expect(result.metrics.freeCores).toBe(1394);
    expect(result.metrics.frBefore).toBe(834 / 1394);
    expect(result.metrics.frAfter).toBe(530 / 1394);
    expect(result.metrics.frAfter.toFixed(4)).toBe('0.3802');
    expect(result.frCurve).toEqual(Array.from({ length: 20 }, (_, k) => (834 - 16 * k) / 1394));
    expect(result.migrations).toHaveLength(19);
    for (const m of result.migrations) {
      expect(m.vm).toMatch(/^i-/);
      expect(m.from.pm).toMatch(/^host-/);
      expect(m.to.pm).not.toBe(m.from.pm);
      expect(m.to.numa).toHaveLength(m.from.numa.length);
    }
  });

  it('stops at the MNL', () => {
    const result = simulate(loadSample(), greedy, { migrationLimit: 5 });
    expect(result.stopReason).toBe('limit');
    expect(result.metrics.migrations).toBe(5);
    expect(result.metrics.fragmentCoresAfter).toBe(834 - 5 * 16);
    expect(result.counters.decisions).toBe(5);
  });

  it('uses the scenario limit (10000 in the sample) when the run sets none', () => {
    expect(simulate(loadSample(), greedy).metrics.migrations).toBe(19);
  });

  it('is deterministic: two runs give identical results (all but the measured decision time)', () => {
    const { decisionMs: _a, ...a } = simulate(loadSample(), greedy, { seed: 3 });
    const { decisionMs: _b, ...b } = simulate(loadSample(), greedy, { seed: 3 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});

describe('first-fit / best-fit decreasing re-placement on the M sample (regression figures, measured)', () => {
  it.each([
    ['ffd', ffd, Infinity, 21, 498, 'policy'],
    ['ffd', ffd, 20, 20, 514, 'limit'],
    ['bfd', bfd, Infinity, 19, 530, 'policy'],
  ] as const)('%s with MNL %s: %i migrations, %i fragment cores of 1394 free', (_id, policy, mnl, migrations, fragmentCores, stop) => {
    const result = simulate(loadSample(), policy, { migrationLimit: mnl });
    expect(result.metrics.migrations).toBe(migrations);
    expect(result.metrics.fragmentCoresAfter).toBe(fragmentCores);
    expect(result.metrics.frAfter).toBe(fragmentCores / 1394);
    expect(result.stopReason).toBe(stop);
  });
});
