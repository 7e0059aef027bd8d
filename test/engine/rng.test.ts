import { describe, it, expect } from 'vitest';
import { createRng, xoshiroFromState, type Rng } from '../../engine/core/rng';

function draws(rng: Rng, count: number): number[] {
  return Array.from({ length: count }, () => rng.next());
}

/**
 * xoshiro128** written independently with BigInt and explicit 32-bit masks, straight from the reference C
 * (prng.di.unimi.it/xoshiro128starstar.c), to cross-check the Math.imul / >>> implementation.
 */
function referenceXoshiro(state: [number, number, number, number]): () => number {
  const mask = 0xffffffffn;
  const s = state.map((word) => BigInt(word >>> 0));
  const rotl = (x: bigint, k: bigint) => ((x << k) | (x >> (32n - k))) & mask;
  return () => {
    const result = (rotl((s[1] * 5n) & mask, 7n) * 9n) & mask;
    const t = (s[1] << 9n) & mask;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11n);
    return Number(result);
  };
}

describe('xoshiro128** algorithm', () => {
  it('matches the published reference outputs for state (1, 2, 3, 4)', () => {
    const generator = xoshiroFromState(1, 2, 3, 4);
    expect([generator.nextUint32(), generator.nextUint32(), generator.nextUint32(), generator.nextUint32()]).toEqual([
      11520, 0, 5927040, 70819200,
    ]);
  });

  it('matches an independent BigInt implementation over many steps and states', () => {
    const states: [number, number, number, number][] = [
      [1, 2, 3, 4],
      [0xffffffff, 0x80000000, 0x7fffffff, 1],
      [0xdeadbeef, 0xcafebabe, 0x12345678, 0x9abcdef0],
    ];
    for (const state of states) {
      const generator = xoshiroFromState(...state);
      const reference = referenceXoshiro(state);
      const ours = Array.from({ length: 1000 }, () => generator.nextUint32());
      expect(ours).toEqual(Array.from({ length: 1000 }, reference));
    }
  });

  it('refuses the all-zero state, which it would never leave', () => {
    expect(() => xoshiroFromState(0, 0, 0, 0)).toThrow(/all zero/);
  });
});

describe('createRng', () => {
  it('pins the first five draws for seed 1 (cross-version reproducibility of every stored run)', () => {
    expect(draws(createRng(1), 5)).toEqual([
      0.5686059962026775, 0.753928849240765, 0.8893939366098493, 0.49002045509405434, 0.4705824111588299,
    ]);
  });

  it('gives the same sequence for the same seed and a different one for another seed', () => {
    expect(draws(createRng(42), 100)).toEqual(draws(createRng(42), 100));
    expect(draws(createRng(42), 10)).not.toEqual(draws(createRng(43), 10));
  });

  it('reduces any number to a 32-bit seed', () => {
    expect(createRng(1.9).seed).toBe(1);
    expect(draws(createRng(2 ** 32 + 1), 5)).toEqual(draws(createRng(1), 5));
    expect(createRng(-1).seed).toBe(0xffffffff);
  });

  it('next() stays in [0, 1)', () => {
    const outside = draws(createRng(7), 10_000).filter((u) => !(u >= 0 && u < 1));
    expect(outside).toEqual([]);
  });

  it('int() covers both bounds and nothing outside them', () => {
    const rng = createRng(3);
    const values = Array.from({ length: 10_000 }, () => rng.int(-2, 2));
    expect(values.filter((v) => !Number.isInteger(v) || v < -2 || v > 2)).toEqual([]);
    expect([...new Set(values)].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2]);
    expect(rng.int(5, 5)).toBe(5);
  });

  it('exponential() is positive with roughly the requested mean', () => {
    const rng = createRng(11);
    const values = Array.from({ length: 20_000 }, () => rng.exponential(4));
    expect(values.filter((x) => !(x >= 0))).toEqual([]);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    // The standard error of the mean is 4 / sqrt(20,000) = 0.028; 0.2 is seven of them.
    expect(mean).toBeGreaterThan(3.8);
    expect(mean).toBeLessThan(4.2);
  });
});

describe('split streams', () => {
  it('do not depend on how far the parent has advanced, and do not advance it', () => {
    const fresh = createRng(99);
    const advanced = createRng(99);
    draws(advanced, 1234);
    expect(draws(advanced.split('arrivals'), 20)).toEqual(draws(fresh.split('arrivals'), 20));

    const parent = createRng(99);
    parent.split('arrivals');
    expect(draws(parent, 5)).toEqual(draws(createRng(99), 5));
  });

  it('are stable: the same seed and label give the same stream', () => {
    expect(draws(createRng(5).split('breakdowns'), 50)).toEqual(draws(createRng(5).split('breakdowns'), 50));
    expect(draws(createRng(5).split('a').split('b'), 10)).toEqual(draws(createRng(5).split('a').split('b'), 10));
  });

  it('differ by label, from the parent, and by parent seed', () => {
    const root = createRng(5);
    const arrivals = draws(root.split('arrivals'), 10);
    expect(draws(root.split('breakdowns'), 10)).not.toEqual(arrivals);
    expect(draws(createRng(5), 10)).not.toEqual(arrivals);
    expect(draws(createRng(6).split('arrivals'), 10)).not.toEqual(arrivals);
  });

  it('are uncorrelated with each other and with the parent', () => {
    const correlation = (xs: number[], ys: number[]) => {
      const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
      const mx = mean(xs);
      const my = mean(ys);
      let sxy = 0;
      let sxx = 0;
      let syy = 0;
      for (let i = 0; i < xs.length; i++) {
        sxy += (xs[i] - mx) * (ys[i] - my);
        sxx += (xs[i] - mx) ** 2;
        syy += (ys[i] - my) ** 2;
      }
      return sxy / Math.sqrt(sxx * syy);
    };
    const root = createRng(2024);
    const a = draws(root.split('a'), 20_000);
    const b = draws(root.split('b'), 20_000);
    const parent = draws(root, 20_000);
    // 20,000 independent uniforms give |r| around 0.007; 0.03 is over four standard errors.
    expect(Math.abs(correlation(a, b))).toBeLessThan(0.03);
    expect(Math.abs(correlation(a, parent))).toBeLessThan(0.03);
  });
});
