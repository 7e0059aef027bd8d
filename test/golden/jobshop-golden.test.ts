import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runGoldenCases } from './jobshop-golden-cases';

describe('golden job-shop runs (fixed scenario + policy + seed -> committed metrics)', () => {
  it('reproduce the committed metrics to the bit', () => {
    const expected = JSON.parse(readFileSync(new URL('./jobshop.json', import.meta.url), 'utf8'));
    expect(runGoldenCases()).toEqual(expected);
  });
});
