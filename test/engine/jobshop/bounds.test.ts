import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OUTPUT, readBoundsSources, renderBoundsData } from '../../../bin/generate-bounds';
import { computeLowerBounds, publishedBound, publishedBounds } from '../../../engine/jobshop/bounds';
import { workContent } from '../../../engine/jobshop/generators/due-dates';
import { compileInstance } from '../../../engine/jobshop/model';
import { parseInstance } from '../../../engine/jobshop/parsers/index';
import { readShared, readSharedJson, type FjspBoundsEntry, type JsspBoundsEntry } from './shared-data';

const jssp = readSharedJson<{ instances: JsspBoundsEntry[] }>('jssp/bounds.json').instances;
const fjsp = readSharedJson<{ instances: FjspBoundsEntry[] }>('fjsp/bounds.json').instances;

describe('bounds-data.ts', () => {
  it('is what bin/generate-bounds.ts writes from the shared data today', () => {
    expect(readFileSync(OUTPUT, 'utf8')).toBe(renderBoundsData(readBoundsSources()));
  });

  it('holds all 162 classic and 10 flexible instances', () => {
    expect(publishedBounds()).toHaveLength(172);
  });

  it.each(jssp.map((e) => [e.name, e] as const))('%s matches jssp/bounds.json', (name, e) => {
    const b = publishedBound(name);
    expect(b).toMatchObject({
      name,
      family: e.family,
      jobs: e.jobs,
      machines: e.machines,
      lower: e.lower_bound,
      upper: e.upper_bound,
      optimum: e.optimum,
      totalWork: e.total_processing_time,
    });
    if (e.description !== undefined) expect(b?.description).toBe(e.description);
    else expect(b?.description).toMatch(/^Taillard \(1993\)/);
  });

  it.each(fjsp.map((e) => [e.name, e] as const))('%s matches fjsp/bounds.json and its file', (name, e) => {
    const b = publishedBound(name);
    expect(b).toMatchObject({ name, family: 'mk', jobs: e.jobs, machines: e.machines_header, lower: e.lower_bound, upper: e.upper_bound, optimum: e.optimum });
    const instance = parseInstance(readShared(`fjsp/instances/${name}.txt`));
    expect(b?.totalWork).toBe(instance.jobs.reduce((n, job) => n + workContent(job), 0));
  });

  it('looks names up case-insensitively and exactly', () => {
    expect(publishedBound('TA01')?.optimum).toBe(1231);
    expect(publishedBound('ta1')).toBeUndefined();
    expect(publishedBound('mk10')).toMatchObject({ lower: 189, upper: 193, optimum: null });
    expect(publishedBound('swv07')).toMatchObject({ lower: 1541, upper: 1594, optimum: null });
  });
});

describe('computeLowerBounds', () => {
  const withRelaxation = jssp.filter((e) => e.relaxation_lower_bounds !== undefined);

  it('has the published relaxation bounds for most instances (25 open or large ones lack them)', () => {
    expect(withRelaxation.length).toBe(137);
  });

  it.each(jssp.map((e) => [e.name, e] as const))('%s: job length and machine load as published, total work as listed', (name, e) => {
    const compiled = compileInstance(parseInstance(readShared(`jssp/instances/${name}.txt`), { source: `${name}.txt` }));
    const bounds = computeLowerBounds(compiled);
    if (e.relaxation_lower_bounds) {
      expect(bounds.jobLength).toBe(e.relaxation_lower_bounds.job_length);
      expect(bounds.machineLoad).toBe(e.relaxation_lower_bounds.machine_load);
    }
    // Every bound is a valid lower bound: never above the proven lower bound of the instance.
    expect(bounds.best).toBeLessThanOrEqual(e.lower_bound);
    expect(bounds.best).toBe(Math.max(bounds.jobLength, bounds.machineLoad));
    expect(bounds.globalLoad).toBeLessThanOrEqual(bounds.machineLoad);
    expect(publishedBound(name)?.totalWork).toBe(compiled.opMinDuration.reduce((a, b) => a + b, 0));
  });

  it('matches the worked examples (ft06 47/43, ft10 655/631, ta01 963/977)', () => {
    const lb = (name: string) => computeLowerBounds(compileInstance(parseInstance(readShared(`jssp/instances/${name}.txt`))));
    expect(lb('ft06')).toMatchObject({ jobLength: 47, machineLoad: 43, best: 47 });
    expect(lb('ft10')).toMatchObject({ jobLength: 655, machineLoad: 631, best: 655 });
    expect(lb('ta01')).toMatchObject({ jobLength: 963, machineLoad: 977, best: 977 });
  });

  it('for a flexible instance counts only single-machine work per machine and spreads the rest', () => {
    const instance = parseInstance('{"machineCount": 2, "jobs": [{"operations": [[0, 4], {"alternatives": [[0, 3], [1, 5]]}]}, {"operations": [[0, 2]]}]}');
    // Job 0: 4 + min(3, 5) = 7. Machine 0 must run 4 + 2 = 6. Total shortest work 9 over 2 machines -> 5.
    expect(computeLowerBounds(compileInstance(instance))).toEqual({ jobLength: 7, machineLoad: 6, globalLoad: 5, best: 7 });
  });

  it('adds release dates', () => {
    const instance = parseInstance('{"machineCount": 2, "jobs": [{"operations": [[0, 4]], "release": 10}, {"operations": [[1, 2]], "release": 3}]}');
    expect(computeLowerBounds(compileInstance(instance))).toEqual({ jobLength: 14, machineLoad: 14, globalLoad: 6, best: 14 });
  });

  it('gives valid bounds for the flexible benchmarks', () => {
    for (const e of fjsp) {
      const bounds = computeLowerBounds(compileInstance(parseInstance(readShared(`fjsp/instances/${e.name}.txt`))));
      expect(bounds.best).toBeGreaterThan(0);
      expect(bounds.best).toBeLessThanOrEqual(e.lower_bound);
    }
  });
});
