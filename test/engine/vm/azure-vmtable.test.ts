import { describe, expect, it } from 'vitest';
import { InputError } from '../../../engine/core/errors';
import { parseAzureVmtable } from '../../../engine/vm/parsers/azure-vmtable';
import { parseVmScenario } from '../../../engine/vm/parsers';

/** vmid, subscriptionid, deploymentid, vmcreated, vmdeleted, maxcpu, avgcpu, p95maxcpu, vmcategory, cores, memory GB. */
const TRACE = [
  'a,s1,d1,0,100,50.1,10.2,40.3,Interactive,4,8',
  'b,s1,d1,0,5000,50,10,40,Interactive,4,8',
  'c,s2,d2,10,5000,50,10,40,Delay-insensitive,2,4',
  'd,s2,d2,20,50,50,10,40,Unknown,8,16',
  '',
  'e,s3,d3,200,900,50,10,40,Unknown,2,3.5',
  'f,s3,d3,2000,9000,50,10,40,Unknown,4,8',
].join('\n');

const SMALL_PM = { nodes: 2, coresPerNode: 8, memoryPerNode: 32_768 } as const;

const errorOf = (run: () => unknown): InputError => {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
};

describe('parseAzureVmtable', () => {
  const scenario = parseAzureVmtable(TRACE, { source: 'vmtable.csv', time: 150, horizon: 1800, pms: 2, pm: SMALL_PM });

  it('replays the trace to t: the VMs alive at t, where best fit left them after the exits before t', () => {
    expect(scenario.name).toBe('vmtable');
    expect(scenario.pms.map((p) => p.nodes.map((n) => n.cpu))).toEqual([[8, 8], [8, 8]]);
    // a and b filled pm-0 node 0, c went to pm-0 node 1, d to pm-1; a and d left before t = 150.
    expect(scenario.vms.map((v) => [v.id, v.pm, v.node, v.cpu, v.memory])).toEqual([
      ['b', 0, 0, 4, 8192],
      ['c', 0, 1, 2, 4096],
    ]);
  });

  it('turns creates and deletes in (t, t + horizon] into events, times relative to t', () => {
    const listed = (s: typeof scenario) => s.events!.map((e) => [e.time, e.kind, e.kind === 'create' ? e.vm.id : e.vm]);
    // f is created at 2000 = t + 1850, past the 1800 s horizon; b and c leave at 5000, past it too.
    expect(listed(scenario)).toEqual([
      [50, 'create', 'e'],
      [750, 'delete', 'e'],
    ]);
    const longer = parseAzureVmtable(TRACE, { time: 150, horizon: 4850, pms: 2, pm: SMALL_PM });
    expect(listed(longer)).toEqual([
      [50, 'create', 'e'],
      [750, 'delete', 'e'],
      [1850, 'create', 'f'],
      [4850, 'delete', 'b'],
      [4850, 'delete', 'c'],
    ]);
    expect(scenario.events!.find((e) => e.kind === 'create' && e.vm.id === 'e')).toMatchObject({ vm: { cpu: 2, memory: 3584 } });
  });

  it('first fit and best fit differ where they should', () => {
    const trace = ['x,s,d,0,99,1,1,1,U,4,1', 'y,s,d,1,99,1,1,1,U,6,1', 'z,s,d,2,99,1,1,1,U,2,1'].join('\n');
    const place = (scheduler: 'first-fit' | 'best-fit') =>
      parseAzureVmtable(trace, { time: 10, pms: 1, pm: SMALL_PM, scheduler }).vms.map((v) => `${v.id}:${v.node}`);
    expect(place('first-fit')).toEqual(['x:0', 'y:1', 'z:0']);
    expect(place('best-fit')).toEqual(['x:0', 'y:1', 'z:1']);
  });

  it('opens PMs as needed when no count is given, and reads V2 open buckets as the next power of two', () => {
    const trace = ['big,s,d,0,99,1,1,1,U,>24,>64', 'huge,s,d,0,99,1,1,1,U,48,200', 'tiny,s,d,0,99,1,1,1,U,1,0.75'].join('\n');
    const s = parseAzureVmtable(trace, { time: 5 });
    expect(s.vms.map((v) => [v.id, v.cpu, v.memory, v.numa])).toEqual([
      ['big', 32, 128 * 1024, 'single'],
      ['huge', 48, 200 * 1024, 'double'],
      ['tiny', 1, 768, 'single'],
    ]);
    expect(s.pms.length).toBe(2);
  });

  it('keeps a deployment apart as an anti-affinity group when asked', () => {
    const trace = ['p,s,web,0,99,1,1,1,U,2,1', 'q,s,web,1,99,1,1,1,U,2,1', 'r,s,solo,2,99,1,1,1,U,2,1'].join('\n');
    const s = parseAzureVmtable(trace, { time: 10, pm: SMALL_PM, antiAffinity: 'host' });
    expect(s.antiAffinity).toEqual([{ granularity: 'host', vms: ['p', 'q'] }]);
    expect(s.vms.find((v) => v.id === 'p')!.pm).not.toBe(s.vms.find((v) => v.id === 'q')!.pm);
    expect(parseAzureVmtable(trace, { time: 10, pm: SMALL_PM }).antiAffinity).toBeUndefined();
  });

  it('a VM with no room on a fixed cluster is an error naming its line, or pending when asked', () => {
    const trace = ['a,s,d,0,99,1,1,1,U,8,1', 'b,s,d,1,99,1,1,1,U,8,1', 'c,s,d,2,99,1,1,1,U,8,1'].join('\n');
    const error = errorOf(() => parseAzureVmtable(trace, { source: 't.csv', time: 10, pms: 1, pm: SMALL_PM }));
    expect(error.where).toEqual({ source: 't.csv', line: 3 });
    expect(error.message).toMatch(/^t\.csv:3: VM "c" finds no room/);
    const s = parseAzureVmtable(trace, { time: 10, pms: 1, pm: SMALL_PM, overflow: 'pending' });
    expect(s.pending!.map((v) => v.id)).toEqual(['c']);
  });

  it('is reachable through parseVmScenario', () => {
    expect(parseVmScenario(TRACE, { format: 'azure-vmtable', time: 150, pms: 2, pm: SMALL_PM }).vms).toHaveLength(2);
  });
});

