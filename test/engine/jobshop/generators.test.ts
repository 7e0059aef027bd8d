import { describe, expect, it } from 'vitest';
import { InputError } from '../../../engine/core/errors';
import { withDueDates, withReleaseDates, withTardinessDueDates, workContent } from '../../../engine/jobshop/generators/due-dates';
import { generateRandom, type RandomInstanceOptions } from '../../../engine/jobshop/generators/random';
import { generateTaillard } from '../../../engine/jobshop/generators/taillard';
import { TAILLARD_SEEDS } from '../../../engine/jobshop/generators/taillard-seeds';
import { classicInstance, compileInstance } from '../../../engine/jobshop/model';
import { formatStandard } from '../../../engine/jobshop/parsers/standard';
import { findInstanceProblem } from '../../../engine/jobshop/validate';
import { readShared, readSharedJson, type JsspBoundsEntry } from './shared-data';

describe("Taillard's generator", () => {
  it.each(TAILLARD_SEEDS.map((s) => [s.name, s] as const))('%s regenerates byte for byte', (name, s) => {
    const instance = generateTaillard(s.n, s.m, s.timeSeed, s.machineSeed);
    expect(instance.name).toBe(name);
    expect(formatStandard(instance)).toBe(readShared(`jssp/instances/${name}.txt`));
  });

  it('has the 80 seed pairs of bounds.json', () => {
    const bounds = readSharedJson<{ instances: (JsspBoundsEntry & { time_seed?: number; machine_seed?: number })[] }>('jssp/bounds.json');
    const fromJson = bounds.instances
      .filter((e) => e.family === 'ta')
      .map((e) => ({ name: e.name, n: e.jobs, m: e.machines, timeSeed: e.time_seed, machineSeed: e.machine_seed }));
    expect(TAILLARD_SEEDS).toEqual(fromJson);
  });

  it('matches the worked example of ta01 job 0', () => {
    const job = generateTaillard(15, 15, 840612802, 398197754).jobs[0];
    expect(job.operations.map((o) => o.alternatives[0].duration)).toEqual([94, 66, 10, 53, 26, 15, 65, 82, 10, 27, 93, 92, 96, 70, 83]);
    expect(job.operations.map((o) => o.alternatives[0].machine)).toEqual([6, 12, 4, 7, 3, 2, 10, 11, 8, 14, 9, 13, 5, 0, 1]);
  });

  it('names other seeds after themselves, or as asked', () => {
    expect(generateTaillard(3, 2, 1, 2).name).toBe('taillard-3x2-1-2');
    expect(generateTaillard(15, 15, 840612802, 398197754, 'mine').name).toBe('mine');
  });

  it.each([
    [0, 2, 1, 1],
    [2, 2, 0, 1],
    [2, 2, 1, 2147483647],
    [2, 2.5, 1, 1],
  ])('rejects n=%d m=%d seeds %d/%d', (n, m, t, s) => {
    expect(() => generateTaillard(n, m, t, s)).toThrow(InputError);
  });
});

describe('random generator', () => {
  const base: RandomInstanceOptions = { jobs: 8, machines: 5, minDuration: 2, maxDuration: 30, flexibility: 0, seed: 42 };

  it('is deterministic: same seed, same instance; another seed, another instance', () => {
    expect(generateRandom(base)).toEqual(generateRandom(base));
    expect(generateRandom({ ...base, seed: 43 }).jobs).not.toEqual(generateRandom(base).jobs);
  });

  it('gives a valid classic job shop at flexibility 0: every job visits every machine once', () => {
    const instance = generateRandom(base);
    expect(findInstanceProblem(instance)).toBeNull();
    expect(compileInstance(instance).isFlexible).toBe(false);
    for (const job of instance.jobs) {
      expect(job.operations.map((o) => o.alternatives[0].machine).sort()).toEqual([0, 1, 2, 3, 4]);
      for (const op of job.operations) {
        expect(op.alternatives).toHaveLength(1);
        expect(op.alternatives[0].duration).toBeGreaterThanOrEqual(2);
        expect(op.alternatives[0].duration).toBeLessThanOrEqual(30);
      }
    }
  });

  it('adds distinct extra machines with flexibility, keeping the classic part and growing monotonically', () => {
    const classic = generateRandom(base);
    const some = generateRandom({ ...base, flexibility: 0.3 });
    const more = generateRandom({ ...base, flexibility: 0.7 });
    const all = generateRandom({ ...base, flexibility: 1 });
    expect(findInstanceProblem(some)).toBeNull();
    expect(compileInstance(some).isFlexible).toBe(true);
    some.jobs.forEach((job, j) =>
      job.operations.forEach((op, o) => {
        expect(op.alternatives[0]).toEqual(classic.jobs[j].operations[o].alternatives[0]);
        const bigger = more.jobs[j].operations[o].alternatives;
        for (const alt of op.alternatives) expect(bigger).toContainEqual(alt);
        expect(all.jobs[j].operations[o].alternatives).toHaveLength(5);
      }),
    );
    const count = (i: typeof some): number => i.jobs.reduce((n, job) => n + job.operations.reduce((k, op) => k + op.alternatives.length, 0), 0);
    expect(count(classic)).toBeLessThan(count(some));
    expect(count(some)).toBeLessThan(count(more));
  });

  it('supports one machine (single-machine instances)', () => {
    const single = generateRandom({ ...base, machines: 1, jobs: 12 });
    expect(single.jobs.every((j) => j.operations.length === 1 && j.operations[0].alternatives[0].machine === 0)).toBe(true);
  });

  it.each([
    [{ jobs: 0 }, 'generateRandom: jobs is 0; expected an integer >= 1'],
    [{ machines: 1.5 }, 'generateRandom: machines is 1.5; expected an integer >= 1'],
    [{ minDuration: 0 }, 'generateRandom: minDuration is 0; expected an integer >= 1'],
    [{ maxDuration: 1 }, 'generateRandom: maxDuration is 1; expected an integer >= minDuration (2)'],
    [{ flexibility: 1.2 }, 'generateRandom: flexibility is 1.2; expected a number in [0, 1]'],
    [{ seed: Number.NaN }, 'generateRandom: seed is NaN; expected a finite number'],
    [{ jobs: 10_000, machines: 1_000 }, 'generateRandom: jobs x machines is 10000000; expected at most 1000000 operations'],
  ])('rejects %j', (change, message) => {
    expect(() => generateRandom({ ...base, ...change })).toThrow(new InputError(message));
  });
});

