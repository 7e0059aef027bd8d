import { describe, expect, it } from 'vitest';
import { InputError } from '../../../engine/core/errors';
import { computeFragment, fragmentRate } from '../../../engine/vm/fragment';
import { compileScenario, initialPlacement } from '../../../engine/vm/compile';
import { parseVmr2l } from '../../../engine/vm/parsers/vmr2l';
import { loadSample, SAMPLE_TEXT } from './shared-data';

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

/** A two-host snapshot, pretty-printed so errors have distinct lines. */
function tiny(edit: (doc: any) => void = () => {}): string {
  const numa = (free: number) => ({ node: 0, total_cpu: 8, free_cpu: free, memory_huge_total_mb: 16384, memory_huge_free_mb: 0 });
  const doc = {
    cluster_list: [
      {
        cluster_name: 'c',
        host_info: [
          { node_id: 'h0', status: 'ACTIVE', node_cpu: 16, node_mem_mb: 32768, rack_id: 1, numa: [numa(4), { ...numa(8), node: 1 }] },
          { node_id: 'h1', status: 'DISABLED', node_cpu: 16, node_mem_mb: 32768, rack_id: 1, numa: [numa(8), { ...numa(8), node: 1 }] },
        ],
        vm_instance: [
          { instance_id: 'v0', instance_type: 't', host_id: 'h0', allow_migration: true, numa: [{ node: 0, cpu: 4, mem_mb: 8192 }] },
          { instance_id: 'v1', host_id: 'h1', numa: [{ node: 0, cpu: 2, mem_mb: 4096 }, { node: 1, cpu: 2, mem_mb: 4096 }] },
        ],
        vm_type_info: [],
        other_requirement: { deployment_set: [] },
      },
    ],
    vm_type_list: [],
    general_requirement: { maximum_migration: 7 },
  };
  edit(doc);
  return JSON.stringify(doc, null, 2);
}

describe('VMR2L loader', () => {
  it('loads the M sample: 280 PMs (279 active), 2,089 VMs, FR = 834/1394', () => {
    const scenario = loadSample();
    expect(scenario.pms).toHaveLength(280);
    expect(scenario.pms.filter((p) => p.status === 'active')).toHaveLength(279);
    expect(scenario.vms).toHaveLength(2089);
    expect(scenario.vms.filter((v) => v.numa === 'double')).toHaveLength(290);
    const compiled = compileScenario(scenario);
    const placement = initialPlacement(compiled);
    expect(computeFragment(compiled, placement.freeCpu)).toEqual({ fragmentCores: 834, freeCores: 1394 });
    expect(fragmentRate({ fragmentCores: 834, freeCores: 1394 })).toBeCloseTo(0.5983, 4);
    expect(scenario.migrationLimit).toBe(10000);
  });

  it('recomputes free resources from the VMs instead of trusting the file', () => {
    // The tiny file claims 4 free cores on h0 node 0 and 0 MB free memory everywhere; the VMs say otherwise.
    const compiled = compileScenario(parseVmr2l(tiny()));
    const placement = initialPlacement(compiled);
    expect(Array.from(placement.freeCpu)).toEqual([4, 8, 6, 6]);
    expect(Array.from(placement.freeMem)).toEqual([8192, 16384, 12288, 12288]);
    // Only the active PM counts: (4 + 8) free, fragments 4 + 8 with F = 16.
    expect(computeFragment(compiled, placement.freeCpu)).toEqual({ fragmentCores: 12, freeCores: 12 });
  });

  it('reads modes, racks and movability', () => {
    const scenario = parseVmr2l(tiny((d) => (d.cluster_list[0].vm_instance[0].allow_migration = false)));
    expect(scenario.vms[0]).toMatchObject({ id: 'v0', cpu: 4, memory: 8192, numa: 'single', node: 0, pm: 0, movable: false, type: 't' });
    expect(scenario.vms[1]).toMatchObject({ id: 'v1', cpu: 4, memory: 8192, numa: 'double', pm: 1 });
    expect(scenario.pms[1]).toMatchObject({ status: 'disabled', rack: 'c/1' });
  });

  it('names the line and column of a syntax error', () => {
    const error = inputError(() => parseVmr2l('{\n  "cluster_list": [,]\n}', { source: 'x.json' }));
    expect(error.where).toEqual({ source: 'x.json', line: 2, column: 20 });
    expect(error.message).toMatch(/^x\.json:2:20: invalid JSON: expected/);
  });

  it('names the JSON path and line of a schema error', () => {
    const text = tiny((d) => (d.cluster_list[0].vm_instance[1].host_id = 'nowhere'));
    const error = inputError(() => parseVmr2l(text, { source: 't.json' }));
    expect(error.detail).toBe('cluster_list[0].vm_instance[1].host_id is "nowhere", which is not a host_info node_id');
    const line = text.split('\n').findIndex((l) => l.includes('"nowhere"')) + 1;
    expect(error.where.line).toBe(line);
  });

  it.each([
    ['a missing cluster list', (d: any) => delete d.cluster_list, 'cluster_list is missing; expected an array of clusters'],
    ['an unknown status', (d: any) => (d.cluster_list[0].host_info[0].status = 'UP'), 'cluster_list[0].host_info[0].status is the string "UP"; expected "ACTIVE", "DISABLED" or "OUTAGE"'],
    ['a fractional node size', (d: any) => (d.cluster_list[0].host_info[0].numa[1].total_cpu = 7.5), "cluster_list[0].host_info[0].numa[1].total_cpu is number 7.5; expected the node's cores (a whole number >= 0)"],
    ['unequal halves', (d: any) => (d.cluster_list[0].vm_instance[1].numa[1].cpu = 4), 'cluster_list[0].vm_instance[1].numa[1] is 4 cores / 4096 MB but node 0 has 2 / 4096; a double-NUMA VM takes equal halves'],
    ['a repeated host', (d: any) => (d.cluster_list[0].host_info[1].node_id = 'h0'), 'cluster_list[0].host_info[1].node_id repeats "h0", already used at cluster_list[0].host_info[0]'],
    ['a node out of order', (d: any) => (d.cluster_list[0].host_info[0].numa[1].node = 0), 'cluster_list[0].host_info[0].numa[1].node is number 0; expected node 1'],
  ])('rejects %s', (_name, edit, detail) => {
    expect(inputError(() => parseVmr2l(tiny(edit))).detail).toBe(detail);
  });

  it('rejects a node whose VMs exceed its capacity, naming the host', () => {
    const text = tiny((d) => (d.cluster_list[0].vm_instance[0].numa[0].cpu = 12));
    expect(inputError(() => parseVmr2l(text, { source: 't.json' })).message).toBe(
      't.json: PM h0 node 0 is over capacity: its VMs exceed its cpu by 4 cores',
    );
  });

  it('the sample text is one line, and a bad value in it still gets line 1 and a column', () => {
    const broken = SAMPLE_TEXT.replace('"status": "ACTIVE"', '"status": "BROKEN"');
    const error = inputError(() => parseVmr2l(broken, { source: 's.json' }));
    expect(error.detail).toMatch(/^cluster_list\[0\]\.host_info\[0\]\.status is the string "BROKEN"/);
    expect(error.where.line).toBe(1);
    expect(error.where.column).toBeGreaterThan(1);
  });
});
