/**
 * Seeded random instances for experiments and lessons: a classic job shop (every job visits every machine once,
 * in a random order) that can be made flexible by giving operations extra machines.
 */
import { InputError } from '../../core/errors';
import { createRng } from '../../core/rng';
import type { Alternative, Job, JobShopInstance } from '../model';
import { validateInstance } from '../validate';

/** Options of generateRandom. */
export interface RandomInstanceOptions {
  readonly jobs: number;
  readonly machines: number;
  /** Shortest processing time, a positive integer. */
  readonly minDuration: number;
  /** Longest processing time, an integer >= minDuration. */
  readonly maxDuration: number;
  /**
   * In [0, 1]: the chance that each other machine can also run an operation, with its own duration. 0 gives the
   * classic job shop; 1 lets every machine run every operation. An operation has 1 + flexibility x (m - 1)
   * machines on average.
   */
  readonly flexibility: number;
  readonly seed: number;
  readonly name?: string;
}

/** Large enough for any study the browser can simulate, small enough to refuse a typo like 1e9 jobs. */
const MAX_OPERATIONS = 1_000_000;

function check(ok: boolean, detail: string): void {
  if (!ok) throw new InputError(`generateRandom: ${detail}`);
}

function checkOptions(o: RandomInstanceOptions): void {
  check(Number.isSafeInteger(o.jobs) && o.jobs >= 1, `jobs is ${o.jobs}; expected an integer >= 1`);
  check(Number.isSafeInteger(o.machines) && o.machines >= 1, `machines is ${o.machines}; expected an integer >= 1`);
  const size = o.jobs * o.machines;
  check(size <= MAX_OPERATIONS, `jobs x machines is ${size}; expected at most ${MAX_OPERATIONS} operations`);
  const min = o.minDuration;
  check(Number.isSafeInteger(min) && min >= 1, `minDuration is ${min}; expected an integer >= 1`);
  check(
    Number.isSafeInteger(o.maxDuration) && o.maxDuration >= o.minDuration,
    `maxDuration is ${o.maxDuration}; expected an integer >= minDuration (${o.minDuration})`,
  );
  const f = o.flexibility;
  check(Number.isFinite(f) && f >= 0 && f <= 1, `flexibility is ${f}; expected a number in [0, 1]`);
  check(Number.isFinite(o.seed), `seed is ${o.seed}; expected a finite number`);
}

/**
 * A random instance from a seed. Three independent streams split from the seed - 'durations', 'routing' and
 * 'flexibility' - so the classic part (routes and the first machine's durations) is the same for every
 * flexibility, and raising flexibility only adds machines: the alternatives at 0.3 include those at 0.2.
 */
export function generateRandom(options: RandomInstanceOptions): JobShopInstance {
  checkOptions(options);
  const { jobs: n, machines: m, minDuration, maxDuration, flexibility, seed } = options;
  const root = createRng(seed);
  const durations = root.split('durations');
  const routing = root.split('routing');
  const flex = root.split('flexibility');
  const jobs: Job[] = [];
  for (let j = 0; j < n; j++) {
    const route = Array.from({ length: m }, (_, i) => i);
    for (let i = m - 1; i > 0; i--) {
      const k = routing.int(0, i);
      [route[i], route[k]] = [route[k], route[i]];
    }
    const operations = route.map((primary) => {
      const alternatives: Alternative[] = [{ machine: primary, duration: durations.int(minDuration, maxDuration) }];
      for (let machine = 0; machine < m; machine++) {
        if (machine === primary) continue;
        // Always draw both numbers, so the stream - and every other operation - does not depend on flexibility.
        const chance = flex.next();
        const duration = flex.int(minDuration, maxDuration);
        if (chance < flexibility) alternatives.push({ machine, duration });
      }
      return { alternatives };
    });
    jobs.push({ operations });
  }
  const flexText = flexibility > 0 ? `, flexibility ${flexibility}` : '';
  const shape = `${n}x${m}, durations ${minDuration}..${maxDuration}${flexText}`;
  return validateInstance({
    name: options.name ?? `random-${n}x${m}-${seed}`,
    machineCount: m,
    jobs,
    description: `Random ${flexibility > 0 ? 'flexible ' : ''}job shop ${shape}, seed ${seed}`,
  });
}