describe('parseAzureVmtable errors name the line, the column and the column name', () => {
  const bad = (line: string, row = 2) => errorOf(() => parseAzureVmtable(`a,s,d,0,10,1,1,1,U,2,4\n${line}`, { source: 'v.csv', time: 5 }));

  it.each([
    ['b,s,d,zero,10,1,1,1,U,2,4', 'vmcreated', 7, /expected a creation time/],
    ['b,s,d,5,1,1,1,1,U,2,4', 'vmdeleted', 9, /a time >= vmcreated \(5\)/],
    ['b,s,d,0,10,1,1,1,U,<2,4', 'vm core count', 20, /a core count > 0 or a bucket/],
    ['b,s,d,0,10,1,1,1,U,2,', 'vm memory (GB)', 22, /found an empty field/],
    ['b,s,d,0,10,1,1,1,U,0,4', 'vm core count', 20, /a core count > 0/],
  ])('%s -> column "%s" at column %i', (line, column, at, pattern) => {
    const error = bad(line);
    expect(error.where).toEqual({ source: 'v.csv', line: 2, column: at });
    expect(error.message).toContain(`v.csv:2:${at}: column "${column}"`);
    expect(error.message).toMatch(pattern);
  });

  it('a short row, a repeated id, a quote and a VM larger than a PM', () => {
    expect(bad('b,s,d,0,10').message).toMatch(/^v\.csv:2: expected 11 comma-separated fields .* found 5/);
    expect(bad('a,s,d,0,10,1,1,1,U,2,4').message).toMatch(/^v\.csv:2:1: column "vmid": "a" repeats the VM of line 1/);
    expect(bad('"b",s,d,0,10,1,1,1,U,2,4').where).toEqual({ source: 'v.csv', line: 2, column: 1 });
    expect(bad('b,s,d,0,10,1,1,1,U,96,4').message).toMatch(/^v\.csv:2: VM "b" \(96 cores/);
  });

  it('refuses bad options', () => {
    expect(() => parseAzureVmtable('', { time: -1 })).toThrow(/time is -1/);
    expect(() => parseAzureVmtable('', { pms: 0 })).toThrow(/pms is 0/);
  });
});
