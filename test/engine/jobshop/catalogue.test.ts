import { describe, expect, it } from 'vitest';
import { CATALOGUE, findScenario } from '../../../engine/jobshop/catalogue';
import { compileInstance } from '../../../engine/jobshop/model';
import { formatStandard, parseStandard } from '../../../engine/jobshop/parsers/standard';
import { findInstanceProblem } from '../../../engine/jobshop/validate';
import { readShared } from './shared-data';

describe('catalogue', () => {
  it('has unique ids: the teaching set, ft06 and ta01-ta80', () => {
    const ids = CATALOGUE.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['teach-3x3', 'teach-6x4', 'teach-10x5', 'teach-single-12', 'teach-flex-6x4', 'ft06', 'ta01', 'ta80']));
    expect(CATALOGUE.filter((e) => e.family === 'ta')).toHaveLength(80);
  });

  it.each(CATALOGUE.map((e) => [e.id, e] as const))('%s creates a valid instance of the advertised size', (id, entry) => {
    const instance = entry.create();
    expect(findInstanceProblem(instance)).toBeNull();
    expect(instance.name).toBe(id);
    expect(instance.jobs).toHaveLength(entry.jobs);
    expect(instance.machineCount).toBe(entry.machines);
    expect(entry.create()).toEqual(instance);
  });

  it('ft06 is the benchmark file', () => {
    expect(formatStandard(findScenario('ft06')!.create())).toBe(readShared('jssp/instances/ft06.txt'));
  });

  it('ta entries are the benchmark files', () => {
    expect(findScenario('ta42')!.create().jobs).toEqual(parseStandard(readShared('jssp/instances/ta42.txt')).jobs);
  });

  it('teaching instances have what their lessons need', () => {
    expect(compileInstance(findScenario('teach-10x5')!.create()).hasDueDates).toBe(true);
    const single = compileInstance(findScenario('teach-single-12')!.create());
    expect(single.hasDueDates && single.machineCount === 1 && single.jobCount === 12).toBe(true);
    expect(compileInstance(findScenario('teach-flex-6x4')!.create()).isFlexible).toBe(true);
    expect(compileInstance(findScenario('teach-3x3')!.create()).isFlexible).toBe(false);
  });

  it('finds scenarios by id, case-insensitively, and nothing else', () => {
    expect(findScenario('TA01')?.id).toBe('ta01');
    expect(findScenario('ta81')).toBeUndefined();
  });
});
