import { describe, expect, it } from 'vitest';
import { createSeededMathRandom, withSeededMathRandom } from '../../workers/seeded-math-random';

// A step session calls into one simulation many times: its Math.random stream must carry on across the calls and
// be the very stream a whole run in one withSeededMathRandom call draws.

const draw = (n: number) => Array.from({ length: n }, () => Math.random());

describe('seeded Math.random', () => {
  it('continues one stream across run() calls, equal to one withSeededMathRandom call', () => {
    const whole = withSeededMathRandom(5, () => draw(10));
    const stream = createSeededMathRandom(5);
    const pieces = [...stream.run(() => draw(3)), ...stream.run(() => draw(0)), ...stream.run(() => draw(7))];
    expect(pieces).toEqual(whole);
    expect(withSeededMathRandom(6, () => draw(10))).not.toEqual(whole);
  });

  it('keeps two streams apart when their calls interleave', () => {
    const a = createSeededMathRandom(1);
    const b = createSeededMathRandom(1);
    const fromA = [...a.run(() => draw(2)), ...(b.run(() => draw(5)), a.run(() => draw(2)))];
    expect(fromA).toEqual(withSeededMathRandom(1, () => draw(4)));
    expect(b.run(() => draw(1))).toEqual(withSeededMathRandom(1, () => draw(6)).slice(5));
  });

  it('puts the host Math.random back after each call, also when the call throws', () => {
    const host = Math.random;
    const stream = createSeededMathRandom(2);
    stream.run(() => draw(1));
    expect(Math.random).toBe(host);
    expect(() =>
      stream.run(() => {
        throw new Error('policy failed');
      }),
    ).toThrow('policy failed');
    expect(Math.random).toBe(host);
  });
});
