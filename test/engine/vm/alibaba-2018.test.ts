import { describe, expect, it } from 'vitest';
import { InputError } from '../../../engine/core/errors';
import { parseAlibaba2018 } from '../../../engine/vm/parsers/alibaba-2018';

/** machine_id, time_stamp, failure_domain_1, failure_domain_2, cpu_num, mem_size, status */
const MACHINES = ['m_1,0,1,a,96,100,USING', 'm_2,0,2,b,96,100,USING', 'm_1,500,3,a,96,100,USING', 'm_3,0,1,c,64,50,USING', 'm_3,1000,1,c,64,50,OFFLINE'].join('\n');
/** container_id, machine_id, time_stamp, app_du, status, cpu_request, cpu_limit, mem_size */
const CONTAINERS = [
  'c_1,m_1,0,app_1,started,400,400,1.5',
  'c_2,m_1,0,app_1,started,1600,1600,3',
  'c_3,m_2,0,app_2,started,250,400,2',
  'c_4,m_2,100,app_1,started,800,800,1',
  'c_4,m_2,3000,app_1,stopped,800,800,1',
  'c_5,m_9,0,app_3,started,100,100,1',
  'c_6,m_1,5000,app_2,started,5000,5000,10',
].join('\r\n');

const errorOf = (run: () => unknown): InputError => {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
};

describe('parseAlibaba2018', () => {
  const files = { machineMeta: MACHINES, containerMeta: CONTAINERS };

  it('takes the latest row per machine and container at or before t', () => {
    const s = parseAlibaba2018(files, { time: 2000 });
    expect(s.pms.map((p) => [p.id, p.status, p.rack, p.nodes])).toEqual([
      ['m_1', 'active', 'fd-3', [{ cpu: 96, memory: 102_400 }]],
      ['m_2', 'active', 'fd-2', [{ cpu: 96, memory: 102_400 }]],
      ['m_3', 'disabled', 'fd-1', [{ cpu: 64, memory: 51_200 }]],
    ]);
    // c_5's machine is unknown; c_6 starts after t; c_3 asks 2.5 cores, counted as 3.
    expect(s.vms.map((v) => [v.id, v.pm, v.cpu, v.memory, v.numa])).toEqual([
      ['c_1', 0, 4, 1536, 'single'],
      ['c_2', 0, 16, 3072, 'single'],
      ['c_3', 1, 3, 2048, 'single'],
      ['c_4', 1, 8, 1024, 'single'],
    ]);
  });

  it('without a time every row counts: c_4 has stopped and c_6 is there', () => {
    const s = parseAlibaba2018(files);
    expect(s.vms.map((v) => v.id)).toEqual(['c_1', 'c_2', 'c_3', 'c_6']);
  });

  it('splits machines into two NUMA halves on request; a container over half a machine is double-NUMA', () => {
    const s = parseAlibaba2018(files, { splitNuma: true, memoryScale: 2000 });
    expect(s.pms[0].nodes).toEqual([{ cpu: 48, memory: 100_000 }, { cpu: 48, memory: 100_000 }]);
    expect(s.vms.find((v) => v.id === 'c_6')).toMatchObject({ cpu: 50, numa: 'double', pm: 0 });
    expect(s.vms.find((v) => v.id === 'c_1')).toMatchObject({ numa: 'single', node: 0 });
  });

  it('app_du groups become anti-affinity groups at the granularity asked for', () => {
    const s = parseAlibaba2018(files, { time: 2000, antiAffinity: 'rack' });
    expect(s.antiAffinity).toEqual([{ granularity: 'rack', vms: ['c_1', 'c_2', 'c_4'] }]);
    expect(parseAlibaba2018(files, { time: 2000 }).antiAffinity).toBeUndefined();
  });
});

describe('parseAlibaba2018 errors name the file, line and column', () => {
  it('a bad number in either file, wherever its time', () => {
    const machine = errorOf(() => parseAlibaba2018({ machineMeta: `${MACHINES}\nm_4,9999,1,a,many,100,USING`, containerMeta: CONTAINERS }, { time: 0 }));
    expect(machine.where).toEqual({ source: 'machine_meta.csv', line: 6, column: 14 });
    expect(machine.message).toMatch(/column "cpu_num": expected a core count >= 1, found "many"/);
    const container = errorOf(() =>
      parseAlibaba2018({ machineMeta: MACHINES, containerMeta: `${CONTAINERS}\r\nc_7,m_1,0,app_1,started,-5,0,1` }, { sources: { containerMeta: 'cm.csv' } }),
    );
    expect(container.where).toEqual({ source: 'cm.csv', line: 8, column: 25 });
    expect(container.message).toContain('column "cpu_request"');
  });

  it('a wrong field count, an odd core count with splitNuma, and an over-full machine', () => {
    expect(errorOf(() => parseAlibaba2018({ machineMeta: 'm_1,0,1,a,96', containerMeta: '' })).message).toMatch(/^machine_meta\.csv:1: expected 7 comma-separated fields/);
    const odd = errorOf(() => parseAlibaba2018({ machineMeta: 'm_1,0,1,a,95,100,USING', containerMeta: '' }, { splitNuma: true }));
    expect(odd.where).toMatchObject({ line: 1, column: 11 });
    const full = errorOf(() => parseAlibaba2018({ machineMeta: 'm_1,0,1,a,4,100,USING', containerMeta: 'c_1,m_1,0,a,started,300,300,1\nc_2,m_1,0,a,started,200,200,1' }));
    expect(full.where).toEqual({ source: 'container_meta.csv', line: 2 });
    expect(full.message).toMatch(/container "c_2" \(2 cores, 1024 MB\) does not fit machine "m_1" \(line 1 of machine_meta.csv\)/);
  });
});
