/**
 * Taillard's (1993) job-shop generator, bit for bit: the Park-Miller "minimal standard" LCG computed with
 * Schrage's method, one stream for processing times and one for machine orders. Every intermediate stays within
 * signed 32 bits, so plain doubles reproduce the original C exactly.
 */
import { InputError } from '../../core/errors';
import type { Job, JobShopInstance } from '../model';
import { validateInstance } from '../validate';
import { TAILLARD_SEEDS, type TaillardSeed } from './taillard-seeds';

const A = 16807;
const B = 127773; // floor(M / A)
const C = 2836; // M mod A
const M = 2147483647; // 2^31 - 1

/** One Park-Miller stream; `draw` is Taillard's unif(seed, low, high), which updates the seed in place. */
class TaillardStream {
  constructor(private seed: number) {}

  draw(low: number, high: number): number {
    const k = Math.floor(this.seed / B);
    this.seed = A * (this.seed % B) - k * C;
    if (this.seed < 0) this.seed += M;
    return low + Math.floor((this.seed / M) * (high - low + 1));
  }
}

function checkSeed(value: number, label: string): void {
  // 0 is a fixed point of the LCG and M maps to 0, so only 1..M-1 are real seeds.
  if (!Number.isSafeInteger(value) || value < 1 || value >= M) {
    throw new InputError(`generateTaillard: ${label} is ${value}; expected an integer in 1..${M - 1}`);
  }
}

function checkSize(value: number, label: string): void {
  if (!Number.isSafeInteger(value) || value < 1 || value > 10_000) {
    throw new InputError(`generateTaillard: ${label} is ${value}; expected an integer in 1..10000`);
  }
}

/** The published name (ta01..ta80) of a size and seed pair, if it is one. */
export function taillardNameFor(n: number, m: number, timeSeed: number, machineSeed: number): string | undefined {
  const same = (s: TaillardSeed): boolean =>
    s.n === n && s.m === m && s.timeSeed === timeSeed && s.machineSeed === machineSeed;
  return TAILLARD_SEEDS.find(same)?.name;
}

/**
 * Generates an n-job, m-machine instance: durations uniform in 1..99 drawn row-major (all of them first), then
 * each job's machine order by a forward Fisher-Yates shuffle of 0..m-1 with one draw per position. The name
 * defaults to the published one (ta01..) when the seeds are Taillard's, else `taillard-NxM-time-machine`.
 */
export function generateTaillard(
  n: number,
  m: number,
  timeSeed: number,
  machineSeed: number,
  name?: string,
): JobShopInstance {
  checkSize(n, 'the number of jobs');
  checkSize(m, 'the number of machines');
  checkSeed(timeSeed, 'the time seed');
  checkSeed(machineSeed, 'the machine seed');
  const times = new TaillardStream(timeSeed);
  const durations: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let j = 0; j < m; j++) row.push(times.draw(1, 99));
    durations.push(row);
  }
  const machines = new TaillardStream(machineSeed);
  const jobs: Job[] = durations.map((row) => {
    const order = Array.from({ length: m }, (_, j) => j);
    for (let j = 0; j < m; j++) {
      const k = machines.draw(j, m - 1);
      [order[j], order[k]] = [order[k], order[j]];
    }
    return { operations: row.map((duration, j) => ({ alternatives: [{ machine: order[j], duration }] })) };
  });
  const published = taillardNameFor(n, m, timeSeed, machineSeed);
  return validateInstance({
    name: name ?? published ?? `taillard-${n}x${m}-${timeSeed}-${machineSeed}`,
    machineCount: m,
    jobs,
    description: `Taillard 1993, ${n}x${m}, seeds ${timeSeed}/${machineSeed}`,
  });
}
