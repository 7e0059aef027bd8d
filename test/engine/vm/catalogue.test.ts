import { describe, expect, it } from 'vitest';
import { findVmScenario, VM_CATALOGUE } from '../../../engine/vm/catalogue';
import { compileScenario, initialPlacement } from '../../../engine/vm/compile';
import { computeFragment, fragmentRate } from '../../../engine/vm/fragment';
import { vmEngine } from '../../../engine/vm';
import greedy from '../../../engine/vm/policies/greedy';
import { simulate } from '../../../engine/vm/simulate';

const frOf = (id: string) => {
  const compiled = compileScenario(findVmScenario(id)!.build());
  return computeFragment(compiled, initialPlacement(compiled).freeCpu);
};

describe('VM_CATALOGUE', () => {
  it('has unique ids, and every entry builds a scenario named after it that compiles and places', () => {
    expect(new Set(VM_CATALOGUE.map((e) => e.id)).size).toBe(VM_CATALOGUE.length);
    for (const entry of VM_CATALOGUE) {
      const scenario = entry.build();
      expect(scenario.name).toBe(entry.id);
      expect(() => initialPlacement(compileScenario(scenario))).not.toThrow();
    }
  });

  it('finds entries case-insensitively and is listed on the engine', () => {
    expect(findVmScenario('VMR2L-M')?.id).toBe('vmr2l-m');
    expect(findVmScenario('nope')).toBeUndefined();
    expect(vmEngine.catalogue).toBe(VM_CATALOGUE);
    expect(vmEngine.findScenario('teach-fragments')?.label).toMatch(/Teaching/);
  });

  it('builds the same scenario every call', () => {
    expect(JSON.stringify(findVmScenario('vmr2l-s')!.build())).toBe(JSON.stringify(findVmScenario('vmr2l-s')!.build()));
  });

  it('vmr2l-m reproduces the sample FR 834/1394; vmr2l-l is 1,176 PMs / 4,546 VMs', () => {
    expect(frOf('vmr2l-m')).toEqual({ fragmentCores: 834, freeCores: 1394 });
    const l = findVmScenario('vmr2l-l')!.build();
    expect([l.pms.length, l.vms.length]).toEqual([1176, 4546]);
  });

  it('teach-fragments: FR 1, no single improving move (greedy stops at once), two hand moves give 22/38', () => {
    expect(frOf('teach-fragments')).toEqual({ fragmentCores: 38, freeCores: 38 });
    const scenario = findVmScenario('teach-fragments')!.build();
    expect(simulate(scenario, greedy).metrics.migrations).toBe(0);
    const moved = { ...scenario, vms: scenario.vms.map((v) => (v.id === 'h' || v.id === 'i' ? { ...v, pm: 2, node: 0 } : v)) };
    const compiled = compileScenario(moved);
    expect(fragmentRate(computeFragment(compiled, initialPlacement(compiled).freeCpu))).toBe(22 / 38);
  });

  it('teach-anti-affinity has a host and a rack group', () => {
    const groups = findVmScenario('teach-anti-affinity')!.build().antiAffinity!;
    expect(groups.map((g) => g.granularity)).toEqual(['host', 'rack']);
  });

  it('placement-priorities: pending VMs of priorities 0, 1 and 2 asking more cores than are free', () => {
    const scenario = findVmScenario('placement-priorities')!.build();
    const pending = scenario.pending!;
    expect(new Set(pending.map((v) => v.priority))).toEqual(new Set([0, 1, 2]));
    const free = scenario.pms.length * 88 - scenario.vms.reduce((a, v) => a + v.cpu, 0);
    expect(pending.reduce((a, v) => a + v.cpu, 0)).toBeGreaterThan(free);
  });

  it('drift variants carry 30 minutes of churn in time order', () => {
    const events = findVmScenario('vmr2l-m-drift')!.build().events!;
    expect(events.length).toBeGreaterThan(700);
    expect(events[events.length - 1].time).toBeLessThanOrEqual(1800);
  });
});

describe('greedy on the vmr2l-m preset (measured regression figures)', () => {
  it('greedy with MNL 50 stops by itself after 10 moves: FR 0.5983 -> 0.4720', () => {
    const result = simulate(findVmScenario('vmr2l-m')!.build(), greedy, { migrationLimit: 50 });
    expect(result.metrics.frBefore).toBe(834 / 1394);
    expect(result.metrics.migrations).toBe(10);
    expect(result.metrics.frAfter.toFixed(4)).toBe('0.4720');
    expect(result.stopReason).toBe('policy');
  });
});
