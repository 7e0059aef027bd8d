import { describe, expect, it } from 'vitest';
import { vmEngine, type VmResult, type VmScenario } from '../../../engine/vm';
import { VmReplay } from '../../../engine/vm/replay';

// The replay must agree with the run itself: the FR it rebuilds after every step is the FR the engine recorded,
// for a plain rescheduling run, a run under drift (events first, then the applied plan) and a placement run.

const scenario = (id: string): VmScenario => vmEngine.findScenario(id)!.build();
const run = (s: VmScenario, policy: string, options: Parameters<typeof vmEngine.simulate>[2] = {}): VmResult =>
  vmEngine.simulate(s, vmEngine.findPolicy(policy)!, { seed: 1, ...options });

describe('VmReplay', () => {
  it('rebuilds every step of a rescheduling run (FR after each migration as recorded)', () => {
    const s = scenario('vmr2l-s');
    const result = run(s, 'greedy', { migrationLimit: 30 });
    const replay = new VmReplay(s, result);
    expect(replay.steps.length).toBe(result.migrations.length);
    expect(replay.fragmentRates()).toEqual(result.frCurve);
    const last = replay.at(result.migrations.length);
    expect(last.fragmentRate).toBe(result.metrics.frAfter);
    expect(last.skipped).toBe(0);
    expect(replay.at(0).fragmentRate).toBe(result.metrics.frBefore);
  });

  it('under drift, applies the events first (the cluster scheduler best-fits arrivals), then the applied migrations', () => {
    const s = scenario('vmr2l-s-drift');
    const result = run(s, 'bfd', { migrationLimit: 40, drift: { decisionSeconds: 300 } });
    expect(result.drift!.eventsApplied).toBeGreaterThan(0);
    const replay = new VmReplay(s, result);
    expect(replay.eventsApplied).toBe(result.drift!.eventsApplied);
    expect(replay.fragmentRates()).toEqual(result.frCurve);
    expect(replay.at(0).fragmentRate).toBe(result.metrics.frAtApply);
    expect(replay.snapshot().fragmentRate).toBe(result.metrics.frBefore);
  });

  it('steps through placements (and the migrations that made room) in decision order', () => {
    const s = scenario('placement-priorities');
    const result = run(s, 'k8s-most-allocated');
    const replay = new VmReplay(s, result);
    expect(replay.steps.length).toBe(result.placements.length + result.migrations.length);
    expect(replay.steps.every((step) => step.kind === 'placement')).toBe(true);
    const last = replay.at(replay.steps.length);
    expect(last.skipped).toBe(0);
    expect(last.fragmentRate).toBe(result.metrics.frAfter);
    const placedVms = [...last.vmPm].filter((pm) => pm >= 0).length;
    expect(placedVms).toBe(s.vms.length + result.metrics.placed);
  });
});
