import { describe, expectTypeOf, it, expect } from 'vitest';
import type { ParameterSpec } from '../../../engine/core/params';
import type { PolicyMeta } from '../../../engine/core/policy';
import type { JobShopPolicy, PolicyParameter } from '../../../engine/jobshop/policy-api';
import { BUILTIN_POLICIES } from '../../../engine/jobshop/policies';

describe('the job-shop policy API', () => {
  it('is self-contained yet fits the core policy contract, so sweeps and the CLI treat every policy alike', () => {
    // policy-api.ts imports nothing (the editor loads it alone); these keep its copies in step with core.
    expectTypeOf<JobShopPolicy>().toExtend<PolicyMeta>();
    expectTypeOf<PolicyParameter>().toEqualTypeOf<ParameterSpec>();
  });

  it('built-in policies have unique ids, a description and a paper, and answer with priority or choose', () => {
    const ids = BUILTIN_POLICIES.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining(['spt', 'lpt', 'mwkr', 'lwkr', 'mopnr', 'fdd-mwkr', 'fifo', 'edd', 'mdd', 'cr', 'atc', 'random', 'tabu']),
    );
    for (const policy of BUILTIN_POLICIES) {
      expect(policy.description.length, policy.id).toBeGreaterThan(10);
      expect(policy.paper, policy.id).toMatch(/\d{4}/);
      expect(typeof policy.priority === 'function' || typeof policy.choose === 'function', policy.id).toBe(true);
    }
  });
});
