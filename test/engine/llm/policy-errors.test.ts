import { describe, expect, it } from 'vitest';
import { PolicyError } from '../../../engine/core/errors';
import type { LlmPolicy } from '../../../engine/llm/policy-api';
import { simulate } from '../../../engine/llm/simulate';
import { scenarioOf, tinyCluster } from './helpers';

/** Runs a policy and returns the PolicyError it must end with. */
function failure(policy: LlmPolicy, scenario = scenarioOf([[0, 100, 5], [0.001, 100, 5]], tinyCluster(40))): PolicyError {
  try {
    simulate(scenario, policy);
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyError);
    return error as PolicyError;
  }
  throw new Error('the run did not fail');
}

const base = { id: 'bad', label: 'Bad', description: 'test policy' };

describe('invalid decisions stop the run saying what, when and why', () => {
  it('a decode over the KV capacity (a naive policy that never preempts)', () => {
    const naive: LlmPolicy = {
      ...base,
      schedule: (view, batch) => {
        const k = batch.replica;
        for (let i = 0; i < view.runningCount(k); i++) batch.decode(view.running(k, i));
        while (view.waitingCount(k) > 0) batch.prefill(view.waiting(k, 0), view.prefillRemaining(view.waiting(k, 0)));
      },
    };
    // Two 320-token prompts fill the 40 blocks exactly; the first decode needs a 41st.
    const e = failure(naive, scenarioOf([[0, 320, 5], [0, 320, 5]], tinyCluster(40)));
    expect(e.message).toBe('policy "bad" at t=0.01: schedule() on replica 0: decode(0) is invalid: the batch does not fit in the KV cache: it needs 1 more blocks and replica 0 has 0 of 40 free');
    expect(e.time).toBe(0.01);
  });

  it('rejects a prefill that does not fit once other requests hold the cache', () => {
    const e = failure({
      ...base,
      schedule: (view, batch) => {
        for (let i = view.waitingCount(batch.replica) - 1; i >= 0; i--) {
          const r = view.waiting(batch.replica, i);
          batch.prefill(r, view.prefillRemaining(r));
        }
      },
    }, scenarioOf([[0, 500, 5], [0, 500, 5]], tinyCluster(40)));
    expect(e.message).toMatch(/^policy "bad" at t=0: schedule\(\) on replica 0: prefill\(0, 500\) is invalid: the batch does not fit in the KV cache: it needs 32 more blocks and replica 0 has 8 of 40 free$/);
    expect(e.time).toBe(0);
  });

  it('preempting a request that is not running, an unknown request, a decode before the prefill', () => {
    expect(failure({ ...base, schedule: (view, batch) => batch.preempt(view.waiting(batch.replica, 0)) }).message).toMatch(/preempt\(0\) is invalid: request 0 is waiting, not running/);
    expect(failure({ ...base, schedule: (_view, batch) => batch.decode(7) }).message).toMatch(/decode\(7\) is invalid: there is no arrived request 7 \(1 have arrived\)/);
    expect(failure({ ...base, schedule: (view, batch) => batch.decode(view.waiting(batch.replica, 0)) }).message).toMatch(/decode\(0\) is invalid: request 0 is waiting, not running/);
    expect(failure({ ...base, schedule: (view, batch) => batch.prefill(view.waiting(batch.replica, 0), 0) }).message).toMatch(/the chunk must be a whole number in \[1, 100\]/);
  });

  it('a dispatch to a replica that does not exist, a throwing policy, an undeclared parameter', () => {
    expect(failure({ ...base, dispatch: () => 3 }).message).toBe('policy "bad" at t=0: dispatch() returned 3 for request 0; expected a replica in 0 .. 0');
    const thrown = failure({ ...base, schedule: () => { throw new TypeError('oops'); } });
    expect(thrown.message).toBe('policy "bad" at t=0: threw TypeError: oops');
    expect(thrown.cause).toBeInstanceOf(TypeError);
    expect(failure({ ...base, schedule: (view) => void view.param('k') }).message).toMatch(/read parameter "k", which it does not declare/);
  });

  it('a policy that leaves requests unfinished (always an empty batch) ends with a clear error, not a hang', () => {
    expect(failure({ ...base, schedule: () => {} }).message).toMatch(/the run ended with 2 of 2 requests unfinished: .*replica 0: 2 waiting, 0 running/);
  });

  it('hides output lengths unless the scenario turns on oracle lengths', () => {
    const seen: number[] = [];
    const peek: LlmPolicy = {
      ...base,
      schedule: (view, batch) => {
        const r = view.waiting(batch.replica, 0);
        seen.push(view.outputTokens(r));
        batch.prefill(r, view.prefillRemaining(r));
      },
    };
    simulate(scenarioOf([[0, 10, 1]], tinyCluster(40)), peek);
    simulate(scenarioOf([[0, 10, 1]], tinyCluster(40), { oracleLengths: true }), peek);
    expect(seen).toEqual([-1, 1]);
  });

  it('rejects impossible scenarios as input errors naming the request', () => {
    expect(() => simulate(scenarioOf([[0, 1000, 10]], tinyCluster(40)), { ...base, schedule: () => {} })).toThrow('request 0 needs 64 KV blocks (1000 prompt + 10 output tokens) and a replica has 40');
    expect(() => simulate(scenarioOf([[1, 10, 1], [0, 10, 1]]), { ...base })).toThrow(/request 1: arrival 0 is before the previous request's 1/);
  });
});
