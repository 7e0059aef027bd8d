/** The shared payload schema: what it accepts, and that its messages name the place of the problem. */
import { describe, expect, it } from 'vitest';
import { SaveExperimentPayloadSchema } from '../../db/payloads';
import { formatPath } from '../../engine/jobshop/validate';
import { samplePayload } from './fixtures';

function firstIssue(value: unknown): { path: string; message: string } {
  const result = SaveExperimentPayloadSchema.safeParse(value);
  if (result.success) throw new Error('expected the payload to be refused');
  const issue = result.error.issues[0];
  return { path: formatPath(issue.path as (string | number)[]), message: issue.message };
}

describe('SaveExperimentPayloadSchema', () => {
  it('accepts the lab payload unchanged', () => {
    const payload = samplePayload();
    expect(SaveExperimentPayloadSchema.parse(payload)).toStrictEqual(payload);
  });

  it("uses the engine's own instance validator, with the path into the payload", () => {
    const payload = samplePayload();
    const instance = payload.runs[1].scenario.instance;
    payload.runs[1].scenario.instance = {
      ...instance,
      jobs: [{ operations: [{ alternatives: [{ machine: 99, duration: 1 }] }] }, ...instance.jobs.slice(1)],
    };
    expect(firstIssue(payload)).toEqual({
      path: 'runs[1].scenario.instance.jobs[0].operations[0].alternatives[0].machine',
      message: 'is 99; expected a machine index in 0..5',
    });
  });

  // `any`: each case damages the payload in a way its type forbids, which is the point.
  it.each([
    ['a fractional seed', (p: any) => (p.runs[0].seed = 1.5), 'runs[0].seed'],
    ['an unknown scheme', (p: any) => (p.runs[0].scheme = 'greedy'), 'runs[0].scheme'],
    ['a policy with neither builtinId nor source', (p: any) => (p.runs[0].policy = { label: 'x' }), 'runs[0].policy.builtinId'],
    ['a NUL character (Postgres text cannot hold it)', (p: any) => (p.title = 'a\u0000b'), 'title'],
    ['a lone surrogate', (p: any) => (p.notes = 'x\ud800'), 'notes'],
    ['a metric name that is not an identifier', (p: any) => (p.runs[0].metrics['a b'] = 1), 'runs[0].metrics.a b'],
    ['another engine', (p: any) => (p.engine = 'vm'), 'engine'],
    ['no runs', (p: any) => (p.runs = []), 'runs'],
    ['a negative elapsed time', (p: any) => (p.runs[2].elapsedMs = -1), 'runs[2].elapsedMs'],
  ])('refuses %s', (_name, damage, path) => {
    const payload = samplePayload();
    damage(payload);
    expect(firstIssue(payload).path).toBe(path);
  });
});
