import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, stderrLines } from './run-cli';

/** A small VMR2L snapshot: two 2 x 16-core hosts, three VMs, and `expected` new 4-core VMs to place. */
function snapshot(expected: number): string {
  const host = (id: string) => ({ node_id: id, status: 'ACTIVE', rack_id: 1, numa: [0, 1].map((node) => ({ node, total_cpu: 16, memory_huge_total_mb: 32768 })) });
  const vm = (id: string, hostId: string, node: number, cpu: number) => ({ instance_id: id, host_id: hostId, numa: [{ node, cpu, mem_mb: cpu * 2048 }] });
  const file = {
    cluster_list: [{ cluster_name: 'c', host_info: [host('h0'), host('h1')], vm_instance: [vm('a', 'h0', 0, 14), vm('b', 'h0', 1, 4), vm('c', 'h1', 0, 2)] }],
    vm_type_list: [{ vm_type: 'ecs.c1.xlarge', request_cpu: 4, request_mem_mb: 8192, numa: 1, expected_newly_created_num: expected }],
  };
  const dir = mkdtempSync(join(tmpdir(), 'schedlab-vm-'));
  writeFileSync(join(dir, 'small.json'), JSON.stringify(file));
  return join(dir, 'small.json');
}

describe('schedlab run vm: placement, drift and objectives', () => {
  it('places the snapshot\'s expected new VMs with a Kubernetes scorer', async () => {
    const outcome = await runCli(['run', 'vm', '--scenario-file', snapshot(3), '--policy', 'k8s-most-allocated', '--json']);
    expect(outcome.stderr).toBe('');
    const out = JSON.parse(outcome.stdout);
    expect(out.mode).toBe('placement');
    expect(out.metrics).toMatchObject({ placed: 3, unplaced: 0, placedTopPriority: 3 });
    // MostAllocated packs: h0 (18 of 32 cores used) takes new VMs before the nearly empty h1.
    expect(out.result.placements[0]).toEqual({ vm: 'new-ecs.c1.xlarge-0', to: { pm: 'h0', numa: [1] } });
  });

  it('says when a policy cannot run in the scenario\'s mode', async () => {
    const outcome = await runCli(['run', 'vm', '--scenario-file', snapshot(2), '--policy', 'greedy']);
    expect(outcome.code).toBe(1);
    expect(stderrLines(outcome)).toEqual(['schedlab: policy "greedy": gives no nextPlacement(), which a run in placement mode calls']);
  });

  it('runs with drift and a declared decision time, and reports it; checks the flag values', async () => {
    const outcome = await runCli(['run', 'vm', '--scenario-file', snapshot(0), '--policy', 'greedy', '--drift', 'on', '--decision-seconds', '2.5', '--json']);
    expect(outcome.stderr).toBe('');
    const out = JSON.parse(outcome.stdout);
    expect(out.drift).toBe(true);
    expect(out.metrics).toMatchObject({ decisionSeconds: 2.5, dropped: 0 });
    expect(out.result.dropped).toEqual([]);
    const bad = await runCli(['run', 'vm', '--scenario-file', snapshot(0), '--policy', 'greedy', '--drift', 'maybe']);
    expect(bad.code).toBe(2);
    expect(stderrLines(bad)).toEqual(['schedlab: --drift "maybe" is not one of: on, off']);
    const orphan = await runCli(['run', 'vm', '--scenario-file', snapshot(0), '--policy', 'greedy', '--decision-seconds', '1']);
    expect(stderrLines(orphan)).toEqual(['schedlab: --decision-seconds needs --drift on']);
  });

  it('reports the consolidation objective when asked', async () => {
    const outcome = await runCli(['run', 'vm', '--scenario-file', snapshot(0), '--policy', 'ffd', '--objective', 'consolidation', '--json']);
    const out = JSON.parse(outcome.stdout);
    expect(out.objectives).toEqual([
      { metric: 'pmsUsedAfter', direction: 'min' },
      { metric: 'migrations', direction: 'min' },
    ]);
    expect(out.metrics.pmsUsedBefore).toBe(2);
  });
});

describe('schedlab run vm --scenario and drift with a drawn churn stream', () => {
  it('runs a catalogue scenario; with --drift on a snapshot without events gets seeded churn, and a long decision drops moves', async () => {
    const args = ['run', 'vm', '--scenario', 'vmr2l-m', '--policy', 'greedy', '--mnl', '50', '--json', '--drift', 'on'];
    const quick = JSON.parse((await runCli([...args, '--decision-seconds', '0'])).stdout);
    const slow = JSON.parse((await runCli([...args, '--decision-seconds', '600'])).stdout);
    expect(quick.churn).toEqual({ rate: 30, seconds: 3600, seed: 1 });
    expect(quick.metrics).toMatchObject({ arrivals: 0, exits: 0, dropped: 0 });
    expect(quick.metrics.frAfter).toBe(quick.metrics.frPlanned);
    // Ten minutes of churn at 30 changes a minute: about 300 arrivals and exits, and part of the plan is gone.
    expect(slow.metrics.arrivals + slow.metrics.exits).toBeGreaterThan(200);
    expect(slow.metrics.dropped).toBeGreaterThan(0);
    expect(slow.metrics.planned).toBe(quick.metrics.planned);
    expect(slow.result.dropped[0].reason).toMatch(/exited|free|anti-affinity/);
  });

  it('names an unknown scenario with a suggestion', async () => {
    const outcome = await runCli(['run', 'vm', '--scenario', 'vmr2l-x', '--policy', 'greedy']);
    expect(outcome.code).toBe(2);
    expect(stderrLines(outcome)[0]).toMatch(/^schedlab: unknown scenario "vmr2l-x"; did you mean vmr2l-[sml]\?/);
  });
});

describe('schedlab run vm --policy-file', () => {
  it('runs a copy of the greedy policy from a file in a worker thread, with the same metrics as the built-in', async () => {
    const sample = '../shared/data/vm/vmr2l_M_reset_vm_pm0.json';
    const builtin = JSON.parse((await runCli(['run', 'vm', '--scenario-file', sample, '--policy', 'greedy', '--mnl', '30', '--json'])).stdout);
    const file = await runCli(['run', 'vm', '--scenario-file', sample, '--policy-file', 'engine/vm/policies/greedy.ts', '--mnl', '30', '--json']);
    expect(file.stderr).toBe('');
    const out = JSON.parse(file.stdout);
    expect(out.metrics).toEqual(builtin.metrics);
    expect(out.result.migrations).toEqual(builtin.result.migrations);
  });

  it('stops a policy file that loops forever at its budget, and names a broken one by line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'schedlab-vm-policy-'));
    const loop = join(dir, 'loop.ts');
    writeFileSync(loop, "export default { id: 'loop', label: 'l', description: 'loops', nextMigration: () => { for (;;) {} } };\n");
    const looped = await runCli(['run', 'vm', '--scenario-file', snapshot(0), '--policy-file', loop, '--budget', '1']);
    expect(looped.code).toBe(1);
    expect(stderrLines(looped)[0]).toContain('ran past its budget of 1 s');
    const broken = join(dir, 'broken.ts');
    writeFileSync(broken, "const policy = {\n  id: 'b', label: 'b', description: 'throws',\n  nextMigration: () => { throw new Error('no idea'); },\n};\nexport default policy;\n");
    const failed = await runCli(['run', 'vm', '--scenario-file', snapshot(0), '--policy-file', broken]);
    expect(failed.code).toBe(1);
    expect(stderrLines(failed)[0]).toMatch(/broken\.ts:3.*no idea/);
  });
});
