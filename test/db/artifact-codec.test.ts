/** The compact schedule format: exact round trips in both forms, and real savings on a real schedule. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeSchedule, encodeSchedule } from '../../db/artifact-codec';
import { findScenario } from '../../engine/jobshop/catalogue';
import { findBuiltinPolicy } from '../../engine/jobshop/policies';
import { simulate } from '../../engine/jobshop/simulate';
import type { ScheduledOperation } from '../../engine/jobshop/run-types';

const index = fc.nat({ max: 1_000 });
const integerOp = fc.record({
  job: index,
  op: index,
  machine: index,
  start: fc.integer({ min: -1e12, max: 1e12 }),
  end: fc.integer({ min: -1e12, max: 1e12 }),
});
const anyFiniteOp = fc.record({
  job: index,
  op: index,
  machine: index,
  start: fc.double({ noNaN: true, noDefaultInfinity: true }),
  end: fc.double({ noNaN: true, noDefaultInfinity: true }),
});

/** -0 turns into 0 in JSON, which the API could never have delivered anyway. */
const withoutNegativeZero = (s: ScheduledOperation[]) =>
  s.map((o) => ({ ...o, start: o.start === 0 ? 0 : o.start, end: o.end === 0 ? 0 : o.end }));

describe('artifact codec', () => {
  it('round-trips integer schedules exactly, in the delta form', () => {
    fc.assert(
      fc.property(fc.array(integerOp, { maxLength: 60 }), (schedule) => {
        const data = encodeSchedule(schedule);
        expect(JSON.parse(data)[0]).toBe('sd1');
        expect(decodeSchedule(data)).toStrictEqual(withoutNegativeZero(schedule));
      }),
    );
  });

  it('round-trips any finite times bit for bit, falling back to plain columns for fractions', () => {
    fc.assert(
      fc.property(fc.array(anyFiniteOp, { maxLength: 40 }), (schedule) => {
        const decoded = decodeSchedule(encodeSchedule(schedule));
        expect(decoded).toStrictEqual(withoutNegativeZero(schedule));
      }),
    );
    const data = encodeSchedule([{ job: 0, op: 0, machine: 1, start: 0.1, end: 0.30000000000000004 }]);
    expect(JSON.parse(data)[0]).toBe('sc1');
  });

  it('uses plain columns when a delta would leave the safe-integer range', () => {
    const schedule = [
      { job: 0, op: 0, machine: 0, start: Number.MAX_SAFE_INTEGER, end: Number.MAX_SAFE_INTEGER },
      { job: 1, op: 0, machine: 0, start: -Number.MAX_SAFE_INTEGER, end: 0 },
    ];
    const data = encodeSchedule(schedule);
    expect(JSON.parse(data)[0]).toBe('sc1');
    expect(decodeSchedule(data)).toStrictEqual(schedule);
  });

  it('handles the empty schedule and refuses non-finite times or damaged data', () => {
    expect(decodeSchedule(encodeSchedule([]))).toEqual([]);
    expect(() => encodeSchedule([{ job: 0, op: 0, machine: 0, start: 0, end: Infinity }])).toThrow(/non-finite/);
    expect(() => decodeSchedule('["sd1",2,0,0]')).toThrow(/length/);
    expect(() => decodeSchedule('["zz9",0]')).toThrow(/unknown format/);
    expect(() => decodeSchedule('{}')).toThrow(/flat array/);
  });

  it('stores a real ta01 schedule in well under half the size of the object form', () => {
    const schedule = simulate(findScenario('ta01')!.create(), findBuiltinPolicy('mwkr')!, { seed: 1 }).schedule;
    const plain = schedule.map(({ job, op, machine, start, end }) => ({ job, op, machine, start, end }));
    const data = encodeSchedule(plain);
    expect(decodeSchedule(data)).toStrictEqual(plain);
    expect(data.length).toBeLessThan(JSON.stringify(plain).length / 2.5);
  });
});
