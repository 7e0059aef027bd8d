import { describe, expect, it } from 'vitest';
import { findEngine } from '../../engine';
import { withDueDates } from '../../engine/jobshop/generators/due-dates';
import { findScenario } from '../../engine/jobshop/catalogue';
import type { JobShopRunOptions } from '../../engine/jobshop/run-types';
import { simulate } from '../../engine/jobshop/simulate';
import { findBuiltinPolicy } from '../../engine/jobshop/policies';
import { runCli } from './run-cli';

/** `schedlab run --json` is a contract other tools build on: its shape, and metrics equal to an in-process run. */

function inProcess(scenario: string, policy: string, options: JobShopRunOptions = {}, dueFactor?: number) {
  let instance = findScenario(scenario)!.create();
  if (dueFactor !== undefined) instance = withDueDates(instance, { factor: dueFactor });
  return simulate(instance, findBuiltinPolicy(policy)!, options);
}

async function runJson(args: readonly string[]) {
  const outcome = await runCli(['run', 'jobshop', ...args, '--json']);
  expect(outcome.stderr).toBe('');
  expect(outcome.code).toBe(0);
  // Exactly one JSON object on stdout, nothing else.
  expect(outcome.stdout.trim().split('\n')).toHaveLength(1);
  return JSON.parse(outcome.stdout);
}

describe('schedlab run --json', () => {
  it('prints one object with the documented fields', async () => {
    const out = await runJson(['--scenario', 'ta01', '--policy', 'mwkr']);
    expect(Object.keys(out).sort()).toEqual(['engine', 'engineVersion', 'metrics', 'params', 'policy', 'result', 'scenario', 'scheme', 'seed']);
    expect(out).toMatchObject({ engine: 'jobshop', engineVersion: findEngine('jobshop')!.version, scenario: 'ta01', policy: 'mwkr', seed: 1, scheme: 'active', params: {} });
    expect(out.result.schedule).toHaveLength(225);
    for (const op of out.result.schedule) {
      expect(Object.keys(op).sort()).toEqual(['end', 'job', 'machine', 'op', 'start']);
      expect(op.job).toBeGreaterThanOrEqual(0);
      expect(op.job).toBeLessThan(15);
      expect(op.machine).toBeGreaterThanOrEqual(0);
      expect(op.machine).toBeLessThan(15);
      expect(op.op).toBeGreaterThanOrEqual(0);
      expect(op.end).toBeGreaterThan(op.start);
    }
    expect(out.metrics.makespan).toBe(Math.max(...out.result.schedule.map((op: { end: number }) => op.end)));
  });

  it('gives the metrics and schedule of an in-process simulate() for the same inputs', async () => {
    const out = await runJson(['--scenario', 'ta01', '--policy', 'mwkr']);
    const expected = inProcess('ta01', 'mwkr');
    expect(out.metrics).toEqual(expected.metrics);
    expect(out.result.schedule).toEqual(expected.schedule);
  });

  it('passes scheme, seed, parameters and due dates through', async () => {
    const out = await runJson(['--scenario', 'ft06', '--policy', 'atc', '--param', 'k=0.5', '--scheme', 'non-delay', '--seed', '7', '--due-factor', '1.3']);
    expect(out).toMatchObject({ scheme: 'non-delay', seed: 7, params: { k: 0.5 }, options: { dueFactor: 1.3 } });
    const expected = inProcess('ft06', 'atc', { scheme: 'non-delay', seed: 7, params: { k: 0.5 } }, 1.3);
    expect(out.metrics).toEqual(expected.metrics);
    expect(out.metrics.totalTardiness).toBeTypeOf('number');
  });

  it('runs the insertion scheme and seeded breakdowns like simulate()', async () => {
    const out = await runJson(['--scenario', 'ft06', '--policy', 'random', '--scheme', 'insertion', '--seed', '3', '--mtbf', '40', '--mttr', '5']);
    const expected = inProcess('ft06', 'random', { scheme: 'insertion', seed: 3, breakdowns: { mtbf: 40, mttr: 5 } });
    expect(out.metrics).toEqual(expected.metrics);
    expect(out.result.downtime).toEqual(expected.downtime);
  });

  it('reads a scenario file and names the scenario after it', async () => {
    const out = await runJson(['--scenario-file', 'test/cli/fixtures/toy.txt', '--policy', 'spt']);
    expect(out.scenario).toBe('toy');
    expect(out.result.schedule).toHaveLength(8);
  });
});

describe('a policy file', () => {
  it('that reimplements MWKR gives exactly the metrics of the built-in, under every scheme', async () => {
    const schemes = ['active', 'non-delay', 'insertion'];
    const runs = await Promise.all(
      schemes.map((scheme) =>
        Promise.all([
          runJson(['--scenario', 'ta01', '--policy', 'mwkr', '--scheme', scheme]),
          runJson(['--scenario', 'ta01', '--policy-file', 'test/cli/fixtures/my-mwkr.ts', '--scheme', scheme]),
        ]),
      ),
    );
    for (const [builtin, user] of runs) {
      expect(user.policy).toBe('my-mwkr');
      expect(user.policyFile).toBe('test/cli/fixtures/my-mwkr.ts');
      expect(user.metrics).toEqual(builtin.metrics);
      expect(user.result.schedule).toEqual(builtin.result.schedule);
    }
  });

  it('takes --param within its declared range', async () => {
    const out = await runJson(['--scenario', 'ft06', '--policy-file', 'test/cli/fixtures/with-param.ts', '--param', 'w=2']);
    expect(out.params).toEqual({ w: 2 });
  });

  it('gets a Math.random seeded by the run: same seed, same schedule; another seed, another schedule', async () => {
    const args = ['--scenario', 'ta01', '--policy-file', 'test/cli/fixtures/math-random.ts'];
    const first = await runJson([...args, '--seed', '5']);
    const again = await runJson([...args, '--seed', '5']);
    const other = await runJson([...args, '--seed', '6']);
    expect(again.result.schedule).toEqual(first.result.schedule);
    expect(other.result.schedule).not.toEqual(first.result.schedule);
  });
});
