import { describe, expect, it } from 'vitest';
import { CATALOGUE, findScenario } from '../../engine/jobshop/catalogue';
import { parseInstance } from '../../engine/jobshop/parsers';
import { BUILTIN_POLICIES } from '../../engine/jobshop/policies';
import { runCli } from './run-cli';

describe.concurrent('schedlab list', () => {
  it('--json lists every scenario and policy', async () => {
    const { code, stdout, stderr } = await runCli(['list', 'jobshop', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.scenarios.map((s: { id: string }) => s.id)).toEqual(CATALOGUE.map((s) => s.id));
    expect(out.scenarios.find((s: { id: string }) => s.id === 'ta01')).toMatchObject({ jobs: 15, machines: 15 });
    expect(out.policies.map((p: { id: string }) => p.id)).toEqual(BUILTIN_POLICIES.map((p) => p.id));
    for (const p of out.policies) {
      expect(p).toHaveProperty('label');
      expect(p).toHaveProperty('description');
      expect(Array.isArray(p.params)).toBe(true);
    }
  });

  it('prints a readable overview', async () => {
    const { code, stdout } = await runCli(['list', 'jobshop']);
    expect(code).toBe(0);
    expect(stdout).toContain('ta01 … ta10');
    expect(stdout).toContain('mwkr');
  });
});

describe.concurrent('schedlab show', () => {
  it('prints a catalogue instance in the standard format, which reads back to the same instance', async () => {
    const { code, stdout, stderr } = await runCli(['show', 'jobshop', '--scenario', 'ta01', '--format', 'standard']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('15 15');
    const reread = parseInstance(stdout, { format: 'standard', name: 'ta01' });
    expect(reread.jobs).toEqual(findScenario('ta01')!.create().jobs);
  });

  it('converts a scenario file to JSON', async () => {
    const { code, stdout } = await runCli(['show', 'jobshop', '--scenario-file', 'test/cli/fixtures/toy.txt', '--format', 'json']);
    expect(code).toBe(0);
    const instance = JSON.parse(stdout);
    expect(instance).toMatchObject({ name: 'toy', machineCount: 3 });
    expect(instance.jobs).toHaveLength(3);
  });

  it('reports a malformed file with its line', async () => {
    const { code, stdout, stderr } = await runCli(['show', 'jobshop', '--scenario-file', 'test/cli/fixtures/malformed.txt']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim()).toMatch(/^schedlab: test\/cli\/fixtures\/malformed\.txt:3:7: /);
  });
});

describe.concurrent('other commands', () => {
  it('demo compares the rules with tabu search, which finds the ft06 optimum', async () => {
    const { code, stdout, stderr } = await runCli(['demo']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('ft06 scheduled by tabu search (makespan 55)');
    for (const label of ['SPT', 'MWKR', 'MOPNR', 'Tabu search']) expect(stdout).toContain(label);
    expect(stdout).not.toContain('\u001b[');
  });

  it('--help and no arguments print usage and succeed', async () => {
    for (const args of [[], ['--help'], ['run', '--help'], ['help', 'show']]) {
      const { code, stdout } = await runCli(args);
      expect(code).toBe(0);
      expect(stdout).toMatch(/Usage: schedlab/);
    }
  });

  it("a policy file's console output goes to stderr, so --json stdout stays one object", async () => {
    const { code, stdout, stderr } = await runCli(['run', 'jobshop', '--scenario', 'ft06', '--policy-file', 'test/cli/fixtures/chatty.ts', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).policy).toBe('chatty');
    expect(stderr).toContain('first decision at 0');
  });

  it('a human-readable run shows the gap to the best known makespan and, on request, a Gantt chart', async () => {
    const { code, stdout } = await runCli(['run', 'jobshop', '--scenario', 'ft06', '--policy', 'mwkr', '--gantt']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/gap to best known\s+21\.8%/);
    expect(stdout).toMatch(/^M5 │/m);
  });
});
