/**
 * Seeded random streams: xoshiro128** (Blackman & Vigna), seeded through splitmix32. Only 32-bit integer
 * arithmetic (Math.imul, >>>), so the same seed gives the same numbers to the bit in every JavaScript engine.
 *
 * A run splits one root stream per purpose (`rng.split('breakdowns')`), so adding draws for one purpose never
 * shifts the numbers another purpose sees.
 */

export interface Rng {
  /** Uniform in [0, 1), 32 bits of randomness. */
  next(): number;
  /** Uniform integer in [low, high], both inclusive. */
  int(low: number, high: number): number;
  /** Exponential with the given mean. */
  exponential(mean: number): number;
  /** An independent stream derived from this stream's seed and a label; does not advance this stream. */
  split(label: string): Rng;
  /** The seed this stream was created from. */
  readonly seed: number;
}

/** splitmix32 step: a good scrambler to turn any 32-bit seed into well-mixed state words. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** FNV-1a over the label's UTF-16 code units, mixed with the parent seed: the child stream's seed. */
function deriveSeed(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

class Xoshiro128 implements Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  readonly seed: number;

  /** `seed` is only remembered for `split`; the stream itself is the four state words. */
  constructor(seed: number, a: number, b: number, c: number, d: number) {
    this.seed = seed;
    this.a = a | 0;
    this.b = b | 0;
    this.c = c | 0;
    this.d = d | 0;
  }

  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  next(): number {
    return this.nextUint32() / 4294967296;
  }

  int(low: number, high: number): number {
    return low + Math.floor(this.next() * (high - low + 1));
  }

  exponential(mean: number): number {
    // 1 - u is in (0, 1], so the log is finite.
    return -mean * Math.log(1 - this.next());
  }

  split(label: string): Rng {
    return seededXoshiro(deriveSeed(this.seed, label));
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

function seededXoshiro(seed: number): Xoshiro128 {
  const seed32 = seed >>> 0;
  const state = { s: seed32 };
  const a = splitmix32(state);
  const b = splitmix32(state);
  const c = splitmix32(state);
  const d = splitmix32(state);
  // The all-zero state is a fixed point of xoshiro; splitmix32 cannot give four zeros, but be explicit.
  return new Xoshiro128(seed32, (a | b | c | d) === 0 ? 1 : a, b, c, d);
}

/** A stream from a seed (any number; it is reduced to 32 bits). */
export function createRng(seed: number): Rng {
  return seededXoshiro(Math.trunc(seed));
}

/**
 * The bare xoshiro128** generator on four raw 32-bit state words, bypassing splitmix32 seeding.
 *
 * @internal Exists so a test can check the algorithm against the published reference outputs; runs use
 * `createRng`. Throws on the all-zero state, which xoshiro never leaves.
 */
export function xoshiroFromState(a: number, b: number, c: number, d: number): { nextUint32(): number } {
  if ((a | b | c | d) === 0) throw new RangeError('xoshiro128** state must not be all zero');
  return new Xoshiro128(0, a, b, c, d);
}
