import { describe, expect, it } from 'vitest';
import { findEngine } from '../../engine';
import greedy from '../../engine/vm/policies/greedy';
import { simulate } from '../../engine/vm/simulate';
import { loadSample } from '../engine/vm/shared-data';
import { runCli, stderrLines } from './run-cli';

const SAMPLE = '../shared/data/vm/vmr2l_M_reset_vm_pm0.json';

describe('schedlab run vm / list vm', () => {
  it('--json prints one object: metrics with frBefore/frAfter and the migrations with the snapshot ids, as in-process', async () => {
    const outcome = await runCli(['run', 'vm', '--scenario-file', SAMPLE, '--policy', 'greedy', '--mnl', '50', '--json']);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(outcome.stdout);
    expect(out).toMatchObject({ engine: 'vm', engineVersion: findEngine('vm')!.version, scenario: 'vmr2l_M_reset_vm_pm0', policy: 'greedy', seed: 1, mnl: 50, params: {} });
    const expected = simulate(loadSample(), greedy, { migrationLimit: 50 });
    expect(out.metrics).toEqual(expected.metrics);
    expect(out.metrics.migrations).toBe(19);
    expect(out.metrics.frAfter).toBe(530 / 1394);
    expect(out.result.migrations).toEqual(expected.migrations.map(({ vm, from, to }) => ({ vm, from, to })));
    expect(Object.keys(out.result.migrations[0]).sort()).toEqual(['from', 'to', 'vm']);
  });

  it('stops at --mnl and prints a summary without --json', async () => {
    const outcome = await runCli(['run', 'vm', '--scenario-file', SAMPLE, '--policy', 'greedy', '--mnl', '4']);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('FR        0.5983 -> 0.5524  (834 -> 770 fragment cores of 1394 free)');
    expect(outcome.stdout).toContain('migrations 4 (stopped at the MNL)');
  });

  it('names a bad policy (exit 2) and a bad file with its line (exit 1)', async () => {
    const bad = await runCli(['run', 'vm', '--scenario-file', SAMPLE, '--policy', 'gredy']);
    expect(bad.code).toBe(2);
    expect(stderrLines(bad)).toEqual(['schedlab: unknown policy "gredy"; did you mean greedy? (policies: greedy, ffd, bfd, search, mip, k8s-least-allocated, k8s-most-allocated, k8s-balanced)']);
    const file = await runCli(['run', 'vm', '--scenario-file', 'package.json', '--policy', 'greedy']);
    expect(file.code).toBe(1);
    expect(stderrLines(file)).toEqual(['schedlab: package.json:1:1: cluster_list is missing; expected an array of clusters']);
  });

  it('list vm --json lists the built-in policies', async () => {
    const outcome = await runCli(['list', 'vm', '--json']);
    expect(outcome.code).toBe(0);
    const out = JSON.parse(outcome.stdout);
    expect(out.policies.map((p: { id: string; modes: string[] }) => [p.id, p.modes.join('+')])).toEqual([
      ['greedy', 'rescheduling'],
      ['ffd', 'rescheduling'],
      ['bfd', 'rescheduling'],
      ['search', 'rescheduling'],
      ['mip', 'rescheduling'],
      ['k8s-least-allocated', 'placement'],
      ['k8s-most-allocated', 'placement'],
      ['k8s-balanced', 'placement'],
    ]);
    expect(out.formats).toEqual(['vmr2l', 'azure-vmtable', 'alibaba-2018']);
    expect(out.scenarios.map((e: { id: string }) => e.id)).toContain('vmr2l-m');
  });
});
