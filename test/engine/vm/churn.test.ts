import { describe, expect, it } from 'vitest';
import { compileScenario, initialPlacement } from '../../../engine/vm/compile';
import { churnEvents, DEFAULT_CHURN_RATE, withChurn } from '../../../engine/vm/generators/churn';
import { generateVmr2lLike, VMR2L_SIZES } from '../../../engine/vm/generators/vmr2l-like';

const m = generateVmr2lLike({ seed: 11, ...VMR2L_SIZES.m });

describe('churnEvents', () => {
  const events = churnEvents(m, { seed: 5, duration: 3600 });

  it('is in time order, inside (0, duration], and compiles against the scenario (every exit is of a live VM)', () => {
    for (let k = 1; k < events.length; k++) expect(events[k].time).toBeGreaterThanOrEqual(events[k - 1].time);
    expect(events[0].time).toBeGreaterThan(0);
    expect(events[events.length - 1].time).toBeLessThanOrEqual(3600);
    const scenario = withChurn(m, { seed: 5, duration: 3600 });
    expect(scenario.events).toEqual(events);
    expect(() => initialPlacement(compileScenario(scenario))).not.toThrow();
  });

  it(`runs at the default ${DEFAULT_CHURN_RATE}/min within 4 sigma (Poisson: 1800 +/- 170 an hour)`, () => {
    expect(Math.abs(events.length - 1800)).toBeLessThan(170);
    const fast = churnEvents(m, { seed: 5, duration: 600, rate: 120 });
    expect(Math.abs(fast.length - 1200)).toBeLessThan(140);
    expect(churnEvents(m, { seed: 5, duration: 600, rate: 0 })).toEqual([]);
  });

  it('mixes arrivals of fresh ids with exits of snapshot VMs and of VMs the stream created', () => {
    const created = new Set<string>();
    const snapshot = new Set(m.vms.map((v) => v.id));
    let exitsOfCreated = 0;
    let exitsOfSnapshot = 0;
    for (const e of events) {
      if (e.kind === 'create') {
        expect(snapshot.has(e.vm.id)).toBe(false);
        expect(created.has(e.vm.id)).toBe(false);
        created.add(e.vm.id);
      } else if (created.has(e.vm)) exitsOfCreated++;
      else exitsOfSnapshot++;
    }
    expect(created.size / events.length).toBeGreaterThan(0.4);
    expect(created.size / events.length).toBeLessThan(0.6);
    expect(exitsOfCreated).toBeGreaterThan(0);
    expect(exitsOfSnapshot).toBeGreaterThan(0);
  });

  it('draws arrivals from the scenario mix and keeps the live cores near the snapshot level', () => {
    const sizes = new Set(m.vms.map((v) => `${v.cpu}/${v.numa}`));
    const cpuOf = new Map(m.vms.map((v) => [v.id, v.cpu]));
    let live = m.vms.reduce((a, v) => a + v.cpu, 0);
    const base = live;
    let worst = 0;
    for (const e of churnEvents(m, { seed: 9, duration: 4 * 3600, rate: 60 })) {
      if (e.kind === 'create') {
        expect(sizes.has(`${e.vm.cpu}/${e.vm.numa}`)).toBe(true);
        expect(e.vm.memory).toBe(e.vm.cpu * 2048);
        cpuOf.set(e.vm.id, e.vm.cpu);
        live += e.vm.cpu;
      } else live -= cpuOf.get(e.vm)!;
      worst = Math.max(worst, Math.abs(live - base));
    }
    // 14,400 changes of ~11 cores: a free random walk would stray by ~1,300 cores; the lean keeps it within ~500.
    expect(worst).toBeLessThan(700);
  });

  it('is deterministic by seed', () => {
    expect(churnEvents(m, { seed: 5, duration: 3600 })).toEqual(events);
    expect(churnEvents(m, { seed: 6, duration: 3600 })).not.toEqual(events);
  });

  it('keeps fresh ids unique against the scenario and refuses bad options', () => {
    const clash = { ...m, vms: m.vms.map((v, i) => (i === 0 ? { ...v, id: 'new-0' } : v)) };
    const ids = churnEvents(clash, { seed: 1, duration: 600 }).flatMap((e) => (e.kind === 'create' ? [e.vm.id] : []));
    expect(ids).not.toContain('new-0');
    expect(ids).toContain("new-0'");
    expect(() => churnEvents(m, { seed: 1, duration: -1 })).toThrow(/duration is -1/);
    expect(() => churnEvents(m, { seed: 1, duration: 60, rate: Number.NaN })).toThrow(/rate is NaN/);
    expect(() => churnEvents({ ...m, vms: [] }, { seed: 1, duration: 60 })).toThrow(/no VMs/);
  });
});