describe('due dates and release dates', () => {
  // Job 0: work 3 + 4 = 7; job 1: work 5, released at 10; job 2: flexible op, shortest alternative 2.
  const tiny = {
    ...classicInstance('tiny', 2, [
      [
        [0, 3],
        [1, 4],
      ],
      [[1, 5]],
    ]),
  };
  const instance = {
    ...tiny,
    jobs: [
      tiny.jobs[0],
      { ...tiny.jobs[1], release: 10, weight: 3 },
      { operations: [{ alternatives: [{ machine: 0, duration: 6 }, { machine: 1, duration: 2 }] }] },
    ],
  };

  it('work content uses the shortest alternative', () => {
    expect(instance.jobs.map(workContent)).toEqual([7, 5, 2]);
  });

  it('TWK: due = release + round(factor x work), halves rounding up', () => {
    const due = withDueDates(instance, { factor: 1.5 });
    // 1.5 x 7 = 10.5 -> 11; 10 + 1.5 x 5 = 17.5 -> 10 + 8 = 18; 1.5 x 2 = 3.
    expect(due.jobs.map((j) => j.due)).toEqual([11, 18, 3]);
    expect(due.jobs[1].weight).toBe(3);
    expect(due.jobs[1].release).toBe(10);
    expect(instance.jobs[0]).not.toHaveProperty('due');
    expect(withDueDates(instance, { factor: 2 }).jobs.map((j) => j.due)).toEqual([14, 20, 4]);
  });

  it('a seed jitters each factor within factor x [1 - spread, 1 + spread], reproducibly', () => {
    const a = withDueDates(instance, { factor: 2, seed: 5, spread: 0.5 });
    expect(a).toEqual(withDueDates(instance, { factor: 2, seed: 5, spread: 0.5 }));
    a.jobs.forEach((job, j) => {
      const release = instance.jobs[j].release ?? 0;
      const work = workContent(instance.jobs[j]);
      expect(job.due! - release).toBeGreaterThanOrEqual(Math.round(1 * work));
      expect(job.due! - release).toBeLessThanOrEqual(Math.round(3 * work));
    });
  });

  it('rejects a factor <= 0 and a spread without a seed', () => {
    expect(() => withDueDates(instance, { factor: 0 })).toThrow('withDueDates: factor is 0; expected a number > 0');
    expect(() => withDueDates(instance, { factor: 1, spread: 0.2 })).toThrow('withDueDates: spread needs a seed');
  });

  it('tardiness-factor due dates fall in [P(1 - TF - RDD/2), P(1 - TF + RDD/2)]', () => {
    const single = generateRandom({ jobs: 30, machines: 1, minDuration: 1, maxDuration: 20, flexibility: 0, seed: 9 });
    const total = single.jobs.reduce((n, j) => n + workContent(j), 0);
    const due = withTardinessDueDates(single, { tardinessFactor: 0.6, dueDateRange: 0.6, seed: 1 });
    for (const job of due.jobs) {
      expect(job.due).toBeGreaterThanOrEqual(Math.round(total * 0.1));
      expect(job.due).toBeLessThanOrEqual(Math.round(total * 0.7));
    }
    expect(new Set(due.jobs.map((j) => j.due)).size).toBeGreaterThan(10);
  });

  it('Poisson releases: first at 0, non-decreasing integers, mean gap near the asked one, reproducible', () => {
    const many = generateRandom({ jobs: 2000, machines: 1, minDuration: 1, maxDuration: 5, flexibility: 0, seed: 1 });
    const released = withReleaseDates(many, { meanInterarrival: 10, seed: 3 });
    const releases = released.jobs.map((j) => j.release!);
    expect(releases[0]).toBe(0);
    for (let i = 1; i < releases.length; i++) {
      expect(Number.isInteger(releases[i])).toBe(true);
      expect(releases[i]).toBeGreaterThanOrEqual(releases[i - 1]);
    }
    const meanGap = releases[releases.length - 1] / (releases.length - 1);
    expect(meanGap).toBeGreaterThan(9);
    expect(meanGap).toBeLessThan(11);
    expect(withReleaseDates(many, { meanInterarrival: 10, seed: 3 })).toEqual(released);
    expect(withReleaseDates(instance, { meanInterarrival: 0, seed: 3 }).jobs.map((j) => j.release)).toEqual([0, 0, 0]);
    expect(() => withReleaseDates(instance, { meanInterarrival: -1, seed: 3 })).toThrow(InputError);
  });
});
